import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import type { z } from "zod";
import { parseBody, type ParsedBody } from "./body.js";
import { checkedMonth, isFutureMonth } from "./checked.js";
import { problem, type Problem } from "./problems.js";
import { legalBasisProblem, methodSchema, otherEntrySchema, recommendationSchema } from "./schema.js";
import { bodyStartLine, frontMatterLine, topLevelLines } from "./source-lines.js";
import { nearest } from "./suggest.js";
import {
  ENTRY_KINDS,
  LANGUAGE_HEADINGS,
  LANGUAGES,
  REQUIRED_SECTIONS,
  SECTION_HEADINGS,
  type Entry,
  type EntryKind,
} from "./types.js";
import { explainYamlError } from "./yaml-errors.js";
import { describeIssue, displayValue } from "./zod-issues.js";

/** The folder each kind of entry lives in. */
export const FOLDER_OF_KIND: Record<EntryKind, string> = {
  method: "methods",
  recommendation: "recommendations",
  topic: "topics",
  question: "questions",
  concept: "concepts",
  publication: "publication",
  about: "about",
};

async function listEntryFiles(root: string): Promise<string[]> {
  const found = await readdir(root, { recursive: true, withFileTypes: true });
  return found
    .filter((item) => item.isFile() && item.name.endsWith(".md") && item.name !== "README.md")
    .map((item) => path.relative(root, path.join(item.parentPath, item.name)))
    .sort();
}

function schemaFor(kind: unknown): z.ZodType {
  if (kind === "method") return methodSchema;
  if (kind === "recommendation") return recommendationSchema;
  return otherEntrySchema;
}

/** The problems zod finds in the front matter, each at its key's line and in the editor's terms. */
function schemaProblems(file: string, source: string, schema: z.ZodType, data: unknown, error: z.ZodError) {
  return error.issues.map((issue): Problem => {
    const { code, path: where, field, params } = describeIssue(issue, schema, data);
    const line = frontMatterLine(source, where) ?? 1;
    return problem("error", file, code, { field: field || undefined, line, params });
  });
}

/** The rules beyond the schema's: legal basis, the checked month, the file's name and folder. */
function ruleProblems(
  file: string,
  data: Record<string, unknown>,
  lineOf: (key: string) => number,
  now: Date,
): Problem[] {
  const problems: Problem[] = [];
  const legalBasis = data.kind === "method" ? legalBasisProblem(data) : undefined;
  if (legalBasis) {
    const line = lineOf(legalBasis === "legalBasisRequired" ? "formal" : "legalBasis");
    problems.push(problem("error", file, legalBasis, { field: "legalBasis", line }));
  }
  const checked = checkedMonth.safeParse(data.checked);
  if (checked.success && isFutureMonth(checked.data, now)) {
    const params = { value: checked.data };
    problems.push(
      problem("error", file, "checkedFuture", { field: "checked", line: lineOf("checked"), params }),
    );
  }

  const expectedId = path.basename(file, ".md");
  if (typeof data.id === "string" && data.id !== expectedId) {
    const params = { id: data.id, value: expectedId };
    problems.push(problem("error", file, "idMismatch", { field: "id", line: lineOf("id"), params }));
  }
  const kind = data.kind as EntryKind;
  const expectedFolder = FOLDER_OF_KIND[kind];
  if (path.dirname(file) !== expectedFolder) {
    const params = { kind, folder: expectedFolder };
    problems.push(problem("error", file, "wrongFolder", { line: lineOf("kind"), params }));
  }
  return problems;
}

