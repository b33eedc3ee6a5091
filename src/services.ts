import path from "node:path";
import type { Adapter } from "./adapter.js";
import type { Config } from "./config.js";
import { Bot } from "./core/bot.js";
import { loadKnowledgeBase, type KnowledgeBase } from "./knowledge/knowledge-base.js";
import { formatProblem } from "./knowledge/problems.js";
import { createLimits, type Limits } from "./limits/create-limits.js";
import { Metrics } from "./metrics/metrics.js";
import { ObservedStateStore } from "./metrics/observed-store.js";
import type { Logger } from "./logger.js";
import { PendingWork } from "./pending-work.js";
import { createTips, type TipService } from "./proactive/index.js";
import type { RetryPolicy } from "./proactive/delivery.js";
import { DEFAULT_THRESHOLDS, Retriever } from "./search/retriever.js";
import { MemoryStateStore } from "./state/memory.js";
import { Pseudonyms } from "./state/pseudonyms.js";
import { RedisHealth } from "./state/redis-health.js";
import { RedisStateStore } from "./state/redis.js";
import type { StateStore } from "./state/types.js";
import type { StorageFacts } from "./core/privacy/storage-facts.js";

const DAY_SECONDS = 24 * 60 * 60;

/** What the configuration keeps and for how long, for the privacy reply. */
export function storageFactsOf(config: Config, store: StateStore): StorageFacts {
  const limited = config.RATE_LIMIT_PER_USER > 0 || config.RATE_LIMIT_PER_CONVERSATION > 0;
  return {
    where: store instanceof RedisStateStore ? "redis" : "memory",
    stateTtlSeconds: config.STATE_TTL_SECONDS,
    voteTtlSeconds: config.FEEDBACK_TTL_DAYS * DAY_SECONDS,
    rateLimitWindowSeconds: limited ? config.RATE_LIMIT_WINDOW_SECONDS : 0,
    tipSubscriptionTtlSeconds: config.TIP_SUBSCRIPTION_TTL_DAYS * DAY_SECONDS,
  };
}

/** The search index over a knowledge base, with the thresholds the evaluation calibrated. */
function retrieverOf(knowledge: KnowledgeBase): Retriever {
  return new Retriever(knowledge.entries, DEFAULT_THRESHOLDS, knowledge.synonyms);
}

/**
 * Puts a new version of the knowledge base into service (see src/reload): the bot, the weekly tip and
 * the adapters' searches answer from it from the next turn on.
 */
export function useKnowledge(services: Services, knowledge: KnowledgeBase): void {
  const retriever = retrieverOf(knowledge);
  services.knowledge = knowledge;
  services.retriever = retriever;
  services.bot.useKnowledge(knowledge, retriever);
  services.tips.delivery.useKnowledge(knowledge);
}

/** Everything an adapter needs to answer: the bot and what it is built from. */
export interface Services {
  config: Config;
  logger: Logger;
  knowledge: KnowledgeBase;
  retriever: Retriever;
  store: StateStore;
  /** The weekly tip: subscriptions, scheduling and delivery through the adapters' senders. */
  tips: TipService;
  /** Prometheus metrics of this instance, served at /metrics. */
  metrics: Metrics;
  /** The rate limits the bot applies to every turn; close() ends their Redis connection. */
  limits: Limits;
  bot: Bot;
  /** Requests and acknowledged turns in progress, which a shutdown lets finish. */
  pending: PendingWork;
}

export interface ServiceOptions {
  store?: StateStore;
  /** Adapters whose senders deliver the weekly tip. */
  adapters?: readonly Adapter[];
  /** A test's clock and waits. */
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  retry?: RetryPolicy;
  leaseMs?: number;
  /** false for tools that ask on their owner's behalf (the CLI, the evaluation): no rate limits. */
  limits?: boolean;
}

/**
 * The names state is filed under. Without STATE_HASH_SECRET they are plain hashes, which whoever reads
 * a Redis dump could match to guessed ids; a deployment with Redis is told so once at start-up.
 */
function pseudonymsOf(config: Config, logger: Logger): Pseudonyms {
  const pseudonyms = Pseudonyms.fromSecret(config.STATE_HASH_SECRET);
  if (config.REDIS_URL && !pseudonyms.isKeyed)
    logger.warn("STATE_HASH_SECRET is not set: state in Redis is filed under plain hashes of platform ids");
  return pseudonyms;
}

export async function createStore(
  config: Config,
  logger?: Logger,
  health?: RedisHealth,
): Promise<StateStore> {
  if (!config.REDIS_URL) return new MemoryStateStore({ ttlSeconds: config.STATE_TTL_SECONDS });
  const options = {
    ttlSeconds: config.STATE_TTL_SECONDS,
    feedbackTtlSeconds: config.FEEDBACK_TTL_DAYS * 24 * 60 * 60,
    prefix: config.REDIS_KEY_PREFIX,
    commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS,
    health,
  };
  return RedisStateStore.connect(config.REDIS_URL, options, logger);
}

export async function createServices(
  config: Config,
  logger: Logger,
  givenStore?: StateStore,
  options: ServiceOptions = {},
): Promise<Services> {
  // One view of Redis for all of the process's connections, so that an outage is logged once.
  const redisHealth = new RedisHealth(logger);
  const plainStore = givenStore ?? options.store ?? (await createStore(config, logger, redisHealth));
  const pseudonyms = pseudonymsOf(config, logger);
  const metrics = new Metrics({
    store: plainStore,
    storeKind: plainStore instanceof RedisStateStore ? "redis" : "memory",
  });
  // Every part that uses the store (core, adapters' records) has its failures counted.
  const store = new ObservedStateStore(plainStore, metrics);
  const { knowledge, warnings } = await loadKnowledgeBase(path.resolve(config.KNOWLEDGE_DIR));
  if (warnings.length > 0) {
    logger.warn(
      { count: warnings.length, first: warnings.slice(0, 3).map(formatProblem) },
      "knowledge base has warnings",
    );
  }
  const retriever = retrieverOf(knowledge);
  const senders = (options.adapters ?? []).flatMap(
    (adapter) => adapter.sender?.({ records: store, logger }) ?? [],
  );
  const tips = await createTips({
    config,
    logger,
    knowledge,
    senders,
    now: options.now,
    sleep: options.sleep,
    retry: options.retry,
    leaseMs: options.leaseMs,
    redisHealth,
    observer: metrics,
    pseudonyms,
  });
  const limits =
    options.limits === false
      ? { turns: undefined, close: () => Promise.resolve() }
      : await createLimits(config, logger, pseudonyms, redisHealth);
  const bot = new Bot({
    knowledge,
    retriever,
    store,
    publicationUrl: config.PUBLICATION_URL,
    logger,
    subscriptions: tips,
    limits: limits.turns,
    storage: storageFactsOf(config, plainStore),
    observer: metrics,
    pseudonyms,
    now: options.now,
  });
  logger.info(
    { entries: knowledge.entries.length, state: config.REDIS_URL ? "redis" : "memory" },
    "knowledge loaded",
  );
  return {
    config,
    logger,
    knowledge,
    retriever,
    store,
    tips,
    metrics,
    limits,
    bot,
    pending: new PendingWork(),
  };
}
