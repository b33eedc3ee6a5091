import { isStopWord, splitWords } from "./analyze.js";

/** Prefixes of German separable verbs: they take "zu" and "ge" inside and stand apart in a main clause. */
const SEPARABLE_PREFIXES = [
  "zusammen",
  "zurück",
  "weiter",
  "vorbei",
  "bereit",
  "statt",
  "durch",
  "nach",
  "teil",
  "fest",
  "frei",
  "hinzu",
  "aus",
  "ein",
  "mit",
  "auf",
  "vor",
  "dar",
  "bei",
  "um",
  "ab",
  "an",
];
const PARTICLES = new Set(SEPARABLE_PREFIXES);
const MIN_VERB_STEM = 3;

/**
 * The stem of a separable verb written with "zu" or as a participle, when the entries use another form
 * of it: "auszulosen", "ausgelost" and "ausgelosten" find "auslosen", "einzuladen" finds "einladen".
 * Only forms that lead to a term of the index are taken, so that nouns like "Angebot" stay as they are.
 */
export function separableVerbTerm(term: string, isIndexTerm: (term: string) => boolean): string | undefined {
  for (const prefix of SEPARABLE_PREFIXES) {
    if (!term.startsWith(prefix)) continue;
    const rest = term.slice(prefix.length);
    const inner = rest.startsWith("zu") ? rest.slice(2) : rest.startsWith("ge") ? rest.slice(2) : undefined;
    if (inner === undefined || inner.length < MIN_VERB_STEM) continue;
    // "ausgelost", and as an adjective "ausgeloste", "ausgelosten", "ausgelostes".
    const participleStem = inner.replace(/e[mnrs]?$/, "").replace(/e?t$/, "");
    for (const stem of [inner, participleStem]) {
      if (stem.length >= MIN_VERB_STEM && isIndexTerm(prefix + stem)) return prefix + stem;
    }
  }
  return undefined;
}

/** Endings of finite verb forms ("stellten", "wertet", "bereite", "legst"); each gives a possible infinitive. */
const FINITE_ENDINGS = ["ten", "test", "est", "et", "te", "st", "t", "e", "en"];

/**
 * Infinitives a finite verb form may belong to: "wertet" → "werten", "bereite" → "bereiten", and the
 * colloquial form without its ending, "setz" → "setzen".
 */
function infinitivesOf(verb: string): string[] {
  const forms = new Set<string>([verb, `${verb}en`]);
  for (const ending of FINITE_ENDINGS) {
    if (verb.endsWith(ending) && verb.length - ending.length >= MIN_VERB_STEM)
      forms.add(`${verb.slice(0, -ending.length)}en`);
  }
  return [...forms];
}

/**
 * The separable verb split across one clause's words, its particle last: "wie setze ich das um" →
 * "umsetzen" at the positions of "setze" and "um". The first verb that `isKnownVerb` accepts is taken.
 */
export function separatedVerb(
  words: readonly string[],
  isKnownVerb: (infinitive: string) => boolean,
): { verbAt: number; particleAt: number; whole: string } | undefined {
  const particleAt = words.length - 1;
  const particle = words[particleAt];
  if (particle === undefined || !PARTICLES.has(particle)) return undefined;
  for (let verbAt = 0; verbAt < particleAt; verbAt++) {
    const verb = words[verbAt] ?? "";
    if (isStopWord(verb)) continue;
    const whole = infinitivesOf(verb)
      .map((infinitive) => particle + infinitive)
      .find(isKnownVerb);
    if (whole) return { verbAt, particleAt, whole };
  }
  return undefined;
}

/** Punctuation that ends a clause; a separated particle stands last in its clause. */
const CLAUSE_END = /[.,;:!?()\u2013\u2014"„“”]+|\n/u;

/**
 * Separable verbs split across a main clause, put back together where the search knows the whole verb:
 * "Wie legen wir … fest?" → "festlegen", "Wie werten wir das aus?" → "auswerten", "Wie bringen wir es
 * ihnen bei?" → "beibringen". Returns the verb word as written → the whole verb, and the particles that
 * were used up.
 *
 * @param isKnownVerb whether the entries or the thesaurus know an infinitive ("festlegen")
 */
export function rejoinedVerbs(
  text: string,
  isKnownVerb: (infinitive: string) => boolean,
): { verbs: Map<string, string>; particles: Set<string> } {
  const verbs = new Map<string, string>();
  const particles = new Set<string>();
  for (const clause of text.split(CLAUSE_END)) {
    const words = splitWords(clause);
    const found = separatedVerb(words, isKnownVerb);
    if (!found) continue;
    verbs.set(words[found.verbAt] ?? "", found.whole);
    particles.add(words[found.particleAt] ?? "");
  }
  return { verbs, particles };
}
