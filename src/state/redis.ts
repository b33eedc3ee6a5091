import { Redis } from "ioredis";
import type { Logger } from "pino";
import { decodeState, encodeState } from "./codec.js";
import { answers, closeRedis, openRedis } from "./redis-connection.js";
import type { ConversationState, StateStore } from "./types.js";

export interface RedisStoreOptions {
  ttlSeconds: number;
  feedbackTtlSeconds: number;
  /** Namespace of all keys, e.g. "beteiligungslotse:". */
  prefix: string;
}

/** Conversation state in Redis: one GET and one SET … EX per message, every key expiring. */
export class RedisStateStore implements StateStore {
  constructor(
    private readonly redis: Redis,
    private readonly options: RedisStoreOptions,
  ) {}

  /**
   * Connects and waits until Redis is ready, or until `readyTimeoutMs` has passed: a bot whose Redis is
   * away still starts and answers, without follow-up context, and reconnects when Redis is back.
   */
  static async connect(
    url: string,
    options: RedisStoreOptions,
    logger?: Logger,
    readyTimeoutMs = 3_000,
  ): Promise<RedisStateStore> {
    const redis = await openRedis(url, logger, readyTimeoutMs);
    return new RedisStateStore(redis, options);
  }

  private conversationKey(key: string): string {
    return `${this.options.prefix}conv:${key}`;
  }

  private feedbackKey(entryId: string): string {
    return `${this.options.prefix}feedback:${entryId}`;
  }

  async load(key: string): Promise<ConversationState | undefined> {
    return decodeState(await this.redis.get(this.conversationKey(key)));
  }

  async save(key: string, state: ConversationState): Promise<void> {
    await this.redis.set(this.conversationKey(key), encodeState(state), "EX", this.options.ttlSeconds);
  }

  async recordFeedback(entryId: string, helpful: boolean): Promise<void> {
    const key = this.feedbackKey(entryId);
    await this.redis
      .multi()
      .hincrby(key, helpful ? "helpful" : "unhelpful", 1)
      .expire(key, this.options.feedbackTtlSeconds)
      .exec();
  }

  async feedbackFor(entryId: string): Promise<{ helpful: number; unhelpful: number }> {
    const counts = await this.redis.hgetall(this.feedbackKey(entryId));
    return { helpful: Number(counts.helpful ?? 0), unhelpful: Number(counts.unhelpful ?? 0) };
  }

  private claimKey(key: string): string {
    return `${this.options.prefix}claim:${key}`;
  }

  private recordKey(key: string): string {
    return `${this.options.prefix}record:${key}`;
  }

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    return (await this.redis.set(this.claimKey(key), "1", "EX", ttlSeconds, "NX")) === "OK";
  }

  async release(key: string): Promise<void> {
    await this.redis.del(this.claimKey(key));
  }

  async getRecord(key: string): Promise<string | undefined> {
    return (await this.redis.get(this.recordKey(key))) ?? undefined;
  }

  async putRecord(key: string, value: string, ttlSeconds?: number): Promise<void> {
    if (ttlSeconds === undefined) await this.redis.set(this.recordKey(key), value);
    else await this.redis.set(this.recordKey(key), value, "EX", ttlSeconds);
  }

  async deleteRecord(key: string): Promise<void> {
    await this.redis.del(this.recordKey(key));
  }

  ping(): Promise<boolean> {
    return answers(this.redis);
  }

  close(): Promise<void> {
    return closeRedis(this.redis);
  }
}
