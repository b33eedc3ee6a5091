import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackAdapter } from "../adapters/slack/index.js";
import { createTeamsAdapter } from "../adapters/teams/index.js";
import { webAdapter } from "../adapters/web/index.js";
import { startServer, type RunningServer } from "../src/server.js";
import { createServices, type Services } from "../src/services.js";
import { FakeBotConnector } from "./fake-bot-connector.js";
import { FakeSlack } from "./fake-slack.js";
import { testConfig } from "./helpers.js";
import { emulatorMessage, SLACK_SECRET, slackDirectMessage } from "./platform-messages.js";
import { RedisProcess, redisServerAvailable, waitUntil } from "./processes.js";

interface LogLine {
  level: number;
  msg: string;
}

/** The bot's log as parsed lines, as pino writes them. */
function capturedLog() {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean))
        lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { logger: pino({ level: "info" }, stream), lines };
}

const OUTAGE = "Redis unavailable; answering without conversation memory until it is back";
const RECOVERED = "Redis available again";

describe.skipIf(!redisServerAvailable)("a Redis that hangs, dies and comes back", () => {
  let redis: RedisProcess;
  let services: Services;
  let running: RunningServer;
  const slack = new FakeSlack();
  const connector = new FakeBotConnector();
  const log = capturedLog();
  let conversation = 0;
  /** Lines logged while starting (Teams without MicrosoftAppId warns); the outages come after. */
  let atStart = 0;

  const count = (msg: string) => log.lines.filter((line) => line.msg === msg).length;
  /** Warnings and errors since the start: what an operator is alerted by. */
  const problems = () => log.lines.slice(atStart).filter((line) => line.level >= 40);

  async function chat(text: string, conversationId: string) {
    const started = Date.now();
    const response = await fetch(`${running.url}/api/chat`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text, conversationId }),
      signal: AbortSignal.timeout(5_000),
    });
    const reply = (await response.json()) as { entryId?: string; outcome?: string; title?: string };
    return { status: response.status, reply, ms: Date.now() - started };
  }

  async function readiness() {
    const started = Date.now();
    const response = await fetch(`${running.url}/readyz`, { signal: AbortSignal.timeout(5_000) });
    return { status: response.status, ms: Date.now() - started };
  }

  /** A question and its follow-up: the follow-up needs the conversation's memory. */
  async function followUpIsRemembered(): Promise<boolean> {
    const id = `faults-memory-${++conversation}`;
    expect((await chat("Was ist ein Bürgerrat?", id)).reply.entryId).toBe("buergerrat");
    return (await chat("Risiken?", id)).reply.entryId === "buergerrat";
  }

  /** A Slack event and a Teams message, each answered at its platform. */
  async function slackAndTeamsAnswer(): Promise<void> {
    const posts = slack.callsOf("chat.postMessage").length;
    const sent = connector.sent.length;
    const event = slackDirectMessage("Was ist ein Bürgerrat?");
    const slackResponse = await fetch(`${running.url}/slack/events`, { method: "POST", ...event });
    expect(slackResponse.status).toBe(200);
    const teams = await fetch(`${running.url}/api/messages`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: emulatorMessage(connector.serviceUrl, "Was ist eine Planungszelle?"),
      signal: AbortSignal.timeout(5_000),
    });
    expect(teams.status).toBe(200);
    expect(JSON.stringify(connector.sent.at(-1)?.activity)).toContain("Planungszelle");
    expect(connector.sent.length).toBe(sent + 1);
    const [posted] = (await slack.waitFor("chat.postMessage", posts + 1, 3_000)).slice(posts);
    expect(JSON.stringify(posted?.body)).toContain("Bürgerrat");
  }

  /** Answers during an outage: every one in time and a real answer. */
  async function answersWithoutRedis(times: number): Promise<number[]> {
    const latencies: number[] = [];
    for (let i = 0; i < times; i++) {
      const { status, reply, ms } = await chat("Was ist ein Bürgerrat?", `faults-outage-${++conversation}`);
      expect(status).toBe(200);
      expect(reply).toMatchObject({ entryId: "buergerrat", outcome: "answered" });
      latencies.push(ms);
    }
    return latencies;
  }

  beforeAll(async () => {
    redis = await RedisProcess.start();
    await Promise.all([slack.start(), connector.start()]);
    const config = testConfig({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: "faults:", LOG_LEVEL: "info" });
    const slackEnv = {
      SLACK_SIGNING_SECRET: SLACK_SECRET,
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_API_URL: slack.apiUrl,
    };
    const adapters = [webAdapter, createSlackAdapter(slackEnv), createTeamsAdapter({})];
    services = await createServices(config, log.logger, undefined, { adapters });
    running = await startServer(services, adapters);
    await services.tips.start();
    atStart = log.lines.length;
  });

  afterAll(async () => {
    // The redis-server goes whatever happens to the bot.
    try {
      await running.close();
      await services.tips.close();
      await services.store.close();
    } finally {
      await redis.stop();
      await Promise.all([slack.stop(), connector.stop()]);
    }
  });

  it("remembers conversations and is ready while Redis is well", async () => {
    expect(await followUpIsRemembered()).toBe(true);
    await slackAndTeamsAnswer();
    expect((await readiness()).status).toBe(200);
    expect(problems()).toEqual([]);
  });

  it("answers within a second and reports not ready while Redis hangs, with one log line", async () => {
    redis.pause();
    // The readiness check and the first turn both meet the hanging Redis; each waits one command timeout.
    const [firstReady, firstAnswers] = await Promise.all([readiness(), answersWithoutRedis(1)]);
    const latencies = [...firstAnswers, ...(await answersWithoutRedis(2))];
    await waitUntil(() => count(OUTAGE) === 1, 2_000, "the outage is logged");
    const logged = problems().length;
    latencies.push(...(await answersWithoutRedis(5)));
    await slackAndTeamsAnswer();
    const ready = await readiness();
    expect(Math.max(...latencies)).toBeLessThan(1_000);
    for (const check of [firstReady, ready]) {
      expect(check.status).toBe(503);
      expect(check.ms).toBeLessThan(1_000);
    }
    // The requests during the outage added no lines: the outage is logged once.
    expect(problems().length).toBe(logged);
    expect(count(OUTAGE)).toBe(1);
    expect(await followUpIsRemembered()).toBe(false);
  });

  it("remembers again and is ready once Redis continues", async () => {
    redis.resume();
    await waitUntil(async () => (await readiness()).status === 200, 5_000, "ready after SIGCONT");
    expect(await followUpIsRemembered()).toBe(true);
    expect(count(RECOVERED)).toBe(1);
  });

  it("answers and reports not ready while Redis is dead, and recovers when it is back", async () => {
    await redis.kill();
    const latencies = await answersWithoutRedis(5);
    await slackAndTeamsAnswer();
    const ready = await readiness();
    expect(Math.max(...latencies)).toBeLessThan(1_000);
    expect(ready.status).toBe(503);
    expect(ready.ms).toBeLessThan(1_000);
    expect(await followUpIsRemembered()).toBe(false);
    expect(count(OUTAGE)).toBe(2);

    await redis.restart();
    await waitUntil(async () => (await readiness()).status === 200, 5_000, "ready after restart");
    expect(await followUpIsRemembered()).toBe(true);
    expect(count(RECOVERED)).toBe(2);
    // Two outages: one warning each when it began (and one info line when it ended), nothing per request.
    expect(problems().map((line) => line.msg)).toEqual([OUTAGE, OUTAGE]);
  });
});
