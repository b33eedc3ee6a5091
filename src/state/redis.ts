import type { Logger } from "pino";
import { decodeState, encodeState } from "./codec.js";
import { RedisConnection } from "./redis-connection.js";
import type { RedisHealth } from "./redis-health.js";
import type { ConversationState, StateStore } from "./types.js";

export interface RedisStoreOptions {
  ttlSeconds: number;
  feedbackTtlSeconds: number;
  /** Namespace of all keys, e.g. "beteiligungslotse:". */
  prefix: string;
  /** How long a command may take before the turn carries on without it (default 200 ms). */
  commandTimeoutMs?: number | undefined;
  /** The process's view of Redis, shared with its other connections so an outage is logged once. */
  health?: RedisHealth | undefined;
}

/**
 * Conversation state in Redis: one GET and one SET … EX per message, every key expiring. While Redis is
 * unusable every method fails fast with StoreUnavailableError.
 */
export class RedisStateStore implements StateStore {
  constructor(
    private readonly connection: RedisConnection,
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
    const connection = await RedisConnection.open(url, {
      name: "state",
      health: options.health,
      logger,
      commandTimeoutMs: options.commandTimeoutMs,
      readyTimeoutMs,
    });
    return new RedisStateStore(connection, options);
  }

  private conversationKey(key: string): string {
    return `${this.options.prefix}conv:${key}`;
  }

  private feedbackKey(entryId: string): string {
    return `${this.options.prefix}feedback:${entryId}`;
  }

  async load(key: string): Promise<ConversationState | undefined> {
    return decodeState(await this.connection.run((redis) => redis.get(this.conversationKey(key))));
  }

  async save(key: string, state: ConversationState): Promise<void> {
    const value = encodeState(state);
    await this.connection.run((redis) =>
      redis.set(this.conversationKey(key), value, "EX", this.options.ttlSeconds),
    );
  }

  async forget(key: string): Promise<void> {
    await this.connection.run((redis) => redis.del(this.conversationKey(key)));
  }

  async recordFeedback(entryId: string, helpful: boolean): Promise<void> {
    const key = this.feedbackKey(entryId);
    await this.connection.run((redis) =>
      redis
        .multi()
        .hincrby(key, helpful ? "helpful" : "unhelpful", 1)
        .expire(key, this.options.feedbackTtlSeconds)
        .exec(),
    );
  }

  async feedbackFor(entryId: string): Promise<{ helpful: number; unhelpful: number }> {
    const counts = await this.connection.run((redis) => redis.hgetall(this.feedbackKey(entryId)));
    return { helpful: Number(counts.helpful ?? 0), unhelpful: Number(counts.unhelpful ?? 0) };
  }

  private claimKey(key: string): string {
    return `${this.options.prefix}claim:${key}`;
  }

  private recordKey(key: string): string {
    return `${this.options.prefix}record:${key}`;
  }

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    const claimed = await this.connection.run((redis) =>
      redis.set(this.claimKey(key), "1", "EX", ttlSeconds, "NX"),
    );
    return claimed === "OK";
  }

  async release(key: string): Promise<void> {
    await this.connection.run((redis) => redis.del(this.claimKey(key)));
  }

  async getRecord(key: string): Promise<string | undefined> {
    return (await this.connection.run((redis) => redis.get(this.recordKey(key)))) ?? undefined;
  }

  async putRecord(key: string, value: string, ttlSeconds?: number): Promise<void> {
    await this.connection.run((redis) =>
      ttlSeconds === undefined
        ? redis.set(this.recordKey(key), value)
        : redis.set(this.recordKey(key), value, "EX", ttlSeconds),
    );
  }

  async deleteRecord(key: string): Promise<void> {
    await this.connection.run((redis) => redis.del(this.recordKey(key)));
  }

  ping(): Promise<boolean> {
    return this.connection.ping();
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}
