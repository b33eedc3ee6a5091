import type { RequiredEntries } from "../knowledge/required.js";
import type { Retriever } from "../search/retriever.js";
import type { EvalCase } from "./evaluate.js";

export interface Coverage {
  /** Questions that expect the entry. */
  asked: number;
  /** Of those, questions that do not name the entry by its title or an alias. */
  paraphrased: number;
}

/**
 * How well a question set covers the given entries. A question counts as a paraphrase of an entry when
 * `namesIn` does not find the entry's name in it, so a set cannot pass by repeating names.
 */
export function coverageOf(
  ids: readonly string[],
  cases: readonly EvalCase[],
  namesIn: (question: string) => ReadonlySet<string>,
): Map<string, Coverage> {
  const coverage = new Map(ids.map((id) => [id, { asked: 0, paraphrased: 0 }]));
  for (const { question, expected } of cases) {
    const named = namesIn(question);
    for (const id of expected) {
      const counts = coverage.get(id);
      if (!counts) continue;
      counts.asked++;
      if (!named.has(id)) counts.paraphrased++;
    }
  }
  return coverage;
}

/** The entries asked fewer than `minimumAsked` times or never by a paraphrase, as readable lines. */
export function coverageGaps(coverage: ReadonlyMap<string, Coverage>, minimumAsked: number): string[] {
  const gaps: string[] = [];
  for (const [id, { asked, paraphrased }] of coverage) {
    if (asked < minimumAsked) gaps.push(`${id}: asked ${asked} times, at least ${minimumAsked} needed`);
    else if (paraphrased === 0) gaps.push(`${id}: never asked without its name`);
  }
  return gaps;
}

/** Each required entry must be asked this often, once by a paraphrase. */
export const MINIMUM_ASKED_PER_REQUIRED_ENTRY = 2;

/** The coverage gaps of a question set for the entries the specification requires. */
export function requiredEntryGaps(
  cases: readonly EvalCase[],
  required: RequiredEntries,
  retriever: Retriever,
): string[] {
  const ids = Object.values(required.entries).flat();
  const coverage = coverageOf(ids, cases, (question) => retriever.entriesNamedInText(question));
  return coverageGaps(coverage, MINIMUM_ASKED_PER_REQUIRED_ENTRY);
}
