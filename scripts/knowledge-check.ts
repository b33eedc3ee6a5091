/**
 * Checks the knowledge base and reports every problem at once.
 * Usage: npm run knowledge:check [-- --dir knowledge]
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { inspectKnowledge } from "../src/knowledge/knowledge-base.js";
import { formatProblem } from "../src/knowledge/problems.js";

const { values } = parseArgs({ options: { dir: { type: "string", default: "knowledge" } } });
const root = path.resolve(values.dir);
const { entries, problems } = await inspectKnowledge(root);

for (const problem of problems) console.log(formatProblem(problem));
const errors = problems.filter((problem) => problem.severity === "error").length;
const warnings = problems.length - errors;
const counts = new Map<string, number>();
for (const entry of entries) counts.set(entry.kind, (counts.get(entry.kind) ?? 0) + 1);
const summary = [...counts].map(([kind, count]) => `${count} ${kind}`).join(", ");
console.log(`${entries.length} valid entries (${summary || "none"}); ${errors} errors, ${warnings} warnings`);
process.exitCode = errors > 0 ? 1 : 0;
