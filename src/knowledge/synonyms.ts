import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { problem, type Problem } from "./problems.js";
import type { Language } from "./types.js";
import { describeIssue } from "./zod-issues.js";

export const SYNONYMS_FILE = "synonyms.json";

/** Words users type → words the entries use, per language; search looks for both. */
export type Synonyms = Record<Language, ReadonlyMap<string, readonly string[]>>;

export const NO_SYNONYMS: Synonyms = { de: new Map(), en: new Map() };

const words = z.array(z.string().trim().min(1)).min(1, "needs at least one word");
const synonymsSchema = z
  .object({
    $comment: z.string().optional(),
    de: z.record(z.string().trim().min(1), words),
    en: z.record(z.string().trim().min(1), words),
  })
  .strict();

/**
 * The line V8 names in a JSON error: "(line 3 column 5)" from Node 22 on, only "at position 41" before.
 * The rest of the message is not for editors.
 */
function jsonErrorLine(raw: string, error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : "";
  const line = /\(line (\d+) column/.exec(message)?.[1];
  if (line !== undefined) return Number(line);
  const position = /at position (\d+)/.exec(message)?.[1];
  return position === undefined ? undefined : raw.slice(0, Number(position)).split("\n").length;
}

/** The line where a key of the thesaurus stands: keys are words, each on a line of its own mostly. */
function jsonKeyLine(raw: string, key: PropertyKey | undefined): number | undefined {
  if (typeof key !== "string") return undefined;
  const index = raw.split("\n").findIndex((line) => line.includes(JSON.stringify(key)));
  return index < 0 ? undefined : index + 1;
}

/** Reads the thesaurus; a missing file means no synonyms, a broken one is reported as a problem. */
export async function loadSynonyms(root: string): Promise<{ synonyms: Synonyms; problems: Problem[] }> {
  let raw: string;
  try {
    raw = await readFile(path.join(root, SYNONYMS_FILE), "utf8");
  } catch {
    return { synonyms: NO_SYNONYMS, problems: [] };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    const where = { line: jsonErrorLine(raw, error) };
    return { synonyms: NO_SYNONYMS, problems: [problem("error", SYNONYMS_FILE, "invalidJson", where)] };
  }
  const result = synonymsSchema.safeParse(parsed);
  if (!result.success) {
    return {
      synonyms: NO_SYNONYMS,
      problems: result.error.issues.map((issue) => {
        const { code, field, params, path } = describeIssue(issue, synonymsSchema, parsed);
        const line = jsonKeyLine(raw, path.at(-1));
        return problem("error", SYNONYMS_FILE, code, { field, line, params });
      }),
    };
  }
  const toMap = (table: Record<string, string[]>) =>
    new Map(Object.entries(table).map(([word, targets]) => [word.toLowerCase(), targets]));
  return { synonyms: { de: toMap(result.data.de), en: toMap(result.data.en) }, problems: [] };
}
