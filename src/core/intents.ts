import type { Language } from "../knowledge/types.js";
import { foldWord, splitWords } from "../search/analyze.js";
import { findScheduleWords, type ScheduleWords } from "./schedule-words.js";

export type DetectedIntent =
  | { type: "help" }
  | { type: "greeting" }
  | { type: "thanks" }
  | { type: "language"; language: Language }
  | { type: "tip" }
  | {
      type: "subscription";
      command: "subscribe" | "unsubscribe" | "subscription-status";
      schedule: ScheduleWords;
    }
  | { type: "publication" }
  | { type: "list"; what: "methods" | "recommendations" | "topics" }
  | { type: "choice"; index: number }
  | { type: "privacy"; askedToDelete: boolean }
  | { type: "ask" };

const set = (words: string) => new Set(words.split(" ").map(foldWord));

/** Words that may surround a command without changing it ("Gib mir bitte einen Tipp"). */
const FILLER = set(
  "bitte mal gib gibt mir mich uns einen einer eine ein der die das den zeig zeige zeigen show me give a an the " +
    "please can you i want ich mochte hatte gern gerne noch neuer neuen weiteren weiterer another new next more " +
    "one some du kannst bekommen get es was is there are alle all welche which liste list of von der des zur zum " +
    "ubersicht overview kennst know haben have hast auf in to switch wechseln umschalten stelle sprache language " +
    "answer antworte antworten reply sprich speak",
);

const HELP = set("hilfe help hilfen befehle commands menu start anleitung");
const HELP_PHRASES = [
  "was kannst du",
  "what can you do",
  "wie funktionierst du",
  "how do you work",
  "wer bist du",
  "who are you",
];
const GREETINGS = set(
  "hallo hi hey moin servus gruss gruezi hello tag morgen abend guten good morning evening",
);
const THANKS = set("danke dankeschon vielen dank thanks thank you thx super prima toll");
const TIP = set("tipp tip tipps tips praxistipp wochentipp woche week day tages des der of the");
/** The weekly tip's subscription: words for subscribing, ending it and asking about it. */
const SUBSCRIBE = set("abonnieren abonniere abonniert abo abonnement subscribe subscription anmelden");
/** Clear enough on their own ("abbestellen"); STOP needs a word for the tip or the subscription beside it. */
const UNSUBSCRIBE = set("abbestellen abbestelle deabonnieren unsubscribe abmelden kundigen kundige");
const STOP = set("beenden stoppen stop cancel end");
const STATUS = set("status abostatus");
const TIP_WORDS = set("tipp tip tipps tips wochentipp praxistipp");
const SUBSCRIPTION_CONTEXT = set(
  "weekly wochentlich woche week der des the of jeden jede every each um am at on als as per immer",
);
const SUBSCRIPTION_COMMANDS = [SUBSCRIBE, UNSUBSCRIBE, STOP, STATUS];
const SUBSCRIPTION_WORDS = new Set(
  [TIP_WORDS, SUBSCRIPTION_CONTEXT, ...SUBSCRIPTION_COMMANDS].flatMap((words) => [...words]),
);
const PUBLICATION = set(
  "publikation publication buch book veroffentlichung broschure download pdf herunterladen bestellen order",
);
const WHERE = set("wo finde bekomme gibt where find get can i ich die the zur zum to link");
const LIST_METHODS = set("methoden methods verfahren procedures formate methodenliste formats");
const LIST_RECOMMENDATIONS = set("empfehlungen recommendations");
const LIST_TOPICS = set("themen topics themenfelder");
/** „Datenschutz“, "privacy" and the questions people ask about their data, folded. */
const PRIVACY = set("datenschutz datenschutzhinweis datenschutzhinweise privacy dsgvo gdpr");
const PRIVACY_CONTEXT = set("info infos information informationen hinweis hinweise policy erklarung notice");
const PRIVACY_PHRASES = [
  "was speicherst du",
  "was speichert ihr",
  "was speichert der bot",
  "welche daten speicherst du",
  "welche daten hast du",
  "was weisst du uber mich",
  "what do you store",
  "what data do you",
  "what do you keep",
  "what do you know about me",
];
const DELETION_PHRASES = [
  "daten loschen",
  "daten entfernen",
  "vergiss mich",
  "delete my data",
  "erase my data",
  "remove my data",
  "forget me",
];
const ENGLISH = set("english englisch");
const GERMAN = set("deutsch german");

const ORDINALS: Record<string, number> = {
  "1": 1,
  "2": 2,
  "3": 3,
  erste: 1,
  ersten: 1,
  zweite: 2,
  zweiten: 2,
  dritte: 3,
  dritten: 3,
  first: 1,
  second: 2,
  third: 3,
  eins: 1,
  zwei: 2,
  drei: 3,
  one: 1,
  two: 2,
  three: 3,
};

function onlyFrom(
  words: string[],
  allowed: ReadonlySet<string>,
  ...required: ReadonlySet<string>[]
): boolean {
  return (
    words.every((word) => allowed.has(word) || FILLER.has(word) || required.some((r) => r.has(word))) &&
    required.every((r) => words.some((word) => r.has(word)))
  );
}

