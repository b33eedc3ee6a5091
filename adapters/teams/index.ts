import { MessageFactory, type Activity, type TurnContext } from "botbuilder";
import express, { type RequestHandler } from "express";
import { z } from "zod";
import type { Adapter } from "../../src/adapter.js";
import { languageOfLocale } from "../../src/core/language.js";
import type { Logger } from "../../src/logger.js";
import type { PendingWork } from "../../src/pending-work.js";
import type { Services } from "../../src/services.js";
import { ConfigError } from "../../src/config.js";
import {
  authenticationFailureStatus,
  authenticationOf,
  isEmulatorServiceUrl,
  isLoopbackHost,
  type AuthenticationOptions,
} from "./auth.js";
import { CheckedCloudAdapter } from "./checked-adapter.js";
import { loadTeamsConfig, type TeamsConfig } from "./config.js";
import { TeamsBot } from "./handler.js";
import { withoutLibraryConsole } from "./quiet-console.js";
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

const REFUSED = {
  401: "The request is not authenticated.",
  503: "The request cannot be authenticated at the moment; please retry.",
};

function messagesHandler(
  adapter: CheckedCloudAdapter,
  bot: TeamsBot,
  authenticated: boolean,
  pending: PendingWork,
  logger: Logger,
): RequestHandler {
  return (req, res, next) => {
    const parsed = activitySchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: "Not a Bot Framework activity." });
      return;
    }
    if (!authenticated && !isEmulatorServiceUrl(parsed.data.serviceUrl)) {
      res
        .status(403)
        .json({ error: "Without MicrosoftAppId only a local Bot Framework Emulator may connect." });
      return;
    }
    const activity = req.body as Activity;
    const authorization = req.headers.authorization ?? "";
    // Registered as pending work, so that a shutdown lets the turn finish and its reply be sent.
    pending
      .track(
        withoutLibraryConsole(logger, () => adapter.authenticate(activity, authorization)).then(
          async (request) => {
            const response = await adapter.run(request, activity, (context) => bot.run(context));
            res.status(response?.status ?? 200);
            if (response?.body !== undefined) res.send(response.body);
            else res.end();
          },
          (error: unknown) => {
            // The reason stays here: no token, a wrong one, or the signing keys out of reach.
            const status = authenticationFailureStatus(error);
            logger.warn({ status }, "Teams request refused: its token was not accepted");
            res.status(status).json({ error: REFUSED[status] });
          },
        ),
      )
      .catch(next);
  };
}

/**
 * Unauthenticated Teams is for the Emulator on this machine: listening on another interface needs an app
 * id, or the explicit TEAMS_ALLOW_UNAUTHENTICATED=true.
 */
function checkExposure(config: TeamsConfig, host: string, logger: Logger): void {
  if (config.auth || isLoopbackHost(host)) return;
  if (config.allowUnauthenticated) {
    logger.warn(
      { host },
      "Teams: HOST is not loopback and MicrosoftAppId is not set; TEAMS_ALLOW_UNAUTHENTICATED=true lets /api/messages run unauthenticated",
    );
    return;
  }
  const problem = `Teams: HOST=${host} is reachable from other machines, but without MicrosoftAppId /api/messages is unauthenticated; set MicrosoftAppId, a loopback HOST, TEAMS_ENABLED=false (no Teams) or TEAMS_ALLOW_UNAUTHENTICATED=true`;
  logger.error({ host }, problem);
  throw new ConfigError([problem]);
}

/**
 * The Microsoft Teams bot: botbuilder's CloudAdapter at /api/messages in the shared server, unless
 * TEAMS_ENABLED=false; without MicrosoftAppId it accepts unauthenticated requests, for the Bot Framework
 * Emulator.
 */
export function createTeamsAdapter(
  env: NodeJS.ProcessEnv = process.env,
  authentication: AuthenticationOptions = {},
): Adapter {
  return {
    name: "teams",
    mount(app, services: Services) {
      const config = loadTeamsConfig(env);
      if (!config.enabled) return false;
      const logger = services.logger.child({ adapter: "teams" });
      checkExposure(config, services.config.HOST, logger);
      const adapter = new CheckedCloudAdapter(authenticationOf(config, authentication));
      adapter.onTurnError = onTurnError(logger);
      const bot = new TeamsBot(services, logger);
      app.post(
        MESSAGES_PATH,
        express.json({ limit: BODY_LIMIT }),
        messagesHandler(adapter, bot, config.auth !== undefined, services.pending, logger),
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
      return loadTeamsConfig(env).enabled ? createTeamsSender(dependencies, env) : undefined;
    },
  };
}

export const teamsAdapter = createTeamsAdapter();
