import type { Language } from "../knowledge/types.js";

/** Frequent function words that give a question's language away even in a few words. */
const GERMAN_WORDS = new Set(
  (
    "was ist sind wie wo wer wann warum welche welcher welches ein eine einen einem der die das den dem des und " +
    "oder für mit von zu zur zum im bei ich wir sie ihr mir uns gibt es bitte nicht kann können soll sollte " +
    "muss auf aus über unter nach vor auch noch man hilfe tipp danke hallo risiken ablauf beispiel vorteile " +
    "nachteile publikation methoden kosten geeignet finde erkläre erklären"
  ).split(" "),
);

const ENGLISH_WORDS = new Set(
  (
    "what is are how where who when why which a an the and or for with of to in at i we you me us there please " +
    "not can could should must on from about after before also any help tip thanks hello risks process example " +
    "advantages disadvantages publication methods cost costs suitable find explain tell does do"
  ).split(" "),
);

/** The language a message is written in, or undefined when it does not say (a name, "Open Space"). */
export function detectLanguage(text: string): Language | undefined {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}']+/u)
    .filter(Boolean);
  let german = /[äöüß]/i.test(text) ? 1 : 0;
  let english = 0;
  for (const word of words) {
    if (GERMAN_WORDS.has(word)) german++;
    if (ENGLISH_WORDS.has(word)) english++;
  }
  if (german === english) return undefined;
  return german > english ? "de" : "en";
}

/** "en-GB" → en; anything not English counts as German, the bot's primary language. */
export function languageOfLocale(locale: string | undefined): Language | undefined {
  if (!locale) return undefined;
  const primary = locale.toLowerCase().split(/[-_]/)[0];
  if (primary === "en") return "en";
  if (primary === "de") return "de";
  return undefined;
}
