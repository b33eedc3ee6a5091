import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { Reply } from "../src/core/types.js";
import { MAX_QUESTION_WORDS, MAX_WORD_LENGTH, withinBudget } from "../src/limits/question-budget.js";
import { createServices, type Services } from "../src/services.js";
import { MemoryStateStore } from "../src/state/memory.js";
import { deleteKeys, findRedis, silentLogger, testConfig, textLines, turn } from "./helpers.js";

const opened: Services[] = [];
afterAll(async () => {
  for (const services of opened) {
    await services.limits.close();
    await services.tips.close();
    await services.store.close();
  }
});

async function limitedServices(
  env: Record<string, string>,
  store = new MemoryStateStore({ ttlSeconds: 600 }),
) {
  const services = await createServices(testConfig(env), silentLogger, store);
  opened.push(services);
  return services;
}

function isSlowDown(reply: Reply): boolean {
  return reply.intent === "slow-down";
}

/** A string of random code points from all over the Basic Multilingual Plane, with some spaces. */
function randomUnicode(length: number, seed: number): string {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648);
  return Array.from({ length }, () => {
    const roll = next() % 10;
    if (roll < 2) return " ";
    const codePoint = 0x21 + (next() % 0xd000);
    return String.fromCodePoint(codePoint);
  }).join("");
}

describe("rate limits", () => {
  const perUser = { RATE_LIMIT_PER_USER: "20", RATE_LIMIT_PER_CONVERSATION: "0" };

  it("answers the 21st message of one user in the window with a friendly note, without retrieval", async () => {
    const services = await limitedServices(perUser);
    const retrieve = vi.spyOn(services.retriever, "retrieve");
    for (let i = 0; i < 20; i++) {
      const reply = await services.bot.handle(turn("Was ist ein Bürgerrat?", { userId: "fast" }));
      expect(reply.entryId).toBe("buergerrat");
    }
    retrieve.mockClear();
    const limited = await services.bot.handle(turn("Was ist ein Bürgerrat?", { userId: "fast" }));
    expect(limited).toMatchObject({ intent: "slow-down", outcome: "info", entryId: null, language: "de" });
    expect(textLines(limited).join(" ")).toMatch(
      /^Sie schreiben gerade sehr schnell – bitte warten Sie einen Moment\. In \d+ Sekunden/,
    );
    expect(limited.suggestions).toEqual([]);
    // Every further message in the window gets the same note, never an answer.
    const again = await services.bot.handle(turn("Was ist eine Planungszelle?", { userId: "fast" }));
    expect(isSlowDown(again)).toBe(true);
    expect(retrieve).not.toHaveBeenCalled();

    const other = await services.bot.handle(turn("Was ist ein Bürgerrat?", { userId: "calm" }));
    expect(other.entryId).toBe("buergerrat");
    // The same user id on another platform is another user.
    const elsewhere = await services.bot.handle(
      turn("Was ist ein Bürgerrat?", { userId: "fast", platform: "x" }),
    );
    expect(elsewhere.entryId).toBe("buergerrat");
  });

  it("writes the note in the user's language", async () => {
    const services = await limitedServices({ ...perUser, RATE_LIMIT_PER_USER: "1" });
    await services.bot.handle(turn("What is a citizens' assembly?", { userId: "en" }));
    const limited = await services.bot.handle(
      turn("What is a citizens' assembly?", { userId: "en", locale: "en-GB" }),
    );
    expect(limited.language).toBe("en");
    expect(textLines(limited).join(" ")).toMatch(/^You are writing very quickly – please wait a moment\./);
  });

  it("limits a conversation as a whole, whoever writes in it", async () => {
    const services = await limitedServices({ RATE_LIMIT_PER_USER: "0", RATE_LIMIT_PER_CONVERSATION: "3" });
    const inChannel = (userId: string) => turn("Hallo", { userId, conversationId: "channel-1" });
    for (const userId of ["a", "b", "c"])
      expect(isSlowDown(await services.bot.handle(inChannel(userId)))).toBe(false);
    expect(isSlowDown(await services.bot.handle(inChannel("d")))).toBe(true);
    expect(isSlowDown(await services.bot.handle(turn("Hallo", { userId: "d" })))).toBe(false);
  });

  it("answers again once the window has passed", async () => {
    const services = await limitedServices({
      ...perUser,
      RATE_LIMIT_PER_USER: "1",
      RATE_LIMIT_WINDOW_SECONDS: "1",
    });
    await services.bot.handle(turn("Hallo", { userId: "waits" }));
    const limited = await services.bot.handle(turn("Hallo", { userId: "waits" }));
    expect(isSlowDown(limited)).toBe(true);
    expect(textLines(limited).join(" ")).toContain("In einer Sekunde");
    const deadline = Date.now() + 3_000;
    let reply = limited;
    while (isSlowDown(reply) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      reply = await services.bot.handle(turn("Hallo", { userId: "waits" }));
    }
    expect(isSlowDown(reply)).toBe(false);
  });

  it("is off for tools that ask on their owner's behalf", async () => {
    const services = await createServices(testConfig(perUser), silentLogger, undefined, { limits: false });
    opened.push(services);
    for (let i = 0; i < 25; i++) {
      expect(isSlowDown(await services.bot.handle(turn("Hallo", { userId: "cli" })))).toBe(false);
    }
  });

  it("still limits, in memory, when Redis cannot be reached", async () => {
    const services = await limitedServices({
      ...perUser,
      RATE_LIMIT_PER_USER: "2",
      REDIS_URL: "redis://127.0.0.1:1",
    });
    const replies = [];
    for (let i = 0; i < 3; i++) replies.push(await services.bot.handle(turn("Hallo", { userId: "insured" })));
    expect(replies.map(isSlowDown)).toEqual([false, false, true]);
  }, 20_000);
});

