import type { Language, MethodAttributes } from "../knowledge/types.js";
import type { AttributeKey, FinderQuestion } from "./types.js";

export type Purpose =
  | "information"
  | "ideas"
  | "feedback"
  | "deliberation"
  | "recommendations"
  | "vision"
  | "conflict"
  | "decision"
  | "budget"
  | "co-production"
  | "monitoring";

export const PURPOSES: readonly Purpose[] = [
  "ideas",
  "recommendations",
  "feedback",
  "conflict",
  "vision",
  "decision",
  "budget",
  "deliberation",
  "co-production",
  "information",
  "monitoring",
];

type DurationClass = MethodAttributes["durationClass"];

/** The fixed texts of follow-ups, comparisons, alternatives and the method finder. */
export const CONVERSATION_MESSAGES = {
  de: {
    attribute: {
      participants: "Teilnehmende",
      duration: "Dauer",
      selection: "Auswahl",
      level: "Beteiligungsstufe",
      format: "Format",
      cost: "Aufwand und Kosten",
      origin: "Herkunft",
      legalBasis: "Rechtsgrundlage",
      purposes: "Geeignet für",
    } satisfies Record<AttributeKey, string>,
    purpose: {
      information: "Informieren",
      ideas: "Ideen sammeln",
      feedback: "Meinungsbild",
      deliberation: "Abwägen und beraten",
      recommendations: "Empfehlung erarbeiten",
      vision: "Vision entwickeln",
      conflict: "Konflikte bearbeiten",
      decision: "Entscheiden",
      budget: "Budget",
      "co-production": "Gemeinsam gestalten",
      monitoring: "Beobachten und melden",
    } satisfies Record<Purpose, string>,
    purposeReason: {
      information: "zum Informieren",
      ideas: "zum Ideensammeln",
      feedback: "für ein Meinungsbild",
      deliberation: "zum Abwägen",
      recommendations: "für Empfehlungen",
      vision: "für eine Vision",
      conflict: "für Konflikte",
      decision: "zum Entscheiden",
      budget: "für Budgetfragen",
      "co-production": "zum gemeinsamen Gestalten",
      monitoring: "zum Melden und Beobachten",
    } satisfies Record<Purpose, string>,
    durationClass: {
      hours: "wenige Stunden",
      days: "ein bis wenige Tage",
      weeks: "mehrere Wochen",
      months: "mehrere Monate",
      ongoing: "dauerhaft",
    } satisfies Record<DurationClass, string>,
    notAMethod: (title: string, label: string) =>
      `„${title}“ ist keine einzelne Methode, daher habe ich dazu keine Angabe „${label}“.`,
    missingAttribute: (title: string, label: string) => `Zu „${title}“ habe ich keine Angabe „${label}“.`,
    whichOne: (a: string, b: string) => `Meinen Sie „${a}“ oder „${b}“?`,
    compareTitle: (a: string, b: string) => `${a} und ${b} im Vergleich`,
    compareIntro: "Die wichtigsten Angaben nebeneinander:",
    compareSummary: "Kurz gesagt",
    compareWhen: "Geeignet, wenn",
    compareNeedsTwo:
      "Welche beiden Methoden soll ich vergleichen? Nennen Sie beide, z. B. „Unterschied zwischen Bürgerrat und Planungszelle“.",
    alternativesTitle: (title: string) => `Ähnliche Methoden wie „${title}“`,
    alternativesIntro: "Diese Methoden verfolgen ähnliche Ziele:",
    alternativesButton: "Ähnliche Methoden",
    compareButton: "Vergleichen",
    finderTitle: "Methodenfinder",
    finderResultTitle: "Passende Methoden",
    finderIntro: (criteria: string) => (criteria ? `Passend zu: ${criteria}` : "Ohne weitere Vorgaben:"),
    finderNone:
      "Keine Methode erfüllt alle Vorgaben. Ändern Sie eine Vorgabe, z. B. die Gruppengröße oder das Format.",
    finderPartly: "Keine Methode erfüllt alle Vorgaben; was jeweils nicht passt, steht dabei.",
    unmet: (wishes: string) => `nicht: ${wishes}`,
    finderRestart: "Neu suchen",
    question: {
      purpose: "Was wollen Sie mit der Beteiligung vor allem erreichen?",
      size: "Wie viele Menschen sollen ungefähr mitmachen?",
      format: "Soll es vor Ort, online oder hybrid stattfinden?",
      time: "Wie viel Zeit steht für die Beteiligung zur Verfügung?",
    } satisfies Record<FinderQuestion, string>,
    questionHint: (step: number, of: number) =>
      `Frage ${step} von höchstens ${of} – oder schreiben Sie Ihre Vorgaben frei.`,
    any: "egal",
    sizeAnswers: { small: "bis 25", medium: "25 bis 100", large: "100 bis 500", huge: "über 500" },
    formatAnswers: { presence: "vor Ort", online: "online", hybrid: "hybrid" },
    reason: {
      size: (people: number, range: string) => `${people} Teilnehmende passen (${range})`,
      format: {
        presence: "vor Ort",
        online: "online möglich",
        hybrid: "hybrid möglich",
        postal: "auch ohne Internet",
      },
      selection: (label: string) => label,
      cost: "geringe Kosten",
      level: (label: string) => label,
    },
    criteria: {
      people: (people: number) => `${people} Teilnehmende`,
    },
    moreAbout: "Mehr dazu",
  },
  en: {
    attribute: {
      participants: "Participants",
      duration: "Duration",
      selection: "Selection",
      level: "Level",
      format: "Format",
      cost: "Effort and cost",
      origin: "Origin",
      legalBasis: "Legal basis",
      purposes: "Suited for",
    } satisfies Record<AttributeKey, string>,
    purpose: {
      information: "Informing",
      ideas: "Collecting ideas",
      feedback: "Opinion poll",
      deliberation: "Deliberation",
      recommendations: "Recommendations",
      vision: "Shared vision",
      conflict: "Conflicts",
      decision: "Decision",
      budget: "Budget",
      "co-production": "Co-design",
      monitoring: "Reporting and monitoring",
    } satisfies Record<Purpose, string>,
    purposeReason: {
      information: "for informing",
      ideas: "for collecting ideas",
      feedback: "for an opinion poll",
      deliberation: "for deliberation",
      recommendations: "for recommendations",
      vision: "for a shared vision",
      conflict: "for conflicts",
      decision: "for decisions",
      budget: "for budget questions",
      "co-production": "for co-design",
      monitoring: "for reporting and monitoring",
    } satisfies Record<Purpose, string>,
    durationClass: {
      hours: "a few hours",
      days: "one to a few days",
      weeks: "several weeks",
      months: "several months",
      ongoing: "ongoing",
    } satisfies Record<DurationClass, string>,
    notAMethod: (title: string, label: string) =>
      `“${title}” is not a single method, so I have no “${label}” for it.`,
    missingAttribute: (title: string, label: string) => `I have no “${label}” for “${title}”.`,
    whichOne: (a: string, b: string) => `Do you mean “${a}” or “${b}”?`,
    compareTitle: (a: string, b: string) => `${a} and ${b} compared`,
    compareIntro: "The key facts side by side:",
    compareSummary: "In short",
    compareWhen: "When to use",
    compareNeedsTwo:
      "Which two methods should I compare? Name both, e.g. “difference between citizens' assembly and planning cell”.",
    alternativesTitle: (title: string) => `Methods similar to “${title}”`,
    alternativesIntro: "These methods pursue similar aims:",
    alternativesButton: "Similar methods",
    compareButton: "Compare",
    finderTitle: "Method finder",
    finderResultTitle: "Methods that fit",
    finderIntro: (criteria: string) => (criteria ? `Fitting: ${criteria}` : "Without further criteria:"),
    finderNone: "No method meets every criterion. Change one, e.g. the group size or the format.",
    finderPartly: "No method meets every criterion; what does not fit is noted with each.",
    unmet: (wishes: string) => `not: ${wishes}`,
    finderRestart: "Start over",
    question: {
      purpose: "What do you mainly want to achieve with the participation?",
      size: "About how many people should take part?",
      format: "Should it take place in person, online or hybrid?",
      time: "How much time is there for the participation?",
    } satisfies Record<FinderQuestion, string>,
    questionHint: (step: number, of: number) =>
      `Question ${step} of at most ${of} – or type your criteria in your own words.`,
    any: "doesn't matter",
    sizeAnswers: { small: "up to 25", medium: "25 to 100", large: "100 to 500", huge: "over 500" },
    formatAnswers: { presence: "in person", online: "online", hybrid: "hybrid" },
    reason: {
      size: (people: number, range: string) => `${people} participants fit (${range})`,
      format: {
        presence: "in person",
        online: "works online",
        hybrid: "works hybrid",
        postal: "works without internet",
      },
      selection: (label: string) => label,
      cost: "low cost",
      level: (label: string) => label,
    },
    criteria: {
      people: (people: number) => `${people} participants`,
    },
    moreAbout: "More",
  },
} satisfies Record<Language, unknown>;

export type ConversationMessages = (typeof CONVERSATION_MESSAGES)["de"];

export function conversationMessagesFor(language: Language): ConversationMessages {
  return CONVERSATION_MESSAGES[language];
}
