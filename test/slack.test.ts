import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BOT_SCOPES, createSlackAdapter } from "../adapters/slack/index.js";
import { SLASH_COMMAND } from "../adapters/slack/listeners.js";
import { mrkdwnLink, plainTextOf, toMrkdwn } from "../adapters/slack/text.js";
import { loadSlackConfig } from "../adapters/slack/config.js";
import { ConfigError } from "../src/config.js";
import { startServer, type RunningServer } from "../src/server.js";
import { MemoryStateStore } from "../src/state/memory.js";
import { RedisStateStore } from "../src/state/redis.js";
import type { StateStore } from "../src/state/types.js";
import { FakeSlack, slackSignature, type FakeSocketMode, type SlackCall } from "./fake-slack.js";
import { createServices } from "../src/services.js";
import { ROOT, captureLogs, deleteKeys, findRedis, testConfig, testServices } from "./helpers.js";

const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

let fake: FakeSlack;

function slackEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_API_URL: fake.apiUrl,
    ...extra,
  };
}

async function startSlackServer(
  store: StateStore = new MemoryStateStore({ ttlSeconds: 3600 }),
  env = slackEnv(),
) {
  const services = await testServices(store);
  return { services, running: await startServer(services, [createSlackAdapter(env)]) };
}

interface SendOptions {
  secret?: string;
  timestamp?: number;
  headers?: Record<string, string>;
  unsigned?: boolean;
}

async function send(server: RunningServer, body: string, contentType: string, options: SendOptions = {}) {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { "Content-Type": contentType, ...options.headers };
  if (!options.unsigned) {
    headers["X-Slack-Request-Timestamp"] = String(timestamp);
    headers["X-Slack-Signature"] = slackSignature(options.secret ?? SECRET, timestamp, body);
  }
  return fetch(`${server.url}/slack/events`, { method: "POST", headers, body });
}

let counter = 0;
function nextTs(): string {
  counter++;
  return `1700001234.${String(counter).padStart(6, "0")}`;
}

/** An Events API delivery as Slack documents it (event_callback). */
function eventBody(
  event: Record<string, unknown>,
  eventId = `Ev${randomUUID().slice(0, 8)}`,
  team = "T1",
): string {
  return JSON.stringify({
    token: "legacy-verification-token",
    team_id: team,
    api_app_id: "A1",
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: team, user_id: "UBOT", is_bot: true, is_enterprise_install: false }],
    event,
  });
}

function mention(text: string, overrides: Record<string, unknown> = {}) {
  const ts = nextTs();
  return {
    type: "app_mention",
    user: "U123",
    text,
    ts,
    channel: "C100",
    event_ts: ts,
    team: "T1",
    ...overrides,
  };
}

function directMessage(text: string, overrides: Record<string, unknown> = {}) {
  const ts = nextTs();
  return {
    type: "message",
    channel_type: "im",
    user: "U123",
    text,
    ts,
    channel: "D100",
    event_ts: ts,
    ...overrides,
  };
}

function sendEvent(
  server: RunningServer,
  event: Record<string, unknown>,
  eventId?: string,
  headers?: Record<string, string>,
) {
  return send(server, eventBody(event, eventId), "application/json", { headers });
}

/** A slash command's form body as Slack documents it; each has a trigger_id of its own. */
function slashCommandForm(text: string, responseName: string, triggerId = `13345224609.${randomUUID()}`) {
  return new URLSearchParams({
    token: "legacy",
    team_id: "T1",
    team_domain: "stadt",
    channel_id: "C200",
    channel_name: "planung",
    user_id: "U123",
    user_name: "sachbearbeiterin",
    command: "/beteiligung",
    text,
    api_app_id: "A1",
    response_url: fake.responseUrl(responseName),
    trigger_id: triggerId,
  }).toString();
}

/** Everything a message's blocks say, as one string. */
function blockText(call: SlackCall | undefined): string {
  return JSON.stringify(call?.body.blocks ?? []);
}

const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  fake = new FakeSlack();
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
});

