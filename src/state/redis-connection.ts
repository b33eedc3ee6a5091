import { Redis, ReplyError, type RedisOptions } from "ioredis";
import type { Logger } from "pino";
import { RedisHealth, type WatchedConnection } from "./redis-health.js";
import { StoreUnavailableError } from "./unavailable.js";

export const DEFAULT_COMMAND_TIMEOUT_MS = 200;

/** Pause before the n-th reconnect attempt: doubling from 100 ms to at most 2 s, for as long as it takes. */
export function reconnectDelay(attempt: number): number {
  return Math.min(100 * 2 ** Math.max(0, attempt - 1), 2_000);
}

/**
 * Options for a connection that turns may wait on. A command fails after `commandTimeoutMs` instead of
 * hanging with a stalled Redis, and a socket that stays silent that long is dropped and reconnected;
 * while Redis is away commands fail at once instead of waiting in a queue.
 */
export function failFastOptions(commandTimeoutMs: number) {
  return {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    autoResendUnfulfilledCommands: false,
    connectTimeout: 5_000,
    commandTimeout: commandTimeoutMs,
    socketTimeout: commandTimeoutMs,
    retryStrategy: reconnectDelay,
  } satisfies RedisOptions;
}

export interface RedisConnectionOptions {
  /** What the connection is for, in the log ("state", "weekly-tip"). */
  name: string;
  /** Shared by the process's connections, so that an outage is logged once. */
  health?: RedisHealth | undefined;
  logger?: Logger | undefined;
  commandTimeoutMs?: number | undefined;
  /** How long opening waits for Redis before the bot starts without it. */
  readyTimeoutMs?: number | undefined;
}

/** Read afresh each time: the status changes while a command is awaited. */
function isReady(redis: Redis): boolean {
  return redis.status === "ready";
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A Redis connection whose commands never keep a turn waiting long: they fail after the command timeout,
 * and at once while the connection is known to be lost (until ioredis has reconnected and Redis answers
 * again). Failures of the connection surface as StoreUnavailableError.
 */
export class RedisConnection {
  private closing = false;

  private constructor(
    readonly redis: Redis,
    private readonly watched: WatchedConnection,
  ) {
    // Without an error listener each failed reconnect would be an unhandled error.
    redis.on("error", (error: Error) => {
      if (!this.closing) watched.lost(error.message);
    });
    redis.on("close", () => {
      if (!this.closing) watched.lost("connection closed");
    });
    redis.on("ready", () => {
      watched.ready();
    });
  }

  /**
   * Connects and waits until Redis is ready, or until `readyTimeoutMs` has passed: a bot whose Redis is
   * away still starts and answers, and the connection is used once Redis is back.
   */
  static async open(url: string, options: RedisConnectionOptions): Promise<RedisConnection> {
    const health = options.health ?? new RedisHealth(options.logger);
    const redis = new Redis(url, failFastOptions(options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS));
    const connection = new RedisConnection(redis, health.watch(options.name));
    const ready = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        resolve(false);
      }, options.readyTimeoutMs ?? 3_000);
      redis.once("ready", () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (!ready) connection.watched.lost("not ready at start-up");
    return connection;
  }

  /** Runs commands unless the connection is known to be lost; a timeout marks it lost and reconnects. */
  async run<T>(commands: (redis: Redis) => Promise<T>): Promise<T> {
    if (!this.watched.usable || !isReady(this.redis)) throw new StoreUnavailableError();
    try {
      return await commands(this.redis);
    } catch (error) {
      // Redis answered with an error: the connection is fine, the command was not.
      if (error instanceof ReplyError) throw error;
      this.watched.lost(reasonOf(error));
      // A timed-out command may leave the socket open; a fresh one proves Redis is back before use.
      if (isReady(this.redis)) this.redis.disconnect(true);
      throw new StoreUnavailableError({ cause: error });
    }
  }

  /** True when Redis answers within the command timeout (for readiness checks). */
  async ping(): Promise<boolean> {
    try {
      await this.run((redis) => redis.ping());
      return true;
    } catch {
      return false;
    }
  }

  /** Closes politely, or at once when Redis is away. */
  async close(): Promise<void> {
    this.closing = true;
    this.watched.forget();
    await this.redis.quit().catch(() => {
      this.redis.disconnect();
    });
  }
}
