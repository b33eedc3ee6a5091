export type Severity = "error" | "warning";

export interface Problem {
  severity: Severity;
  /** Path relative to the knowledge folder. */
  file: string;
  field?: string | undefined;
  message: string;
}

export function formatProblem(problem: Problem): string {
  const where = problem.field ? `${problem.file}: ${problem.field}` : problem.file;
  return `${problem.severity}: ${where}: ${problem.message}`;
}

export class KnowledgeError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`The knowledge base has errors:\n${problems.map(formatProblem).join("\n")}`);
    this.name = "KnowledgeError";
  }
}