describe("Slack settings", () => {
  it("leave Slack off when none is given", () => {
    expect(loadSlackConfig({})).toBeUndefined();
    expect(loadSlackConfig({ SLACK_API_URL: "https://slack-gov.com/api/" })).toBeUndefined();
  });

  it("name what is missing when they are incomplete", () => {
    expect(() => loadSlackConfig({ SLACK_BOT_TOKEN: "xoxb-1" })).toThrow(/SLACK_SIGNING_SECRET/);
    expect(() => loadSlackConfig({ SLACK_SIGNING_SECRET: "s" })).toThrow(/SLACK_BOT_TOKEN/);
    expect(() => loadSlackConfig({ SLACK_SIGNING_SECRET: "s", SLACK_CLIENT_ID: "1.2" })).toThrow(
      /SLACK_CLIENT_SECRET[\s\S]*SLACK_STATE_SECRET/,
    );
    expect(() => loadSlackConfig({ SLACK_APP_TOKEN: "xapp-1" })).toThrow(/SLACK_BOT_TOKEN/);
    expect(() => loadSlackConfig({ SLACK_SIGNING_SECRET: "s", SLACK_BOT_TOKEN: "xoxp-user" })).toThrow(
      ConfigError,
    );
  });

  it("choose the mode from what is given", () => {
    expect(loadSlackConfig({ SLACK_SIGNING_SECRET: "s", SLACK_BOT_TOKEN: "xoxb-1" })).toMatchObject({
      mode: "single",
      apiUrl: "https://slack.com/api/",
    });
    expect(loadSlackConfig({ SLACK_APP_TOKEN: "xapp-1", SLACK_BOT_TOKEN: "xoxb-1" })).toMatchObject({
      mode: "socket",
    });
    expect(
      loadSlackConfig({
        SLACK_SIGNING_SECRET: "s",
        SLACK_CLIENT_ID: "1.2",
        SLACK_CLIENT_SECRET: "c",
        SLACK_STATE_SECRET: "a-long-state-secret",
        SLACK_API_URL: "https://slack-gov.com/api",
      }),
    ).toMatchObject({ mode: "oauth", apiUrl: "https://slack-gov.com/api/" });
  });

  it("stop the start with Slack's reason when the bot token is rejected", async () => {
    fake.tokenValid = false;
    try {
      const services = await testServices();
      await expect(startServer(services, [createSlackAdapter(slackEnv())])).rejects.toThrow(/invalid_auth/);
    } finally {
      fake.tokenValid = true;
    }
  });
});

