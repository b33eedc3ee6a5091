import { LRUCache } from "lru-cache";
import { NO_SYNONYMS, type Synonyms } from "../knowledge/synonyms.js";
import type { Entry, Language } from "../knowledge/types.js";
import { LANGUAGES } from "../knowledge/types.js";
import { analyzeText, foldWord, isStopWord, splitWords } from "./analyze.js";
import { BodyStatistics } from "./body-statistics.js";
import { withinOneEdit } from "./edit-distance.js";
import { QUESTION_WORDS } from "./query-words.js";
import { lunr } from "./lunr.js";
import { properNameTerms } from "./proper-names.js";
import { toQueryTokens, type QueryToken } from "./query.js";
import { blocksToPlainText } from "./text.js";

export type FieldKind = "title" | "aliases" | "summary" | "body";
const FIELD_KINDS: readonly FieldKind[] = ["title", "aliases", "summary", "body"];

/** Names weigh more than the summary, the summary more than the body text. */
const FIELD_BOOST: Record<FieldKind, number> = { title: 10, aliases: 8, summary: 3, body: 1 };

export function fieldName(kind: FieldKind, language: Language): string {
  return `${kind}_${language}`;
}

export function parseFieldName(name: string): { kind: FieldKind; language: Language } {
  const [kind, language] = name.split("_") as [FieldKind, Language];
  return { kind, language };
}

const fieldsOf = (language: Language) => FIELD_KINDS.map((kind) => fieldName(kind, language));

/** Clause boosts relative to an exact match: fuzzy and partial matches rank below exact ones. */
const BOOST = { exact: 1, fuzzy: 0.3, partOfWord: 0.4, compoundPart: 0.5, synonym: 0.5 };
/** A typo is tolerated only in words at least this long; shorter words have too many neighbours. */
const MIN_FUZZY_LENGTH = 6;
/** A query word is looked for inside longer words (Haushalt → Bürgerhaushalt) from this length on. */
const MIN_INNER_LENGTH = 5;
const MIN_VOCABULARY_WORD = 4;
const NEAR_TERMS_REMEMBERED = 4096;

type NearTerms = Readonly<{ typos: readonly string[]; containing: readonly string[] }>;
/**
 * Lunr's length normalisation (BM25 b, default 0.75). Somewhat less lets a long section that explains
 * a situation count: 0.6 did best on the development sets (0.3–0.6 were within one question).
 */
const FIELD_LENGTH_NORMALISATION = 0.6;

export interface Hit {
  id: string;
  score: number;
  /** Index term → fields it matched in. */
  matches: Map<string, string[]>;
}

function fieldTexts(entry: Entry, language: Language): Record<FieldKind, string> {
  const sections = Object.values(entry.sections[language]);
  return {
    title: entry.title[language],
    aliases: entry.aliases[language].join(" ; "),
    summary: entry.summary[language],
    body: sections.map(blocksToPlainText).join("\n"),
  };
}

/** A Lunr index over the knowledge base, fed with terms analysed per language (see analyze.ts). */
export class SearchIndex {
  private readonly index: lunr.Index;
  private readonly vocabulary = new Set<string>();
  /** Index term → number of entries that contain it. */
  private readonly termDocumentCount = new Map<string, number>();
  readonly bodyStatistics = new BodyStatistics();
  readonly documentCount: number;
  /** Terms of the names (places, organisations, programmes) the entries mention, see proper-names.ts. */
  private readonly properNames = new Set<string>();
  /** Folded word → the words the entries use for it, from both languages' tables. */
  private readonly synonyms = new Map<string, readonly string[]>();
  /** The index never changes, and the words of questions repeat: each term's neighbours are found once. */
  /** Keyed "~term" with typos, "=term" without. */
  private readonly near = new LRUCache<string, NearTerms>({
    max: NEAR_TERMS_REMEMBERED,
    memoMethod: (key) => this.findNearTerms(key.slice(1), key.startsWith("~")),
  });

