import type { ChildProcess } from "node:child_process";
import { connect } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { FakeBotConnector } from "./fake-bot-connector.js";
import { FakeSlack } from "./fake-slack.js";
import { KNOWLEDGE_DIR, ROOT } from "./helpers.js";
import { emulatorMessage, SLACK_SECRET, slackDirectMessage } from "./platform-messages.js";
import { RedisProcess, redisServerAvailable, spawnServer, waitUntil } from "./processes.js";

/** How long the fake Slack and Bot Connector hold each answer back: the turns are in flight meanwhile. */
const DELAY_MS = 1_200;

let slack: FakeSlack;
let connector: FakeBotConnector;
let bot: ChildProcess | undefined;

beforeAll(async () => {
  slack = new FakeSlack();
  connector = new FakeBotConnector();
  await Promise.all([slack.start(), connector.start()]);
});
afterEach(() => {
  bot?.kill("SIGKILL");
  slack.delayMs = 0;
  connector.delayMs = 0;
  slack.reset();
  connector.reset();
});
afterAll(async () => {
  await Promise.all([slack.stop(), connector.stop()]);
});

interface RunningBot {
  url: string;
  port: number;
  exit: Promise<{ code: number | null; at: number }>;
  output: () => string;
}

/** The server with Slack and Teams to local fakes. */
async function startBot(env: Record<string, string>): Promise<RunningBot> {
  const exited: { resolve?: (value: { code: number | null; at: number }) => void } = {};
  const exit = new Promise<{ code: number | null; at: number }>((resolve) => (exited.resolve = resolve));
  const server = await spawnServer(ROOT, {
    KNOWLEDGE_DIR,
    LOG_LEVEL: "info",
    NODE_ENV: "production",
    SLACK_SIGNING_SECRET: SLACK_SECRET,
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_API_URL: slack.apiUrl,
    ...env,
  });
  bot = server.child;
  server.child.once("exit", (code) => exited.resolve?.({ code, at: Date.now() }));
  if (server.child.exitCode !== null) exited.resolve?.({ code: server.child.exitCode, at: Date.now() });
  return { url: server.url, port: Number(new URL(server.url).port), exit, output: server.output };
}

async function slackMessage(running: RunningBot, text: string): Promise<number> {
  const { body, headers } = slackDirectMessage(text);
  return (await fetch(`${running.url}/slack/events`, { method: "POST", headers, body })).status;
}

/**
 * One HTTP/1.1 connection, written to by hand: requests sent behind a slow one (pipelining) reach the
 * server on a connection it still holds while shutting down, and are answered in order.
 */
function connection(port: number) {
  const socket = connect(port, "127.0.0.1");
  let sent = 0;
  let received = "";
  socket.on("data", (chunk: Buffer) => (received += chunk.toString()));
  const statuses = () => [...received.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((match) => Number(match[1]));
  return {
    send(method: string, path: string, body = "") {
      sent++;
      socket.write(
        [
          `${method} ${path} HTTP/1.1`,
          "Host: 127.0.0.1",
          "Content-Type: application/json",
          `Content-Length: ${Buffer.byteLength(body)}`,
          "",
          body,
        ].join("\r\n"),
      );
    },
    /** Resolves with every status line and the raw text once each request has its answer. */
    async answers(timeoutMs: number) {
      await waitUntil(() => statuses().length >= sent, timeoutMs, `answers on the connection: ${received}`);
      socket.end();
      return { statuses: statuses(), text: received };
    },
  };
}

const refused = (url: string) =>
  fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
    () => false,
    () => true,
  );

describe("graceful shutdown", () => {
  it("finishes requests and acknowledged turns in progress, then exits 0", async () => {
    // With Redis where there is a redis-server, so that closing the weekly tip's queues and Redis is part of it.
    const redis = redisServerAvailable ? await RedisProcess.start() : undefined;
    onTestFinished(() => redis?.stop());
    const running = await startBot({
      SHUTDOWN_TIMEOUT_MS: "8000",
      ...(redis ? { REDIS_URL: redis.url } : {}),
    });
    expect((await fetch(`${running.url}/readyz`)).status).toBe(200);
    slack.delayMs = DELAY_MS;
    connector.delayMs = DELAY_MS;

    // Slack is acknowledged at once; the answer is still on its way to Slack.
    expect(await slackMessage(running, "Was ist ein Bürgerrat?")).toBe(200);
    // A Teams turn in flight: its HTTP request lasts until the reply has been sent.
    const teams = connection(running.port);
    teams.send("POST", "/api/messages", emulatorMessage(connector.serviceUrl, "Was ist eine Planungszelle?"));
    await waitUntil(() => connector.sent.length === 1 && slack.calls.length > 0, 5_000, "turns in flight");

    const stoppedAt = Date.now();
    bot?.kill("SIGTERM");
    await waitUntil(() => refused(`${running.url}/healthz`), 2_000, "no new connections accepted");
    // On the connection the server still holds, readiness now says no.
    teams.send("GET", "/readyz");

    const { statuses, text } = await teams.answers(5_000);
    // The Teams request was answered with 200 after its reply was sent; readiness said 503 meanwhile.
    expect(statuses).toEqual([200, 503]);
    expect(text).toContain('"status":"shutting down"');
    expect(text).toMatch(/^Connection: close/im);
    const card = JSON.stringify(connector.sent[0]?.activity);
    expect(card).toContain("Planungszelle");

    const { code, at } = await running.exit;
    expect(code).toBe(0);
    // Slack received the acknowledged event's answer before the process ended.
    const [posted] = await slack.waitFor("chat.postMessage", 1, 100);
    expect(JSON.stringify(posted?.body)).toContain("Bürgerrat");
    expect(slack.answeredAt.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...slack.answeredAt)).toBeLessThanOrEqual(at);
    expect(at - stoppedAt).toBeLessThan(8_000);
    expect(running.output()).toContain('"clean":true,"msg":"shut down"');
    // Nothing went wrong on the way: no warnings or errors in the log since the signal.
    const afterSignal = running.output().slice(running.output().indexOf('"msg":"signal received"'));
    expect(afterSignal).not.toMatch(/"level":(40|50|60)/);
  });

  it("exits non-zero when work in progress outlasts the shutdown timeout", async () => {
    const running = await startBot({ SHUTDOWN_TIMEOUT_MS: "300" });
    slack.delayMs = 3_000;
    expect(await slackMessage(running, "Was ist ein Bürgerrat?")).toBe(200);
    await waitUntil(() => slack.calls.some((call) => call.method === "users.info"), 5_000, "turn in flight");
    const stoppedAt = Date.now();
    bot?.kill("SIGTERM");
    const { code, at } = await running.exit;
    expect(code).not.toBe(0);
    expect(at - stoppedAt).toBeLessThan(2_000);
    expect(running.output()).toContain("work in progress abandoned");
  });
});
