import type { KnowledgeBase } from "../knowledge/knowledge-base.js";
import type { Entry } from "../knowledge/types.js";
import { contentWords } from "../search/query.js";
import type { Retriever } from "../search/retriever.js";
import { constraintPositions, constraintsIn, countOf, type Constraints } from "./finder/constraints.js";
import { Lexicon, messageWords, withoutPositions } from "./lexicon.js";

/**
 * Words that point back to what is being discussed: pronouns, demonstratives and pronominal adverbs
 * ("das", "dafür", "so was", "it", "this one"). A closed grammatical class, not a list of examples.
 */
const REFERRING = new Lexicon(
  "das, dies, diese, dieser, dieses, es, dafur, dabei, damit, dazu, davon, darin, daran, darauf, dadurch, dort, da, sowas, so was, so etwas, solche, solches, solch, die methode, das verfahren, das format, der ansatz, it, its, this, that, these, those, there, that one, this one, the method, the format, the approach, such",
  { exact: true },
);
const WHICH_OF_TWO = new Lexicon(
  "welche, welches, welcher, beide, beiden, beides, which, both, either, the two, die zwei, die beiden",
  { exact: true },
);
/** A message that opens with these continues the last one ("und die Kosten?", "and in Germany?"). */
const CONTINUING = new Set(["und", "and", "aber", "but", "also", "auch", "so", "ok", "okay"]);

const MAX_ALTERNATIVE_CONTENT_WORDS = 8;
/** A situation described with this many criteria asks for a method even without saying so. */
const MIN_SITUATION_CRITERIA = 3;
/** …and this many where they are criteria only methods have (group size, time, format, selection, cost). */
const MIN_CHECKABLE_CRITERIA = 2;
/** How much less confident retrieval may be in the entry in view than in another before it yields. */
const IN_VIEW_MARGIN = 0.1;

const FINDER_METHOD = new Lexicon(
  "methode, methoden, format, formate, formats, verfahren, ansatz, ansatze, instrument, werkzeug, method, methods, approach, approaches, tool, tools, technique, methodenfinder, method finder",
);
const FINDER_CHOOSE = new Lexicon(
  "passt, passen, passend, passende, passenden, eignet, geeignet, geeignete, geeigneten, empfehlen, empfiehlst, empfehlt, finden, suche, suchen, brauche, brauchen, nehmen, nehme, wahlen, which, best, suitable, suits, recommend, suggest, find, looking for, need, should we use, would you use, fits, fit",
);
/** Open questions for a suggestion ("was passt?", "what would you use?"), a request where criteria follow. */
const GENERIC_ASK = new Lexicon(
  "gibt es eine methode, gibt es ein verfahren, gibt es ein format, welche verfahren gibt es, welche methoden gibt es, welche formate gibt es, is there a method, is there a format, is there an approach, what methods are there, what formats are there, was passt, was bietet sich an, was gibt es, was gibts, was kann ich, was konnen wir, was empfiehlst du, was empfehlt ihr, was wurdest du, was nehmen wir, was machen wir, what fits, what would you use, what works, what do you recommend, what can we do, what could we do, what should we do, any suggestions, any ideas, which one, welche methode, which method, which format",
  { exact: true },
);
export interface MethodRequest {
  /** Asks for a method in so many words ("welche Methode passt …"), not only by criteria. */
  explicit: boolean;
  /** Too little is known to rank: the finder asks first. */
  askBack: boolean;
  /** Asks for the finder itself ("Hilf mir, eine Methode zu finden"). */
  forFinder?: boolean;
}

/**
 * Auxiliary and modal verbs: a question that opens with one asks yes or no ("Müssen wir sie bezahlen?",
 * "Should we pay them?"). A closed grammatical class; "gibt es" asks for something and is not among them.
 */
const AUXILIARY = new Set(
  "muss mussen musste mussten soll sollen sollte sollten kann konnen konnte konnten darf durfen durfte ist sind war waren hat haben hatte wird werden wurde wurden do does did is are was were can could should would will must may might has have had shall".split(
    " ",
  ),
);

/** Question words that ask about something, not for a choice ("welche", "which" choose). */
const INTERROGATIVE = new Lexicon(
  "wie, was, warum, wieso, weshalb, wann, wo, woran, wozu, wofur, wer, wen, wem, how, what, why, when, where, who, whom",
  { exact: true },
);

/** Questions for the name of something described ("wie heißt das", "what is it called"). */
const NAMING = new Lexicon(
  "wie heisst, wie nennt man, wie nennt sich, was ist das, ist das, was war das, gibt es ein verfahren bei dem, gibt es eine methode bei der, what is it called, what is that called, what's it called, what is this called, is there a method where, is there a format where, what was that",
  { exact: true },
);
const FINDER_HELP = new Lexicon(
  "methodenfinder, method finder, methode finden, methode zu finden, methode aussuchen, methode auswahlen, find a method, choose a method, pick a method",
  { exact: true },
);

