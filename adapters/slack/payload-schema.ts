import { z } from "zod";

/**
 * The shapes of the Slack requests the bot handles, checked after Bolt has verified the signature and
 * before Bolt or a listener reads them: only the fields the listeners use are checked; anything else
 * passes as it is.
 */
const id = z.string().min(1);
const optionalString = z.string().optional();

const appMentionEvent = z.looseObject({
  type: z.literal("app_mention"),
  text: z.string(),
  channel: id,
  ts: id,
  user: optionalString,
  bot_id: optionalString,
  subtype: optionalString,
  thread_ts: optionalString,
  team: optionalString,
});

const messageEvent = z.looseObject({
  type: z.literal("message"),
  channel: id,
  channel_type: optionalString,
  text: optionalString,
  user: optionalString,
  bot_id: optionalString,
  subtype: optionalString,
  thread_ts: optionalString,
});

const appHomeOpenedEvent = z.looseObject({
  type: z.literal("app_home_opened"),
  user: id,
  tab: optionalString,
});

const appUninstalledEvent = z.looseObject({ type: z.literal("app_uninstalled") });

const eventCallback = z.looseObject({
  type: z.literal("event_callback"),
  event_id: id,
  team_id: optionalString,
  event: z.discriminatedUnion("type", [
    appMentionEvent,
    messageEvent,
    appHomeOpenedEvent,
    appUninstalledEvent,
  ]),
});

const slashCommand = z.looseObject({
  command: id,
  text: z.string(),
  team_id: id,
  channel_id: id,
  user_id: id,
  response_url: z.url({ protocol: /^https?$/ }),
  trigger_id: id,
});

const blockActions = z.looseObject({
  type: z.literal("block_actions"),
  user: z.looseObject({ id }),
  actions: z.array(z.looseObject({ action_id: z.string(), value: optionalString })).min(1),
  container: z.looseObject({
    type: optionalString,
    is_ephemeral: z.boolean().optional(),
    thread_ts: optionalString,
  }),
  team: z.looseObject({ id }).nullish(),
  channel: z.looseObject({ id }).nullish(),
  message: z.looseObject({ thread_ts: optionalString }).nullish(),
  response_url: z.url({ protocol: /^https?$/ }).optional(),
});

const HANDLED_EVENTS = new Set(["app_mention", "message", "app_home_opened", "app_uninstalled"]);

export type SlackRequestCheck =
  | { kind: "handled" }
  /** A request or event type no listener answers, named for the log. */
  | { kind: "unhandled"; type: string }
  /** Paths of the fields that are wrong, never their values. */
  | { kind: "malformed"; type: string; fields: string[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A type name safe to log: Slack's are short identifiers; anything else is not named. */
function typeName(value: unknown): string {
  return typeof value === "string" && /^[\w.:-]{1,40}$/.test(value) ? value : "unknown";
}

function checked(type: string, schema: z.ZodType, body: unknown): SlackRequestCheck {
  const result = schema.safeParse(body);
  if (result.success) return { kind: "handled" };
  const fields = [...new Set(result.error.issues.map((issue) => issue.path.map(String).join(".")))];
  return { kind: "malformed", type, fields: fields.map((field) => field || "(root)") };
}

/** Decides whether a verified Slack request goes on to Bolt, and if not, why not. */
export function checkSlackRequest(body: unknown): SlackRequestCheck {
  if (!isRecord(body)) return { kind: "malformed", type: "unknown", fields: ["(root)"] };
  if ("command" in body) return checked("command", slashCommand, body);
  if (body.type === "block_actions") return checked("block_actions", blockActions, body);
  if (body.type === "event_callback") {
    const event = body.event;
    if (isRecord(event) && typeof event.type === "string" && !HANDLED_EVENTS.has(event.type))
      return { kind: "unhandled", type: `event:${typeName(event.type)}` };
    return checked("event_callback", eventCallback, body);
  }
  return { kind: "unhandled", type: typeName(body.type) };
}
