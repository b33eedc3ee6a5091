import { foldWord, splitWords, termOf } from "../search/analyze.js";
import { separatedVerb } from "../search/separable-verbs.js";

/**
 * A closed set of words and phrases that mark one meaning in a message ("wie lange", "Dauer", "how long").
 * Single words match by their stem in German or English, so inflected forms match too ("dauert",
 * "Kosten", "costs"); phrases match as consecutive folded words. Closed classes of short function words
 * ("das", "andere") match `exactly`, since their stems collide with content words ("ändern").
 */
export class Lexicon {
  private readonly stems = new Set<string>();
  private readonly phrases: string[][] = [];
  private readonly exact: boolean;

  constructor(entries: string, options: { exact?: boolean } = {}) {
    this.exact = options.exact ?? false;
    for (const entry of entries
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean)) {
      const words = splitWords(entry).map(foldWord);
      if (words.length !== 1) this.phrases.push(words);
      else if (this.exact) this.stems.add(words[0] ?? "");
      else for (const stem of stemsOf(words[0] ?? "")) this.stems.add(stem);
    }
  }

  /** The positions in `words` (folded) that this lexicon covers. */
  positionsIn(words: readonly string[]): number[] {
    const covered = new Set<number>();
    words.forEach((word, i) => {
      const matches = this.exact ? this.stems.has(word) : stemsOf(word).some((stem) => this.stems.has(stem));
      if (matches) covered.add(i);
    });
    if (!this.exact) for (const i of this.separatedVerbIn(words)) covered.add(i);
    for (const phrase of this.phrases) {
      for (let start = 0; start + phrase.length <= words.length; start++) {
        if (phrase.every((word, i) => words[start + i] === word)) {
          phrase.forEach((_, i) => covered.add(start + i));
        }
      }
    }
    return [...covered];
  }

  /**
   * A German separable verb split in the question, its particle last: "wie setze ich das um?" is
   * "umsetzen". Both the verb and the particle are covered.
   */
  private separatedVerbIn(words: readonly string[]): number[] {
    const found = separatedVerb(words, (whole) => stemsOf(whole).some((stem) => this.stems.has(stem)));
    return found ? [found.verbAt, found.particleAt] : [];
  }

  matches(words: readonly string[]): boolean {
    return this.positionsIn(words).length > 0;
  }
}

const stemCache = new Map<string, string[]>();

function stemsOf(folded: string): string[] {
  let stems = stemCache.get(folded);
  if (!stems) {
    stems = [...new Set([folded, termOf(folded, "de"), termOf(folded, "en")])];
    if (stemCache.size < 50_000) stemCache.set(folded, stems);
  }
  return stems;
}

/** The folded words of a message. */
export function messageWords(text: string): string[] {
  return splitWords(text).map(foldWord);
}

/**
 * The message without the words at the given positions (of `messageWords`), as text again, in the words
 * as written, so that what remains can be searched like any question.
 */
export function withoutPositions(text: string, positions: Iterable<number>): string {
  const drop = new Set(positions);
  return splitWords(text)
    .filter((_, i) => !drop.has(i))
    .join(" ");
}
