import { CloudAdapter, MessageFactory, type TurnContext } from "botbuilder";
import express, { type RequestHandler } from "express";
import { z } from "zod";
import type { Adapter } from "../../src/adapter.js";
import { languageOfLocale } from "../../src/core/language.js";
import type { Logger } from "../../src/logger.js";
import type { PendingWork } from "../../src/pending-work.js";
import type { Services } from "../../src/services.js";
import { authenticationOf, isLoopback } from "./auth.js";
import { loadTeamsConfig } from "./config.js";
import { TeamsBot } from "./handler.js";
import { ConversationReferences } from "./references.js";
import { createTeamsSender } from "./sender.js";

export const MESSAGES_PATH = "/api/messages";
/** Activities are small; a message of 40 KB with its entities and attachments still fits. */
const BODY_LIMIT = "256kb";

const TURN_FAILED = {
  de: "Entschuldigung, da ist etwas schiefgegangen. Bitte versuchen Sie es gleich noch einmal.",
  en: "Sorry, something went wrong. Please try again in a moment.",
};

/** What every activity the bot can answer carries; anything else is refused before authentication. */
const activitySchema = z.object({
  type: z.string().min(1),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  conversation: z.object({ id: z.string().min(1) }),
  from: z.object({ id: z.string() }),
  recipient: z.object({ id: z.string().min(1) }),
});

/** Errors are logged, never shown: a message gets a short apology in the user's language. */
function onTurnError(logger: Logger) {
  return async (context: TurnContext, error: Error) => {
    const { activity } = context;
    logger.error({ err: error, activityType: activity.type, name: activity.name }, "Teams turn failed");
    if (activity.type !== "message") return;
    const language = languageOfLocale(activity.locale) ?? "de";
    await context.sendActivity(MessageFactory.text(TURN_FAILED[language])).catch((sendError: unknown) => {
      logger.error({ err: sendError }, "Teams apology could not be sent");
    });
  };
}

function messagesHandler(
  adapter: CloudAdapter,
  bot: TeamsBot,
  authenticated: boolean,
  pending: PendingWork,
): RequestHandler {
  return (req, res, next) => {
    const parsed = activitySchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: "Not a Bot Framework activity." });
      return;
    }
    if (!authenticated && !isLoopback(parsed.data.serviceUrl)) {
      res
        .status(403)
        .json({ error: "Without MicrosoftAppId only a local Bot Framework Emulator may connect." });
      return;
    }
    // Registered as pending work, so that a shutdown lets the turn finish and its reply be sent.
    pending.track(adapter.process(req, res, (context) => bot.run(context))).catch(next);
  };
}

/**
 * The Microsoft Teams bot: botbuilder's CloudAdapter at /api/messages in the shared server. Always
 * mounted; without MicrosoftAppId it accepts unauthenticated requests, for the Bot Framework Emulator.
 */
export function createTeamsAdapter(env: NodeJS.ProcessEnv = process.env): Adapter {
  return {
    name: "teams",
    mount(app, services: Services) {
      const config = loadTeamsConfig(env);
      const logger = services.logger.child({ adapter: "teams" });
      const adapter = new CloudAdapter(authenticationOf(config));
      adapter.onTurnError = onTurnError(logger);
      const references = new ConversationReferences(services.store, config.referenceTtlSeconds);
      const bot = new TeamsBot(services, references, logger);
      app.post(
        MESSAGES_PATH,
        express.json({ limit: BODY_LIMIT }),
        messagesHandler(adapter, bot, config.auth !== undefined, services.pending),
      );
      if (config.auth) {
        logger.info({ appType: config.auth.MicrosoftAppType, path: MESSAGES_PATH }, "Teams connected");
      } else {
        logger.warn(
          "Teams: no MicrosoftAppId set, /api/messages accepts unauthenticated requests from a local Emulator – for local testing only",
        );
      }
      return true;
    },
    sender(dependencies) {
      return createTeamsSender(dependencies, env);
    },
  };
}

export const teamsAdapter = createTeamsAdapter();
