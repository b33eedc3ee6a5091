import type { App, BlockAction, ButtonAction, webApi } from "@slack/bolt";
import { parseAction } from "../../src/core/action-schema.js";
import type { Action, Reply, Turn } from "../../src/core/types.js";
import type { Services } from "../../src/services.js";
import { isStoreUnavailable } from "../../src/state/unavailable.js";
import { ACTION_ID_PREFIX, renderReply, type SlackMessage } from "./blocks.js";
import { renderHome } from "./home.js";
import { slackPlace, slackScope } from "./place.js";
import { plainTextOf } from "./text.js";
import { UserLocales } from "./user-locales.js";

export const SLASH_COMMAND = "/beteiligung";
/**
 * Slack retries an unacknowledged event three times within minutes, and a signed request is accepted for
 * five minutes; event ids and slash commands' trigger_ids are remembered well beyond both.
 */
const EVENT_CLAIM_SECONDS = 2 * 60 * 60;
const PLATFORM = "slack";

/** Where an answer goes: a channel, and within it a thread or the top level. */
interface Destination {
  channel: string;
  threadTs?: string | undefined;
}

export function parseButtonValue(value: string | undefined): Action | undefined {
  if (!value) return undefined;
  try {
    return parseAction(JSON.parse(value));
  } catch {
    return undefined;
  }
}

/** The workspace and channel of a turn: where a weekly tip would go. */
interface Where {
  teamId: string;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
  channel: string;
}

function whereOf(
  context: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean },
  teamId: string,
  channel: string,
): Where {
  return {
    teamId,
    enterpriseId: context.enterpriseId,
    isEnterpriseInstall: context.isEnterpriseInstall,
    channel,
  };
}

/** A channel's conversation, or one thread in it: the unit whose context follow-up questions share. */
function conversationOf(teamId: string, channel: string, threadTs?: string): string {
  return threadTs ? `${teamId}:${channel}:${threadTs}` : `${teamId}:${channel}`;
}

/** The slash command's answers are the user's own, so is their context. */
function commandConversationOf(teamId: string, channel: string, userId: string): string {
  return `${teamId}:${channel}:command:${userId}`;
}

/** The key under which a request is claimed: an event by its id, a slash command by its trigger_id. */
function claimKeyOf(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  if ("event_id" in body && typeof body.event_id === "string") return `slack:event:${body.event_id}`;
  if ("command" in body && "trigger_id" in body && typeof body.trigger_id === "string")
    return `slack:command:${body.trigger_id}`;
  return undefined;
}

/** Message events that are not someone writing to the bot: edits, deletions, joins, bots. */
function isPlainUserMessage(event: { subtype?: string; bot_id?: string; user?: string }): boolean {
  const subtype = event.subtype;
  return (subtype === undefined || subtype === "file_share") && !event.bot_id && Boolean(event.user);
}

/**
 * Turns Slack events into the core's turns and posts its replies: direct messages, @mentions (answered
 * in their thread), the slash command (answered only to the user), buttons and the App Home tab.
 */
