/**
 * Checks the knowledge base and reports every problem at once, in German for editors or in English.
 * Usage: npm run knowledge:check [-- --dir knowledge] [--lang en]
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { auditProblems } from "../src/knowledge/checked.js";
import { inspectKnowledge } from "../src/knowledge/knowledge-base.js";
import { describeProblem } from "../src/knowledge/problems.js";
import type { Language } from "../src/knowledge/types.js";

const { values } = parseArgs({
  options: { dir: { type: "string", default: "knowledge" }, lang: { type: "string", default: "de" } },
});
if (values.lang !== "de" && values.lang !== "en") {
  console.error(`--lang must be de or en, not "${values.lang}"`);
  process.exit(2);
}
const language: Language = values.lang;
const root = path.resolve(values.dir);
const { entries, problems: found } = await inspectKnowledge(root);
// Unchecked entries are the audit's business; the bot's start-up does not report them.
// Each file's problems together and in the order of its lines, as an editor goes through them.
const problems = [...found, ...auditProblems(entries)].sort(
  (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0),
);

for (const problem of problems) console.log(describeProblem(problem, language));
const errors = problems.filter((problem) => problem.severity === "error").length;
const warnings = problems.length - errors;
const counts = new Map<string, number>();
for (const entry of entries) counts.set(entry.kind, (counts.get(entry.kind) ?? 0) + 1);
const summary = [...counts].map(([kind, count]) => `${count} ${kind}`).join(", ");
console.log(
  language === "de"
    ? `${entries.length} gültige Einträge (${summary || "keine"}); ${errors} Fehler, ${warnings} Warnungen`
    : `${entries.length} valid entries (${summary || "none"}); ${errors} errors, ${warnings} warnings`,
);
process.exitCode = errors > 0 ? 1 : 0;
