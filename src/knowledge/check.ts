import { foldWord, splitWords } from "../search/analyze.js";
import type { Problem } from "./problems.js";
import { REQUIRED_FILE, type RequiredEntries } from "./required.js";
import { TOPIC_IDS } from "./schema.js";
import { LANGUAGES, type Entry, type EntryKind } from "./types.js";

/** The form in which two names count as the same: spelling of umlauts, case and punctuation ignored. */
function nameKey(name: string): string {
  return splitWords(name).map(foldWord).join(" ");
}

function checkUniqueIds(entries: Entry[]): Problem[] {
  const seen = new Map<string, Entry>();
  const problems: Problem[] = [];
  for (const entry of entries) {
    const first = seen.get(entry.id);
    if (first) {
      problems.push({
        severity: "error",
        file: entry.file,
        field: "id",
        message: `"${entry.id}" is also used by ${first.file}`,
      });
    } else {
      seen.set(entry.id, entry);
    }
  }
  return problems;
}

function checkRelated(entries: Entry[]): Problem[] {
  const ids = new Set(entries.map((entry) => entry.id));
  return entries.flatMap((entry) =>
    entry.related
      .filter((id) => !ids.has(id) || id === entry.id)
      .map((id): Problem => ({
        severity: "error",
        file: entry.file,
        field: "related",
        message: id === entry.id ? "an entry cannot relate to itself" : `unknown id "${id}"`,
      })),
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
        problems.push({
          severity: "error",
          file: entry.file,
          field: "aliases",
          message: `"${key}" is also a title or alias of "${other.id}" (${other.file})`,
        });
      } else {
        owner.set(key, entry);
      }
    }
  }
  return problems;
}

function checkRequired(entries: Entry[], required: RequiredEntries): Problem[] {
  const kindOf = new Map(entries.map((entry) => [entry.id, entry.kind]));
  const problems: Problem[] = [];
  for (const [kind, ids] of Object.entries(required.entries) as [EntryKind, string[]][]) {
    for (const id of ids) {
      const actual = kindOf.get(id);
      if (actual === undefined) {
        problems.push({
          severity: required.missing,
          file: REQUIRED_FILE,
          message: `required ${kind} "${id}" is missing`,
        });
      } else if (actual !== kind) {
        problems.push({
          severity: "error",
          file: REQUIRED_FILE,
          message: `"${id}" must be a ${kind}, not a ${actual}`,
        });
      }
    }
  }
  for (const topic of TOPIC_IDS) {
    const count = entries.filter((entry) => entry.kind === "recommendation" && entry.topic === topic).length;
    if (count < required.minimumRecommendationsPerTopic) {
      problems.push({
        severity: required.missing,
        file: REQUIRED_FILE,
        message: `topic "${topic}" has ${count} recommendations, at least ${required.minimumRecommendationsPerTopic} are required`,
      });
    }
  }
  return problems;
}

/** Checks that span entries: ids, links between entries, names, and the entries the specification requires. */
export function checkKnowledgeBase(entries: Entry[], required: RequiredEntries): Problem[] {
  return [
    ...checkUniqueIds(entries),
    ...checkRelated(entries),
    ...checkUniqueNames(entries),
    ...checkRequired(entries, required),
  ];
}
