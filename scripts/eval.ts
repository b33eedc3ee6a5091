/**
 * Measures answer quality on a question set.
 * Usage: npm run eval -- [--file test/eval/questions.jsonl] [--json] [--sweep] [--gate]
 *        npm run eval -- --dialogues test/eval/dialogues.jsonl [--json]
 * --sweep evaluates a grid of decision thresholds instead, to calibrate them; --dialogues scores
 * conversations. Every set is reported whole and for its tuning and held-out half; only the tuning half's
 * misses are printed. --gate (or a file named gate*.jsonl) prints no misses at all: the gate set is only
 * ever measured.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.js";
import { requiredEntryGaps } from "../src/eval/coverage.js";
import { evaluateDialogues, readDialogues, splitOf, type DialogueReport } from "../src/eval/dialogues.js";
import { askAll, readCases, score, type EvalReport } from "../src/eval/evaluate.js";
import { halfOf, type Half } from "../src/eval/split.js";
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
    gate: { type: "boolean", default: false },
  },
});
const gate = values.gate || path.basename(values.file).startsWith("gate");

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

type HalfReports = Record<"all" | Half, EvalReport>;

function printReport(reports: HalfReports, gaps: readonly string[]): void {
  const columns = ["all", "tuning", "held-out"] as const;
  const row = (label: string, cell: (report: EvalReport) => string) => {
    console.log(`${label.padEnd(42)}${columns.map((half) => cell(reports[half]).padStart(10)).join("")}`);
  };
  console.log(`${"".padEnd(42)}${columns.map((half) => half.padStart(10)).join("")}`);
  row("questions:", (report) => String(report.count));
  row("top-1 accuracy:", (report) => percent(report.top1));
  row("top-1, „Meinten Sie“ right only if ambiguous:", (report) => percent(report.strictTop1));
  row("top-3 accuracy:", (report) => percent(report.top3));
  row("MRR:", (report) => report.mrr.toFixed(3));
  row("out of scope declined:", (report) => percent(report.declinedOutOfScope));
  row("in scope wrongly declined:", (report) => percent(report.wronglyDeclined));
  row("answered „Meinten Sie …?“:", (report) => percent(report.clarified));
  if (gate) {
    console.log("misses: not shown – the gate set is only measured, never tuned on");
  } else {
    printMisses(reports.tuning);
  }
  console.log(`required entries not covered (${gaps.length}):`);
  for (const gap of gaps) console.log(`  ${gap}`);
}

function printMisses(report: EvalReport): void {
  console.log(`misses of the tuning half (${report.misses.length}; the held-out half's are not shown):`);
  for (const miss of report.misses) {
    const expected = miss.expected.length > 0 ? miss.expected.join(" | ") : "(decline)";
    const got = miss.got.length > 0 ? miss.got.join(", ") : "(declined)";
    console.log(`  ${JSON.stringify(miss.question)}\n    expected ${expected}; got ${got} [${miss.outcome}]`);
  }
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
  // Each question is asked once; the halves are scored from the same answers.
  const answers = await askAll(bot, cases);
  const inHalf = (half: Half) => answers.filter(({ testCase }) => halfOf(testCase.question) === half);
  const reports: HalfReports = {
    all: score(answers, knowledge),
    tuning: score(inHalf("tuning"), knowledge),
    "held-out": score(inHalf("held-out"), knowledge),
  };
  const required = await loadRequiredEntries(config.KNOWLEDGE_DIR);
  const gaps = requiredEntryGaps(cases, required, retriever);
  if (values.json) {
    // Misses in JSON too only of the tuning half (none for the gate set).
    const figures = ({ misses: _, ...rest }: EvalReport) => rest;
    console.log(
      JSON.stringify({
        ...figures(reports.all),
        tuning: figures(reports.tuning),
        heldOut: figures(reports["held-out"]),
        misses: gate ? [] : reports.tuning.misses,
        coverageGaps: gaps,
      }),
    );
  } else printReport(reports, gaps);
}
