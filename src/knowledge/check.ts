import { foldWord, splitWords } from "../search/analyze.js";
import { problem, type Problem } from "./problems.js";
import { REQUIRED_FILE, type RequiredEntries } from "./required.js";
import { TOPIC_IDS } from "./schema.js";
import { nearest } from "./suggest.js";
import { LANGUAGES, type Entry, type EntryKind } from "./types.js";

/** The form in which two names count as the same: spelling of umlauts, case and punctuation ignored. */
function nameKey(name: string): string {
  return splitWords(name).map(foldWord).join(" ");
}

const lineOf = (entry: Entry, key: string) => entry.fieldLines?.[key];

function checkUniqueIds(entries: Entry[]): Problem[] {
  const seen = new Map<string, Entry>();
  const problems: Problem[] = [];
  for (const entry of entries) {
    const first = seen.get(entry.id);
    if (first) {
      const params = { id: entry.id, otherFile: first.file };
      problems.push(
        problem("error", entry.file, "duplicateId", { field: "id", line: lineOf(entry, "id"), params }),
      );
    } else {
      seen.set(entry.id, entry);
    }
  }
  return problems;
}

function checkRelated(entries: Entry[], brokenIds: readonly string[]): Problem[] {
  const ids = [...entries.map((entry) => entry.id), ...brokenIds];
  const known = new Set(ids);
  return entries.flatMap((entry) =>
    entry.related
      .filter((id) => !known.has(id) || id === entry.id)
      .map((id) => {
        const where = { field: "related", line: lineOf(entry, "related") };
        if (id === entry.id) return problem("error", entry.file, "relatedSelf", where);
        const params = { id, suggestion: nearest(id, ids) };
        return problem("error", entry.file, "relatedUnknown", { ...where, params });
      }),
  );
}

/** Titles and aliases must lead to one entry only, or a question could not be answered unambiguously. */
function checkUniqueNames(entries: Entry[]): Problem[] {
  const owner = new Map<string, Entry>();
  const problems: Problem[] = [];
  for (const entry of entries) {
    const names = new Set<string>();
    for (const language of LANGUAGES) {
      for (const name of [entry.title[language], ...entry.aliases[language]]) names.add(nameKey(name));
    }
    for (const key of names) {
      if (key === "") continue;
      const other = owner.get(key);
      if (other && other.id !== entry.id) {
        const params = { value: key, id: other.id, otherFile: other.file };
        const line = lineOf(entry, "aliases") ?? lineOf(entry, "title");
        problems.push(problem("error", entry.file, "nameShared", { field: "aliases", line, params }));
      } else {
        owner.set(key, entry);
      }
    }
  }
  return problems;
}

function checkRequired(entries: Entry[], required: RequiredEntries, brokenIds: readonly string[]): Problem[] {
  const kindOf = new Map(entries.map((entry) => [entry.id, entry.kind]));
  const broken = new Set(brokenIds);
  const problems: Problem[] = [];
  for (const [kind, ids] of Object.entries(required.entries) as [EntryKind, string[]][]) {
    for (const id of ids) {
      const actual = kindOf.get(id);
      if (actual === undefined && broken.has(id)) continue;
      if (actual === undefined) {
        problems.push(problem(required.missing, REQUIRED_FILE, "requiredMissing", { params: { kind, id } }));
      } else if (actual !== kind) {
        const params = { id, kind, actual };
        problems.push(problem("error", REQUIRED_FILE, "requiredWrongKind", { params }));
      }
    }
  }
  for (const topic of TOPIC_IDS) {
    const count = entries.filter((entry) => entry.kind === "recommendation" && entry.topic === topic).length;
    if (count < required.minimumRecommendationsPerTopic) {
      const params = { id: topic, count, minimum: required.minimumRecommendationsPerTopic };
      problems.push(problem(required.missing, REQUIRED_FILE, "tooFewRecommendations", { params }));
    }
  }
  return problems;
}

/**
 * Checks that span entries: ids, links between entries, names, and the entries the specification requires.
 * Links to entries whose files have errors (`brokenIds`) are not reported: one mistake is reported once,
 * in its file, rather than again in every entry that refers to it.
 */
export function checkKnowledgeBase(
  entries: Entry[],
  required: RequiredEntries,
  brokenIds: readonly string[] = [],
): Problem[] {
  return [
    ...checkUniqueIds(entries),
    ...checkRelated(entries, brokenIds),
    ...checkUniqueNames(entries),
    ...checkRequired(entries, required, brokenIds),
  ];
}
