import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Config } from "../config.js";
import { RedisConnection } from "../state/redis-connection.js";
import type { Pseudonyms } from "../state/pseudonyms.js";
import type { RedisHealth } from "../state/redis-health.js";
import { RateLimits, type TurnLimits } from "./turn-limits.js";

export interface Limits {
  /** Undefined where every limit is switched off (0). */
  turns: TurnLimits | undefined;
  close(): Promise<void>;
}

type LimitName = "user" | "conversation";

/**
 * With Redis, one count per user and conversation for all replicas; each limiter is insured by one in
 * memory, so while Redis is away every replica still limits on its own (each up to the full limit).
 */
function limiterFor(
  name: LimitName,
  points: number,
  config: Config,
  redis: Redis | undefined,
): RateLimiterAbstract | undefined {
  if (points === 0) return undefined;
  const duration = config.RATE_LIMIT_WINDOW_SECONDS;
  const memory = new RateLimiterMemory({ points, duration, keyPrefix: `limit-${name}` });
  if (!redis) return memory;
  return new RateLimiterRedis({
    storeClient: redis,
    points,
    duration,
    keyPrefix: `${config.REDIS_KEY_PREFIX}limit-${name}`,
    // A Redis that is not connected answers from the insurance at once instead of failing each turn.
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
  });
}

/**
 * The rate limits the configuration asks for, on Redis when REDIS_URL is set. The connection fails fast
 * like the state store's: a hanging Redis costs a turn at most the command timeout, then the in-memory
 * insurance counts.
 */
export async function createLimits(
  config: Config,
  logger: Logger,
  pseudonyms: Pseudonyms,
  health?: RedisHealth,
): Promise<Limits> {
  const perUser = config.RATE_LIMIT_PER_USER;
  const perConversation = config.RATE_LIMIT_PER_CONVERSATION;
  if (perUser === 0 && perConversation === 0) return { turns: undefined, close: () => Promise.resolve() };
  const log = logger.child({ part: "rate-limits" });
  const connection = config.REDIS_URL
    ? await RedisConnection.open(config.REDIS_URL, {
        name: "rate-limits",
        health,
        logger: log,
        commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS,
      })
    : undefined;
  const redis = connection?.redis;
  const turns = new RateLimits(
    {
      perUser: limiterFor("user", perUser, config, redis),
      perConversation: limiterFor("conversation", perConversation, config, redis),
    },
    log,
    pseudonyms,
  );
  return { turns, close: () => (connection ? connection.close() : Promise.resolve()) };
}
