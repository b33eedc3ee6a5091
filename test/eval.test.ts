import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { requiredEntryGaps } from "../src/eval/coverage.js";
import { evaluate, readCases, type EvalCase, type EvalReport } from "../src/eval/evaluate.js";
import { loadRequiredEntries } from "../src/knowledge/required.js";
import type { Services } from "../src/services.js";
import { KNOWLEDGE_DIR, ROOT, testServices } from "./helpers.js";

/**
 * What knowledge base and retrieval reach together on the gate set, as a guard against regressions. The
 * gate set was written from the knowledge entries alone, by someone who saw neither the code nor the
 * other sets; it is only measured, never tuned on (its misses are not even printed) – see README,
 * "Evaluation".
 */
// Top-3 was 0.957 when the set was first measured; the finder's reading of stated situations, merged
// after, cost it one question (0.954); typos with swapped letters, forgiven since, raised it to 0.963.
// Measured, not tuned: nobody reads this set's misses.
const REACHED = { top1: 0.935, top3: 0.963, declinedOutOfScope: 0.862, wronglyDeclined: 0.016 };
/**
 * The same for the development sets (see README, "Evaluation"). questions.jsonl was the gate set until
 * the retriever's thresholds had been calibrated on it; it is a development set since.
 */
const DEVELOPMENT_SETS = [
  {
    file: "test/eval/questions.jsonl",
    reached: { top1: 0.885, top3: 0.95, declinedOutOfScope: 0.91, wronglyDeclined: 0.02 },
  },
  {
    file: "test/eval/development.jsonl",
    reached: { top1: 0.86, top3: 0.92, declinedOutOfScope: 0.89, wronglyDeclined: 0.04 },
  },
  {
    file: "test/eval/chat-and-facts.jsonl",
    reached: { top1: 0.67, top3: 0.81, declinedOutOfScope: 0.67, wronglyDeclined: 0.11 },
  },
  {
    file: "test/eval/situations.jsonl",
    reached: { top1: 0.63, top3: 0.81, declinedOutOfScope: 0.75, wronglyDeclined: 0.03 },
  },
  {
    file: "test/eval/colloquial.jsonl",
    reached: { top1: 0.57, top3: 0.745, declinedOutOfScope: 0.75, wronglyDeclined: 0.065 },
  },
];
const GATE_SET = "test/eval/gate.jsonl";
/** The development set that must ask every required entry, also without its name. */
const COVERAGE_SET = "test/eval/questions.jsonl";
const MINIMUM_QUESTIONS = 250;
const MINIMUM_OUT_OF_SCOPE = 30;

type Figures = Pick<EvalReport, "top1" | "top3" | "declinedOutOfScope" | "wronglyDeclined">;

function expectNoFallBelow(report: EvalReport, reached: Figures): void {
  const { top1, top3, declinedOutOfScope, wronglyDeclined } = report;
  const context = `${JSON.stringify({ top1, top3, declinedOutOfScope, wronglyDeclined })}; run \`npm run eval\` for the misses`;
  expect(top1, context).toBeGreaterThanOrEqual(reached.top1);
  expect(top3, context).toBeGreaterThanOrEqual(reached.top3);
  expect(declinedOutOfScope, context).toBeGreaterThanOrEqual(reached.declinedOutOfScope);
  expect(wronglyDeclined, context).toBeLessThanOrEqual(reached.wronglyDeclined);
}

describe("evaluation question set", () => {
  let services: Services;
  let cases: EvalCase[];
  let report: EvalReport;

  beforeAll(async () => {
    services = await testServices();
    cases = await readCases(path.join(ROOT, GATE_SET));
    report = await evaluate(services.bot, services.knowledge, cases);
  });

  it("is large enough and keeps out-of-scope questions", () => {
    expect(cases.length).toBeGreaterThanOrEqual(MINIMUM_QUESTIONS);
    expect(cases.filter((c) => c.expected.length === 0).length).toBeGreaterThanOrEqual(MINIMUM_OUT_OF_SCOPE);
  });

  it("expects only entries that exist", () => {
    const unknown = cases
      .flatMap((c) => c.expected)
      .filter((id) => !id.startsWith("topic:") && services.knowledge.get(id) === undefined);
    expect(unknown).toEqual([]);
  });

  it("does not fall below the answer quality reached so far", () => {
    expectNoFallBelow(report, REACHED);
  });
});

describe("coverage of the required entries", () => {
  it("asks every required entry at least twice, once without naming it", async () => {
    const services = await testServices();
    const required = await loadRequiredEntries(KNOWLEDGE_DIR);
    const cases = await readCases(path.join(ROOT, COVERAGE_SET));
    expect(requiredEntryGaps(cases, required, services.retriever)).toEqual([]);
    await services.tips.close();
  });
});

describe.each(DEVELOPMENT_SETS)("development question set $file", ({ file, reached }) => {
  let services: Services;
  let cases: EvalCase[];

  beforeAll(async () => {
    services = await testServices();
    cases = await readCases(path.join(ROOT, file));
  });

  it("expects only entries that exist and shares no question with the other sets", async () => {
    const unknown = cases.flatMap((c) => c.expected).filter((id) => services.knowledge.get(id) === undefined);
    expect(unknown).toEqual([]);
    const others = [GATE_SET, ...DEVELOPMENT_SETS.map((set) => set.file)].filter((other) => other !== file);
    const asked = new Set<string>();
    for (const other of others) {
      for (const c of await readCases(path.join(ROOT, other))) asked.add(c.question.toLowerCase());
    }
    expect(cases.filter((c) => asked.has(c.question.toLowerCase()))).toEqual([]);
  });

  it("does not fall below the answer quality reached so far", async () => {
    expectNoFallBelow(await evaluate(services.bot, services.knowledge, cases), reached);
  });
});
