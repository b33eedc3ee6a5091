import { foldWord, isStopWord, splitWords, termOf } from "./analyze.js";
import { QUESTION_WORDS } from "./query-words.js";

/** One word of a question with the index terms it can match. */
export interface QueryToken {
  word: string;
  de: string;
  en: string;
  /** Terms of the known words a compound is made of, when the compound itself is unknown. */
  parts: string[];
}

/** At most this many words of a question are used; the rest of a very long message adds only noise. */
export const MAX_QUERY_WORDS = 24;

/** The content words of a question, without stop words and question phrasing, duplicates removed. */
export function contentWords(text: string): string[] {
  const words = splitWords(text).filter((word) => !isStopWord(word) && !QUESTION_WORDS.has(word));
  return [...new Set(words)].slice(0, MAX_QUERY_WORDS);
}

const MIN_PART_LENGTH = 4;
const LINKING_ELEMENTS = ["", "s", "es", "n", "en", "e"];

/**
 * Splits a German compound into words of the vocabulary ("buergerbeteiligungsverfahren" →
 * "burger", "beteiligung", "verfahren"), allowing the usual linking elements (Fugen-s …) between parts.
 * Returns [] when the word cannot be covered by known words.
 */
export function splitCompound(folded: string, vocabulary: ReadonlySet<string>): string[] {
  // best[i]: fewest parts covering folded[0, i).
  const best: (string[] | undefined)[] = [[]];
  for (let end = 1; end <= folded.length; end++) {
    for (let start = 0; start <= end - MIN_PART_LENGTH; start++) {
      const prefix = best[start];
      if (!prefix) continue;
      const piece = folded.slice(start, end);
      for (const link of LINKING_ELEMENTS) {
        if (!piece.endsWith(link)) continue;
        const word = piece.slice(0, piece.length - link.length);
        if (word.length < MIN_PART_LENGTH || !vocabulary.has(word)) continue;
        const candidate = [...prefix, word];
        const current = best[end];
        if (!current || candidate.length < current.length) best[end] = candidate;
      }
    }
  }
  const parts = best[folded.length];
  return parts && parts.length > 1 ? parts : [];
}

export function toQueryTokens(
  text: string,
  vocabulary: ReadonlySet<string>,
  isIndexTerm: (term: string) => boolean,
): QueryToken[] {
  return contentWords(text).map((word) => {
    const de = termOf(word, "de");
    const en = termOf(word, "en");
    const known = isIndexTerm(de) || isIndexTerm(en);
    const parts = known ? [] : splitCompound(foldWord(word), vocabulary).map((part) => termOf(part, "de"));
    return { word, de, en, parts };
  });
}
