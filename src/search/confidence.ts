import type { Hit } from "./index.js";
import { parseFieldName, type FieldKind } from "./index.js";
import type { Language } from "../knowledge/types.js";
import { withinOneEdit } from "./edit-distance.js";
import type { QueryToken } from "./query.js";

/** How much a match in each field says about the question being about this entry. */
const FIELD_EVIDENCE: Record<FieldKind, number> = { title: 1, aliases: 1, summary: 0.8, body: 0.4 };
/** How much a match of each kind counts against an exact one. */
const MATCH_EVIDENCE = { exact: 1, typo: 0.85, partOfWord: 0.75, compoundPart: 0.7, synonym: 0.8 };

/** A typo counts only against a term this long; shorter words have too many neighbours ("Wetter", "Letter"). */
const MIN_TYPO_TERM = 7;

function matchEvidence(indexTerm: string, token: QueryToken): number {
  if (indexTerm === token.de || indexTerm === token.en) return MATCH_EVIDENCE.exact;
  const typo =
    !token.known &&
    indexTerm.length >= MIN_TYPO_TERM &&
    (withinOneEdit(indexTerm, token.de) || withinOneEdit(indexTerm, token.en));
  if (typo) return MATCH_EVIDENCE.typo;
  if (indexTerm.includes(token.de) || indexTerm.includes(token.en)) return MATCH_EVIDENCE.partOfWord;
  return 0;
}

/** Fields where a typo still counts: people misspell the names they ask for, in running text it is another word. */
const TYPO_FIELDS = new Set<FieldKind>(["title", "aliases"]);

/** What evidence takes from the index beyond a hit itself. */
export interface EvidenceContext {
  /** The weight of a compound's part (see termWeight). */
  partWeight(part: string): number;
  /** How strongly a term marks an entry's body (see BodyStatistics.salience). */
  bodySalience(id: string, language: Language, term: string): number;
  /**
   * Whether a term points to the entry from its body text as firmly as from its summary: a name that only
   * one or two entries mention ("Detmold", "Involve"), as a fact question about that case uses it, or a
   * detail the question shares with the entry (see shared-details.ts).
   */
  pointsToEntry(term: string): boolean;
}

/** A body term mentioned often or in a short body counts up to as much as one in the summary. */
const MAX_BODY_SALIENCE = FIELD_EVIDENCE.summary / FIELD_EVIDENCE.body;

/**
 * The evidence for one query word in one entry: found anywhere, and found in its title, aliases or summary
 * only (words scattered through a long body must not add up to a confident answer, see fitOf).
 */
export interface Evidence {
  anywhere: number;
  outsideBody: number;
}

const NO_EVIDENCE: Evidence = { anywhere: 0, outsideBody: 0 };

function strongest(a: Evidence, b: Evidence): Evidence {
  return { anywhere: Math.max(a.anywhere, b.anywhere), outsideBody: Math.max(a.outsideBody, b.outsideBody) };
}

function fieldEvidence(
  hit: Hit,
  term: string,
  fields: readonly string[],
  match: number,
  context: EvidenceContext,
): Evidence {
  let best = NO_EVIDENCE;
  for (const field of fields) {
    const { kind, language } = parseFieldName(field);
    if (match === MATCH_EVIDENCE.typo && !TYPO_FIELDS.has(kind)) continue;
    if (kind === "body") {
      const salience = Math.min(MAX_BODY_SALIENCE, context.bodySalience(hit.id, language, term));
      const found = match * FIELD_EVIDENCE.body * salience;
      const pointing = context.pointsToEntry(term) ? match * FIELD_EVIDENCE.summary : 0;
      best = strongest(best, { anywhere: Math.max(found, pointing), outsideBody: pointing });
    } else {
      const value = match * FIELD_EVIDENCE[kind];
      best = strongest(best, { anywhere: value, outsideBody: value });
    }
  }
  return best;
}

