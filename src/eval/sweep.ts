import type { Logger } from "pino";
import { Bot } from "../core/bot.js";
import type { StorageFacts } from "../core/privacy/storage-facts.js";
import type { KnowledgeBase } from "../knowledge/knowledge-base.js";
import { DEFAULT_THRESHOLDS, Retriever, type Thresholds } from "../search/retriever.js";
import { MemoryStateStore } from "../state/memory.js";
import { evaluate, type EvalCase, type EvalReport } from "./evaluate.js";

export interface SweepRow {
  thresholds: Thresholds;
  report: EvalReport;
}

const ANSWER_CONFIDENCES = [0.4, 0.45, 0.5, 0.55, 0.6, 0.65];
const CLOSE_CONFIDENCES = [0.05, 0.12, 0.2];

/** Evaluates the question set for a grid of decision thresholds, to calibrate the defaults. */
export async function sweepThresholds(
  knowledge: KnowledgeBase,
  cases: readonly EvalCase[],
  logger: Logger,
  publicationUrl: string,
  storage: StorageFacts,
): Promise<SweepRow[]> {
  const rows: SweepRow[] = [];
  for (const answerConfidence of ANSWER_CONFIDENCES) {
    for (const closeConfidence of CLOSE_CONFIDENCES) {
      const thresholds = { ...DEFAULT_THRESHOLDS, answerConfidence, closeConfidence };
      const bot = new Bot({
        knowledge,
        retriever: new Retriever(knowledge.entries, thresholds, knowledge.synonyms),
        store: new MemoryStateStore({ ttlSeconds: 60 }),
        publicationUrl,
        logger,
        storage,
      });
      rows.push({ thresholds, report: await evaluate(bot, knowledge, cases) });
    }
  }
  return rows;
}