/** The body's own problems, and the language parts and sections the entry's kind requires. */
function bodyProblems(file: string, kind: EntryKind, body: ParsedBody, bodyLine: number): Problem[] {
  const problems = body.problems.map(({ field, code, params, line }) =>
    problem("error", file, code, { field, line, params }),
  );
  for (const language of LANGUAGES) {
    const languageLine = body.languageLines[language];
    if (languageLine === undefined) {
      const params = { heading: LANGUAGE_HEADINGS[language] };
      const where = { field: `body.${language}`, line: bodyLine, params };
      problems.push(problem("error", file, "missingLanguage", where));
      continue;
    }
    for (const key of REQUIRED_SECTIONS[kind]) {
      if (body.sections[language][key]) continue;
      const params = { heading: SECTION_HEADINGS[key][language], language };
      const field = `body.${language}.${key}`;
      problems.push(problem("error", file, "missingSection", { field, line: languageLine, params }));
    }
  }
  return problems;
}

/** Parses and validates one entry file; returns the entry only when the file itself has no errors. */
export function parseEntry(
  file: string,
  source: string,
  now: Date = new Date(),
): { entry?: Entry; problems: Problem[] } {
  if (!/^\uFEFF?---\s*(\r?\n|$)/.test(source)) {
    return { problems: [problem("error", file, "noFrontMatter", { field: "front matter", line: 1 })] };
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    // An empty options object keeps gray-matter from caching results across calls.
    parsed = matter(source, {});
  } catch (error) {
    const { code, line, params } = explainYamlError(error, source);
    return { problems: [problem("error", file, code, { field: "front matter", line, params })] };
  }
  const data = parsed.data as Record<string, unknown>;
  const problems: Problem[] = [];
  const lineOf = (key: string) => frontMatterLine(source, [key]) ?? 1;

  if (!(ENTRY_KINDS as readonly unknown[]).includes(data.kind)) {
    const params =
      data.kind === undefined
        ? { field: "kind", allowed: ENTRY_KINDS }
        : {
            field: "kind",
            value: displayValue(data.kind),
            allowed: ENTRY_KINDS,
            suggestion: nearest(displayValue(data.kind), ENTRY_KINDS),
          };
    const code = data.kind === undefined ? "missingField" : "notAllowedValue";
    return { problems: [problem("error", file, code, { field: "kind", line: lineOf("kind"), params })] };
  }
  const schema = schemaFor(data.kind);
  const result = schema.safeParse(data);
  if (!result.success) problems.push(...schemaProblems(file, source, schema, data, result.error));
  problems.push(...ruleProblems(file, data, lineOf, now));
  const bodyLine = bodyStartLine(source, parsed.content);
  const body = parseBody(parsed.content, bodyLine);
  const kind = data.kind as EntryKind;
  problems.push(...bodyProblems(file, kind, body, bodyLine));

  if (!result.success || problems.length > 0) return { problems };
  const front = result.data as z.infer<typeof methodSchema>;
  const entry: Entry = {
    id: front.id,
    kind: front.kind,
    topic: front.topic,
    title: front.title,
    aliases: front.aliases,
    summary: front.summary,
    related: front.related,
    sources: front.sources,
    sections: body.sections,
    checked: front.checked,
    file,
    fieldLines: topLevelLines(source, Object.keys(data)),
  };
  if (kind === "method") {
    entry.method = {
      participants: front.participants,
      duration: front.duration,
      durationClass: front.durationClass,
      selection: front.selection,
      level: front.level,
      format: front.format,
      cost: front.cost,
      formal: front.formal,
      legalBasis: front.legalBasis,
      purposes: front.purposes,
      origin: front.origin,
    };
  }
  return { entry, problems };
}

export interface LoadedFiles {
  entries: Entry[];
  problems: Problem[];
  /** The ids (file names) of entry files with errors: they exist, only not in a usable form. */
  brokenIds: string[];
}

/** Reads every entry file below `root`, collecting all problems instead of stopping at the first. */
export async function loadEntryFiles(root: string): Promise<LoadedFiles> {
  const entries: Entry[] = [];
  const problems: Problem[] = [];
  const brokenIds: string[] = [];
  for (const file of await listEntryFiles(root)) {
    const result = parseEntry(file, await readFile(path.join(root, file), "utf8"));
    problems.push(...result.problems);
    if (result.entry) entries.push(result.entry);
    else brokenIds.push(path.basename(file, ".md"));
  }
  return { entries, problems, brokenIds };
}
