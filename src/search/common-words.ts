import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const lists = require("stopwords-iso") as Record<string, string[] | undefined>;

/**
 * Everyday words of German and English ("richtig", "steht", "möglichst", "actually") from the stopwords-iso
 * collection, much longer than the search stemmers' stop lists. They carry little topic; queries keep
 * them, but at a low weight.
 */
const COMMON_WORDS = new Set([...(lists.de ?? []), ...(lists.en ?? [])]);

export function isCommonWord(word: string): boolean {
  return COMMON_WORDS.has(word.toLowerCase());
}
