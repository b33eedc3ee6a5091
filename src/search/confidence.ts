import type { Hit } from "./index.js";
import { parseFieldName, type FieldKind } from "./index.js";
import type { QueryToken } from "./query.js";

/** How much a match in each field says about the question being about this entry. */
const FIELD_EVIDENCE: Record<FieldKind, number> = { title: 1, aliases: 1, summary: 0.8, body: 0.55 };
/** How much a match of each kind counts against an exact one. */
const MATCH_EVIDENCE = { exact: 1, typo: 0.85, partOfWord: 0.75, compoundPart: 0.7 };

export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}

function matchEvidence(indexTerm: string, token: QueryToken): number {
  if (indexTerm === token.de || indexTerm === token.en) return MATCH_EVIDENCE.exact;
  if (withinOneEdit(indexTerm, token.de) || withinOneEdit(indexTerm, token.en)) return MATCH_EVIDENCE.typo;
  if (indexTerm.includes(token.de) || indexTerm.includes(token.en)) return MATCH_EVIDENCE.partOfWord;
  if (token.parts.includes(indexTerm)) return MATCH_EVIDENCE.compoundPart;
  return 0;
}

/** The best evidence that one entry contains one query word, 0 when it does not. */
export function tokenEvidence(hit: Hit, token: QueryToken): number {
  let best = 0;
  for (const [term, fields] of hit.matches) {
    const match = matchEvidence(term, token);
    if (match === 0) continue;
    for (const field of fields) {
      const kind = parseFieldName(field).kind;
      // People misspell the names they ask for; a near miss in running text is more often another word.
      if (match === MATCH_EVIDENCE.typo && kind === "body") continue;
      best = Math.max(best, match * FIELD_EVIDENCE[kind]);
    }
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
  if (frequency === 0 || documents === 0) return 1;
  return 0.3 + 0.7 * (1 - frequency / documents);
}

/** Evidence mass at which several informative words found in one entry count as a confident match. */
export const CONFIDENT_MASS = 3;

/**
 * How well an entry answers a question, from 0 to 1: the larger of the share of the question it explains
 * (each content word with its weight and the entry's evidence for it) and the absolute evidence it holds,
 * so that a long paraphrase that finds many informative words in one entry counts as well as a short
 * question that names it. Unlike a raw Lunr score it is comparable across questions.
 */
export function confidenceOf(hit: Hit, tokens: readonly QueryToken[], weights: readonly number[]): number {
  let mass = 0;
  let total = 0;
  tokens.forEach((token, i) => {
    const weight = weights[i] ?? 1;
    total += weight;
    mass += weight * tokenEvidence(hit, token);
  });
  if (total === 0) return 0;
  return Math.min(1, Math.max(mass / total, mass / CONFIDENT_MASS));
}