describe("Slack over HTTP", () => {
  let running: RunningServer;
  let store: StateStore;

  beforeAll(async () => {
    store = new MemoryStateStore({ ttlSeconds: 3600 });
    ({ running } = await startSlackServer(store));
  });
  afterAll(async () => {
    await running.close();
  });
  beforeEach(() => {
    fake.reset();
  });

  it("answers Slack's url_verification challenge", async () => {
    const body = JSON.stringify({
      token: "t",
      challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
      type: "url_verification",
    });
    const response = await send(running, body, "application/json");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
    });
  });

  it("answers an @mention in its thread, with header, facts, sources, follow-ups and feedback", async () => {
    const event = mention("<@UBOT> Was ist ein Bürgerrat?");
    const started = Date.now();
    const response = await sendEvent(running, event);
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    const [post] = await fake.waitFor("chat.postMessage");
    expect(post?.token).toBe("xoxb-test-token");
    expect(post?.body).toMatchObject({ channel: "C100", thread_ts: event.ts });
    const blocks = post?.body.blocks as { type: string; text?: { text: string }; fields?: unknown[] }[];
    expect(blocks[0]).toMatchObject({ type: "header", text: { text: "Bürgerrat" } });
    expect(blocks.some((block) => block.type === "section" && Array.isArray(block.fields))).toBe(true);
    expect(blockText(post)).toContain("Quellen");
    expect(blockText(post)).toContain('\\"type\\":\\"feedback\\"');
    expect(String(post?.body.text)).toContain("Bürgerrat");
  });

  it("answers a direct message at the top level, in the user's Slack locale", async () => {
    fake.userLocale = "en-GB";
    try {
      // A word that is no language of its own, from a user whose Slack speaks English.
      await sendEvent(running, directMessage(":wave:", { user: "U456" }));
      const [post] = await fake.waitFor("chat.postMessage");
      expect(post?.body.channel).toBe("D100");
      expect(post?.body.thread_ts).toBeUndefined();
      expect(blockText(post)).toContain("citizen participation");
      expect(fake.callsOf("users.info")[0]?.body).toMatchObject({ user: "U456", include_locale: "true" });
    } finally {
      fake.userLocale = "de-DE";
    }
  });

  it("keeps the thread's context for a follow-up question", async () => {
    const first = mention("<@UBOT> Was ist eine Planungszelle?");
    await sendEvent(running, first);
    await fake.waitFor("chat.postMessage");
    await sendEvent(running, mention("<@UBOT> Risiken?", { thread_ts: first.ts }));
    const posts = await fake.waitFor("chat.postMessage", 2);
    expect(posts[1]?.body.thread_ts).toBe(first.ts);
    expect(blockText(posts[1])).toContain("Planungszelle");
  });

  function slashCommand(text: string, responseName: string) {
    return send(running, slashCommandForm(text, responseName), "application/x-www-form-urlencoded");
  }

  it("answers the slash command only to the user, via its response_url", async () => {
    const response = await slashCommand("publikation", "command-1");
    expect(response.status).toBe(200);
    const [answer] = await fake.waitFor("respond/command-1");
    expect(answer?.body.response_type).toBe("ephemeral");
    expect(blockText(answer)).toMatch(/Bertelsmann/);
    expect(fake.callsOf("chat.postMessage")).toHaveLength(0);
  });

  it("shows what it can do for a slash command without words", async () => {
    await slashCommand("", "command-2");
    const [answer] = await fake.waitFor("respond/command-2");
    expect(blockText(answer)).toContain("Beteiligungslotse");
  });

  function buttonClick(
    value: unknown,
    message: Record<string, unknown>,
    container: Record<string, unknown> = {},
  ) {
    const payload = {
      type: "block_actions",
      user: { id: "U123", username: "sachbearbeiterin", team_id: "T1" },
      api_app_id: "A1",
      token: "legacy",
      container: {
        type: "message",
        message_ts: message.ts,
        channel_id: "C100",
        is_ephemeral: false,
        ...container,
      },
      trigger_id: "1.2.3",
      team: { id: "T1", domain: "stadt" },
      channel: { id: "C100", name: "planung" },
      message,
      response_url: fake.responseUrl("click"),
      actions: [
        {
          action_id: "lotse:0",
          block_id: "b1",
          text: { type: "plain_text", text: "x" },
          value: JSON.stringify(value),
          type: "button",
          action_ts: "1700000000.1",
        },
      ],
    };
    return send(
      running,
      `payload=${encodeURIComponent(JSON.stringify(payload))}`,
      "application/x-www-form-urlencoded",
    );
  }

  /** The bot's own message a button sits on, as block_actions payloads carry it. */
  function botMessage(ts: string, threadTs?: string) {
    return { type: "message", ts, ...(threadTs ? { thread_ts: threadTs } : {}), user: "UBOT", text: "…" };
  }

  it("answers a follow-up button in the same thread", async () => {
    const message = botMessage("1700000100.000100", "1700000099.000001");
    const response = await buttonClick({ type: "section", entryId: "buergerrat", section: "risks" }, message);
    expect(response.status).toBe(200);
    const [post] = await fake.waitFor("chat.postMessage");
    expect(post?.body).toMatchObject({ channel: "C100", thread_ts: "1700000099.000001" });
    expect(blockText(post)).toContain("Risiken");
  });

  it("records 👍/👎 per entry and thanks only the voter", async () => {
    const message = botMessage("1700000200.000100", "1700000199.000001");
    const before = await store.feedbackFor("planungszelle");
    await buttonClick({ type: "feedback", entryId: "planungszelle", helpful: true }, message);
    const [thanks] = await fake.waitFor("chat.postEphemeral");
    expect(thanks?.body).toMatchObject({ channel: "C100", user: "U123", thread_ts: "1700000199.000001" });
    expect(JSON.stringify(thanks?.body)).toContain("Danke");
    expect(await store.feedbackFor("planungszelle")).toEqual({ ...before, helpful: before.helpful + 1 });
    expect(fake.callsOf("chat.postMessage")).toHaveLength(0);
  });

  it("ignores a button whose value it did not send", async () => {
    const message = botMessage("1700000300.000100");
    const response = await buttonClick({ type: "delete-everything" }, message);
    expect(response.status).toBe(200);
    await settle();
    expect(fake.calls.filter((call) => call.method.startsWith("chat."))).toHaveLength(0);
  });

  it("publishes the App Home tab with examples and the publication link", async () => {
    await sendEvent(running, {
      type: "app_home_opened",
      user: "U123",
      channel: "D100",
      tab: "home",
      event_ts: nextTs(),
    });
    const [publish] = await fake.waitFor("views.publish");
    expect(publish?.body.user_id).toBe("U123");
    const view = publish?.body.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe("home");
    const text = JSON.stringify(view.blocks);
    expect(text).toContain("Planungszelle");
    expect(text).toContain("bertelsmann-stiftung.de");
    // The abilities beyond single questions: follow-ups, comparisons and the method finder.
    expect(text).toContain("Bürgerrat oder Planungszelle?");
    expect(text).toContain("Methode finden");
  });

  it.each([
    ["a wrong signature", { secret: "not-the-secret" }],
    ["missing signature headers", { unsigned: true }],
    ["a timestamp older than five minutes", { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
  ] as [string, SendOptions][])(
    "refuses a request with %s (401) and posts nothing",
    async (_name, options) => {
      const response = await send(
        running,
        eventBody(mention("<@UBOT> Was ist ein Bürgerrat?")),
        "application/json",
        options,
      );
      expect(response.status).toBe(401);
      await settle();
      expect(fake.calls.filter((call) => call.method !== "users.info")).toHaveLength(0);
    },
  );

  it("answers an event delivered twice and as a retry exactly once", async () => {
    const event = mention("<@UBOT> Was ist ein Bürgerrat?");
    const eventId = "EvDUPLICATE1";
    await sendEvent(running, event, eventId);
    await sendEvent(running, event, eventId);
    await sendEvent(running, event, eventId, {
      "X-Slack-Retry-Num": "1",
      "X-Slack-Retry-Reason": "http_timeout",
    });
    await fake.waitFor("chat.postMessage");
    await settle(500);
    expect(fake.callsOf("chat.postMessage")).toHaveLength(1);
  });

  it("answers a retry that is the only delivery", async () => {
    await sendEvent(running, mention("<@UBOT> Bürgerhaushalt"), "EvONLYRETRY1", {
      "X-Slack-Retry-Num": "2",
      "X-Slack-Retry-Reason": "http_error",
    });
    await fake.waitFor("chat.postMessage");
  });

  it("retries a rate-limited post after Slack's Retry-After", async () => {
    fake.rateLimited.set("chat.postMessage", 1);
    await sendEvent(running, mention("<@UBOT> Was ist ein World Café?"));
    const [post] = await fake.waitFor("chat.postMessage", 1, 8_000);
    expect(fake.callsOf("chat.postMessage (429)")).toHaveLength(1);
    expect(blockText(post)).toContain("World");
  }, 10_000);

  it.each([
    ["a bot's message", directMessage("Was ist ein Bürgerrat?", { bot_id: "B999", user: undefined })],
    ["its own message", directMessage("Was ist ein Bürgerrat?", { user: "UBOT" })],
    ["a message edit", { ...directMessage(""), subtype: "message_changed", message: { text: "Bürgerrat?" } }],
    [
      "a channel join",
      {
        type: "message",
        subtype: "channel_join",
        channel_type: "channel",
        user: "U123",
        text: "<@U123> has joined",
        channel: "C100",
        ts: nextTs(),
      },
    ],
    [
      "a channel message without mention",
      { ...directMessage("Bürgerrat?"), channel_type: "channel", channel: "C100" },
    ],
  ])("does not answer %s", async (_name, event) => {
    const response = await sendEvent(running, event);
    expect(response.status).toBe(200);
    await settle();
    expect(fake.callsOf("chat.postMessage")).toHaveLength(0);
  });

  it.each([
    ["an empty mention", "<@UBOT>"],
    ["only an emoji", "<@UBOT> :wave:"],
    ["40 KB of text", `<@UBOT> ${"Bürgerrat ".repeat(4_000)}`],
    ["other users and @channel", "<@UBOT> <!channel> <@U999|kollegin> was ist ein Bürgerrat?"],
    ["links and Lunr syntax", "<@UBOT> <https://example.org/a?b=1&amp;c=2|Link> title:Bürgerrat~2^3 -+*"],
  ])("gives %s a sensible reply", async (_name, text) => {
    const response = await sendEvent(running, mention(text));
    expect(response.status).toBe(200);
    const [post] = await fake.waitFor("chat.postMessage");
    const blocks = post?.body.blocks as unknown[];
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(blockText(post)).not.toMatch(/Error|at \w+ \(/);
  });

  it("reads a mention with a colleague's name as the question around it", async () => {
    await sendEvent(running, mention("<@UBOT> <@U999> fragt: was ist ein Bürgerrat?"));
    const [post] = await fake.waitFor("chat.postMessage");
    expect(blockText(post)).toContain("Bürgerrat");
  });
});

describe("Slack requests at the platform boundary", () => {
  let running: RunningServer;
  const { logger, lines } = captureLogs("debug");

  beforeAll(async () => {
    const services = await createServices(testConfig(), logger, new MemoryStateStore({ ttlSeconds: 3600 }));
    running = await startServer(services, [createSlackAdapter(slackEnv())]);
  });
  afterAll(async () => {
    await running.close();
  });
  beforeEach(() => {
    fake.reset();
    lines.length = 0;
  });

  const MARKER = "Geheimnis-im-Payload-4711";
  it.each([
    ["a mention whose text is not a string", mention("x", { text: { marker: MARKER } })],
    ["a mention without channel", { ...mention(`<@UBOT> ${MARKER}`), channel: undefined }],
    ["a message whose user is null", directMessage(MARKER, { user: null })],
    ["an event that is null", null],
  ])("answers %s with 200 at once, ignores it and logs it once without content", async (_name, event) => {
    const started = Date.now();
    const response = await send(
      running,
      eventBody(event as unknown as Record<string, unknown>),
      "application/json",
    );
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1_000);
    await settle();
    expect(fake.calls.filter((call) => call.method !== "users.info")).toHaveLength(0);
    const logged = lines.filter((line) => line.includes("malformed Slack request ignored"));
    expect(logged).toHaveLength(1);
    expect(lines.join("")).not.toContain(MARKER);
  });

  it("answers a malformed slash command and button click with 200 and nothing else", async () => {
    const form = new URLSearchParams(slashCommandForm(MARKER, "malformed"));
    form.delete("channel_id");
    expect((await send(running, form.toString(), "application/x-www-form-urlencoded")).status).toBe(200);
    const click = { type: "block_actions", user: null, actions: [{ action_id: "lotse:0", value: MARKER }] };
    const clicked = await send(
      running,
      `payload=${encodeURIComponent(JSON.stringify(click))}`,
      "application/x-www-form-urlencoded",
    );
    expect(clicked.status).toBe(200);
    await settle();
    expect(fake.calls).toHaveLength(0);
    expect(lines.join("")).not.toContain(MARKER);
  });

  it.each([
    ["a request type it does not handle", JSON.stringify({ type: "view_submission", view: {} })],
    ["an event type it does not handle", eventBody({ type: "reaction_added", user: "U1", item: {} })],
    ["a body without a type", JSON.stringify({ hello: "world" })],
  ])("answers %s with 200 at once, not after Bolt's three seconds", async (_name, body) => {
    const started = Date.now();
    const response = await send(running, body, "application/json");
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it.each([
    ["an @mention", mention("<@UBOT> Was ist ein Bürgerrat?", { bot_id: "B999", user: "U777" })],
    ["a direct message", directMessage("Was ist ein Bürgerrat?", { bot_id: "B999", user: "U777" })],
  ])("never answers %s from a bot, even one that carries a user", async (_name, event) => {
    expect((await sendEvent(running, event)).status).toBe(200);
    await settle();
    expect(fake.callsOf("chat.postMessage")).toHaveLength(0);
  });

  it("refuses a request dated more than five minutes in the future (401)", async () => {
    const response = await send(running, eventBody(mention("<@UBOT> Bürgerrat")), "application/json", {
      timestamp: Math.floor(Date.now() / 1000) + 6 * 60,
    });
    expect(response.status).toBe(401);
    await settle();
    expect(fake.callsOf("chat.postMessage")).toHaveLength(0);
  });

  it("answers a slash command that arrives twice (same trigger_id) once", async () => {
    const form = slashCommandForm("publikation", "replayed", "1111.2222.replayed");
    const first = await send(running, form, "application/x-www-form-urlencoded");
    const second = await send(running, form, "application/x-www-form-urlencoded");
    expect([first.status, second.status]).toEqual([200, 200]);
    await fake.waitFor("respond/replayed");
    await settle(500);
    expect(fake.callsOf("respond/replayed")).toHaveLength(1);
  });
});

const redisUrl = await findRedis();

/** Two Slack servers on one Redis under `prefix`, started before the suite's tests and stopped after. */
function twoInstancesSharing(prefix: string): RunningServer[] {
  const stores: RedisStateStore[] = [];
  const servers: RunningServer[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const store = await RedisStateStore.connect(redisUrl ?? "", {
        ttlSeconds: 600,
        feedbackTtlSeconds: 600,
        prefix,
      });
      stores.push(store);
      servers.push((await startSlackServer(store)).running);
    }
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    for (const store of stores) await store.close();
    await deleteKeys(redisUrl ?? "", prefix);
  });
  return servers;
}

