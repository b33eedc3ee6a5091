import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { withoutPayload } from "../adapters/slack/bolt-logger.js";
import { createSlackAdapter } from "../adapters/slack/index.js";
import { createTeamsAdapter } from "../adapters/teams/index.js";
import { webAdapter } from "../adapters/web/index.js";
import { loggerOptions } from "../src/logger.js";
import { startServer, type RunningServer } from "../src/server.js";
import { createServices } from "../src/services.js";
import { MemoryStateStore } from "../src/state/memory.js";
import { FakeSlack, slackSignature } from "./fake-slack.js";
import { testConfig, turn } from "./helpers.js";

/** A logger with the app's own options (redaction) whose output the test reads. */
function capture(level: string) {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: pino(loggerOptions(level), stream), lines };
}

describe("logging", () => {
  it("records what happened in a turn but never the message text", async () => {
    const { logger, lines } = capture("debug");
    const { bot } = await createServices(testConfig(), logger, new MemoryStateStore({ ttlSeconds: 60 }));
    const secretQuestion = "Was ist ein Bürgerrat für Frau Mustermann aus der Musterstraße 12?";
    await bot.handle(turn(secretQuestion));
    const output = lines.join("");
    expect(output).toContain('"msg":"turn answered"');
    expect(output).toContain('"entryId":"buergerrat"');
    expect(output).not.toContain("Mustermann");
    expect(output).not.toContain("Musterstraße");
  });

  it("cuts Slack's library messages where they would quote a payload", () => {
    expect(withoutPayload('http request result: {"user":{"real_name":"Maria"}}')).toBe(
      "http request result: […]",
    );
    expect(
      withoutPayload(`Parsing request body failed (error: SyntaxError: Unexpected token 'G', "Geheim" is…)`),
    ).toBe("Parsing request body failed […]");
    expect(withoutPayload("apiCall('chat.postMessage') start")).toBe("apiCall('chat.postMessage') start");
  });
});

const MARKER = "Vertraulich-Frau-Mustermann-7391";
const SIGNING_SECRET = "signing-secret-0f3a9c7e5b1d";
const BOT_TOKEN = "xoxb-bot-token-5e8d2a4c6b";
const APP_PASSWORD = "teams-app-password-9c1e7b3f";
const APP_ID = "00000000-0000-0000-0000-000000000000";
const SECRETS = [SIGNING_SECRET, BOT_TOKEN, APP_PASSWORD];

