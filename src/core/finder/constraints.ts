import { z } from "zod";
import type { MethodAttributes } from "../../knowledge/types.js";
import type { Purpose } from "../conversation-messages.js";
import { PURPOSES } from "../conversation-messages.js";
import { Lexicon, messageWords } from "../lexicon.js";

type DurationClass = MethodAttributes["durationClass"];
type Selection = MethodAttributes["selection"][number];

/** What a method must or should offer, as far as the user said. */
export const constraintsSchema = z.object({
  people: z.number().int().min(1).max(1_000_000).optional(),
  time: z.enum(["hours", "days", "weeks", "months", "ongoing"]).optional(),
  format: z.enum(["presence", "online", "hybrid", "postal"]).optional(),
  selection: z.enum(["random", "open", "invited", "stakeholders", "elected", "affected"]).optional(),
  purpose: z.enum(PURPOSES as [Purpose, ...Purpose[]]).optional(),
  /** Further purposes the same message names ("Vorschläge einreichen und dann abstimmen"). */
  morePurposes: z
    .array(z.enum(PURPOSES as [Purpose, ...Purpose[]]))
    .max(PURPOSES.length)
    .optional(),
  lowCost: z.boolean().optional(),
  level: z.enum(["inform", "consult", "cooperate", "decide"]).optional(),
});
export type Constraints = z.infer<typeof constraintsSchema>;

/** Criteria words match as written (folded), every form listed: stems would mix "Anliegen" with "Anlieger". */
const EXACT = { exact: true };

const NUMBER_WORDS: Record<string, number> = {
  zwei: 2,
  drei: 3,
  vier: 4,
  funf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
  zehn: 10,
  elf: 11,
  zwolf: 12,
  funfzehn: 15,
  zwanzig: 20,
  dreissig: 30,
  vierzig: 40,
  funfzig: 50,
  sechzig: 60,
  siebzig: 70,
  achtzig: 80,
  hundert: 100,
  tausend: 1000,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  hundred: 100,
  thousand: 1000,
  dutzend: 12,
  dozen: 12,
};

const PEOPLE = new Lexicon(
  "leute, leuten, personen, person, teilnehmende, teilnehmenden, teilnehmer, teilnehmern, teilnehmerinnen, burger, burgern, burgerinnen, menschen, einwohner, einwohnern, einwohnerinnen, bewohner, bewohnern, anwohner, anwohnern, jugendliche, jugendlichen, kinder, kindern, senioren, mitglieder, mitgliedern, people, participants, participant, persons, citizens, residents, members, attendees, kids",
  EXACT,
);
/** Words that make a number a group size even without a noun after it ("für 30", "mit ca. 20"). */
const SIZE_CUES = new Set([
  "fur",
  "mit",
  "ca",
  "circa",
  "etwa",
  "rund",
  "ungefahr",
  "for",
  "with",
  "about",
  "around",
  "approx",
]);
const FEW = new Set([
  "paar",
  "few",
  "einige",
  "einigen",
  "several",
  "mehrere",
  "mehreren",
  "etliche",
  "etlichen",
]);

const GROUP_SIZE: [Lexicon, number][] = [
  [
    new Lexicon(
      "kleine gruppe, kleinen gruppe, kleine gruppen, kleinen gruppen, kleiner kreis, kleinen kreis, small group, small groups, handful, handvoll",
      EXACT,
    ),
    15,
  ],
  [
    new Lexicon(
      "grosse gruppe, grossen gruppe, grosse gruppen, large group, big group, viele leute, many people, lots of people",
      EXACT,
    ),
    150,
  ],
  [
    new Lexicon(
      "ganze stadt, ganzen stadt, alle burger, alle einwohner, ganze gemeinde, ganzen gemeinde, whole city, whole town, all residents, everyone in town, tausende, thousands",
      EXACT,
    ),
    2000,
  ],
];

