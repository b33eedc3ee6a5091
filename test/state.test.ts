import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conversationKey } from "../src/core/bot.js";
import { MemoryStateStore } from "../src/state/memory.js";
import { RedisStateStore } from "../src/state/redis.js";
import { deleteKeys, findRedis, testServices, turn } from "./helpers.js";

describe("in-memory state", () => {
  it("expires state after its TTL", async () => {
    let now = 1_000_000;
    const store = new MemoryStateStore({ ttlSeconds: 10, now: () => now });
    await store.save("k", { lastEntryId: "buergerrat" });
    now += 9_000;
    expect(await store.load("k")).toEqual({ lastEntryId: "buergerrat" });
    now += 2_000;
    expect(await store.load("k")).toBeUndefined();
  });

  it("drops the least recently used conversations beyond its limit", async () => {
    const store = new MemoryStateStore({ ttlSeconds: 60, maxConversations: 2 });
    await store.save("a", { lastEntryId: "a" });
    await store.save("b", { lastEntryId: "b" });
    await store.save("a", { lastEntryId: "a2" });
    await store.save("c", { lastEntryId: "c" });
    expect(await store.load("b")).toBeUndefined();
    expect(await store.load("a")).toEqual({ lastEntryId: "a2" });
    expect(await store.load("c")).toEqual({ lastEntryId: "c" });
  });
});

describe("in-memory claims and records", () => {
  it("lets one caller claim a key until it expires or is released", async () => {
    let now = 1_000_000;
    const store = new MemoryStateStore({ ttlSeconds: 10, now: () => now });
    expect(await store.claim("event:1", 60)).toBe(true);
    expect(await store.claim("event:1", 60)).toBe(false);
    now += 61_000;
    expect(await store.claim("event:1", 60)).toBe(true);
    await store.release("event:1");
    expect(await store.claim("event:1", 60)).toBe(true);
  });

  it("keeps records with and without expiry until they are deleted", async () => {
    let now = 1_000_000;
    const store = new MemoryStateStore({ ttlSeconds: 10, now: () => now });
    await store.putRecord("installation", "kept");
    await store.putRecord("reference", "short", 5);
    now += 6_000;
    expect(await store.getRecord("installation")).toBe("kept");
    expect(await store.getRecord("reference")).toBeUndefined();
    await store.deleteRecord("installation");
    expect(await store.getRecord("installation")).toBeUndefined();
  });
});

describe("Redis that cannot be reached", () => {
  it("lets the bot answer at once, without context, and reports not ready", async () => {
    const store = await RedisStateStore.connect(
      "redis://127.0.0.1:1",
      { ttlSeconds: 60, feedbackTtlSeconds: 60, prefix: "unreachable:" },
      undefined,
      200,
    );
    const services = await testServices(store);
    const started = Date.now();
    const reply = await services.bot.handle(turn("Was ist ein Bürgerrat?"));
    expect(reply.entryId).toBe("buergerrat");
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await store.ping()).toBe(false);
    await store.close();
  });
});

const redisUrl = await findRedis();