/** "gibt es was Ähnliches?", "something similar", "eine Alternative". */
const ALTERNATIVE = new Lexicon(
  "ahnlich, ahnliches, ahnliche, ahnlichen, alternative, alternativen, stattdessen, vergleichbar, vergleichbares, similar, alternative, alternatives, instead, comparable",
);
/** "was Günstigeres?", "something shorter": a comparative asks for another method that is more so. */
const COMPARATIVE = new Lexicon(
  "gunstiger, gunstigeres, gunstigere, billiger, billigeres, billigere, kleiner, kleineres, kleinere, kurzer, kurzeres, kurzere, schneller, schnelleres, einfacher, einfacheres, cheaper, smaller, shorter, quicker, faster, simpler, easier",
  { exact: true },
);
/** "eine andere Methode?", "another one": alternatives unless a facet is asked ("andere Risiken?"). */
const OTHER = new Lexicon("andere, anderes, anderen, anderer, other, another, else", { exact: true });

export type Target =
  | { kind: "entry"; entry: Entry; how: "named" | "in-view" | "retrieved" }
  | { kind: "which"; entries: [Entry, Entry] }
  | { kind: "none" };

export class Conversation {
  constructor(
    private readonly knowledge: KnowledgeBase,
    private readonly retriever: Retriever,
  ) {}

  /** Whether the message points back to the entry in view by its words. */
  refersBack(text: string): boolean {
    const words = messageWords(text);
    return REFERRING.matches(words) || CONTINUING.has(words[0] ?? "");
  }

  /**
   * Whether a message asks a question of its own ("Wie machen wir das künftig besser?") rather than
   * stating a situation ("brauchen was für 200 Leute online") or asking which method fits it.
   */
  asksOwnQuestion(text: string): boolean {
    return sentencesOf(text).some((sentence) => {
      const words = messageWords(sentence);
      if (sentence.trim().endsWith("?") && AUXILIARY.has(words[0] ?? "")) return true;
      return clausesOf(words).some((clause) => INTERROGATIVE.matches(clause.slice(0, 1)));
    });
  }

  /**
   * A situation stated, not asked about, with at least two criteria only methods have ("~25 Kinder, ein
   * Vormittag"): a request for a method, whatever its other words match.
   */
  statesSituation(text: string, constraints: Constraints = constraintsIn(text)): boolean {
    const checkable = Object.keys(constraints).filter((key) => key !== "purpose" && key !== "morePurposes");
    return checkable.length >= MIN_CHECKABLE_CRITERIA && !this.asksOwnQuestion(text);
  }

  /**
   * Whether a message is about something said before and nothing new: it refers back ("und wie setze ich
   * das konkret um?"), names no entry, and either asks a facet or is no question retrieval could answer
   * on its own – as `target` decides for the entry in view.
   */
  pointsBackOnly(text: string, asksFacet: boolean): boolean {
    if (!this.refersBack(text) || this.namesAny(text)) return false;
    if (asksFacet) return true;
    const outcome = this.retriever.retrieve(this.withoutReferences(text)).outcome;
    return outcome === "decline" || outcome === "empty";
  }

  /** The message without words that point back, to see whether anything else is left. */
  private withoutReferences(text: string): string {
    const words = messageWords(text);
    const positions = REFERRING.positionsIn(words);
    if (CONTINUING.has(words[0] ?? "")) positions.push(0);
    return withoutPositions(text, positions);
  }

  /** Ids of the entries a text names, in no order: cheaper than `namedIn` where only which ones matters. */
  namedIdsIn(text: string): ReadonlySet<string> {
    const named = new Set(this.retriever.entriesNamedInText(text));
    const whole = this.retriever.entryNamedBy(text);
    if (whole) named.add(whole);
    return named;
  }

  /** Whether a text names any entry. */
  namesAny(text: string): boolean {
    return this.namedIdsIn(text).size > 0;
  }

  /** Entries named in a text, in the order of retrieval's confidence. */
  namedIn(text: string): Entry[] {
    const named = this.namedIdsIn(text);
    if (named.size <= 1) return [...named].map((id) => this.knowledge.get(id)).filter(isEntry);
    const order = this.retriever.rank(text).candidates.map((candidate) => candidate.id);
    const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
    return [...named]
      .sort((a, b) => rank(a) - rank(b))
      .map((id) => this.knowledge.get(id))
      .filter(isEntry);
  }

