import path from "node:path";
import type { Config } from "./config.js";
import { Bot } from "./core/bot.js";
import { loadKnowledgeBase, type KnowledgeBase } from "./knowledge/knowledge-base.js";
import { formatProblem } from "./knowledge/problems.js";
import type { Logger } from "./logger.js";
import { DEFAULT_THRESHOLDS, Retriever } from "./search/retriever.js";
import { MemoryStateStore } from "./state/memory.js";
import { RedisStateStore } from "./state/redis.js";
import type { StateStore } from "./state/types.js";

/** Everything an adapter needs to answer: the bot and what it is built from. */
export interface Services {
  config: Config;
  logger: Logger;
  knowledge: KnowledgeBase;
  retriever: Retriever;
  store: StateStore;
  bot: Bot;
}

export async function createStore(config: Config, logger?: Logger): Promise<StateStore> {
  if (!config.REDIS_URL) return new MemoryStateStore({ ttlSeconds: config.STATE_TTL_SECONDS });
  const options = {
    ttlSeconds: config.STATE_TTL_SECONDS,
    feedbackTtlSeconds: config.FEEDBACK_TTL_DAYS * 24 * 60 * 60,
    prefix: config.REDIS_KEY_PREFIX,
  };
  return RedisStateStore.connect(config.REDIS_URL, options, logger);
}

export async function createServices(
  config: Config,
  logger: Logger,
  givenStore?: StateStore,
): Promise<Services> {
  const store = givenStore ?? (await createStore(config, logger));
  const { knowledge, warnings } = await loadKnowledgeBase(path.resolve(config.KNOWLEDGE_DIR));
  if (warnings.length > 0) {
    logger.warn(
      { count: warnings.length, first: warnings.slice(0, 3).map(formatProblem) },
      "knowledge base has warnings",
    );
  }
  const retriever = new Retriever(knowledge.entries, DEFAULT_THRESHOLDS, knowledge.synonyms);
  const bot = new Bot({ knowledge, retriever, store, publicationUrl: config.PUBLICATION_URL, logger });
  logger.info(
    { entries: knowledge.entries.length, state: config.REDIS_URL ? "redis" : "memory" },
    "knowledge loaded",
  );
  return { config, logger, knowledge, retriever, store, bot };
}