/**
 * Evidence for an unknown compound from the known words it is made of, in proportion to how much of it
 * the entry explains: "Bürgergeld" is not about citizens' participation because one half is "Bürger",
 * nor "Standesamt" about a stand.
 */
function compoundEvidence(hit: Hit, token: QueryToken, context: EvidenceContext): Evidence {
  let anywhere = 0;
  let outsideBody = 0;
  let total = 0;
  for (const part of token.parts) {
    const weight = context.partWeight(part);
    total += weight;
    const fields = hit.matches.get(part);
    if (!fields) continue;
    const found = fieldEvidence(hit, part, fields, MATCH_EVIDENCE.compoundPart, context);
    anywhere += weight * found.anywhere;
    outsideBody += weight * found.outsideBody;
  }
  if (total === 0) return NO_EVIDENCE;
  const scale = token.partsCover / total;
  return { anywhere: anywhere * scale, outsideBody: outsideBody * scale };
}

/** The best evidence that one entry contains one query word; zeros when it does not. */
export function tokenEvidence(hit: Hit, token: QueryToken, context: EvidenceContext): Evidence {
  let best = compoundEvidence(hit, token, context);
  for (const [term, fields] of hit.matches) {
    const match = matchEvidence(term, token);
    if (match > 0) best = strongest(best, fieldEvidence(hit, term, fields, match, context));
    const synonym = token.synonyms.some((words) => words.de === term || words.en === term);
    if (synonym) best = strongest(best, fieldEvidence(hit, term, fields, MATCH_EVIDENCE.synonym, context));
  }
  return best;
}

/**
 * How informative a query word is: words found in almost every entry ("Beteiligung") say little, words
 * the knowledge base does not contain at all ("Reisepass") say most — they point outside its scope.
 */
export function tokenWeight(
  token: QueryToken,
  documentFrequency: (term: string) => number,
  documents: number,
): number {
  const frequency = Math.max(documentFrequency(token.de), documentFrequency(token.en));
  if (frequency > 0 || token.synonyms.length === 0) return termWeight(frequency, documents);
  // An everyday word for a common one ("Leute" for "Bürger") says as little as the common word.
  const synonymFrequency = Math.max(
    ...token.synonyms.map((words) => Math.max(documentFrequency(words.de), documentFrequency(words.en))),
  );
  return termWeight(synonymFrequency, documents);
}

/** The weight of a term found in `frequency` of `documents` entries (see tokenWeight). */
export function termWeight(frequency: number, documents: number): number {
  if (frequency === 0 || documents === 0) return 1;
  return 0.3 + 0.7 * (1 - frequency / documents);
}

/** Evidence mass at which several informative words found in one entry count as a confident match. */
export const CONFIDENT_MASS = 3;

/** How well an entry answers a question (see fitOf). */
export interface Fit {
  /** 0–1, comparable across questions: what the decision thresholds apply to. */
  confidence: number;
  /** The weighted share of the question's words the entry explains, 0–1. */
  share: number;
}

/**
 * How well an entry answers a question: the larger of the share of the question it explains (each
 * content word with its weight and the entry's evidence for it) and the absolute evidence its title,
 * aliases and summary hold, so that a long paraphrase that finds many informative words there counts as
 * well as a short question that names the entry. Words scattered through a long body do not add up to
 * confidence that way. Unlike a raw Lunr score it is comparable across questions.
 */
export function fitOf(
  hit: Hit,
  tokens: readonly QueryToken[],
  weights: readonly number[],
  context: EvidenceContext,
): Fit {
  let mass = 0;
  let namedMass = 0;
  let total = 0;
  tokens.forEach((token, i) => {
    const weight = weights[i] ?? 1;
    total += weight;
    const evidence = tokenEvidence(hit, token, context);
    mass += weight * evidence.anywhere;
    namedMass += weight * evidence.outsideBody;
  });
  if (total === 0) return { confidence: 0, share: 0 };
  const share = mass / total;
  return { confidence: Math.min(1, Math.max(share, namedMass / CONFIDENT_MASS)), share };
}
