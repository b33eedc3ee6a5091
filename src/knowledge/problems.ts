import { problemText, type ProblemCode, type ProblemParams } from "./problem-text.js";
import type { Language } from "./types.js";

export type Severity = "error" | "warning";

export interface Problem {
  severity: Severity;
  /** Path relative to the knowledge folder. */
  file: string;
  field?: string | undefined;
  /** The problem in English, for logs. */
  message: string;
  /** 1-based line in the file: the front-matter key or heading concerned. */
  line?: number | undefined;
  /** With `params`, what lets the checker word the problem in the editor's language. */
  code?: ProblemCode | undefined;
  params?: ProblemParams | undefined;
}

export interface ProblemDetails {
  field?: string | undefined;
  line?: number | undefined;
  params?: ProblemParams;
}

/** A problem whose message can be given in either language; `message` holds the English one. */
export function problem(
  severity: Severity,
  file: string,
  code: ProblemCode,
  { field, line, params = {} }: ProblemDetails = {},
): Problem {
  return { severity, file, field, line, code, params, message: problemText(code, params, "en") };
}

export function formatProblem(problem: Problem): string {
  const where = problem.field ? `${problem.file}: ${problem.field}` : problem.file;
  return `${problem.severity}: ${where}: ${problem.message}`;
}

const SEVERITY_WORDS: Record<Language, Record<Severity, string>> = {
  de: { error: "Fehler", warning: "Warnung" },
  en: { error: "error", warning: "warning" },
};

/** The checker's line for editors: file and line first, so editors (and IDEs) can jump there. */
export function describeProblem(problem: Problem, language: Language): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const text = problem.code ? problemText(problem.code, problem.params ?? {}, language) : problem.message;
  return `${where}: ${SEVERITY_WORDS[language][problem.severity]}: ${text}`;
}

export class KnowledgeError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`The knowledge base has errors:\n${problems.map(formatProblem).join("\n")}`);
    this.name = "KnowledgeError";
  }
}