const TIME: [Lexicon, DurationClass][] = [
  [
    new Lexicon(
      "stunde, stunden, abend, abends, nachmittag, vormittag, halber tag, halben tag, abendveranstaltung, hour, hours, evening, afternoon, morning, half a day, half day",
      EXACT,
    ),
    "hours",
  ],
  [
    new Lexicon(
      "tag, tage, tagen, tages, wochenende, wochenenden, ganztags, ganzer tag, ganzen tag, day, days, weekend, weekends, full day",
      EXACT,
    ),
    "days",
  ],
  [new Lexicon("woche, wochen, week, weeks", EXACT), "weeks"],
  [new Lexicon("monat, monate, monaten, jahr, jahre, jahren, month, months, year, years", EXACT), "months"],
  [
    new Lexicon(
      "dauerhaft, dauerhafte, dauerhaftes, fortlaufend, permanent, permanente, ongoing, continuous, continuously",
      EXACT,
    ),
    "ongoing",
  ],
];

const FORMAT: [Lexicon, NonNullable<Constraints["format"]>][] = [
  [new Lexicon("hybrid, hybride, hybrides", EXACT), "hybrid"],
  [
    new Lexicon(
      "per post, by post, by mail, postalisch, schriftlich, brief, briefe, in writing, letter, letters, ohne internet, without internet",
      EXACT,
    ),
    "postal",
  ],
  [
    new Lexicon(
      "online, digital, digitale, digitalen, digitales, virtuell, virtuelle, virtuellen, internet, videokonferenz, video, remote, virtual, zoom, webex",
      EXACT,
    ),
    "online",
  ],
  [
    new Lexicon("prasenz, vor ort, offline, personlich, in person, face to face, on site, on-site", EXACT),
    "presence",
  ],
];

const SELECTION: [Lexicon, Selection][] = [
  [
    new Lexicon(
      "ausgelost, ausgeloste, ausgelosten, ausgeloster, auslosen, losverfahren, gelost, geloste, gelosten, zufallig, zufallige, zufalligen, zufallsauswahl, random, randomly, lottery, sortition, by lot",
      EXACT,
    ),
    "random",
  ],
  [
    new Lexicon(
      "betroffene, betroffenen, anlieger, anliegern, anwohnende, affected, those affected, neighbours, neighbors",
      EXACT,
    ),
    "affected",
  ],
  [
    new Lexicon(
      "interessengruppen, verbande, verbanden, vereine, vereinen, stakeholder, stakeholders, interest groups, organisations, organizations, associations",
      EXACT,
    ),
    "stakeholders",
  ],
  [new Lexicon("eingeladen, eingeladene, einladung, gezielt, invited, invitation", EXACT), "invited"],
  [new Lexicon("gewahlt, gewahlte, gewahlten, elected", EXACT), "elected"],
  [
    new Lexicon(
      "offen fur alle, jeder kann, alle konnen, alle interessierten, offen, open to all, anyone, everyone can, open",
      EXACT,
    ),
    "open",
  ],
];

