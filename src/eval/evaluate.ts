import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { Bot } from "../core/bot.js";
import type { Reply } from "../core/types.js";
import type { KnowledgeBase } from "../knowledge/knowledge-base.js";

const caseSchema = z.object({ question: z.string(), expected: z.array(z.string()) });
export type EvalCase = z.infer<typeof caseSchema>;

export interface Miss {
  question: string;
  expected: string[];
  outcome: Reply["outcome"];
  got: string[];
}

export interface EvalReport {
  /** Share of in-scope questions whose first answer is right (a „Meinten Sie …?“ by its first choice). */
  top1: number;
  /**
   * The same, where a „Meinten Sie …?“ counts only for a question that really is ambiguous (its set lists
   * two or more right entries); asking back about an unambiguous question is not a right answer.
   */
  strictTop1: number;
  /** Share of all questions answered with „Meinten Sie …?“. */
  clarified: number;
  top3: number;
  /** Mean reciprocal rank of the first right answer over in-scope questions. */
  mrr: number;
  /** Share of out-of-scope questions the bot declined. */
  declinedOutOfScope: number;
  /** Share of in-scope questions the bot declined. */
  wronglyDeclined: number;
  count: number;
  misses: Miss[];
}

/** Reads a JSONL file of cases; an invalid line is an error naming its line number. */
export async function readCases(file: string): Promise<EvalCase[]> {
  const lines = (await readFile(file, "utf8")).split("\n");
  const cases: EvalCase[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new Error(`${file}:${i + 1}: not valid JSON`);
    }
    const result = caseSchema.safeParse(parsed);
    if (!result.success)
      throw new Error(`${file}:${i + 1}: needs "question" (text) and "expected" (list of ids)`);
    cases.push(result.data);
  });
  return cases;
}

/**
 * The entries a reply offers, best first: the answered entry, the "Meinten Sie …?" choices or the methods found, then the
 * other candidates retrieval considered. Empty when the bot declined or answered without an entry.
 */
export function rankingOf(reply: Reply): string[] {
  const first: string[] = [];
  if (reply.outcome === "answered" && reply.entryId) first.push(reply.entryId);
  // "Meinten Sie …?" and the methods a finder or an alternative offers rank their choices.
  if (reply.outcome === "clarify" || (reply.outcome === "answered" && reply.choices.length > 0)) {
    for (const choice of reply.choices) if (choice.action.type === "entry") first.push(choice.action.entryId);
  }
  if (first.length === 0) return [];
  return [...new Set([...first, ...reply.candidates.map((candidate) => candidate.entryId)])];
}

function accepts(expected: readonly string[], id: string, knowledge: KnowledgeBase): boolean {
  const topic = knowledge.get(id)?.topic;
  return expected.some((item) => item === id || (topic !== undefined && item === `topic:${topic}`));
}

function share(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

/** One question and how the bot answered it. */
export interface Answer {
  testCase: EvalCase;
  outcome: Reply["outcome"];
  ranking: string[];
}

/** Asks the bot every question, each in a conversation of its own. */
export async function askAll(bot: Bot, cases: readonly EvalCase[]): Promise<Answer[]> {
  // Conversation ids of this run only, also when the same bot evaluates several sets.
  const run = randomUUID();
  const answers: Answer[] = [];
  for (const [i, testCase] of cases.entries()) {
    const reply = await bot.handle({
      text: testCase.question,
      userId: "eval",
      conversationId: `eval-${run}-${i}`,
      platform: "eval",
    });
    answers.push({ testCase, outcome: reply.outcome, ranking: rankingOf(reply) });
  }
  return answers;
}

/** Scores answers; any subset of one run's answers (a half of the set) can be scored on its own. */
export function score(answers: readonly Answer[], knowledge: KnowledgeBase): EvalReport {
  let inScope = 0;
  let outOfScope = 0;
  let top1 = 0;
  let strictTop1 = 0;
  let clarified = 0;
  let top3 = 0;
  let reciprocalRanks = 0;
  let declinedOutOfScope = 0;
  let wronglyDeclined = 0;
  const misses: Miss[] = [];

  for (const { testCase, outcome, ranking } of answers) {
    if (outcome === "clarify") clarified++;
    const miss = {
      question: testCase.question,
      expected: testCase.expected,
      outcome,
      got: ranking.slice(0, 3),
    };

    if (testCase.expected.length === 0) {
      outOfScope++;
      if (ranking.length === 0) declinedOutOfScope++;
      else misses.push(miss);
      continue;
    }
    inScope++;
    if (ranking.length === 0) wronglyDeclined++;
    const rank = ranking.findIndex((id) => accepts(testCase.expected, id, knowledge)) + 1;
    if (rank === 1) top1++;
    if (rank === 1 && (outcome !== "clarify" || testCase.expected.length >= 2)) strictTop1++;
    if (rank >= 1 && rank <= 3) top3++;
    if (rank >= 1) reciprocalRanks += 1 / rank;
    if (rank !== 1) misses.push(miss);
  }

  return {
    top1: share(top1, inScope),
    strictTop1: share(strictTop1, inScope),
    clarified: share(clarified, answers.length),
    top3: share(top3, inScope),
    mrr: share(reciprocalRanks, inScope),
    declinedOutOfScope: share(declinedOutOfScope, outOfScope),
    wronglyDeclined: inScope === 0 ? 0 : wronglyDeclined / inScope,
    count: answers.length,
    misses,
  };
}

/** Asks the bot every question in a fresh conversation and scores the answers. */
export async function evaluate(
  bot: Bot,
  knowledge: KnowledgeBase,
  cases: readonly EvalCase[],
): Promise<EvalReport> {
  return score(await askAll(bot, cases), knowledge);
}
