import { Lexicon, messageWords, withoutPositions } from "./lexicon.js";
import type { AttributeKey, SectionRequest } from "./types.js";

/** What a follow-up asks about an entry: one of its sections, or one of a method's attributes. */
export type Facet =
  { kind: "section"; section: SectionRequest } | { kind: "attribute"; attribute: AttributeKey };

/**
 * How people ask for each facet, German and English. The words describe the facet itself (its label, its
 * usual question words and near synonyms), written once for every facet, not collected from failed
 * questions. Earlier rows win where a message matches several ("wie lange dauert der Ablauf" asks for the
 * duration).
 */
const FACET_WORDS: [Facet, Lexicon][] = [
  [
    { kind: "section", section: "notWhen" },
    new Lexicon(
      "ungeeignet, unsuitable, nicht geeignet, weniger geeignet, wann nicht, wann eher nicht, when not, not suitable, not to use",
    ),
  ],
  [
    { kind: "attribute", attribute: "origin" },
    new Lexicon(
      "erfunden, erfinder, erfinderin, entwickelt, ursprung, herkunft, geschichte, urheber, seit wann, wer hat, woher kommt, wo kommt, invented, inventor, origin, origins, history, developed, since when, who came up, where does it come from",
    ),
  ],
  [
    { kind: "attribute", attribute: "duration" },
    new Lexicon(
      "dauer, dauert, dauern, zeitaufwand, zeitrahmen, zeitraum, zeitbedarf, laufzeit, wie lange, wie lang, how long, duration, timeframe, time frame, how much time",
    ),
  ],
  [
    { kind: "attribute", attribute: "participants" },
    new Lexicon(
      "gruppengrosse, teilnehmerzahl, teilnehmendenzahl, wie viele, wieviele, wie gross, how many, group size, number of participants, how big",
    ),
  ],
  [
    { kind: "attribute", attribute: "selection" },
    new Lexicon(
      "ausgelost, auslosen, losverfahren, losen, zufallsauswahl, zufallig, auswahl, ausgewahlt, ausgesucht, aussuchen, rekrutiert, rekrutierung, wer nimmt teil, wer sitzt, who sits, picked, chosen, wer darf, wer kann mitmachen, wer macht mit, wer kommt, selected, selection, random, lottery, recruited, recruitment, who takes part, who can take part, who participates, who can join",
    ),
  ],
  [
    { kind: "attribute", attribute: "cost" },
    new Lexicon(
      "teuer, kosten, kostet, kostspielig, kostenmassig, pricey, costly, preis, geld, budget, gunstig, billig, aufwand, aufwendig, ressourcen, personal, expensive, cost, costs, price, money, cheap, effort, resources",
    ),
  ],
  [
    { kind: "attribute", attribute: "legalBasis" },
    new Lexicon(
      "rechtlich, rechtsgrundlage, gesetz, gesetzlich, gesetzliche, quorum, quoren, quorum, paragraf, paragraph, vorgeschrieben, pflicht, verpflichtend, rechtslage, legal, legally, law, statutory, mandatory, required by law",
    ),
  ],
  [
    { kind: "attribute", attribute: "level" },
    new Lexicon(
      "verbindlich, bindend, mitentscheiden, mitentscheidung, beteiligungsstufe, stufe, einfluss, mitbestimmung, binding, legally binding, level, influence, say in, decide",
    ),
  ],
  [
    { kind: "attribute", attribute: "format" },
    new Lexicon(
      "online, digital, virtuell, prasenz, internet, videokonferenz, hybrid, vor ort, offline, remote, virtual, in person, face to face",
    ),
  ],
  [
    { kind: "attribute", attribute: "purposes" },
    new Lexicon("wofur, wozu, zweck, ziel, ziele, gut fur, what for, purpose, purposes, good for"),
  ],
  [
    { kind: "section", section: "process" },
    new Lexicon(
      "ablauf, ablaufe, schritte, phasen, durchfuhrung, vorgehen, funktioniert, wie lauft, wie geht, process, steps, procedure, phases, how does it work, how it works",
    ),
  ],
  [
    { kind: "section", section: "when" },
    new Lexicon(
      "geeignet, eignet, sinnvoll, einsetzen, einsatz, anwendung, wann, passt, when to use, suitable, when should, when does it make sense",
    ),
  ],
  [
    { kind: "section", section: "strengths" },
    new Lexicon(
      "starken, vorteile, vorzuge, vorteil, bringt, nutzen, strengths, advantages, benefits, pros, upside",
    ),
  ],
  [
    { kind: "section", section: "risks" },
    new Lexicon(
      "risiken, risiko, grenzen, nachteile, nachteil, gefahren, probleme, schwachen, kritik, haken, risks, risk, limits, limitations, disadvantages, cons, weaknesses, pitfalls, downside, drawbacks",
    ),
  ],
  [
    { kind: "section", section: "tips" },
    new Lexicon("praxistipps, tipps, hinweise, worauf achten, tips, advice, watch out"),
  ],
  [
    { kind: "section", section: "example" },
    new Lexicon(
      "beispiel, beispiele, bsp, praxisbeispiel, praxisbeispiele, in deutschland, wo gab es, example, examples, case, cases, in germany",
    ),
  ],
  [{ kind: "section", section: "why" }, new Lexicon("warum, wieso, weshalb, why")],
  [
    { kind: "section", section: "how" },
    new Lexicon("umsetzen, umsetzung, so gehen sie vor, implement, implementation"),
  ],
  [
    { kind: "section", section: "details" },
    new Lexicon(
      "details, ausfuhrlich, ausfuhrlicher, im detail, mehr dazu, mehr daruber, erzahl mehr, genauer, more about, tell me more, in detail",
    ),
  ],
  [
    { kind: "section", section: "sources" },
    new Lexicon("quellen, quelle, literatur, belege, nachweise, sources, source, references, literature"),
  ],
];

export interface FacetRequest {
  facet: Facet;
  /** The message without the facet's words: what is left to name an entry ("Ablauf der Planungszelle"). */
  rest: string;
}

/**
 * The facet a message asks for, if any, and what remains of it. `keeps` may turn down a facet whose words
 * would take a name apart ("Bürgerhaushalt" in "is the participatory budget binding?"); the next facet
 * that matches is tried, and the first one is the answer where all are turned down.
 */
export function detectFacet(
  text: string,
  keeps: (rest: string) => boolean = () => true,
): FacetRequest | undefined {
  const words = messageWords(text);
  let first: FacetRequest | undefined;
  for (const [facet, lexicon] of FACET_WORDS) {
    const positions = lexicon.positionsIn(words);
    if (positions.length === 0) continue;
    const request = { facet, rest: withoutPositions(text, positions) };
    if (keeps(request.rest)) return request;
    first ??= request;
  }
  return first;
}

export function facetKey(facet: Facet): string {
  return facet.kind === "section" ? facet.section : facet.attribute;
}
