import { Writable } from "node:stream";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { PendingWork } from "../src/pending-work.js";
import { reconnectDelay } from "../src/state/redis-connection.js";
import { RedisHealth } from "../src/state/redis-health.js";

function capture() {
  const messages: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      messages.push((JSON.parse(chunk.toString()) as { msg: string }).msg);
      done();
    },
  });
  return { logger: pino({ level: "info" }, stream), messages };
}

describe("Redis health", () => {
  it("logs an outage once for all connections, and its end once the last is back", () => {
    const { logger, messages } = capture();
    const health = new RedisHealth(logger);
    const state = health.watch("state");
    const tips = health.watch("weekly-tip");
    state.lost("Command timed out");
    tips.lost("connection closed");
    state.lost("connect ECONNREFUSED");
    health.otherError("bullmq-worker", new Error("connect ECONNREFUSED"));
    expect(state.usable).toBe(false);
    state.ready();
    expect(state.usable).toBe(true);
    expect(health.outage).toBe(true);
    tips.ready();
    expect(health.outage).toBe(false);
    expect(messages).toEqual([
      "Redis unavailable; answering without conversation memory until it is back",
      "Redis available again",
    ]);
  });

  it("ends an outage silently when the lost connection is closed on purpose", () => {
    const { logger, messages } = capture();
    const health = new RedisHealth(logger);
    const state = health.watch("state");
    state.lost("connection closed");
    state.forget();
    expect(health.outage).toBe(false);
    expect(messages).toHaveLength(1);
  });

  it("logs errors of unwatched clients outside an outage at most once a minute", () => {
    const { logger, messages } = capture();
    const health = new RedisHealth(logger);
    health.otherError("bullmq-queue", new Error("READONLY"));
    health.otherError("bullmq-queue", new Error("READONLY"));
    expect(messages).toEqual(["Redis client problem"]);
  });

  it("reconnects after growing pauses of at most two seconds", () => {
    expect([1, 2, 3, 4, 5, 6, 50].map(reconnectDelay)).toEqual([100, 200, 400, 800, 1600, 2000, 2000]);
  });
});

describe("pending work", () => {
  it("is drained when every piece has settled, failures included", async () => {
    const pending = new PendingWork();
    void pending.track(new Promise((resolve) => setTimeout(resolve, 30)));
    pending.track(Promise.reject(new Error("turn failed"))).catch(() => undefined);
    expect(pending.size).toBe(2);
    expect(await pending.drained(1_000)).toBe(true);
    expect(pending.size).toBe(0);
  });

  it("reports work that outlasts the timeout", async () => {
    const pending = new PendingWork();
    let finish: () => void = () => undefined;
    void pending.track(new Promise<void>((resolve) => (finish = resolve)));
    expect(await pending.drained(50)).toBe(false);
    finish();
    expect(await pending.drained(1_000)).toBe(true);
  });
});
