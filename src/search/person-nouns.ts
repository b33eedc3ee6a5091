/** Endings of German nouns for people whose feminine form adds -in (Kolleg-in, Bürger-in, Expert-in, Kandidat-in). */
const PERSON_NOUN_ENDING = /(?:er|or|ent|ant|ist|eg|ar|rt|at|kt|eut)$/u;
const FEMININE_ENDING = /^(.+?)(?:innen|in)$/u;
const MIN_BASE_LENGTH = 4;

/**
 * The base of a German feminine or gender-inclusive noun for people, so that a question in either form
 * finds entries written in the other: "Kolleginnen", "KollegInnen" and "Kollegin" → "kolleg",
 * "Bürgermeisterin" → "bürgermeister". Only after the endings of such nouns, so "Termin", "Benzin" and
 * "beginnen" have none. Expects a lower-case word.
 */
export function personNounBase(word: string): string | undefined {
  const base = FEMININE_ENDING.exec(word)?.[1];
  return base && base.length >= MIN_BASE_LENGTH && PERSON_NOUN_ENDING.test(base) ? base : undefined;
}
