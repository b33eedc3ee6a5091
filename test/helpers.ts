import path from "node:path";
import { Writable } from "node:stream";
import { Redis } from "ioredis";
import { pino } from "pino";
import { loadConfig, type Config } from "../src/config.js";
import { elementsOf } from "../src/core/reply-view.js";
import type { Fact, Link, Reply, Turn } from "../src/core/types.js";
import type { Entry, Source } from "../src/knowledge/types.js";
import { createServices, type Services } from "../src/services.js";
import { MemoryStateStore } from "../src/state/memory.js";
import type { StateStore } from "../src/state/types.js";

export const ROOT = path.resolve(import.meta.dirname, "..");
export const KNOWLEDGE_DIR = path.join(ROOT, "knowledge");
export const silentLogger = pino({ level: "silent" });

/** A pino logger whose JSON lines a test can read. */
export function captureLogs(level = "debug") {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: pino({ level }, stream), lines };
}

/** Tests send many messages from one user quickly: rate limits are off unless a test sets them. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    KNOWLEDGE_DIR,
    PORT: "0",
    LOG_LEVEL: "silent",
    RATE_LIMIT_PER_USER: "0",
    RATE_LIMIT_PER_CONVERSATION: "0",
    ...overrides,
  });
}

export async function testServices(
  store: StateStore = new MemoryStateStore({ ttlSeconds: 3600 }),
): Promise<Services> {
  return createServices(testConfig(), silentLogger, store);
}

let turnCounter = 0;
/** A turn in a conversation of its own unless one is given. */
export function turn(text: string, overrides: Partial<Turn> = {}): Turn {
  turnCounter++;
  return { text, userId: "u1", conversationId: `test-${turnCounter}`, platform: "test", ...overrides };
}

/** A minimal valid entry for tests that need a knowledge base of their own. */
export function entry(id: string, fields: Partial<Entry> & { body?: string; bodyEn?: string } = {}): Entry {
  const body = fields.body ?? "Allgemeiner Text.";
  return {
    id,
    kind: "concept",
    title: { de: id, en: id },
    aliases: { de: [], en: [] },
    summary: { de: "Eine Zusammenfassung.", en: "A summary." },
    related: [],
    sources: [{ title: "Quelle" }],
    sections: {
      de: { details: [{ type: "paragraph", text: body }] },
      en: { details: [{ type: "paragraph", text: fields.bodyEn ?? "General text." }] },
    },
    file: `concepts/${id}.md`,
    ...fields,
  };
}

/**
 * The Redis server for tests: REDIS_URL, or a local server on the default port. Without one the Redis
 * tests are skipped locally with a notice; in CI they must run.
 */
export async function findRedis(): Promise<string | undefined> {
  const url = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const probe = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
    retryStrategy: () => null,
  });
  try {
    await probe.connect();
    await probe.ping();
    return url;
  } catch {
    if (process.env.CI)
      throw new Error(`CI needs a Redis server for the Redis tests, none answers at ${url}`);
    console.warn(
      `\n*** Redis tests SKIPPED: no Redis server at ${url}. Set REDIS_URL or start redis-server. ***\n`,
    );
    return undefined;
  } finally {
    probe.disconnect();
  }
}

/** Removes a test's keys from Redis (every key under its prefix). */
export async function deleteKeys(redisUrl: string, prefix: string): Promise<void> {
  const admin = new Redis(redisUrl);
  const keys = await admin.keys(`${prefix}*`);
  if (keys.length > 0) await admin.del(...keys);
  await admin.quit();
}

/** The facts, sources and links a reply's body shows, for assertions. */
export function factsOf(reply: Reply): Fact[] {
  return elementsOf(reply, "facts").flatMap((element) => element.facts);
}

export function sourcesOf(reply: Reply): Source[] {
  return elementsOf(reply, "sources").flatMap((element) => element.sources);
}

export function linksOf(reply: Reply): Link[] {
  return elementsOf(reply, "links").flatMap((element) => element.links);
}

/** The paragraphs and list items of a reply's body as lines of text. */
export function textLines(reply: Reply): string[] {
  return reply.body.flatMap((element) =>
    element.type === "paragraph" ? [element.text] : element.type === "list" ? element.items : [],
  );
}