describe.skipIf(!redisUrl)("Slack with two instances sharing one Redis", () => {
  const prefix = `test-slack-${randomUUID()}:`;
  const servers = twoInstancesSharing(prefix);
  beforeEach(() => {
    fake.reset();
  });

  it("answers an event delivered to both exactly once, and remembers its id for at least ten minutes", async () => {
    const event = mention("<@UBOT> Was ist ein Bürgerrat?");
    const [first, second] = servers as [RunningServer, RunningServer];
    await Promise.all([
      sendEvent(first, event, "EvTWOINSTANCES"),
      sendEvent(second, event, "EvTWOINSTANCES"),
    ]);
    await sendEvent(second, event, "EvTWOINSTANCES", { "X-Slack-Retry-Num": "1" });
    await fake.waitFor("chat.postMessage");
    await settle(500);
    expect(fake.callsOf("chat.postMessage")).toHaveLength(1);
    const admin = new Redis(redisUrl ?? "");
    const ttl = await admin.ttl(`${prefix}claim:slack:event:EvTWOINSTANCES`);
    await admin.quit();
    expect(ttl).toBeGreaterThanOrEqual(600);
  });
});

describe.skipIf(!redisUrl)("Slack slash commands with two instances sharing one Redis", () => {
  const prefix = `test-slack-command-${randomUUID()}:`;
  const servers = twoInstancesSharing(prefix);

  it("answers a slash command replayed to the other instance once, claimed by its trigger_id", async () => {
    fake.reset();
    const form = slashCommandForm("publikation", "two-instances", "2222.3333.two-instances");
    const [first, second] = servers as [RunningServer, RunningServer];
    await Promise.all([
      send(first, form, "application/x-www-form-urlencoded"),
      send(second, form, "application/x-www-form-urlencoded"),
    ]);
    await fake.waitFor("respond/two-instances");
    await settle(500);
    expect(fake.callsOf("respond/two-instances")).toHaveLength(1);
    const admin = new Redis(redisUrl ?? "");
    const ttl = await admin.ttl(`${prefix}claim:slack:command:2222.3333.two-instances`);
    await admin.quit();
    expect(ttl).toBeGreaterThan(5 * 60);
  });
});

