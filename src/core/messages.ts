import type { Language, SectionKey } from "../knowledge/types.js";
import type { MethodAttributes } from "../knowledge/types.js";

/** Every fixed text of the bot, in German and English. Entry content comes from knowledge/. */
export const MESSAGES = {
  de: {
    helpTitle: "Beteiligungslotse",
    helpIntro:
      "Ich beantworte Fragen zu Methoden und Verfahren der Bürgerbeteiligung – kurz, mit Quellen – und gebe Praxistipps aus dem Themenkreis des Innovationsdialogs Bürgerbeteiligung der Bertelsmann Stiftung.",
    helpItems: [
      "**Fragen Sie nach einer Methode**, z. B. „Was ist eine Planungszelle?“",
      "**Fragen Sie nach**, wie Sie wollen: „Ablauf?“, „wie lange dauert das?“, „ist das teuer?“ beziehen sich auf die letzte Antwort.",
      "**Vergleichen und finden**: „Bürgerrat oder Planungszelle?“, „gibt's was Ähnliches?“, „Welche Methode passt für 30 Leute online?“",
      "**„Tipp“** zeigt einen Praxistipp, **„Methoden“** die Liste aller Methoden.",
      "**„Publikation“** nennt die Veröffentlichung mit den Empfehlungen der Arbeitsgruppe.",
      "**„Datenschutz“** sagt, was gespeichert wird und wie lange.",
      "**„English“** schaltet auf Englisch um.",
    ],
    greeting: "Guten Tag! Schön, dass Sie da sind.",
    thanks: "Gern geschehen! Fragen Sie jederzeit weiter.",
    declined:
      "Dazu kann ich leider nichts Verlässliches sagen – ich kenne mich mit Bürgerbeteiligung aus: Methoden, Verfahren, Erfolgsfaktoren und Empfehlungen für die Verwaltung.",
    declinedHint: "Vielleicht hilft eine dieser Möglichkeiten weiter:",
    declinedNearMisses: "Vielleicht passt eines dieser Themen:",
    empty: "Ich habe keine Frage erkannt. Schreiben Sie zum Beispiel „Was ist ein Bürgerrat?“ oder „Hilfe“.",
    clarify: "Meinten Sie …?",
    clarifyHint: "Wählen Sie eine Antwort aus oder tippen Sie ihre Nummer.",
    noContext:
      "Worauf bezieht sich Ihre Frage? Nennen Sie bitte die Methode, z. B. „Risiken der Planungszelle“.",
    missingSection: (title: string, section: string) =>
      `Zu „${title}“ habe ich keinen Abschnitt „${section}“.`,
    availableSections: "Dazu kann ich Ihnen mehr sagen:",
    unknownEntry: "Diesen Eintrag gibt es nicht (mehr). Fragen Sie gern neu.",
    sourcesTitle: (title: string) => `Quellen zu „${title}“`,
    publicationLink: "Zur Projektseite mit der Publikation",
    tipTitle: (title: string) => `Praxistipp: ${title}`,
    noTips: "Für Praxistipps ist noch nichts hinterlegt.",
    listTitle: { methods: "Methoden und Verfahren", recommendations: "Empfehlungen", topics: "Themen" },
    listIntro: (count: number, what: string) => `Ich kenne ${count} ${what}. Fragen Sie nach einer davon:`,
    listWhat: { methods: "Methoden und Verfahren", recommendations: "Empfehlungen", topics: "Themen" },
    methodGroups: { informal: "Informelle Methoden", formal: "Gesetzlich geregelte Verfahren" },
    languageSwitched: "Gern, ab jetzt antworte ich auf Deutsch.",
    feedbackQuestion: "War das hilfreich?",
    feedbackHelpfulLabel: "👍 Hilfreich",
    feedbackUnhelpfulLabel: "👎 Nicht hilfreich",
    feedbackThanks: "Danke für Ihre Rückmeldung!",
    slowDown: (seconds: number) =>
      `Sie schreiben gerade sehr schnell – bitte warten Sie einen Moment. In ${seconds === 1 ? "einer Sekunde" : `${seconds} Sekunden`} antworte ich Ihnen wieder.`,
    feedbackUnhelpful:
      "Danke für Ihre Rückmeldung! Formulieren Sie Ihre Frage gern anders, oder schauen Sie in die Hilfe.",
    suggestion: {
      help: "Hilfe",
      tip: "Praxistipp",
      anotherTip: "Noch ein Tipp",
      publication: "Publikation",
      methods: "Alle Methoden",
      findMethod: "Methode finden",
      recommendations: "Alle Empfehlungen",
      topics: "Themen",
      summary: "Kurzfassung",
      switchLanguage: "English",
    },
    sources: "Quellen",
  },
  en: {
    helpTitle: "Beteiligungslotse",
    helpIntro:
      "I answer questions about methods and procedures of citizen participation – briefly, with sources – and share practice tips on the themes of the Bertelsmann Stiftung's working group “Innovationsdialog Bürgerbeteiligung”.",
    helpItems: [
      "**Ask about a method**, e.g. “What is a citizens' assembly?”",
      "**Follow up** in your own words: “Process?”, “how long does it take?”, “is it expensive?” refer to the last answer.",
      "**Compare and find**: “citizens' assembly or planning cell?”, “something similar?”, “which method for 30 people online?”",
      "**“Tip”** shows a practice tip, **“Methods”** the list of all methods.",
      "**“Publication”** names the publication with the working group's recommendations.",
      "**“Privacy”** says what is kept and for how long.",
      "**“Deutsch”** switches to German.",
    ],
    greeting: "Hello! Good to have you here.",
    thanks: "You're welcome! Ask any time.",
    declined:
      "I'm afraid I can't say anything reliable about that – my field is citizen participation: methods, procedures, success factors and recommendations for public administration.",
    declinedHint: "One of these may help:",
    declinedNearMisses: "Perhaps one of these topics fits:",
    empty: "I didn't find a question. Try “What is a citizens' assembly?” or “help”.",
    clarify: "Did you mean …?",
    clarifyHint: "Pick an answer or type its number.",
    noContext: "What does your question refer to? Please name the method, e.g. “risks of the planning cell”.",
    missingSection: (title: string, section: string) => `I have no section “${section}” on “${title}”.`,
    availableSections: "I can tell you more about:",
    unknownEntry: "That entry does not exist (any more). Feel free to ask again.",
    sourcesTitle: (title: string) => `Sources on “${title}”`,
    publicationLink: "Project page with the publication",
    tipTitle: (title: string) => `Practice tip: ${title}`,
    noTips: "No practice tips are available yet.",
    listTitle: { methods: "Methods and procedures", recommendations: "Recommendations", topics: "Topics" },
    listIntro: (count: number, what: string) => `I know ${count} ${what}. Ask about any of them:`,
    listWhat: { methods: "methods and procedures", recommendations: "recommendations", topics: "topics" },
    methodGroups: { informal: "Informal methods", formal: "Procedures prescribed by law" },
    languageSwitched: "Sure, from now on I'll answer in English.",
    feedbackQuestion: "Was this helpful?",
    feedbackHelpfulLabel: "👍 Helpful",
    feedbackUnhelpfulLabel: "👎 Not helpful",
    feedbackThanks: "Thank you for your feedback!",
    slowDown: (seconds: number) =>
      `You are writing very quickly – please wait a moment. I can answer again in ${seconds === 1 ? "one second" : `${seconds} seconds`}.`,
    feedbackUnhelpful:
      "Thank you for your feedback! Feel free to rephrase your question, or have a look at the help.",
    suggestion: {
      help: "Help",
      tip: "Practice tip",
      anotherTip: "Another tip",
      publication: "Publication",
      methods: "All methods",
      findMethod: "Find a method",
      recommendations: "All recommendations",
      topics: "Topics",
      summary: "Summary",
      switchLanguage: "Deutsch",
    },
    sources: "Sources",
  },
} satisfies Record<Language, unknown>;

