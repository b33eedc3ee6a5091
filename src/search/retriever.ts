import type { Entry, Language } from "../knowledge/types.js";
import { LANGUAGES } from "../knowledge/types.js";
import { termOf } from "./analyze.js";
import { confidenceOf, tokenWeight, withinOneEdit } from "./confidence.js";
import { SearchIndex } from "./index.js";
import { contentWords, type QueryToken } from "./query.js";

export interface Candidate {
  id: string;
  /** Lunr's relevance score, only comparable within one question. */
  score: number;
  /** Share of the question the entry explains, 0–1 (see confidence.ts). */
  confidence: number;
}

export type Retrieval =
  | { outcome: "answer"; best: Candidate; candidates: Candidate[] }
  | { outcome: "clarify"; choices: Candidate[]; candidates: Candidate[] }
  | { outcome: "decline"; candidates: Candidate[] }
  | { outcome: "empty"; candidates: [] };

/**
 * The decision: below `answerConfidence` the bot declines; candidates within `closeConfidence` of the best
 * one and with at least `closeScoreRatio` of its Lunr score make the question ambiguous ("Meinten Sie …?").
 * The defaults were calibrated with `npm run eval -- --sweep` on test/eval/questions.jsonl.
 */
export interface Thresholds {
  answerConfidence: number;
  closeConfidence: number;
  closeScoreRatio: number;
  maxChoices: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  answerConfidence: 0.5,
  closeConfidence: 0.12,
  closeScoreRatio: 0.8,
  maxChoices: 3,
};

/** Confidence of an entry whose full name stands in the question ("Bürgergutachten erstellen lassen"). */
const NAME_IN_QUESTION_CONFIDENCE = 0.75;
/** Words of a name from this length on may carry one typo ("Innovationsdialg"). */
const MIN_FUZZY_NAME_TERM = 7;

const CANDIDATES_CONSIDERED = 8;

function nameKey(text: string, language: Language): string {
  return contentWords(text)
    .map((word) => termOf(word, language))
    .join(" ");
}

export class Retriever {
  private readonly index: SearchIndex;
  /** Titles and aliases in analysed form, so "Planungszellen" names the entry "planungszelle". */
  private readonly names = new Map<string, string>();
  /** The same names as lists of terms, to find a name inside a longer question. */
  private readonly nameTerms: { id: string; terms: string[] }[] = [];

  constructor(
    entries: readonly Entry[],
    private readonly thresholds: Thresholds = DEFAULT_THRESHOLDS,
  ) {
    this.index = new SearchIndex(entries);
    for (const entry of entries) {
      for (const language of LANGUAGES) {
        for (const name of [entry.title[language], ...entry.aliases[language]]) {
          for (const analysis of LANGUAGES) {
            const key = nameKey(name, analysis);
            if (key && !this.names.has(key)) this.names.set(key, entry.id);
            if (key) this.nameTerms.push({ id: entry.id, terms: key.split(" ") });
          }
        }
      }
    }
  }

  /** Whether a text has any words to search for. */
  hasContent(text: string): boolean {
    return contentWords(text).length > 0;
  }

  /** The entry whose title or alias is exactly the question's content, if any. */
  entryNamedBy(text: string): string | undefined {
    for (const language of LANGUAGES) {
      const id = this.names.get(nameKey(text, language));
      if (id) return id;
    }
    return undefined;
  }

  /** Entries whose whole title or alias occurs among the question's words, one typo allowed in long words. */
  private entriesNamedIn(tokens: readonly QueryToken[]): Set<string> {
    const found = new Set<string>();
    const matches = (term: string) =>
      tokens.some(
        (token) =>
          token.de === term ||
          token.en === term ||
          (term.length >= MIN_FUZZY_NAME_TERM &&
            (withinOneEdit(token.de, term) || withinOneEdit(token.en, term))),
      );
    for (const { id, terms } of this.nameTerms) {
      if (!found.has(id) && terms.every(matches)) found.add(id);
    }
    return found;
  }

  rank(text: string): { tokens: QueryToken[]; candidates: Candidate[] } {
    const tokens = this.index.tokenize(text);
    const weights = tokens.map((token) =>
      tokenWeight(token, (term) => this.index.documentFrequency(term), this.index.documentCount),
    );
    const named = this.entriesNamedIn(tokens);
    const candidates = this.index
      .search(tokens)
      .slice(0, CANDIDATES_CONSIDERED)
      .map((hit) => {
        const confidence = confidenceOf(hit, tokens, weights);
        return {
          id: hit.id,
          score: hit.score,
          confidence: named.has(hit.id) ? Math.max(confidence, NAME_IN_QUESTION_CONFIDENCE) : confidence,
        };
      });
    return { tokens, candidates };
  }

  retrieve(text: string): Retrieval {
    const { tokens, candidates } = this.rank(text);
    if (tokens.length === 0) return { outcome: "empty", candidates: [] };

    const named = this.entryNamedBy(text);
    if (named) {
      const found = candidates.find((candidate) => candidate.id === named);
      const best = { id: named, score: found?.score ?? 0, confidence: 1 };
      return { outcome: "answer", best, candidates: [best, ...candidates.filter((c) => c.id !== named)] };
    }

    // Confidence first, Lunr's score to break ties: an entry that explains more of the question wins.
    const ranked = [...candidates].sort((a, b) => b.confidence - a.confidence || b.score - a.score);
    const best = ranked[0];
    if (!best || best.confidence < this.thresholds.answerConfidence)
      return { outcome: "decline", candidates: ranked };

    const close = ranked.filter(
      (candidate) =>
        candidate.confidence >= this.thresholds.answerConfidence &&
        candidate.confidence >= best.confidence - this.thresholds.closeConfidence &&
        candidate.score >= best.score * this.thresholds.closeScoreRatio,
    );
    if (close.length > 1) {
      return { outcome: "clarify", choices: close.slice(0, this.thresholds.maxChoices), candidates: ranked };
    }
    return { outcome: "answer", best, candidates: ranked };
  }
}