const PURPOSE: [Lexicon, Purpose][] = [
  [
    new Lexicon(
      "haushalt, haushalts, haushaltsmittel, burgerbudget, budget, budgets, budget verteilen, geld verteilen, spending, participatory budget, budget priorities",
      EXACT,
    ),
    "budget",
  ],
  [
    new Lexicon(
      "konflikt, konflikte, konflikten, konflikts, streit, streitfall, widerstand, protest, proteste, verhartet, verhartete, conflict, conflicts, dispute, disputes, opposition",
      EXACT,
    ),
    "conflict",
  ],
  [
    new Lexicon(
      "empfehlung, empfehlungen, gutachten, burgergutachten, votum, recommendation, recommendations",
      EXACT,
    ),
    "recommendations",
  ],
  [
    new Lexicon(
      "ideen, idee, ideensammlung, brainstorming, brainstorm, vorschlage, vorschlagen, einfalle, zukunftsideen, ideas, idea, proposals, suggestions",
      EXACT,
    ),
    "ideas",
  ],
  [
    new Lexicon(
      "meinungsbild, stimmungsbild, meinung, meinungen, stimmung, ruckmeldung, ruckmeldungen, feedback, umfrage, opinion, opinions, views, survey, poll",
      EXACT,
    ),
    "feedback",
  ],
  [
    new Lexicon(
      "vision, visionen, leitbild, zukunft, zukunftsbild, zukunftsbilder, perspektive, future, long term, long-term, shared vision",
      EXACT,
    ),
    "vision",
  ],
  [
    new Lexicon(
      "entscheidung, entscheidungen, entscheiden, abstimmen, abstimmung, decision, decisions, decide, vote, voting",
      EXACT,
    ),
    "decision",
  ],
  [
    new Lexicon(
      "abwagen, beraten, beratung, deliberation, deliberativ, diskutieren, diskussion, deliberate, deliberative, discuss, discussion",
      EXACT,
    ),
    "deliberation",
  ],
  [
    new Lexicon(
      "mitgestalten, gemeinsam planen, gemeinsam gestalten, mitplanen, entwerfen, co-design, codesign, co-create, co-produce, co-production, design together, plan together",
      EXACT,
    ),
    "co-production",
  ],
  [
    new Lexicon("informieren, information, informationen, aufklaren, inform, informing", EXACT),
    "information",
  ],
  [new Lexicon("mangel, schaden, melden, monitoring, report problems, potholes", EXACT), "monitoring"],
];

const LOW_COST = new Lexicon(
  "gunstig, gunstiger, gunstigeres, gunstige, billig, billiger, billigeres, kostengunstig, preiswert, wenig geld, wenig budget, kleines budget, kleinem budget, knappes budget, knappem budget, kaum geld, kein geld, kein budget, kaum budget, wenig kosten, darf nix kosten, darf nichts kosten, low budget, cheaper, small budget, tight budget, cheap, inexpensive, low cost, no money, little money",
  EXACT,
);
const LEVEL: [Lexicon, NonNullable<Constraints["level"]>][] = [
  [
    new Lexicon(
      "verbindlich, verbindliche, verbindlichen, mitentscheiden, mitentscheidung, bindend, bindende, binding, co-decision, decide themselves",
      EXACT,
    ),
    "decide",
  ],
  [
    new Lexicon("mitgestaltung, kooperation, kooperativ, cooperate, cooperation, collaborative", EXACT),
    "cooperate",
  ],
];

function numberAt(words: readonly string[], i: number): number | undefined {
  const word = words[i] ?? "";
  if (/^\d{1,7}$/.test(word)) return Number(word);
  return NUMBER_WORDS[word];
}

/** "2017", "im Jahr 2030": a number that stands alone is more likely a year than a group size. */
function isYear(value: number): boolean {
  return value >= 1900 && value <= 2100;
}

/**
 * A group size from a number near a word for people, or a phrase for a group ("a few hundred"). A number
 * with a word for people after it wins over one that only looks like a group size ("für 30", "500").
 */
function peopleIn(words: readonly string[]): number | undefined {
  let likely: number | undefined;
  for (let i = 0; i < words.length; i++) {
    let value = numberAt(words, i);
    if (value === undefined) continue;
    // "ein paar hundert", "a few hundred", "mehrere tausend"
    if ((value === 100 || value === 1000) && i > 0 && FEW.has(words[i - 1] ?? "")) value *= 3;
    // "zwei hundert", "5 tausend"
    const next = words[i + 1] ? numberAt(words, i + 1) : undefined;
    if ((next === 100 || next === 1000) && value < 100) {
      value *= next;
      i++;
    }
    const after = words.slice(i + 1, i + 3);
    if (PEOPLE.matches(after)) return value;
    // "zwei bis drei Tage", "two or three days": a number before a time is a duration, not a group.
    const isTime = TIME.some(([lexicon]) => lexicon.matches(words.slice(i + 1, i + 4)));
    if (isTime) continue;
    if (isYear(value)) continue;
    if ((i > 0 && SIZE_CUES.has(words[i - 1] ?? "")) || value >= 100) likely ??= value;
  }
  return likely ?? GROUP_SIZE.find(([lexicon]) => lexicon.matches(words))?.[1];
}

