import { afterAll, describe, expect, it } from "vitest";
import { adapters } from "../adapters/index.js";
import { createSlackAdapter } from "../adapters/slack/index.js";
import { teamsAdapter } from "../adapters/teams/index.js";
import { webAdapter } from "../adapters/web/index.js";
import { Metrics } from "../src/metrics/metrics.js";
import { DeliveryError } from "../src/proactive/sender.js";
import { startServer, type RunningServer } from "../src/server.js";
import { createServices, type Services } from "../src/services.js";
import { MemoryStateStore } from "../src/state/memory.js";
import type { StateStore } from "../src/state/types.js";
import { FakeSlack } from "./fake-slack.js";
import { silentLogger, testConfig, turn } from "./helpers.js";
import { channelPlace, TestClock, tipInstance } from "./tips-fakes.js";

const running: { server: RunningServer; services: Services }[] = [];
afterAll(async () => {
  for (const { server, services } of running) {
    await server.close();
    await services.limits.close();
    await services.tips.close();
  }
});

async function serve(env: Record<string, string> = {}, store?: StateStore) {
  const services = await createServices(testConfig(env), silentLogger, store);
  const server = await startServer(services, adapters);
  running.push({ server, services });
  return { url: server.url, services };
}

async function chat(url: string, text: string, conversationId: string) {
  const response = await fetch(`${url}/api/chat`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ text, conversationId }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { intent: string; outcome: string };
}