  constructor(entries: readonly Entry[], synonyms: Synonyms = NO_SYNONYMS) {
    for (const language of LANGUAGES) {
      for (const [word, targets] of synonyms[language]) {
        const folded = foldWord(word);
        this.synonyms.set(folded, [...(this.synonyms.get(folded) ?? []), ...targets]);
      }
    }
    const documents = entries.map((entry) => {
      const document: Record<string, string> = { id: entry.id };
      const entryTerms = new Set<string>();
      for (const language of LANGUAGES) {
        const texts = fieldTexts(entry, language);
        if (language === "en") for (const term of properNameTerms(texts.body)) this.properNames.add(term);
        for (const kind of FIELD_KINDS) {
          const terms = analyzeText(texts[kind], language);
          document[fieldName(kind, language)] = terms.join(" ");
          if (kind === "body") this.bodyStatistics.add(entry.id, language, terms);
          for (const term of terms) entryTerms.add(term);
          for (const word of splitWords(texts[kind])) {
            if (word.length < MIN_VOCABULARY_WORD || isStopWord(word) || QUESTION_WORDS.has(word)) continue;
            this.vocabulary.add(foldWord(word));
          }
        }
      }
      for (const term of entryTerms)
        this.termDocumentCount.set(term, (this.termDocumentCount.get(term) ?? 0) + 1);
      return document;
    });

    this.index = lunr(function () {
      // Text arrives already analysed; Lunr must not stem it a second time.
      this.pipeline.reset();
      this.searchPipeline.reset();
      this.ref("id");
      this.b(FIELD_LENGTH_NORMALISATION);
      for (const language of LANGUAGES) {
        for (const kind of FIELD_KINDS) this.field(fieldName(kind, language), { boost: FIELD_BOOST[kind] });
      }
      for (const document of documents) this.add(document);
    });
    this.documentCount = entries.length;
  }

  /** Index terms one typo away from a term, and longer terms that contain it ("haushalt" → "burgerhaushalt"). */
  private nearTerms(term: string, withTypos: boolean): NearTerms {
    return this.near.memo(`${withTypos ? "~" : "="}${term}`);
  }

  private findNearTerms(term: string, withTypos: boolean): NearTerms {
    const typos: string[] = [];
    const containing: string[] = [];
    const inner = term.length >= MIN_INNER_LENGTH;
    if (!withTypos && !inner) return { typos, containing };
    for (const candidate of this.termDocumentCount.keys()) {
      if (candidate === term) continue;
      if (inner && candidate.includes(term)) containing.push(candidate);
      else if (withTypos && withinOneEdit(candidate, term)) typos.push(candidate);
    }
    return Object.freeze({ typos, containing });
  }

  hasTerm(term: string): boolean {
    return this.termDocumentCount.has(term);
  }

  /** Whether a term is (part of) a name the entries mention: a place, an organisation, a programme. */
  isProperName(term: string): boolean {
    return this.properNames.has(term);
  }

  /** How many entries contain the term in any field. */
  documentFrequency(term: string): number {
    return this.termDocumentCount.get(term) ?? 0;
  }

  tokenize(text: string): QueryToken[] {
    return toQueryTokens(
      text,
      this.vocabulary,
      (term) => this.hasTerm(term),
      (word) => this.synonyms.get(word),
    );
  }

  /** Runs a query built from analysed tokens; user text never reaches Lunr's query parser. */
  search(tokens: readonly QueryToken[]): Hit[] {
    if (tokens.length === 0) return [];
    const results = this.index.query((query) => {
      for (const token of tokens) {
        for (const language of LANGUAGES) {
          const term = token[language];
          const fields = fieldsOf(language);
          query.term(term, { fields, boost: BOOST.exact, usePipeline: false });
          // Lunr's own fuzzy and wildcard queries walk its whole token set for every clause; a scan of
          // the term list finds the same neighbours many times faster.
          const { typos, containing } = this.nearTerms(
            term,
            !token.known && token.word.length >= MIN_FUZZY_LENGTH,
          );
          for (const near of typos) query.term(near, { fields, boost: BOOST.fuzzy, usePipeline: false });
          for (const near of containing) {
            query.term(near, { fields, boost: BOOST.partOfWord, usePipeline: false });
          }
        }
        for (const part of token.parts) {
          query.term(part, { boost: BOOST.compoundPart, usePipeline: false });
        }
        for (const synonym of token.synonyms) {
          for (const language of LANGUAGES) {
            query.term(synonym[language], {
              fields: fieldsOf(language),
              boost: BOOST.synonym,
              usePipeline: false,
            });
          }
        }
      }
    });
    return results.map((result) => ({
      id: result.ref,
      score: result.score,
      matches: new Map(
        Object.entries(result.matchData.metadata as Record<string, Record<string, unknown>>).map(
          ([term, fields]) => [term, Object.keys(fields)],
        ),
      ),
    }));
  }
}
