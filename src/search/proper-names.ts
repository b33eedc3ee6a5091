import { analyzeText } from "./analyze.js";

/**
 * A capitalised word inside an English sentence: in English only names are capitalised there
 * ("in Detmold", "the Stiftung Mitarbeit", "by Involve"), so the English text tells names from the German
 * nouns that are capitalised everywhere.
 */
const NAME_INSIDE_SENTENCE = /(?<=[\p{L}\p{N},)] +)\p{Lu}[\p{L}\p{N}-]*/gu;

/** The index terms, in both languages' analysis, of the names an English text mentions inside sentences. */
export function properNameTerms(englishText: string): string[] {
  const terms: string[] = [];
  for (const [name] of englishText.matchAll(NAME_INSIDE_SENTENCE)) {
    terms.push(...analyzeText(name, "en"), ...analyzeText(name, "de"));
  }
  return terms;
}
