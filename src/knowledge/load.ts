import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import type { z } from "zod";
import { parseBody } from "./body.js";
import { legalBasisProblem, methodSchema, otherEntrySchema, recommendationSchema } from "./schema.js";
import type { Problem } from "./problems.js";
import {
  ENTRY_KINDS,
  LANGUAGES,
  REQUIRED_SECTIONS,
  SECTION_HEADINGS,
  type Entry,
  type EntryKind,
} from "./types.js";

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

function zodProblems(file: string, error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({
    severity: "error",
    file,
    field: issue.path.length > 0 ? issue.path.join(".") : undefined,
    message: issue.message,
  }));
}

/** Parses and validates one entry file; returns the entry only when the file itself has no errors. */
export function parseEntry(file: string, source: string): { entry?: Entry; problems: Problem[] } {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // An empty options object keeps gray-matter from caching results across calls.
    parsed = matter(source, {});
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return {
      problems: [{ severity: "error", file, field: "front matter", message: `invalid YAML: ${reason}` }],
    };
  }
  const data = parsed.data as Record<string, unknown>;
  const problems: Problem[] = [];

  if (!(ENTRY_KINDS as readonly unknown[]).includes(data.kind)) {
    problems.push({
      severity: "error",
      file,
      field: "kind",
      message: `must be one of ${ENTRY_KINDS.join(", ")}`,
    });
    return { problems };
  }
  const result = schemaFor(data.kind).safeParse(data);
  if (!result.success) problems.push(...zodProblems(file, result.error));
  const legalBasis = data.kind === "method" ? legalBasisProblem(data) : undefined;
  if (legalBasis) problems.push({ severity: "error", file, field: "legalBasis", message: legalBasis });

  const expectedId = path.basename(file, ".md");
  if (data.id !== expectedId) {
    problems.push({
      severity: "error",
      file,
      field: "id",
      message: `must equal the file name "${expectedId}"`,
    });
  }
  const kind = data.kind as EntryKind;
  const expectedFolder = FOLDER_OF_KIND[kind];
  if (path.dirname(file) !== expectedFolder) {
    problems.push({
      severity: "error",
      file,
      message: `entries of kind ${kind} belong in ${expectedFolder}/`,
    });
  }

  const body = parseBody(parsed.content);
  problems.push(...body.problems.map((p): Problem => ({ severity: "error", file, ...p })));
  for (const language of LANGUAGES) {
    for (const key of REQUIRED_SECTIONS[kind]) {
      if (!body.sections[language][key]) {
        problems.push({
          severity: "error",
          file,
          field: `body.${language}.${key}`,
          message: `missing required section "## ${SECTION_HEADINGS[key][language]}"`,
        });
      }
    }
  }

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
    file,
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
}

/** Reads every entry file below `root`, collecting all problems instead of stopping at the first. */
export async function loadEntryFiles(root: string): Promise<LoadedFiles> {
  const entries: Entry[] = [];
  const problems: Problem[] = [];
  for (const file of await listEntryFiles(root)) {
    const result = parseEntry(file, await readFile(path.join(root, file), "utf8"));
    problems.push(...result.problems);
    if (result.entry) entries.push(result.entry);
  }
  return { entries, problems };
}