describe.skipIf(!redisUrl)("Redis state", () => {
  const prefix = `test-${randomUUID()}:`;
  const options = { ttlSeconds: 120, feedbackTtlSeconds: 600, prefix };
  let admin: Redis;

  beforeAll(() => {
    admin = new Redis(redisUrl ?? "");
  });

  afterAll(async () => {
    await admin.quit();
    await deleteKeys(redisUrl ?? "", prefix);
  });

  it("lets exactly one of several concurrent callers claim a key, with its expiry", async () => {
    const first = await RedisStateStore.connect(redisUrl ?? "", options);
    const second = await RedisStateStore.connect(redisUrl ?? "", options);
    const results = await Promise.all(
      [first, second, first, second].map((store) => store.claim("event:Ev1", 900)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const ttl = await admin.ttl(`${prefix}claim:event:Ev1`);
    expect(ttl).toBeGreaterThan(890);
    await first.release("event:Ev1");
    expect(await second.claim("event:Ev1", 900)).toBe(true);
    await first.close();
    await second.close();
  });

  it("keeps records, with an expiry only where one is given", async () => {
    const store = await RedisStateStore.connect(redisUrl ?? "", options);
    await store.putRecord("installation:T1", '{"team":"T1"}');
    await store.putRecord("reference:C1", "ref", 300);
    expect(await store.getRecord("installation:T1")).toBe('{"team":"T1"}');
    expect(await admin.ttl(`${prefix}record:installation:T1`)).toBe(-1);
    expect(await admin.ttl(`${prefix}record:reference:C1`)).toBeGreaterThan(290);
    await store.deleteRecord("installation:T1");
    expect(await store.getRecord("installation:T1")).toBeUndefined();
    await store.close();
  });

  it("stores state under a namespaced key that expires", async () => {
    const store = await RedisStateStore.connect(redisUrl ?? "", options);
    await store.save("abc", { lastEntryId: "planungszelle", lastLanguage: "de" });
    expect(await store.load("abc")).toEqual({ lastEntryId: "planungszelle", lastLanguage: "de" });
    const ttl = await admin.ttl(`${prefix}conv:abc`);
    expect(ttl).toBeGreaterThan(100);
    expect(ttl).toBeLessThanOrEqual(120);
    // „Daten löschen“ removes the key itself.
    await store.forget("abc");
    expect(await admin.exists(`${prefix}conv:abc`)).toBe(0);
    expect(await store.load("abc")).toBeUndefined();
    await store.close();
  });

  it("keeps a conversation across a restart of the bot", async () => {
    const first = await RedisStateStore.connect(redisUrl ?? "", options);
    const before = await testServices(first);
    const conversationId = randomUUID();
    await before.bot.handle(turn("Was ist ein Bürgerrat?", { conversationId }));
    await first.close();

    const second = await RedisStateStore.connect(redisUrl ?? "", options);
    const after = await testServices(second);
    const reply = await after.bot.handle(turn("Risiken?", { conversationId }));
    expect(reply).toMatchObject({ intent: "section", entryId: "buergerrat" });
    await second.close();
  });

  it("treats a damaged record as no state", async () => {
    const store = await RedisStateStore.connect(redisUrl ?? "", options);
    await admin.set(`${prefix}conv:broken`, "{not json", "EX", 60);
    expect(await store.load("broken")).toBeUndefined();
    await admin.set(`${prefix}conv:odd`, JSON.stringify({ lastLanguage: "fr" }), "EX", 60);
    expect(await store.load("odd")).toBeUndefined();
    await store.close();
  });

  it("counts feedback per entry with an expiry", async () => {
    const store = await RedisStateStore.connect(redisUrl ?? "", options);
    await store.recordFeedback("buergerrat", true);
    await store.recordFeedback("buergerrat", false);
    await store.recordFeedback("buergerrat", true);
    expect(await store.feedbackFor("buergerrat")).toEqual({ helpful: 2, unhelpful: 1 });
    expect(await admin.ttl(`${prefix}feedback:buergerrat`)).toBeGreaterThan(500);
    await store.close();
  });

  it("costs at most two round trips per message: one read, one write", async () => {
    const store = await RedisStateStore.connect(redisUrl ?? "", options);
    const services = await testServices(store);
    const conversationId = randomUUID();
    const key = `${prefix}conv:${conversationKey("test", conversationId)}`;

    const monitor = await admin.monitor();
    const commands: string[][] = [];
    monitor.on("monitor", (_time: string, args: string[]) => {
      if (args.some((arg) => arg.startsWith(prefix))) commands.push(args);
    });
    try {
      for (const text of ["Was ist ein Bürgerrat?", "Risiken?", "Tipp"]) {
        commands.length = 0;
        await services.bot.handle(turn(text, { conversationId }));
        // MONITOR reports asynchronously; a PING through the same server orders us behind it.
        await admin.ping();
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(commands.map((args) => args[0]?.toLowerCase())).toEqual(["get", "set"]);
        expect(commands.every((args) => args[1] === key)).toBe(true);
      }
    } finally {
      monitor.disconnect();
      await store.close();
    }
  });
});