  /**
   * Which entry a follow-up is about. `rest` is the message without the words of what it asks for
   * ("Ablauf", "wie lange"). A named entry wins; a facet ("wie lange", "Beispiel") or nothing left asks
   * about the entry in view. Otherwise the evidence decides: retrieval is asked how well the entry in view
   * explains the message and how well the best other entry does. The entry in view keeps the turn unless
   * another explains clearly more; then a message that points back ("dafür", "it") is asked about, one
   * that does not goes to the other.
   */
  target(text: string, rest: string, inView: Entry | undefined, asksFacet: boolean): Target {
    const namedId = this.retriever.entryNamedBy(rest);
    const named = namedId && namedId !== inView?.id ? this.knowledge.get(namedId) : undefined;
    if (named) return { kind: "entry", entry: named, how: "named" };
    if (!inView) return { kind: "none" };
    // The whole message counts here: a facet word may be part of a name ("participatory budget").
    const namedElsewhere = this.namedIn(text).find((entry) => entry.id !== inView.id);
    if (namedElsewhere) return { kind: "entry", entry: namedElsewhere, how: "named" };
    // "Wie lange?", "gibt's ein Beispiel aus einer Verwaltung?": a facet of the entry in view.
    if (asksFacet || !this.retriever.hasContent(this.withoutReferences(rest))) {
      return { kind: "entry", entry: inView, how: "in-view" };
    }
    const retrieval = this.retriever.retrieve(rest);
    const best =
      retrieval.outcome === "answer"
        ? retrieval.best
        : retrieval.outcome === "clarify"
          ? retrieval.choices[0]
          : undefined;
    // Words that nothing explains are a follow-up only where the entry in view has some of them ("wie
    // krieg ich da den Rücklauf hoch?"), not otherwise ("can you reset my password?").
    if (!best) {
      return this.retriever.confidenceFor(rest, inView.id) > 0
        ? { kind: "entry", entry: inView, how: "in-view" }
        : { kind: "none" };
    }
    const other = best.id !== inView.id ? this.knowledge.get(best.id) : undefined;
    if (!other) return { kind: "entry", entry: inView, how: "in-view" };
    const inViewConfidence = this.retriever.confidenceFor(rest, inView.id);
    if (inViewConfidence >= best.confidence - IN_VIEW_MARGIN) {
      return { kind: "entry", entry: inView, how: "in-view" };
    }
    if (this.refersBack(text)) return { kind: "which", entries: [inView, other] };
    return { kind: "entry", entry: other, how: "retrieved" };
  }

  /** Whether a message without some words still names every entry the whole message names. */
  keepsNames(rest: string, named: readonly Entry[]): boolean {
    if (named.length === 0) return true;
    const left = this.namedIdsIn(rest);
    return named.every((entry) => left.has(entry.id));
  }

  /**
   * Which of two entries a message is about, by retrieval's confidence in each; undefined where it names
   * neither by its words ("welches ist billiger?") or fits both alike.
   */
  oneOf(entries: readonly [Entry, Entry], rest: string): Entry | undefined {
    if (!this.retriever.hasContent(this.withoutReferences(rest))) return undefined;
    const a = this.retriever.confidenceFor(rest, entries[0].id);
    const b = this.retriever.confidenceFor(rest, entries[1].id);
    if (a !== b) return a > b ? entries[0] : entries[1];
    // Alike by their words: "so ne Befragung" still points to the one whose title it ends.
    const words = messageWords(rest);
    const [only, other] = entries.filter((entry) => endsTitleWith(entry, words));
    return other ? undefined : only;
  }

  /** "welche von beiden?", "which one?": a question about the two just compared. */
  asksWhichOfTwo(text: string): boolean {
    return WHICH_OF_TWO.matches(messageWords(text));
  }

  /** What a message says of its own: without criteria, request words ("welche Methode") and references. */
  description(text: string): string {
    const words = messageWords(text);
    const positions = [
      ...constraintPositions(text),
      ...FINDER_METHOD.positionsIn(words),
      ...FINDER_CHOOSE.positionsIn(words),
      ...FINDER_HELP.positionsIn(words),
      ...GENERIC_ASK.positionsIn(words),
      ...ALTERNATIVE.positionsIn(words),
      ...COMPARATIVE.positionsIn(words),
      ...OTHER.positionsIn(words),
    ];
    return this.withoutReferences(withoutPositions(text, positions));
  }

  /**
   * Whether a message says more than a request for a method would ("… wo Laien Fachleute befragen"):
   * its description has content beyond the name of `except`.
   */
  hasOwnContent(text: string, except?: Entry): boolean {
    const rest = this.description(text);
    if (!this.retriever.hasContent(rest)) return false;
    return !except || this.retriever.entryNamedBy(rest) !== except.id;
  }