export function registerListeners(app: App, services: Services): void {
  const { bot, store } = services;
  const logger = services.logger.child({ adapter: PLATFORM });
  const locales = new UserLocales();

  /** The core's reply to one Slack user's turn, in their Slack locale, at the place it happened. */
  async function handle(
    client: webApi.WebClient,
    where: Where,
    slackUserId: string,
    turn: Pick<Turn, "text" | "action" | "conversationId">,
  ): Promise<Reply> {
    const profile = await locales.profile(client, where.teamId, slackUserId);
    return bot.handle({
      ...turn,
      platform: PLATFORM,
      userId: `${where.teamId}:${slackUserId}`,
      locale: profile.locale,
      userName: profile.name,
      place: slackPlace(where),
    });
  }

  async function post(client: webApi.WebClient, to: Destination, reply: Reply): Promise<void> {
    await client.chat.postMessage({ channel: to.channel, thread_ts: to.threadTs, ...renderReply(reply) });
  }

  // Each event is answered once, whichever instance gets which delivery: the first to claim its id
  // answers. A failed answer gives the claim back, so Slack's retry is answered instead of dropped. A
  // slash command is claimed by its trigger_id, so a replayed request is not answered a second time.
  app.use(async ({ body, next, ...args }) => {
    const key = claimKeyOf(body);
    if (!key) {
      await next();
      return;
    }
    const claimed = await store.claim(key, EVENT_CLAIM_SECONDS).catch((error: unknown) => {
      // Without the store an event may be answered twice, which beats not answering it. An outage of
      // the store is in the log once already.
      if (!isStoreUnavailable(error))
        logger.warn({ err: error }, "could not claim event; answering without deduplication");
      return true;
    });
    if (!claimed) {
      logger.debug({ claim: key.split(":")[1] }, "duplicate delivery ignored");
      if ("ack" in args && typeof args.ack === "function") await args.ack();
      return;
    }
    try {
      await next();
    } catch (error) {
      await store.release(key).catch(() => undefined);
      throw error;
    }
  });

  app.event("app_mention", async ({ event, client, context }) => {
    if (event.bot_id || !event.user || event.subtype) return;
    const teamId = context.teamId ?? event.team ?? "";
    const threadTs = event.thread_ts ?? event.ts;
    const reply = await handle(client, whereOf(context, teamId, event.channel), event.user, {
      text: plainTextOf(event.text, context.botUserId),
      conversationId: conversationOf(teamId, event.channel, threadTs),
    });
    await post(client, { channel: event.channel, threadTs }, reply);
  });

  app.event("message", async ({ event, client, context }) => {
    if (event.channel_type !== "im" || !isPlainUserMessage(event)) return;
    if (!("user" in event) || !event.user || !("text" in event)) return;
    const teamId = context.teamId ?? "";
    const threadTs = "thread_ts" in event ? event.thread_ts : undefined;
    const reply = await handle(client, whereOf(context, teamId, event.channel), event.user, {
      text: plainTextOf(event.text ?? "", context.botUserId),
      conversationId: conversationOf(teamId, event.channel, threadTs),
    });
    await post(client, { channel: event.channel, threadTs }, reply);
  });

  app.command(SLASH_COMMAND, async ({ command, ack, respond, client, context }) => {
    await ack();
    const teamId = context.teamId ?? command.team_id;
    const text = plainTextOf(command.text, context.botUserId);
    const reply = await handle(client, whereOf(context, teamId, command.channel_id), command.user_id, {
      // "/beteiligung" alone shows what it can do.
      text: text || "hilfe",
      conversationId: commandConversationOf(teamId, command.channel_id, command.user_id),
    });
    // Answers are the user's own, except those the channel should see (a subscription for all of it).
    const visibility = reply.audience === "place" ? "in_channel" : "ephemeral";
    await respond({ response_type: visibility, ...renderReply(reply) });
  });

  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^${ACTION_ID_PREFIX}`),
    async ({ ack, body, action, client, respond, context }) => {
      await ack();
      const teamId = context.teamId ?? body.team?.id ?? "";
      const userId = body.user.id;
      const parsed = parseButtonValue(action.value);
      if (!parsed) {
        logger.warn("button with an unknown value ignored");
        return;
      }
      // Bolt types both loosely; these are the fields Slack documents for block_actions.
      const container = body.container as { type?: string; is_ephemeral?: boolean; thread_ts?: string };
      const clicked = body.message as { thread_ts?: string } | undefined;
      const channel = body.channel?.id;
      const threadTs = clicked?.thread_ts ?? container.thread_ts;
      const onHome = container.type === "view" || !channel;
      const ephemeral = container.is_ephemeral === true;

      let conversationId = `${teamId}:home:${userId}`;
      if (!onHome && ephemeral) conversationId = commandConversationOf(teamId, channel, userId);
      else if (!onHome) conversationId = conversationOf(teamId, channel, threadTs);

      // A click on the home tab acts for the user's direct messages with the bot.
      const where = whereOf(context, teamId, onHome ? userId : channel);
      const reply = await handle(client, where, userId, { text: "", action: parsed, conversationId });
      const message: SlackMessage = renderReply(reply);
      if (ephemeral && reply.audience === "place" && !onHome) {
        await respond({ response_type: "in_channel", replace_original: false, ...message });
      } else if (ephemeral || (parsed.type === "feedback" && onHome)) {
        await respond({ response_type: "ephemeral", replace_original: false, ...message });
      } else if (onHome) {
        // A click on the home tab is answered in the user's direct messages with the bot.
        await client.chat.postMessage({ channel: userId, ...message });
      } else if (parsed.type === "feedback") {
        // The vote is the user's own business: only they see the thanks.
        await client.chat.postEphemeral({ channel, user: userId, thread_ts: threadTs, ...message });
      } else {
        await post(client, { channel, threadTs }, reply);
      }
    },
  );

  app.event("app_home_opened", async ({ event, client, context }) => {
    if (event.tab !== "home") return;
    const teamId = context.teamId ?? "";
    const overview = bot.overview(await locales.of(client, teamId, event.user), PLATFORM);
    await client.views.publish({ user_id: event.user, view: renderHome(overview) });
  });

  // A workspace that removes the app ends its weekly tips (and, with installs, takes its token with it).
  app.event("app_uninstalled", async ({ context }) => {
    const scope = slackScope(context.teamId ?? "", context.enterpriseId, context.isEnterpriseInstall);
    await services.tips.removeScope(PLATFORM, scope);
  });

  app.error((error) => {
    // Without the store, installations cannot be read (OAuth); the outage is in the log once already.
    const cause = "original" in error ? error.original : undefined;
    if (isStoreUnavailable(error) || isStoreUnavailable(cause)) return Promise.resolve();
    logger.error({ err: error }, "Slack event could not be answered");
    return Promise.resolve();
  });
}