async function scrape(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/metrics`, { headers });
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
}

/** The value of one sample, e.g. `beteiligungslotse_turns_total{platform="web",…}`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const labelPart = line.slice(name.length).match(/^\{([^}]*)\}/)?.[1] ?? "";
    if (wanted.every((pair) => labelPart.split(",").includes(pair))) return Number(line.split(" ").at(-1));
  }
  return undefined;
}

describe("/metrics", () => {
  it("counts web chat turns by platform, intent and outcome, with latency and process metrics", async () => {
    const { url } = await serve();
    await chat(url, "Was ist ein Bürgerrat?", "metrics-conversation-1");
    await chat(url, "Wie beantrage ich einen Reisepass?", "metrics-conversation-2");
    const { status, type, text } = await scrape(url);
    expect(status).toBe(200);
    expect(type).toContain("text/plain");
    const web = { platform: "web" };
    expect(
      sample(text, "beteiligungslotse_turns_total", { ...web, intent: "ask", outcome: "answered" }),
    ).toBe(1);
    expect(
      sample(text, "beteiligungslotse_turns_total", { ...web, intent: "ask", outcome: "declined" }),
    ).toBe(1);
    expect(sample(text, "beteiligungslotse_declined_questions_total", web)).toBe(1);
    expect(sample(text, "beteiligungslotse_answer_duration_seconds_count", web)).toBe(2);
    expect(sample(text, "beteiligungslotse_state_store_up", { store: "memory" })).toBe(1);
    expect(text).toContain("process_cpu_seconds_total");
    // Neither the question nor the conversation id appears anywhere.
    expect(text).not.toMatch(/Bürgerrat|Reisepass|metrics-conversation/);
  });

  it("counts votes once per user, and rate-limited turns", async () => {
    const { url, services } = await serve({ RATE_LIMIT_PER_USER: "2" });
    const vote = { type: "feedback", entryId: "buergerrat", helpful: false };
    for (let i = 0; i < 3; i++)
      await services.bot.handle(turn("", { userId: "voter", action: vote as never }));
    const text = (await scrape(url)).text;
    expect(sample(text, "beteiligungslotse_feedback_votes_total", { vote: "unhelpful" })).toBe(1);
    expect(sample(text, "beteiligungslotse_rate_limited_turns_total", { platform: "test" })).toBe(1);
  });

  it("reports a state store that fails and does not answer", async () => {
    const failing = new MemoryStateStore({ ttlSeconds: 60 });
    failing.load = () => Promise.reject(new Error("down"));
    failing.save = () => Promise.reject(new Error("down"));
    failing.ping = () => Promise.resolve(false);
    const { url } = await serve({}, failing);
    await chat(url, "Was ist ein Bürgerrat?", "metrics-failing-store");
    const text = (await scrape(url)).text;
    expect(sample(text, "beteiligungslotse_state_store_errors_total", { operation: "load" })).toBe(1);
    expect(sample(text, "beteiligungslotse_state_store_errors_total", { operation: "save" })).toBe(1);
    expect(sample(text, "beteiligungslotse_state_store_up", { store: "memory" })).toBe(0);
  });

  it("answers only with the bearer token where METRICS_TOKEN is set", async () => {
    const token = "metrics-token-0123456789";
    const { url } = await serve({ METRICS_TOKEN: token });
    expect((await scrape(url)).status).toBe(401);
    expect((await scrape(url, { Authorization: "Bearer wrong-token" })).status).toBe(401);
    const allowed = await scrape(url, { Authorization: `Bearer ${token}` });
    expect(allowed.status).toBe(200);
    expect(allowed.text).toContain("beteiligungslotse_turns_total");
  });

  it("keeps each server's metrics in its own registry", async () => {
    const first = new Metrics({ store: new MemoryStateStore({ ttlSeconds: 60 }), storeKind: "memory" });
    const second = new Metrics({ store: new MemoryStateStore({ ttlSeconds: 60 }), storeKind: "memory" });
    first.rateLimited("web");
    expect(sample((await first.render()).body, "beteiligungslotse_rate_limited_turns_total")).toBe(1);
    expect(
      sample((await second.render()).body, "beteiligungslotse_rate_limited_turns_total"),
    ).toBeUndefined();
  });
});

describe("weekly tip metrics", () => {
  it("counts deliveries, failures and pauses by platform", async () => {
    const clock = new TestClock(new Date("2030-01-02T10:00:00Z"));
    const { services, sender } = await tipInstance(clock);
    running.push({ server: { close: () => Promise.resolve() } as RunningServer, services });
    const monday = { weekday: 1, hour: 9, minute: 0 };
    await services.tips.subscribe("slack", channelPlace("C1"), monday, "de");
    await services.tips.subscribe("slack", channelPlace("C2"), monday, "de");
    await services.tips.subscribe("slack", channelPlace("C3"), monday, "de");
    sender.failures.push(
      new DeliveryError({ kind: "gone", reason: "channel_not_found" }),
      ...Array.from({ length: 4 }, () => new DeliveryError({ kind: "retry", reason: "http_503" })),
    );
    await services.tips.delivery.deliverAllDue(new Date("2030-01-07T08:05:00Z"));
    const { body } = await services.metrics.render();
    const tips = (outcome: string) =>
      sample(body, "beteiligungslotse_tip_deliveries_total", { platform: "slack", outcome });
    expect([tips("sent"), tips("failed"), tips("paused")]).toEqual([1, 1, 1]);
  });
});

describe("WEB_CHAT=false", () => {
  it("mounts neither the chat page nor /api/chat, but Slack and Teams still", async () => {
    const slack = new FakeSlack();
    await slack.start();
    const services = await createServices(testConfig({ WEB_CHAT: "false" }), silentLogger);
    const slackEnv = {
      SLACK_SIGNING_SECRET: "8f742231b10e8888abcd99yyyzzz85a5",
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_API_URL: slack.apiUrl,
    };
    const server = await startServer(services, [webAdapter, createSlackAdapter(slackEnv), teamsAdapter]);
    running.push({ server, services });
    const { url } = server;
    expect((await fetch(`${url}/`)).status).toBe(404);
    expect((await fetch(`${url}/chat.js`)).status).toBe(404);
    const api = await fetch(`${url}/api/chat`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: "Hallo", conversationId: "web-off-conversation" }),
    });
    expect(api.status).toBe(404);
    // Teams' endpoint is always mounted: an empty activity is refused by it, not by the 404 handler.
    const teams = await fetch(`${url}/api/messages`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(teams.status).not.toBe(404);
    // Slack's endpoint is there too: an unsigned request is refused by it.
    const slackEvent = await fetch(`${url}/slack/events`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(slackEvent.status).not.toBe(404);
    await slack.stop();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/metrics`)).status).toBe(200);
  });
});
