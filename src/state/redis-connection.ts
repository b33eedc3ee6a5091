import { Redis } from "ioredis";
import type { Logger } from "pino";

/**
 * Connects and waits until Redis is ready, or until `readyTimeoutMs` has passed: a bot whose Redis is
 * away still starts and answers, and ioredis reconnects when Redis is back. While it is away, commands
 * fail at once instead of waiting in a queue.
 */
export async function openRedis(url: string, logger?: Logger, readyTimeoutMs = 3_000): Promise<Redis> {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 5_000,
  });
  // Without a listener each failed reconnect would be an unhandled error; one warning per outage.
  let warned = false;
  redis.on("error", (error: Error) => {
    if (!warned) logger?.warn({ err: { message: error.message } }, "Redis connection problem");
    warned = true;
  });
  redis.on("ready", () => {
    if (warned) logger?.info("Redis connection is back");
    warned = false;
  });
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => {
      resolve(false);
    }, readyTimeoutMs);
    redis.once("ready", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
  if (!ready) logger?.warn("Redis is not reachable yet; carrying on without it until it reconnects");
  return redis;
}

/** True when Redis answers (for readiness checks). */
export async function answers(redis: Redis): Promise<boolean> {
  try {
    await redis.ping();
    return true;
  } catch {
    return false;
  }
}

/** Closes politely, or at once when Redis is away. */
export async function closeRedis(redis: Redis): Promise<void> {
  await redis.quit().catch(() => {
    redis.disconnect();
  });
}
