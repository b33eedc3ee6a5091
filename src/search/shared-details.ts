import { tokenEvidence, type EvidenceContext } from "./confidence.js";
import type { Hit } from "./index.js";
import type { QueryToken } from "./query.js";

/** A question needs this many rare words in common with an entry before they point to it together. */
const MIN_SHARED_DETAILS = 2;

/**
 * The details a question shares with one entry's body text, when together they point to that entry.
 *
 * A fact question about a case or a step of an entry uses words that only one or two entries contain
 * ("Steuerungsgruppe" and "Mindmap", "Stellenanteil" and "Großstadt"). One such word is chance; two in
 * the same entry rarely are. They count only when the question also shares a word with the entry's title,
 * aliases or summary, so that it asks within the entry's subject: the Beiräte entry mentions that advisory
 * boards are elected with the "Kommunalwahlen" in "Nordrhein-Westfalen", but a question about the next
 * municipal election is not about advisory boards.
 *
 * @param isRare whether a term occurs in so few entries that it tells them apart
 * @returns the index terms that count as if they stood in the entry's summary; empty when they do not
 */
export function sharedDetails(
  hit: Hit,
  tokens: readonly QueryToken[],
  context: EvidenceContext,
  isRare: (term: string) => boolean,
): Set<string> {
  const matchedTerms = (token: QueryToken) => [token.de, token.en].filter((term) => hit.matches.has(term));
  const details = tokens.filter((token) => matchedTerms(token).some(isRare));
  if (details.length < MIN_SHARED_DETAILS) return new Set();
  const onSubject = tokens.some(
    (token) => !details.includes(token) && tokenEvidence(hit, token, context).outsideBody > 0,
  );
  if (!onSubject) return new Set();
  return new Set(details.flatMap(matchedTerms));
}