describe("Slack over Socket Mode", () => {
  let running: RunningServer;
  let socket: FakeSocketMode;

  beforeAll(async () => {
    socket = await fake.startSocketMode();
    fake.reset();
    ({ running } = await startSlackServer(
      undefined,
      slackEnv({ SLACK_APP_TOKEN: "xapp-1-A1-test", SLACK_SIGNING_SECRET: "" }),
    ));
  });
  afterAll(async () => {
    await running.close();
  });

  it("opens its connection with the app token", () => {
    const [open] = fake.callsOf("apps.connections.open");
    expect(open?.token).toBe("xapp-1-A1-test");
    expect(socket.connections).toBe(1);
  });

  it("acknowledges an @mention envelope and answers in its thread", async () => {
    fake.reset();
    const event = mention("<@UBOT> Was ist eine Planungszelle?");
    socket.send({
      envelope_id: "env-mention-1",
      type: "events_api",
      accepts_response_payload: false,
      retry_attempt: 0,
      payload: JSON.parse(eventBody(event)) as unknown,
    });
    await socket.waitForAck("env-mention-1");
    const [post] = await fake.waitFor("chat.postMessage");
    expect(post?.token).toBe("xoxb-test-token");
    expect(post?.body).toMatchObject({ channel: "C100", thread_ts: event.ts });
    expect(blockText(post)).toContain("Planungszelle");
  });

  it("answers an event that arrives again as a retry exactly once", async () => {
    fake.reset();
    const payload = JSON.parse(eventBody(mention("<@UBOT> Bürgerhaushalt"), "EvSOCKETRETRY")) as unknown;
    socket.send({ envelope_id: "env-retry-1", type: "events_api", retry_attempt: 0, payload });
    socket.send({ envelope_id: "env-retry-2", type: "events_api", retry_attempt: 1, payload });
    await socket.waitForAck("env-retry-1");
    await socket.waitForAck("env-retry-2");
    await fake.waitFor("chat.postMessage");
    await settle(500);
    expect(fake.callsOf("chat.postMessage")).toHaveLength(1);
  });

  it("acknowledges a malformed envelope and passes it to no listener", async () => {
    fake.reset();
    const payload = JSON.parse(eventBody(mention("<@UBOT> Bürgerrat", { channel: undefined }))) as unknown;
    socket.send({ envelope_id: "env-malformed-1", type: "events_api", retry_attempt: 0, payload });
    await socket.waitForAck("env-malformed-1");
    await settle();
    expect(fake.callsOf("chat.postMessage")).toHaveLength(0);
    expect(fake.callsOf("users.info")).toHaveLength(0);
  });

  it("acknowledges the slash command and answers only the user", async () => {
    fake.reset();
    socket.send({
      envelope_id: "env-command-1",
      type: "slash_commands",
      accepts_response_payload: true,
      payload: {
        token: "legacy",
        team_id: "T1",
        team_domain: "stadt",
        channel_id: "C100",
        channel_name: "planung",
        user_id: "U123",
        user_name: "sachbearbeiterin",
        command: SLASH_COMMAND,
        text: "Risiken einer Planungszelle",
        api_app_id: "A1",
        response_url: fake.responseUrl("socket-command"),
        trigger_id: "1.2.3",
      },
    });
    await socket.waitForAck("env-command-1");
    const [answer] = await fake.waitFor("respond/socket-command");
    expect(answer?.body.response_type).toBe("ephemeral");
    expect(blockText(answer)).toContain("Planungszelle");
    expect(fake.callsOf("chat.postMessage")).toHaveLength(0);
  });

  it("closes its connection when the server stops", async () => {
    const other = await startSlackServer(
      undefined,
      slackEnv({ SLACK_APP_TOKEN: "xapp-1-A1-test", SLACK_SIGNING_SECRET: "" }),
    );
    expect(socket.connections).toBe(2);
    await other.running.close();
    await settle(200);
    expect(socket.connections).toBe(1);
  });
});