/** "100.000 €", "5000 Euro": an amount of money, never a group size. */
const MONEY = /\d[\d.,'’\u202f ]*\s*(?:€|euro\b|eur\b|tsd\.?\s*€)/giu;
/** "2.000 Leute", "1,500 people": thousands written with a separator, as one number. */
const THOUSANDS = /(\d{1,3})[.,'’\u202f](?=\d{3}(?!\d))/gu;

/** The message's words for reading numbers: money left out, thousands joined. */
function constraintWords(text: string): string[] {
  return messageWords(text.replace(MONEY, " ").replace(THOUSANDS, "$1"));
}

/** Two ways named ("per Post und online", "online plus Termine vor Ort") make it hybrid. */
function formatIn(words: readonly string[]): Constraints["format"] {
  const named = new Set(FORMAT.filter(([lexicon]) => lexicon.matches(words)).map(([, format]) => format));
  return named.size > 1 ? "hybrid" : [...named][0];
}

function firstOf<T>(table: [Lexicon, T][], words: readonly string[]): T | undefined {
  return table.find(([lexicon]) => lexicon.matches(words))?.[1];
}

/** The constraints a message states; empty where it states none. */
export function constraintsIn(text: string): Constraints {
  const words = constraintWords(text);
  const lowCost = LOW_COST.matches(words);
  // "wenig Budget" is about cost, not about a budget to distribute.
  const purposes = (lowCost ? PURPOSE.filter(([, purpose]) => purpose !== "budget") : PURPOSE)
    .filter(([lexicon]) => lexicon.matches(words))
    .map(([, purpose]) => purpose);
  const constraints: Record<keyof Constraints, unknown> = {
    people: peopleIn(words),
    time: firstOf(TIME, words),
    format: formatIn(words),
    selection: firstOf(SELECTION, words),
    purpose: purposes[0],
    morePurposes: purposes.length > 1 ? purposes.slice(1) : undefined,
    lowCost: lowCost || undefined,
    level: firstOf(LEVEL, words),
  };
  // Only what the message states: a field left out, never present as undefined.
  return Object.fromEntries(Object.entries(constraints).filter(([, value]) => value !== undefined));
}

/** How many criteria are given; further purposes belong to the purpose criterion. */
export function countOf(constraints: Constraints): number {
  return Object.entries(constraints as Record<string, unknown>).filter(
    ([key, value]) => key !== "morePurposes" && value !== undefined,
  ).length;
}

/** Later answers override earlier ones, field by field; a new purpose replaces all the earlier ones. */
export function merged(base: Constraints, update: Constraints): Constraints {
  const { morePurposes, ...rest } = base;
  return { ...rest, ...(update.purpose ? {} : morePurposes ? { morePurposes } : {}), ...update };
}

/** The words of the message that state constraints, so that what remains can be judged on its own. */
export function constraintPositions(text: string): number[] {
  const words = messageWords(text);
  const lexicons = [
    PEOPLE,
    LOW_COST,
    ...GROUP_SIZE.map(([l]) => l),
    ...TIME.map(([l]) => l),
    ...FORMAT.map(([l]) => l),
    ...SELECTION.map(([l]) => l),
    ...PURPOSE.map(([l]) => l),
    ...LEVEL.map(([l]) => l),
  ];
  const positions = new Set(lexicons.flatMap((lexicon) => lexicon.positionsIn(words)));
  words.forEach((word, i) => {
    if (/^\d+$/.test(word) || NUMBER_WORDS[word] !== undefined) positions.add(i);
  });
  return [...positions];
}