  /**
   * Whether a message asks for a method to be found: "Hilf mir, eine Methode zu finden", "Welche Methode
   * passt für 30 Leute?", "was bietet sich an – ein Abend, kaum Budget?", criteria alone ("30 Personen,
   * 2 Stunden, online") or a situation with at least three criteria. `explicit`: it asks for a method in
   * so many words. `askBack`: the finder may ask for what is missing – not where the message describes the
   * task in words of its own ("… zum Klinikstandort"); those words count as evidence instead. A message
   * that names a method asks about it, unless it explicitly asks for one ("welches Verfahren für ein
   * kleines Bürgerbudget?"). A `followsUp` question (a facet of the entry in view) needs the explicit request.
   */
  methodRequest(text: string, followsUp = false): MethodRequest | undefined {
    const words = messageWords(text);
    if (FINDER_HELP.matches(words)) return { explicit: true, askBack: true, forFinder: true };
    // "Wie heißt das Verfahren, bei dem …?" asks for the name of one method, not for a choice.
    if (NAMING.matches(words)) return undefined;
    const criteria = countOf(constraintsIn(text));
    const methodWord = FINDER_METHOD.matches(words);
    const explicit =
      (methodWord && FINDER_CHOOSE.matches(words)) || (GENERIC_ASK.matches(words) && criteria >= 1);
    if (this.namedIn(text).some((entry) => entry.method)) {
      return explicit ? { explicit, askBack: false } : undefined;
    }
    // "werden die Leute ausgelost oder kann sich jeder melden?" asks about the entry in view.
    if (followsUp && !explicit) return undefined;
    if (this.hasOwnContent(text)) {
      // Without any criteria there is nothing to rank by yet: the finder asks.
      const request = { explicit, askBack: criteria === 0 };
      return explicit || criteria >= MIN_SITUATION_CRITERIA ? request : undefined;
    }
    return explicit || criteria >= 2 || (methodWord && criteria >= 1)
      ? { explicit, askBack: true }
      : undefined;
  }

  /**
   * "etwas Ähnliches?", "eine andere Methode?" (the latter only where no facet is asked). Such a request is
   * a short follow-up; in a longer question "stattdessen" is part of the question ("… online instead?").
   */
  asksForAlternative(text: string, asksFacet: boolean): boolean {
    const words = messageWords(text);
    if (contentWords(text).length > MAX_ALTERNATIVE_CONTENT_WORDS) return false;
    if (ALTERNATIVE.matches(words) || COMPARATIVE.matches(words)) return true;
    // "eine andere Methode?", "another one?" – but not "in einem anderen Bundesland?"
    return !asksFacet && OTHER.matches(words) && (FINDER_METHOD.matches(words) || !this.hasOwnContent(text));
  }

  /** Criteria and nothing else ("für kleine Gruppen?", "und online?"): what else fits them. */
  criteriaOnly(text: string): Constraints | undefined {
    const constraints = constraintsIn(text);
    if (countOf(constraints) === 0) return undefined;
    const rest = this.withoutReferences(withoutPositions(text, constraintPositions(text)));
    return this.retriever.hasContent(rest) ? undefined : constraints;
  }
}

/** The sentences of a message and what follows a colon or dash; a question mark stays with its sentence. */
function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?;:])\s*|\s[–—-]\s/u);
}

/** "und", "oder", "and", "or" join clauses; a comma mostly opens a relative one ("…, wo auch …"). */
const JOINING = new Set(["und", "oder", "and", "or"]);

/**
 * The clauses of a sentence's words, split where a joining word stands: a question word that opens one asks
 * ("… und wie viel haben andere gezahlt?"); after a comma it mostly opens a relative clause ("… mit
 * Losverfahren, wo auch Empfehlungen rauskommen").
 */
function clausesOf(words: readonly string[]): string[][] {
  const clauses: string[][] = [[]];
  for (const word of words) {
    if (JOINING.has(word)) clauses.push([]);
    else clauses.at(-1)?.push(word);
  }
  return clauses;
}

/** The head of a compound title ("Bürger|befragung") is a short name for the entry. */
const MIN_HEAD_LENGTH = 5;

function endsTitleWith(entry: Entry, words: readonly string[]): boolean {
  return Object.values(entry.title).some((title) => {
    const last = messageWords(title).at(-1) ?? "";
    return words.some((word) => word.length >= MIN_HEAD_LENGTH && last.endsWith(word));
  });
}

function isEntry(entry: Entry | undefined): entry is Entry {
  return entry !== undefined;
}