describe("Slack installs over OAuth", () => {
  let running: RunningServer;
  let store: StateStore;
  const env = () =>
    slackEnv({
      SLACK_BOT_TOKEN: "",
      SLACK_CLIENT_ID: "1111.2222",
      SLACK_CLIENT_SECRET: "client-secret",
      SLACK_STATE_SECRET: "state-secret-of-sufficient-length",
    });

  beforeAll(async () => {
    store = new MemoryStateStore({ ttlSeconds: 3600 });
    ({ running } = await startSlackServer(store, env()));
  });
  afterAll(async () => {
    await running.close();
  });
  beforeEach(() => {
    fake.reset();
  });

  it("installs into a workspace, keeps the installation and answers there with its token", async () => {
    const install = await fetch(`${running.url}/slack/install`, { redirect: "manual" });
    expect(install.status).toBe(302);
    const authorize = new URL(install.headers.get("location") ?? "");
    expect(authorize.pathname).toBe("/oauth/v2/authorize");
    expect(authorize.searchParams.get("client_id")).toBe("1111.2222");
    expect(authorize.searchParams.get("scope")).toBe(
      "app_mentions:read,chat:write,commands,im:history,users:read",
    );
    const state = authorize.searchParams.get("state") ?? "";
    const cookie = (install.headers.get("set-cookie") ?? "").split(";")[0] ?? "";

    const callback = await fetch(`${running.url}/slack/oauth_redirect?code=temporary-code&state=${state}`, {
      headers: { Cookie: cookie },
    });
    expect(callback.status).toBe(200);
    expect(fake.callsOf("oauth.v2.access")[0]?.body).toMatchObject({ code: "temporary-code" });
    const stored = JSON.parse((await store.getRecord("slack:installation:team:T2")) ?? "{}") as {
      bot?: { token?: string };
    };
    expect(stored.bot?.token).toBe("xoxb-installed-token");

    await send(
      running,
      eventBody(mention("<@UBOT2> Was ist ein Bürgerrat?", { team: "T2" }), undefined, "T2"),
      "application/json",
    );
    const [post] = await fake.waitFor("chat.postMessage");
    expect(post?.token).toBe("xoxb-installed-token");
  });

  it("refuses an install callback without the state it issued", async () => {
    const callback = await fetch(`${running.url}/slack/oauth_redirect?code=temporary-code&state=forged`);
    expect(callback.status).toBeGreaterThanOrEqual(400);
    expect(fake.callsOf("oauth.v2.access")).toHaveLength(0);
  });

  it("forgets a workspace that uninstalls the app", async () => {
    await store.putRecord(
      "slack:installation:team:T3",
      JSON.stringify({ team: { id: "T3" }, bot: { token: "xoxb-t3", userId: "UB3", id: "B3" } }),
    );
    await send(
      running,
      eventBody({ type: "app_uninstalled", event_ts: nextTs() }, undefined, "T3"),
      "application/json",
    );
    const started = Date.now();
    while ((await store.getRecord("slack:installation:team:T3")) && Date.now() - started < 3000)
      await settle(50);
    expect(await store.getRecord("slack:installation:team:T3")).toBeUndefined();
  });
});

