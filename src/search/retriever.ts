import { LRUCache } from "lru-cache";
import { NO_SYNONYMS, type Synonyms } from "../knowledge/synonyms.js";
import type { Entry, EntryKind, Language } from "../knowledge/types.js";
import { LANGUAGES } from "../knowledge/types.js";
import { termOf } from "./analyze.js";
import { isCommonWord } from "./common-words.js";
import { fitOf, termWeight, tokenWeight } from "./confidence.js";
import { SearchIndex } from "./index.js";
import { EntryNames } from "./names.js";
import { favouredKinds } from "./question-kind.js";
import { contentWords, type QueryToken } from "./query.js";
import { sharedDetails } from "./shared-details.js";

export interface Candidate {
  id: string;
  /** Lunr's relevance score, only comparable within one question. */
  score: number;
  /** How sure retrieval is that the entry answers the question, 0–1 (see confidence.ts). */
  confidence: number;
  /** Share of the question the entry explains, 0–1; tells apart entries that are both confident. */
  share: number;
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
  answerConfidence: 0.55,
  closeConfidence: 0.12,
  closeScoreRatio: 0.8,
  maxChoices: 3,
};

/** Confidence of an entry whose full name stands in the question ("Bürgergutachten erstellen lassen"). */
const NAME_IN_QUESTION_CONFIDENCE = 0.75;

/**
 * Lunr's best hits that are scored for confidence. 10 did better than 8 on both question sets; many more
 * let entries in that hold a few of a question's words by chance.
 */
const CANDIDATES_CONSIDERED = 10;
/**
 * A term in at most this many entries is rare: as a name, or as one of several details a question shares
 * with an entry, it points to them from their body text (see confidence.ts and shared-details.ts).
 */
const MAX_ENTRIES_OF_RARE_TERM = 2;
/** A word found in more than this share of entries is common in this knowledge base. */
const COMMON_WORD_SHARE = 0.3;
/** How much more an entry of the kind a question's phrasing asks for counts (see question-kind.ts). */
const FAVOURED_KIND_PRIOR = 1.25;
/** The weight of an everyday word in a question, as low as that of a word found in every entry. */
const COMMON_WORD_WEIGHT = 0.3;
/**
 * Ranked texts remembered: one turn asks about the same text several times (is it a method request, does
 * it describe one entry, …), and a conversation's texts repeat. Ranking is pure, so a hit is exact.
 */
const CACHE_SIZE = 512;

type Ranking = Readonly<{ tokens: readonly QueryToken[]; candidates: readonly Readonly<Candidate>[] }>;

export class Retriever {
  private readonly index: SearchIndex;
  private readonly names: EntryNames;
  private readonly kinds: ReadonlyMap<string, EntryKind>;
  private readonly ranked = new LRUCache<string, Ranking>({
    max: CACHE_SIZE,
    memoMethod: (text) => this.rankAnew(text),
  });
  private readonly namedInTexts = new LRUCache<string, ReadonlySet<string>>({
    max: CACHE_SIZE,
    memoMethod: (text) => this.names.namedIn(text),
  });

  constructor(
    entries: readonly Entry[],
    private readonly thresholds: Thresholds = DEFAULT_THRESHOLDS,
    synonyms: Synonyms = NO_SYNONYMS,
  ) {
    this.index = new SearchIndex(entries, synonyms);
    this.kinds = new Map(entries.map((entry) => [entry.id, entry.kind]));
    const common = this.index.documentCount * COMMON_WORD_SHARE;
    this.names = new EntryNames(entries, (word) =>
      LANGUAGES.some((language) => this.index.documentFrequency(termOf(word, language)) > common),
    );
  }

  /** Whether a text has any words to search for. */
  hasContent(text: string): boolean {
    return contentWords(text).length > 0;
  }

  /** The entry whose title or alias is exactly the question's content, if any. */
  entryNamedBy(text: string): string | undefined {
    return this.names.namedBy(text);
  }

  /** Entries whose whole title or alias occurs in a text, one typo allowed in long words. */
  entriesNamedInText(text: string): ReadonlySet<string> {
    return this.namedInTexts.memo(text);
  }

  rank(text: string): Ranking {
    return this.ranked.memo(text);
  }

  private rankAnew(text: string): Ranking {
    const tokens = this.index.tokenize(text);
    const weights = tokens.map((token) =>
      isCommonWord(token.word)
        ? COMMON_WORD_WEIGHT
        : tokenWeight(token, (term) => this.index.documentFrequency(term), this.index.documentCount),
    );
    const isRare = (term: string) => this.index.documentFrequency(term) <= MAX_ENTRIES_OF_RARE_TERM;
    const context = {
      partWeight: (part: string) => termWeight(this.index.documentFrequency(part), this.index.documentCount),
      bodySalience: (id: string, language: Language, term: string) =>
        this.index.bodyStatistics.salience(id, language, term),
      pointsToEntry: (term: string) => this.index.isProperName(term) && isRare(term),
    };
    const named = this.entriesNamedInText(text);
    const favoured = favouredKinds(text);
    const prior = (id: string) => {
      const kind = this.kinds.get(id);
      return kind && favoured.has(kind) ? FAVOURED_KIND_PRIOR : 1;
    };
    const candidates = this.index
      .search(tokens)
      .slice(0, CANDIDATES_CONSIDERED)
      .map((hit) => {
        const details = sharedDetails(hit, tokens, context, isRare);
        const fit = fitOf(hit, tokens, weights, {
          ...context,
          pointsToEntry: (term) => details.has(term) || context.pointsToEntry(term),
        });
        const confidence = named.has(hit.id)
          ? Math.max(fit.confidence, NAME_IN_QUESTION_CONFIDENCE)
          : fit.confidence;
        return {
          id: hit.id,
          score: hit.score,
          confidence: Math.min(1, confidence * prior(hit.id)),
          share: fit.share * prior(hit.id),
        };
      });
    return Object.freeze({ tokens: Object.freeze(tokens), candidates: Object.freeze(candidates) });
  }

  /** How sure retrieval is that one given entry answers a text, 0 where it is not among the best hits. */
  confidenceFor(text: string, id: string): number {
    return this.rank(text).candidates.find((candidate) => candidate.id === id)?.confidence ?? 0;
  }

  retrieve(text: string): Retrieval {
    const { tokens, candidates } = this.rank(text);
    const named = this.entryNamedBy(text);
    if (tokens.length === 0 && !named) return { outcome: "empty", candidates: [] };

    if (named) {
      const found = candidates.find((candidate) => candidate.id === named);
      const best = { id: named, score: found?.score ?? 0, confidence: 1, share: found?.share ?? 1 };
      return { outcome: "answer", best, candidates: [best, ...candidates.filter((c) => c.id !== named)] };
    }

    // Confidence first; between equally confident entries the one that explains more of the question,
    // then Lunr's score.
    const ranked = [...candidates].sort(
      (a, b) => b.confidence - a.confidence || b.share - a.share || b.score - a.score,
    );
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
