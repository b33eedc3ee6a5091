import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { KnowledgeBase } from "../knowledge/knowledge-base.js";
import { RedisConnection } from "../state/redis-connection.js";
import type { Pseudonyms } from "../state/pseudonyms.js";
import type { RedisHealth } from "../state/redis-health.js";
import { BullmqTipScheduler } from "./bullmq-scheduler.js";
import { TipDelivery, type DeliveryObserver, type RetryPolicy } from "./delivery.js";
import { MemorySubscriptionStore } from "./memory-store.js";
import { RedisSubscriptionStore } from "./redis-store.js";
import type { TipScheduler } from "./scheduler.js";
import type { Sender } from "./sender.js";
import type { SubscriptionStore } from "./store.js";
import { TimerTipScheduler } from "./timer-scheduler.js";
import { TipService } from "./tip-service.js";

export { TipService } from "./tip-service.js";
export type { Sender } from "./sender.js";

export interface TipsOptions {
  config: Config;
  logger: Logger;
  knowledge: KnowledgeBase;
  senders: readonly Sender[];
  /** A test's clock and waits; real time otherwise. */
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  retry?: RetryPolicy;
  leaseMs?: number;
  /** The process's view of Redis, so that an outage is logged once for all its connections. */
  redisHealth?: RedisHealth | undefined;
  /** Counts deliveries for monitoring. */
  observer?: DeliveryObserver | undefined;
  /** The names subscriptions and their creators are filed under. */
  pseudonyms?: Pseudonyms | undefined;
}

/** BullMQ's keys under the project's prefix, without a trailing colon (BullMQ adds its own). */
function bullPrefix(prefix: string): string {
  return `${prefix}bull`.replace(/:+bull$/, ":bull");
}

/**
 * The weekly tip's subscriptions, delivery and scheduling: in Redis with BullMQ when REDIS_URL is set,
 * otherwise in this process (and lost on restart, as the log says).
 */
export async function createTips(options: TipsOptions): Promise<TipService> {
  const { config, logger, knowledge } = options;
  const log = logger.child({ part: "weekly-tip" });
  const ttlSeconds = config.TIP_SUBSCRIPTION_TTL_DAYS * 24 * 60 * 60;
  const senders = new Map(options.senders.map((sender) => [sender.platform, sender]));
  const now = options.now ?? (() => new Date());

  const store: SubscriptionStore = config.REDIS_URL
    ? new RedisSubscriptionStore(
        await RedisConnection.open(config.REDIS_URL, {
          name: "weekly-tip",
          health: options.redisHealth,
          logger: log,
          commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS,
        }),
        config.REDIS_KEY_PREFIX,
        ttlSeconds,
      )
    : new MemorySubscriptionStore(ttlSeconds, () => now().getTime());
  const delivery = new TipDelivery({
    store,
    senders,
    knowledge,
    publicationUrl: config.PUBLICATION_URL,
    logger: log,
    sleep: options.sleep,
    retry: options.retry,
    leaseMs: options.leaseMs,
    observer: options.observer,
  });
  const scheduler: TipScheduler = config.REDIS_URL
    ? new BullmqTipScheduler({
        redisUrl: config.REDIS_URL,
        prefix: bullPrefix(config.REDIS_KEY_PREFIX),
        store,
        delivery,
        logger: log,
        now,
        commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS,
        health: options.redisHealth,
      })
    : new TimerTipScheduler(delivery, log, now);
  return new TipService({
    store,
    scheduler,
    delivery,
    senders,
    defaultSchedule: config.TIP_DEFAULT_SCHEDULE,
    timeZone: config.TIP_TIMEZONE,
    logger: log,
    pseudonyms: options.pseudonyms,
    now,
  });
}