describe("logs of hostile and malformed requests at LOG_LEVEL=debug", () => {
  const { logger, lines } = capture("debug");
  const slack = new FakeSlack();
  let openId: Server;
  let running: RunningServer;

  beforeAll(async () => {
    await slack.start();
    // Microsoft's signing keys out of reach: the token check fails on the server's side.
    openId = createServer((_request, response) => response.writeHead(502).end());
    await new Promise<void>((resolve) => openId.listen(0, "127.0.0.1", resolve));
    const services = await createServices(
      testConfig({ LOG_LEVEL: "debug" }),
      logger,
      new MemoryStateStore({ ttlSeconds: 600 }),
    );
    running = await startServer(services, [
      webAdapter,
      createSlackAdapter({
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_API_URL: slack.apiUrl,
      }),
      createTeamsAdapter(
        { MicrosoftAppId: APP_ID, MicrosoftAppPassword: APP_PASSWORD },
        { openIdMetadataUrl: `http://127.0.0.1:${(openId.address() as AddressInfo).port}/openid` },
      ),
    ]);
  });
  afterAll(async () => {
    await running.close();
    await slack.stop();
    await new Promise((resolve) => openId.close(resolve));
  });

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${running.url}${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body,
    });

  function signed(body: string, contentType = "application/json", secret = SIGNING_SECRET) {
    const timestamp = Math.floor(Date.now() / 1000);
    return post("/slack/events", body, {
      "Content-Type": contentType,
      "X-Slack-Request-Timestamp": String(timestamp),
      "X-Slack-Signature": slackSignature(secret, timestamp, body),
    });
  }

  function slackEvent(event: unknown): string {
    return JSON.stringify({
      type: "event_callback",
      team_id: "T1",
      api_app_id: "A1",
      event_id: `Ev${Math.random().toString(36).slice(2, 10)}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
      event,
    });
  }

  /** A JWT that claims to come from the Bot Framework, signed with a key nobody has. */
  function botFrameworkToken(): string {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    return [
      part({ alg: "RS256", typ: "JWT", kid: MARKER }),
      part({ iss: "https://api.botframework.com", aud: APP_ID, exp: Math.floor(Date.now() / 1000) + 600 }),
      Buffer.from(MARKER).toString("base64url"),
    ].join(".");
  }

  const activity = (text: string) =>
    JSON.stringify({
      type: "message",
      id: "1",
      serviceUrl: "https://smba.trafficmanager.net/emea/",
      channelId: "msteams",
      from: { id: "29:user", name: MARKER },
      recipient: { id: "28:bot" },
      conversation: { id: "a:conversation" },
      text,
    });

  it("contains neither the requests' text nor any secret", async () => {
    // JSON parsers quote the start of what they fail on; this body starts with the marker.
    const malformedJson = `${MARKER} {"text": "${MARKER}"`;
    const oversized = JSON.stringify({ text: `${MARKER} ${"x".repeat(300_000)}` });
    // botbuilder writes refused tokens to the console, outside the app's log and its redaction.
    const console_ = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const statuses: Record<string, number> = {};
    try {
      statuses.webMalformed = (await post("/api/chat", malformedJson)).status;
      statuses.webOversized = (await post("/api/chat", oversized)).status;
      statuses.teamsMalformed = (await post("/api/messages", malformedJson)).status;
      statuses.teamsOversized = (await post("/api/messages", oversized)).status;
      statuses.teamsGarbageToken = (
        await post("/api/messages", activity(MARKER), { Authorization: `Bearer ${MARKER}` })
      ).status;
      statuses.teamsForgedToken = (
        await post("/api/messages", activity(MARKER), { Authorization: `Bearer ${botFrameworkToken()}` })
      ).status;
      statuses.slackForged = (
        await signed(slackEvent({ type: "app_mention", text: MARKER }), undefined, "x")
      ).status;
      statuses.slackMalformedJson = (await signed(malformedJson)).status;
      statuses.slackOversized = (await signed(`{"text":"${MARKER}${"x".repeat(4_200_000)}"}`)).status;
      statuses.slackTextNotString = (
        await signed(slackEvent({ type: "app_mention", text: { MARKER }, channel: "C1", ts: "1.1" }))
      ).status;
      statuses.slackNoChannel = (
        await signed(slackEvent({ type: "app_mention", text: MARKER, user: "U1", ts: "1.2" }))
      ).status;
      statuses.slackNullEvent = (await signed(slackEvent(null))).status;
      const form = new URLSearchParams({ command: "/beteiligung", text: MARKER, trigger_id: "1" });
      statuses.slackMalformedCommand = (
        await signed(form.toString(), "application/x-www-form-urlencoded")
      ).status;
      // One real question, so that Slack's Web API calls (users.info with a name, chat.postMessage) log too.
      statuses.slackMention = (
        await signed(
          slackEvent({
            type: "app_mention",
            text: `<@UBOT> ${MARKER}`,
            user: "U1",
            channel: "C1",
            ts: "1.3",
          }),
        )
      ).status;
      await slack.waitFor("chat.postMessage");
      await new Promise((resolve) => setTimeout(resolve, 300));
      // What botbuilder writes to the console about refused tokens does not get past the app's log.
      expect(console_).not.toHaveBeenCalled();
    } finally {
      console_.mockRestore();
    }

    expect(statuses).toEqual({
      webMalformed: 400,
      webOversized: 413,
      teamsMalformed: 400,
      teamsOversized: 413,
      teamsGarbageToken: 401,
      teamsForgedToken: 503,
      slackForged: 401,
      slackMalformedJson: 400,
      slackOversized: 413,
      slackTextNotString: 200,
      slackNoChannel: 200,
      slackNullEvent: 200,
      slackMalformedCommand: 200,
      slackMention: 200,
    });
    const output = lines.join("");
    expect(output).toContain('"level":20');
    expect(output).toContain("malformed Slack request ignored");
    expect(output).not.toContain(MARKER);
    expect(output).not.toContain(MARKER.slice(0, 10));
    expect(output).not.toContain("Maria Muster");
    for (const secret of SECRETS) expect(output).not.toContain(secret);
    // Refused requests are one short line each, without a stack trace.
    expect(output).not.toMatch(/"stack"|\bat \w+ \(/);
  });
});