const redisUrl = await findRedis();

describe.skipIf(!redisUrl)("rate limits on Redis", () => {
  const prefix = `test-${randomUUID()}:`;
  afterAll(async () => {
    if (redisUrl) await deleteKeys(redisUrl, prefix);
  });

  it("hold across two instances that share one Redis", async () => {
    const env = {
      REDIS_URL: redisUrl ?? "",
      REDIS_KEY_PREFIX: prefix,
      RATE_LIMIT_PER_USER: "20",
      RATE_LIMIT_PER_CONVERSATION: "0",
    };
    const first = await limitedServices(env);
    const second = await limitedServices(env);
    for (let i = 0; i < 10; i++) {
      expect(isSlowDown(await first.bot.handle(turn("Hallo", { userId: "roams" })))).toBe(false);
      expect(isSlowDown(await second.bot.handle(turn("Hallo", { userId: "roams" })))).toBe(false);
    }
    expect(isSlowDown(await first.bot.handle(turn("Hallo", { userId: "roams" })))).toBe(true);
    expect(isSlowDown(await second.bot.handle(turn("Hallo", { userId: "roams" })))).toBe(true);
    expect(isSlowDown(await second.bot.handle(turn("Hallo", { userId: "other" })))).toBe(false);
  });
});

describe("one vote per user and entry", () => {
  it("counts 50 👎 from one user once, and thanks for each", async () => {
    const store = new MemoryStateStore({ ttlSeconds: 600 });
    const services = await limitedServices({}, store);
    const vote = (userId: string, helpful: boolean) =>
      services.bot.handle(turn("", { userId, action: { type: "feedback", entryId: "buergerrat", helpful } }));
    for (let i = 0; i < 50; i++) {
      const reply = await vote("angry", false);
      expect(reply.intent).toBe("feedback");
      expect(textLines(reply).join(" ")).toContain("Danke für Ihre Rückmeldung");
    }
    await vote("angry", true);
    await vote("pleased", true);
    expect(await store.feedbackFor("buergerrat")).toEqual({ helpful: 1, unhelpful: 1 });
  });

  it("keeps no user id in the store", async () => {
    const store = new MemoryStateStore({ ttlSeconds: 600 });
    const claim = vi.spyOn(store, "claim");
    const services = await limitedServices({}, store);
    await services.bot.handle(
      turn("", { userId: "U0SECRET", action: { type: "feedback", entryId: "buergerrat", helpful: true } }),
    );
    expect(claim).toHaveBeenCalledOnce();
    expect(claim.mock.calls[0]?.[0]).toMatch(/^vote:[0-9a-f]{32}$/);
  });
});

describe("the cost of one question", () => {
  it("keeps the first words, each cut to a word's length", () => {
    const text = Array.from({ length: 200 }, (_, i) => `wort${i}`).join(" \n");
    const kept = withinBudget(text);
    expect(kept.split(/\s+/)).toHaveLength(MAX_QUESTION_WORDS);
    expect(kept.startsWith("wort0 \nwort1 \n")).toBe(true);
    expect(withinBudget("x".repeat(500))).toHaveLength(MAX_WORD_LENGTH);
    expect(withinBudget("  Was ist ein Bürgerrat?  ")).toBe("  Was ist ein Bürgerrat?  ");
    // Characters outside the Basic Multilingual Plane are not cut in half.
    expect(Array.from(withinBudget("😀".repeat(100)))).toHaveLength(MAX_WORD_LENGTH);
  });

  it("handles random Unicode within a bound, with no more words reaching retrieval", async () => {
    const services = await limitedServices({});
    const retrieve = vi.spyOn(services.retriever, "retrieve");
    await services.bot.handle(turn("Was ist ein Bürgerrat?"));
    for (let seed = 1; seed <= 5; seed++) {
      retrieve.mockClear();
      const started = performance.now();
      const reply = await services.bot.handle(turn(randomUnicode(4_000, seed)));
      // Generous for a shared machine: unbounded, such a message took up to ten times a real question.
      expect(performance.now() - started).toBeLessThan(500);
      expect(reply.body.length + reply.choices.length).toBeGreaterThan(0);
      for (const [text] of retrieve.mock.calls) {
        expect(text.split(/\s+/).filter(Boolean).length).toBeLessThanOrEqual(MAX_QUESTION_WORDS);
        expect(Math.max(...text.split(/\s+/).map((word) => Array.from(word).length))).toBeLessThanOrEqual(
          MAX_WORD_LENGTH,
        );
      }
    }
  });
});
