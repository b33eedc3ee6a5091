import { foldWord, isStopWord, splitWords, termOf } from "./analyze.js";
import { personNounBase } from "./person-nouns.js";
import { QUESTION_WORDS } from "./query-words.js";
import { rejoinedVerbs, separableVerbTerm } from "./separable-verbs.js";

/** The index terms of one word, analysed for each language. */
export interface QueryTerm {
  de: string;
  en: string;
}

/** One word of a question with the index terms it can match. */
export interface QueryToken extends QueryTerm {
  word: string;
  /** Whether the entries use the word itself; a word they use is never read as a typo of another. */
  known: boolean;
  /** Terms of the known words a compound is made of, when the compound itself is unknown. */
  parts: string[];
  /** Share of the compound's letters those known words make up (the rest is unknown or linking letters). */
  partsCover: number;
  /** Words the knowledge base uses for this word (see knowledge/synonyms.json). */
  synonyms: QueryTerm[];
}

/** Synonyms keyed by folded word, as the query side looks them up. */
export type SynonymLookup = (foldedWord: string) => readonly string[] | undefined;

function termsOf(word: string): QueryTerm {
  return { de: termOf(word, "de"), en: termOf(word, "en") };
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
/** Known parts must make up at least this share of a compound for a split with unknown letters to count. */
const MIN_KNOWN_SHARE = 0.5;
/** Only long words are split with unknown letters left over: in short ones the match is chance ("passport"). */
const MIN_PARTIAL_SPLIT_LENGTH = 10;

interface Split {
  parts: string[];
  unknownLetters: number;
}

function better(a: Split, b: Split | undefined): boolean {
  if (!b) return true;
  return a.unknownLetters !== b.unknownLetters
    ? a.unknownLetters < b.unknownLetters
    : a.parts.length < b.parts.length;
}

/**
 * Splits a German compound into words of the vocabulary ("buergerbeteiligungsverfahren" →
 * "burger", "beteiligung", "verfahren"), allowing the usual linking elements (Fugen-s …) between parts.
 * Letters that belong to no known word are allowed ("alibiveranstaltung" → "veranstaltung") as long as
 * known words make up most of the compound. Returns [] when it is not a compound of known words.
 */
export function splitCompound(folded: string, vocabulary: ReadonlySet<string>): string[] {
  // best[i]: the split of folded[0, i) with the fewest unknown letters, then the fewest parts.
  const best: (Split | undefined)[] = [{ parts: [], unknownLetters: 0 }];
  for (let end = 1; end <= folded.length; end++) {
    const skip = best[end - 1];
    if (skip) {
      const candidate = { parts: skip.parts, unknownLetters: skip.unknownLetters + 1 };
      if (better(candidate, best[end])) best[end] = candidate;
    }
    for (let start = 0; start <= end - MIN_PART_LENGTH; start++) {
      const prefix = best[start];
      if (!prefix) continue;
      const piece = folded.slice(start, end);
      for (const link of LINKING_ELEMENTS) {
        if (!piece.endsWith(link)) continue;
        const word = piece.slice(0, piece.length - link.length);
        if (word.length < MIN_PART_LENGTH || !vocabulary.has(word)) continue;
        const candidate = { parts: [...prefix.parts, word], unknownLetters: prefix.unknownLetters };
        if (better(candidate, best[end])) best[end] = candidate;
      }
    }
  }
  const split = best[folded.length];
  if (!split || split.parts.length === 0) return [];
  if (split.unknownLetters === 0) return split.parts.length > 1 ? split.parts : [];
  const knownShare = 1 - split.unknownLetters / folded.length;
  return folded.length >= MIN_PARTIAL_SPLIT_LENGTH && knownShare >= MIN_KNOWN_SHARE ? split.parts : [];
}

export function toQueryTokens(
  text: string,
  vocabulary: ReadonlySet<string>,
  isIndexTerm: (term: string) => boolean,
  synonymsOf: SynonymLookup = () => undefined,
): QueryToken[] {
  const { verbs, particles } = rejoinedVerbs(
    text,
    (verb) => isIndexTerm(termOf(verb, "de")) || synonymsOf(foldWord(verb)) !== undefined,
  );
  const words = contentWords(text)
    .filter((word) => !particles.has(word))
    .map((word) => verbs.get(word) ?? word);
  return [...new Set(words)].map((word) => {
    const written = termsOf(word);
    const en = written.en;
    const de = isIndexTerm(written.de)
      ? written.de
      : (separableVerbTerm(written.de, isIndexTerm) ?? written.de);
    const known = isIndexTerm(de) || isIndexTerm(en);
    const folded = foldWord(word);
    const split = known ? [] : splitCompound(folded, vocabulary);
    const partsCover = split.reduce((letters, part) => letters + part.length, 0) / folded.length;
    const synonyms = (synonymsOf(folded) ?? []).flatMap((phrase) => contentWords(phrase).map(termsOf));
    const base = personNounBase(word);
    if (base) synonyms.push(termsOf(base));
    return { word, de, en, known, parts: split.map((part) => termOf(part, "de")), partsCover, synonyms };
  });
}
