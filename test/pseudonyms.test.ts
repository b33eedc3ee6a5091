import { createHash, randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import type { Place } from "../src/core/subscriptions.js";
import type { Action, Reply, Turn } from "../src/core/types.js";
import { BullmqTipScheduler } from "../src/proactive/bullmq-scheduler.js";
import { createServices } from "../src/services.js";
import { MemoryStateStore } from "../src/state/memory.js";
import { Pseudonyms } from "../src/state/pseudonyms.js";
import { RedisStateStore } from "../src/state/redis.js";
import type { ConversationState } from "../src/state/types.js";
import { StoreUnavailableError } from "../src/state/unavailable.js";
import { deleteKeys, findRedis, silentLogger, testConfig, textLines } from "./helpers.js";
import { channelPlace, TestClock, testPrefix, tipInstances } from "./tips-fakes.js";

const SECRET = "a-secret-of-at-least-32-characters-0123";
const MONDAY_9 = { weekday: 1, hour: 9, minute: 0 };
/** A Monday 09:05 in Berlin, just after the tip's moment. */
const MONDAY = "2030-01-07T08:05:00Z";

function personalPlace(user: string): Place {
  return {
    id: `T1:D-${user}`,
    kind: "personal",
    address: { teamId: "T1", channel: `D-${user}` },
    scope: "team:T1",
  };
}

describe("Pseudonyms", () => {
  it("are plain SHA-256 without a secret, as keys were before the secret existed", () => {
    const plain = createHash("sha256").update("slack\u0000C1").digest("hex");
    expect(Pseudonyms.plain.conversation("slack", "C1")).toBe(plain.slice(0, 32));
    expect(Pseudonyms.plain.place("slack", "C1")).toBe(plain.slice(0, 20));
    expect(Pseudonyms.fromSecret(undefined)).toBe(Pseudonyms.plain);
    expect(Pseudonyms.plain.withEarlier((names) => names.user("slack", "U1"))).toHaveLength(1);
  });

  it("are keyed with the secret: the same for every replica, not found by hashing a guessed id", () => {
    const keyed = Pseudonyms.fromSecret(SECRET);
    expect(keyed.isKeyed).toBe(true);
    expect(keyed.conversation("slack", "C1")).toMatch(/^[0-9a-f]{32}$/);
    expect(keyed.conversation("slack", "C1")).toBe(Pseudonyms.fromSecret(SECRET).conversation("slack", "C1"));
    expect(keyed.conversation("slack", "C1")).not.toBe(Pseudonyms.plain.conversation("slack", "C1"));
    expect(keyed.conversation("slack", "C1")).not.toBe(
      Pseudonyms.fromSecret(`${SECRET}-other`).conversation("slack", "C1"),
    );
    // Parts are joined unambiguously: ("a", "b:c") is not ("a:b", "c").
    expect(keyed.vote("a", "b\u0000c", "d")).not.toBe(keyed.vote("a", "b", "c\u0000d"));
    expect(keyed.withEarlier((names) => names.vote("slack", "U1", "buergerrat"))).toEqual([
      keyed.vote("slack", "U1", "buergerrat"),
      Pseudonyms.plain.vote("slack", "U1", "buergerrat"),
    ]);
  });

  it("refuse a secret too short to be one", () => {
    expect(() => testConfig({ STATE_HASH_SECRET: "short" })).toThrow(
      /STATE_HASH_SECRET: must be at least 32/,
    );
  });
});

/** A conversation in a Slack channel, as its adapter would pass it on. */
function channelTurn(text: string, userId: string, action?: Action): Turn {
  return {
    text,
    action,
    userId,
    conversationId: "C100:1700000000.1",
    platform: "slack",
    place: channelPlace(),
  };
}

describe("„Meine Daten löschen“ and the weekly tip", () => {
  const clock = new TestClock(new Date("2030-01-02T10:00:00Z"));
  const instances = tipInstances(clock, undefined, "");
  afterEach(() => instances.closeAll());

  async function forget(
    bot: { handle: (turn: Turn) => Promise<Reply> },
    turn: Turn,
    words = "Meine Daten löschen",
  ) {
    const asked = await bot.handle({ ...turn, text: words });
    const button = asked.suggestions.find((suggestion) => suggestion.action.type === "command");
    expect(button?.action).toEqual({ type: "command", command: "forget" });
    return bot.handle({ ...turn, text: "", action: button?.action });
  }

  it("ends a channel's subscription for the user who created it, and only for them", async () => {
    const { services } = await instances.create({ settings: { STATE_HASH_SECRET: SECRET } });
    const place = channelPlace();
    await services.bot.handle(channelTurn("Tipp abonnieren", "U-creator"));
    expect(await services.tips.status("slack", place)).toBeDefined();

    const other = await forget(services.bot, channelTurn("", "U-other"));
    expect(other.title).toBe("Gelöscht");
    expect(textLines(other).join("\n")).toContain("hat jemand anderes angelegt");
    expect(await services.tips.status("slack", place)).toBeDefined();

    const creator = await forget(services.bot, channelTurn("", "U-creator"));
    expect(textLines(creator).join("\n")).toContain("das Sie angelegt haben, ist beendet");
    expect(await services.tips.status("slack", place)).toBeUndefined();
    // Only a pseudonym of the creator was ever stored with it.
    expect(JSON.stringify(await services.tips.list())).not.toContain("U-creator");
  });

  it("keeps a subscription readable when the platform gave no user id", async () => {
    const { services } = await instances.create();
    await services.tips.subscribe("slack", channelPlace(), MONDAY_9, "de", "");
    expect(await services.tips.status("slack", channelPlace())).toBeDefined();
    expect(await services.tips.unsubscribeOwn("slack", channelPlace(), "")).toBe("kept");
  });

  it("ends the subscription of a personal chat, also one from before creators were kept", async () => {
    const { services } = await instances.create();
    const place = personalPlace("U1");
    await services.tips.subscribe("slack", place, MONDAY_9, "en");
    const done = await forget(
      services.bot,
      {
        text: "",
        userId: "U1",
        conversationId: "D-U1",
        platform: "slack",
        place,
        locale: "en-US",
      },
      "delete my data",
    );
    expect(done.title).toBe("Deleted");
    expect(textLines(done).join("\n")).toContain("subscription you created in this chat has ended");
    expect(await services.tips.status("slack", place)).toBeUndefined();
  });
});

describe("„Meine Daten löschen“ with a secret set after data was stored", () => {
  it("also deletes the conversation state filed under the plain hash of before", async () => {
    const store = new MemoryStateStore({ ttlSeconds: 3600 });
    const earlierKey = Pseudonyms.plain.conversation("test", "old-chat");
    const state: ConversationState = { lastEntryId: "buergerrat" };
    await store.save(earlierKey, state);
    const { bot } = await createServices(testConfig({ STATE_HASH_SECRET: SECRET }), silentLogger, store);
    const turn: Turn = { text: "Vergiss mich", userId: "u1", conversationId: "old-chat", platform: "test" };
    const asked = await bot.handle(turn);
    await bot.handle({ ...turn, text: "", action: asked.suggestions[0]?.action });
    expect(await store.load(earlierKey)).toBeUndefined();
  });

  it("says so when the store fails, instead of claiming a deletion, and offers the button again", async () => {
    class FailingStore extends MemoryStateStore {
      override forget(): Promise<void> {
        return Promise.reject(new StoreUnavailableError());
      }
    }
    const { bot } = await createServices(testConfig(), silentLogger, new FailingStore({ ttlSeconds: 60 }));
    const reply = await bot.handle({
      text: "",
      action: { type: "command", command: "forget" },
      userId: "u1",
      conversationId: "failing",
      platform: "test",
    });
    expect(reply.title).toBe("Nicht gelöscht");
    expect(reply.suggestions[0]?.action).toEqual({ type: "command", command: "forget" });
  });
});

const redisUrl = await findRedis();

describe.skipIf(!redisUrl)("Pseudonyms in Redis", () => {
  const clock = new TestClock(new Date("2030-01-02T10:00:00Z"));
  const prefix = testPrefix();
  const instances = tipInstances(clock, redisUrl, prefix);
  afterEach(() => instances.closeAll());

  it("file every key under the secret's pseudonyms, which replicas with the same secret share", async () => {
    const statePrefix = `test-pseudonyms-${randomUUID()}:`;
    const replicas = [];
    for (let i = 0; i < 2; i++) {
      const store = await RedisStateStore.connect(redisUrl ?? "", {
        ttlSeconds: 600,
        feedbackTtlSeconds: 600,
        prefix: statePrefix,
      });
      const config = testConfig({ STATE_HASH_SECRET: SECRET });
      replicas.push({ store, services: await createServices(config, silentLogger, store) });
    }
    try {
      const turn = (text: string): Turn => ({
        text,
        userId: "U1",
        conversationId: "C-42",
        platform: "slack",
      });
      await replicas[0]?.services.bot.handle(turn("Was ist ein Bürgerrat?"));
      const followUp = await replicas[1]?.services.bot.handle(turn("wie lange dauert das?"));
      expect(followUp?.entryId).toBe("buergerrat");

      const admin = new Redis(redisUrl ?? "");
      const keys = await admin.keys(`${statePrefix}*`);
      await admin.quit();
      expect(keys).toEqual([
        `${statePrefix}conv:${Pseudonyms.fromSecret(SECRET).conversation("slack", "C-42")}`,
      ]);
      expect(keys.join()).not.toContain(Pseudonyms.plain.conversation("slack", "C-42"));
    } finally {
      for (const { services, store } of replicas) {
        await services.tips.close();
        await store.close();
      }
      await deleteKeys(redisUrl ?? "", statePrefix);
    }
  });

  it("move subscriptions stored before the secret was set, with their progress and job", async () => {
    const place = channelPlace();
    const before = await instances.create();
    await before.services.tips.subscribe("slack", place, MONDAY_9, "de", "U1");
    const plainId = before.services.tips.idOf("slack", place.id);
    await before.services.tips.start();
    expect(await before.services.tips.delivery.deliverDue(plainId, new Date(MONDAY))).toBe("sent");
    await before.services.tips.close();

    const after = await instances.create({ settings: { STATE_HASH_SECRET: SECRET } });
    const keyedId = after.services.tips.idOf("slack", place.id);
    expect(keyedId).not.toBe(plainId);
    await after.services.tips.start();
    const [moved, ...others] = await after.services.tips.list();
    expect(others).toHaveLength(0);
    expect(moved?.subscription).toMatchObject({ id: keyedId, place, schedule: MONDAY_9 });
    expect(moved?.progress.tipsSent).toBe(1);
    // This week's tip went out under the old name; it is not sent again under the new one.
    expect(await after.services.tips.delivery.deliverDue(keyedId, new Date(MONDAY))).toBe("already-sent");
    expect(await after.services.tips.status("slack", place)).toBeDefined();
    const scheduler = after.services.tips.scheduler;
    if (!(scheduler instanceof BullmqTipScheduler)) throw new Error("expected BullMQ");
    expect(await scheduler.jobScheduler(keyedId)).toMatchObject({ pattern: "0 9 * * 1" });
    expect(await scheduler.jobScheduler(plainId)).toBeUndefined();
    // The creator still owns it under the new names: their deletion ends it.
    expect(await after.services.tips.unsubscribeOwn("slack", place, "U1")).toBe("ended");
  });
});
