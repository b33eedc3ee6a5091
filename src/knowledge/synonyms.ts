import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Problem } from "./problems.js";
import type { Language } from "./types.js";

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

/** Reads the thesaurus; a missing file means no synonyms, a broken one is reported as a problem. */
export async function loadSynonyms(root: string): Promise<{ synonyms: Synonyms; problems: Problem[] }> {
  let raw: string;
  try {
    raw = await readFile(path.join(root, SYNONYMS_FILE), "utf8");
  } catch {
    return { synonyms: NO_SYNONYMS, problems: [] };
  }
  const problem = (message: string, field?: string): Problem => ({
    severity: "error",
    file: SYNONYMS_FILE,
    field,
    message,
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { synonyms: NO_SYNONYMS, problems: [problem("is not valid JSON")] };
  }
  const result = synonymsSchema.safeParse(parsed);
  if (!result.success) {
    return {
      synonyms: NO_SYNONYMS,
      problems: result.error.issues.map((issue) => problem(issue.message, issue.path.join("."))),
    };
  }
  const toMap = (table: Record<string, string[]>) =>
    new Map(Object.entries(table).map(([word, targets]) => [word.toLowerCase(), targets]));
  return { synonyms: { de: toMap(result.data.de), en: toMap(result.data.en) }, problems: [] };
}
