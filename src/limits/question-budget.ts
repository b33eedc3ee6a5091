/**
 * The most of a message that reaches intent detection and retrieval. The core already cuts messages to
 * MAX_TEXT_LENGTH characters, but what costs time is the number of words (every one is folded, stemmed,
 * split into compound parts and looked up, several times per turn) and the length of each. The longest
 * question in the evaluation sets has 57 words and no word longer than 30 characters, so a message of
 * random characters costs no more than a long real question.
 */
export const MAX_QUESTION_WORDS = 80;
export const MAX_WORD_LENGTH = 40;

const WORD = /\S+/g;

/** A word cut to MAX_WORD_LENGTH code points (a character outside the BMP is not cut in half). */
function cut(word: string): string {
  return word.length <= MAX_WORD_LENGTH ? word : Array.from(word).slice(0, MAX_WORD_LENGTH).join("");
}

/** The first MAX_QUESTION_WORDS words, each cut to MAX_WORD_LENGTH characters; spacing is kept. */
export function withinBudget(text: string): string {
  let kept = "";
  let end = 0;
  let count = 0;
  for (const match of text.matchAll(WORD)) {
    if (count === MAX_QUESTION_WORDS) return kept;
    kept += text.slice(end, match.index) + cut(match[0]);
    end = match.index + match[0].length;
    count++;
  }
  return kept + text.slice(end);
}