/**
 * "Tipp abonnieren freitags 14 Uhr", "unsubscribe", "Tipp Status"; undefined for anything else. Messages
 * without a word for subscribing, ending or asking are left at once, before the schedule is looked for.
 */
function detectSubscription(text: string, words: readonly string[]): DetectedIntent | undefined {
  if (!words.some((word) => SUBSCRIPTION_COMMANDS.some((group) => group.has(word)))) return undefined;
  const schedule = findScheduleWords(text);
  const rest = splitWords(schedule.rest).map(foldWord);
  if (rest.length === 0 || rest.length > 8 || !onlyFrom(rest, SUBSCRIPTION_WORDS)) return undefined;
  const has = (group: ReadonlySet<string>) => rest.some((word) => group.has(word));
  const aboutTip = has(TIP_WORDS) || has(SUBSCRIBE);
  if (has(UNSUBSCRIBE) || (has(STOP) && aboutTip)) {
    return { type: "subscription", command: "unsubscribe", schedule };
  }
  if (has(STATUS) && aboutTip) return { type: "subscription", command: "subscription-status", schedule };
  if (has(SUBSCRIBE)) return { type: "subscription", command: "subscribe", schedule };
  return undefined;
}

const LANGUAGE = "(englisch|english|deutsch|german)";
/**
 * A language asked for inside a longer message: "auf Englisch bitte, ist für unsere Partnerstadt",
 * "can you answer in English?", "in German please". The language's name must end the request ("auf
 * Englisch", then a pause or "bitte"), so "in German land-use planning" stays a question.
 */
const LANGUAGE_REQUESTS = [
  new RegExp(`\\b(?:auf|in)\\s+${LANGUAGE}(?=\\s*(?:$|[,.;:!?()–-]|bitte\\b|please\\b))`, "iu"),
  new RegExp(`\\b${LANGUAGE}\\s+(?:bitte|please)\\b`, "iu"),
  new RegExp(
    `\\b(?:answer|reply|respond|antworte\\w*|switch\\w*|wechsel\\w*)\\s+(?:\\S+\\s+){0,2}?(?:auf|in|to|ins)\\s+${LANGUAGE}\\b`,
    "iu",
  ),
];

export function requestedLanguage(text: string): Language | undefined {
  for (const pattern of LANGUAGE_REQUESTS) {
    const name = pattern.exec(text)?.[1]?.toLowerCase();
    if (name) return name === "englisch" || name === "english" ? "en" : "de";
  }
  return undefined;
}

const CHOICE_NUMBER = /^\s*(?:nr\.?|nummer|number|#)?\s*\(?([1-9])[.)]?\s*$/i;

/**
 * Recognises what a message asks for from its words. Only short, unambiguous phrasings become commands;
 * everything else is a question for retrieval.
 */
export function detectIntent(text: string): DetectedIntent {
  const number = CHOICE_NUMBER.exec(text)?.[1];
  if (number) return { type: "choice", index: Number(number) - 1 };
  const words = splitWords(text).map(foldWord);
  const joined = words.join(" ");
  if (words.length === 0) return /\?/.test(text) ? { type: "help" } : { type: "ask" };

  const ordinal = words.length <= 3 ? words.map((word) => ORDINALS[word]).find(Boolean) : undefined;
  if (
    ordinal &&
    words.every((word) => ORDINALS[word] || FILLER.has(word) || word === "nummer" || word === "number")
  ) {
    return { type: "choice", index: ordinal - 1 };
  }
  if (words.length <= 6 && HELP_PHRASES.some((phrase) => joined.includes(phrase))) return { type: "help" };
  if (onlyFrom(words, new Set(), HELP)) return { type: "help" };
  if (onlyFrom(words, THANKS, THANKS)) return { type: "thanks" };
  if (onlyFrom(words, GREETINGS, GREETINGS)) return { type: "greeting" };
  if (words.length <= 6 && onlyFrom(words, new Set(), ENGLISH)) return { type: "language", language: "en" };
  if (words.length <= 6 && onlyFrom(words, new Set(), GERMAN)) return { type: "language", language: "de" };
  if (words.length <= 10) {
    if (DELETION_PHRASES.some((phrase) => joined.includes(phrase))) {
      return { type: "privacy", askedToDelete: true };
    }
    if (
      PRIVACY_PHRASES.some((phrase) => joined.includes(phrase)) ||
      onlyFrom(words, PRIVACY_CONTEXT, PRIVACY)
    ) {
      return { type: "privacy", askedToDelete: false };
    }
  }
  const subscription = detectSubscription(text, words);
  if (subscription) return subscription;
  if (onlyFrom(words, TIP, set("tipp tip praxistipp wochentipp"))) return { type: "tip" };
  if (onlyFrom(words, WHERE, PUBLICATION)) return { type: "publication" };
  if (onlyFrom(words, new Set(), LIST_METHODS)) return { type: "list", what: "methods" };
  if (onlyFrom(words, new Set(), LIST_RECOMMENDATIONS)) return { type: "list", what: "recommendations" };
  if (onlyFrom(words, new Set(), LIST_TOPICS)) return { type: "list", what: "topics" };
  return { type: "ask" };
}