export type Messages = (typeof MESSAGES)["de"];

export function messagesFor(language: Language): Messages {
  return MESSAGES[language];
}

type FactLabels = Record<
  "participants" | "duration" | "selection" | "level" | "format" | "cost" | "legalBasis" | "origin" | "open",
  string
>;

export const FACT_LABELS: Record<Language, FactLabels> = {
  de: {
    participants: "Teilnehmende",
    duration: "Dauer",
    selection: "Auswahl",
    level: "Beteiligungsstufe",
    format: "Format",
    cost: "Aufwand",
    legalBasis: "Rechtsgrundlage",
    origin: "Herkunft",
    open: "offen",
  },
  en: {
    participants: "Participants",
    duration: "Duration",
    selection: "Selection",
    level: "Level",
    format: "Format",
    cost: "Effort",
    legalBasis: "Legal basis",
    origin: "Origin",
    open: "open",
  },
};

type Values<K extends keyof MethodAttributes> = MethodAttributes[K] extends (infer V)[]
  ? V
  : MethodAttributes[K];

export const VALUE_LABELS: Record<
  Language,
  {
    selection: Record<Values<"selection">, string>;
    level: Record<Values<"level">, string>;
    format: Record<Values<"format">, string>;
    cost: Record<Values<"cost">, string>;
  }
> = {
  de: {
    selection: {
      random: "Zufallsauswahl",
      open: "offen für alle",
      invited: "gezielte Einladung",
      stakeholders: "Interessengruppen",
      elected: "gewählt",
      affected: "Betroffene",
    },
    level: {
      inform: "Information",
      consult: "Konsultation",
      cooperate: "Mitgestaltung",
      decide: "Mitentscheidung",
    },
    format: { presence: "Präsenz", online: "online", hybrid: "hybrid" },
    cost: { low: "gering", medium: "mittel", high: "hoch" },
  },
  en: {
    selection: {
      random: "random selection",
      open: "open to all",
      invited: "by invitation",
      stakeholders: "stakeholders",
      elected: "elected",
      affected: "those affected",
    },
    level: { inform: "information", consult: "consultation", cooperate: "co-design", decide: "co-decision" },
    format: { presence: "in person", online: "online", hybrid: "hybrid" },
    cost: { low: "low", medium: "medium", high: "high" },
  },
};

/** Button labels for the sections of an entry. */
export const SECTION_LABELS: Record<Language, Record<SectionKey | "sources", string>> = {
  de: {
    details: "Mehr dazu",
    process: "Ablauf",
    when: "Wann geeignet?",
    notWhen: "Wann nicht?",
    strengths: "Stärken",
    risks: "Risiken",
    tips: "Praxistipps",
    example: "Beispiel",
    effort: "Aufwand",
    why: "Warum?",
    how: "So gehen Sie vor",
    sources: "Quellen",
  },
  en: {
    details: "More",
    process: "Process",
    when: "When to use",
    notWhen: "When not to use",
    strengths: "Strengths",
    risks: "Risks",
    tips: "Practical tips",
    example: "Example",
    effort: "Effort",
    why: "Why?",
    how: "How",
    sources: "Sources",
  },
};
