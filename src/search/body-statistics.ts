import type { Language } from "../knowledge/types.js";

/** BM25's usual constants: how fast repeated mentions saturate, and how much body length counts. */
const SATURATION = 1.2;
const LENGTH_NORMALIZATION = 0.75;

/**
 * Term counts of every entry's body text. A word mentioned once somewhere in a long body says less about
 * an entry than one its short body repeats; this is BM25's term-frequency part, used for evidence.
 */
export class BodyStatistics {
  private readonly counts = new Map<string, Map<string, number>>();
  private readonly lengths = new Map<string, number>();
  private readonly totalLength = new Map<Language, number>();
  private readonly bodies = new Map<Language, number>();

  add(id: string, language: Language, terms: readonly string[]): void {
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    this.counts.set(key(id, language), counts);
    this.lengths.set(key(id, language), terms.length);
    this.totalLength.set(language, (this.totalLength.get(language) ?? 0) + terms.length);
    this.bodies.set(language, (this.bodies.get(language) ?? 0) + 1);
  }

  /**
   * How strongly a term marks an entry's body: 1 for a single mention in a body of average length, more
   * for repeated mentions (up to 1 + SATURATION), less for a mention in a long body; 0 when absent.
   */
  salience(id: string, language: Language, term: string): number {
    const frequency = this.counts.get(key(id, language))?.get(term) ?? 0;
    if (frequency === 0) return 0;
    const average = (this.totalLength.get(language) ?? 0) / (this.bodies.get(language) ?? 1);
    const length = this.lengths.get(key(id, language)) ?? average;
    const norm = 1 - LENGTH_NORMALIZATION + (LENGTH_NORMALIZATION * length) / Math.max(average, 1);
    return (frequency * (SATURATION + 1)) / (frequency + SATURATION * norm);
  }
}

function key(id: string, language: Language): string {
  return `${language}:${id}`;
}
