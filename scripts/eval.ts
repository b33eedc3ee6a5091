/**
 * Measures answer quality on a question set.
 * Usage: npm run eval -- [--file test/eval/questions.jsonl] [--json] [--sweep]
 *        npm run eval -- --dialogues test/eval/dialogues.jsonl [--json]
 * --sweep evaluates a grid of decision thresholds instead, to calibrate them; --dialogues scores
 * conversations, for the tuning and the held-out half separately.
 */
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.js";
import { requiredEntryGaps } from "../src/eval/coverage.js";
import { evaluateDialogues, readDialogues, splitOf, type DialogueReport } from "../src/eval/dialogues.js";
import { evaluate, readCases, type EvalReport } from "../src/eval/evaluate.js";
import { sweepThresholds } from "../src/eval/sweep.js";
import { loadRequiredEntries } from "../src/knowledge/required.js";
import { createLogger } from "../src/logger.js";
import { createServices, storageFactsOf } from "../src/services.js";
import { MemoryStateStore } from "../src/state/memory.js";

const { values } = parseArgs({
  options: {
    file: { type: "string", default: "test/eval/questions.jsonl" },
    json: { type: "boolean", default: false },
    sweep: { type: "boolean", default: false },
    dialogues: { type: "string" },
  },
});

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

function printReport(report: EvalReport, gaps: readonly string[]): void {
  console.log(`questions:                    ${report.count}`);
  console.log(`top-1 accuracy:               ${percent(report.top1)}`);
  console.log(`top-3 accuracy:               ${percent(report.top3)}`);
  console.log(`MRR:                          ${report.mrr.toFixed(3)}`);
  console.log(`out of scope declined:        ${percent(report.declinedOutOfScope)}`);
  console.log(`in scope wrongly declined:    ${percent(report.wronglyDeclined)}`);
  console.log(`misses (${report.misses.length}):`);
  for (const miss of report.misses) {
    const expected = miss.expected.length > 0 ? miss.expected.join(" | ") : "(decline)";
    const got = miss.got.length > 0 ? miss.got.join(", ") : "(declined)";
    console.log(`  ${JSON.stringify(miss.question)}\n    expected ${expected}; got ${got} [${miss.outcome}]`);
  }
  console.log(`required entries not covered (${gaps.length}):`);
  for (const gap of gaps) console.log(`  ${gap}`);
}

const config = loadConfig({ ...process.env, LOG_LEVEL: "error", REDIS_URL: "" });
const logger = createLogger(config.LOG_LEVEL, { stderr: true, pretty: false });
const { bot, knowledge, retriever } = await createServices(
  config,
  logger,
  new MemoryStateStore({ ttlSeconds: 60 }),
  { limits: false },
);
function printDialogues(name: string, report: DialogueReport): void {
  const line = (label: string, { right, of }: { right: number; of: number }) => {
    console.log(
      `${label.padEnd(30)}${percent(of === 0 ? 1 : right / of).padStart(8)}  (${String(right)} of ${String(of)})`,
    );
  };
  console.log(`== ${name}: ${report.dialogues} dialogues`);
  line("all turns", report.turns);
  line("first turns", report.firstTurns);
  line("follow-up turns", report.followUps);
  line("whole dialogues", report.whole);
  line("finder: first method fits", report.finder);
  line("  … of them in a ranked list", report.finderListed);
  line("comparisons", report.comparisons);
  line("declined where expected", report.declines);
  console.log(`"Meinten Sie …?" counted:      ${report.clarified}`);
}

if (values.dialogues) {
  const dialogues = await readDialogues(values.dialogues);
  const halves = (["tuning", "held-out"] as const).map((half) => ({
    half,
    dialogues: dialogues.filter((dialogue) => splitOf(dialogue) === half),
  }));
  const reports = [];
  for (const { half, dialogues: part } of halves) {
    reports.push({ half, report: await evaluateDialogues(bot, knowledge, part) });
  }
  if (values.json) {
    console.log(JSON.stringify(Object.fromEntries(reports.map(({ half, report }) => [half, report]))));
  } else {
    for (const { half, report } of reports) printDialogues(half, report);
    // Only the tuning half's misses are shown: the held-out half is measured, not read.
    const misses = reports[0]?.report.misses ?? [];
    console.log(`misses of the tuning half (${String(misses.length)}):`);
    for (const miss of misses) {
      const expected = miss.expected.length > 0 ? miss.expected.join(" | ") : "(decline)";
      console.log(`  ${JSON.stringify(miss.text)}\n    expected ${expected}; got ${miss.got}`);
    }
  }
  process.exit(0);
}

const cases = await readCases(values.file);

if (values.sweep) {
  const rows = await sweepThresholds(
    knowledge,
    cases,
    logger,
    config.PUBLICATION_URL,
    storageFactsOf(config, new MemoryStateStore({ ttlSeconds: 60 })),
  );
  if (values.json) {
    console.log(
      JSON.stringify(
        rows.map(({ thresholds, report: { misses: _, ...figures } }) => ({ thresholds, ...figures })),
      ),
    );
  } else {
    console.log("answer  close   top-1    top-3    MRR    declined out  wrongly declined");
    for (const { thresholds, report } of rows) {
      const cells = [report.top1, report.top3].map(percent).map((cell) => cell.padStart(7));
      console.log(
        `${thresholds.answerConfidence.toFixed(2)}    ${thresholds.closeConfidence.toFixed(2)}  ${cells.join("  ")}  ${report.mrr.toFixed(3)}  ${percent(report.declinedOutOfScope).padStart(9)}  ${percent(report.wronglyDeclined).padStart(9)}`,
      );
    }
  }
} else {
  const report = await evaluate(bot, knowledge, cases);
  const required = await loadRequiredEntries(config.KNOWLEDGE_DIR);
  const gaps = requiredEntryGaps(cases, required, retriever);
  if (values.json) console.log(JSON.stringify({ ...report, coverageGaps: gaps }));
  else printReport(report, gaps);
}