describe("Slack app manifest", () => {
  it("asks for the scopes the OAuth install requests and the events and command the app handles", async () => {
    const text = await readFile(path.join(ROOT, "adapters/slack/manifest.yml"), "utf8");
    // gray-matter's YAML parser reads the manifest as a front-matter block.
    const manifest = matter(`---\n${text}\n---\n`).data as {
      oauth_config: { scopes: { bot: string[] } };
      settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean } };
      features: { slash_commands: { command: string }[]; app_home: { home_tab_enabled: boolean } };
    };
    expect(manifest.oauth_config.scopes.bot).toEqual(BOT_SCOPES);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(["app_mention", "message.im", "app_home_opened", "app_uninstalled"]),
    );
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.slash_commands[0]?.command).toBe(SLASH_COMMAND);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });
});

describe("Slack markup", () => {
  it("renders the core's bold text and links as escaped mrkdwn", () => {
    expect(toMrkdwn("**Ablauf** & [Seite a|b](https://example.org/a?b=1&c=2) <tag>")).toBe(
      "*Ablauf* &amp; <https://example.org/a?b=1&amp;c=2|Seite a/b> &lt;tag&gt;",
    );
    expect(mrkdwnLink("https://example.org/x|y", "Quelle")).toBe("<https://example.org/x%7Cy|Quelle>");
  });

  it("reads a message as its words, without the bot's mention or @here", () => {
    expect(
      plainTextOf("<@UBOT> <@U9|anna> <!here> siehe <https://x.org|Link> &amp; <#C1|planung>", "UBOT"),
    ).toBe("anna siehe Link & #planung");
  });
});
