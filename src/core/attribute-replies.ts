import type { Entry, Language, MethodAttributes, SectionKey } from "../knowledge/types.js";
import { conversationMessagesFor } from "./conversation-messages.js";
import { SECTION_LABELS, VALUE_LABELS } from "./messages.js";
import { emptyReply, feedbackFor, paragraph, participantsText, type ReplyContext } from "./replies.js";
import type { AttributeKey, Reply, Suggestion } from "./types.js";

/** The section that explains each attribute further, where the entry has it. */
const EXPLAINED_IN: Record<AttributeKey, readonly SectionKey[]> = {
  participants: ["process", "details"],
  duration: ["process", "effort"],
  selection: ["process", "details"],
  level: ["when", "details"],
  format: ["process", "tips"],
  cost: ["effort", "tips"],
  origin: ["example", "details"],
  legalBasis: ["details", "process"],
  purposes: ["when", "strengths"],
};

/** An attribute's value in words; undefined where the entry does not state it. */
export function attributeText(
  method: MethodAttributes,
  attribute: AttributeKey,
  language: Language,
): string | undefined {
  const values = VALUE_LABELS[language];
  const messages = conversationMessagesFor(language);
  switch (attribute) {
    case "participants":
      return participantsText(method.participants, language);
    case "duration":
      return method.duration[language];
    case "selection":
      return method.selection.map((s) => values.selection[s]).join(", ");
    case "level":
      return values.level[method.level];
    case "format":
      return values.format[method.format];
    case "cost":
      return values.cost[method.cost];
    case "origin":
      return method.origin?.[language];
    case "legalBasis":
      return method.legalBasis;
    case "purposes":
      return method.purposes
        .map((purpose) => (messages.purpose as Record<string, string>)[purpose] ?? purpose)
        .join(", ");
  }
}

function sectionButton(entry: Entry, section: SectionKey, language: Language): Suggestion {
  return {
    label: SECTION_LABELS[language][section],
    action: { type: "section", entryId: entry.id, section },
  };
}

function summaryButton(entry: Entry, language: Language): Suggestion {
  return { label: conversationMessagesFor(language).moreAbout, action: { type: "entry", entryId: entry.id } };
}

/**
 * One fact of a method ("Wie lange dauert das?"): the value, the section that explains it where it is short
 * (the effort section for the cost), and the way to the rest.
 */
export function attributeReply(
  entry: Entry,
  attribute: AttributeKey,
  context: ReplyContext,
  options: { confidence?: number | null } = {},
): Reply {
  const { language } = context;
  const messages = conversationMessagesFor(language);
  const label = messages.attribute[attribute];
  const value = entry.method ? attributeText(entry.method, attribute, language) : undefined;
  const sections = EXPLAINED_IN[attribute].filter((section) => entry.sections[language][section]);
  const others = (["process", "risks", "when", "example"] as const).filter(
    (section) => entry.sections[language][section] && !sections.includes(section),
  );
  if (value === undefined) {
    return {
      ...emptyReply("attribute", "info", language),
      entryId: entry.id,
      entryIds: [entry.id],
      title: entry.title[language],
      body: [
        paragraph(
          entry.method
            ? messages.missingAttribute(entry.title[language], label)
            : messages.notAMethod(entry.title[language], label),
        ),
        paragraph(entry.summary[language]),
      ],
      suggestions: [...sections, ...others].slice(0, 4).map((s) => sectionButton(entry, s, language)),
      feedback: feedbackFor(entry.id, language),
    };
  }
  // The effort section is the explanation of the cost; other sections are one click away.
  const explanation =
    attribute === "cost" && sections[0] === "effort" ? (entry.sections[language].effort ?? []) : [];
  const buttons = sections.filter((section) => explanation.length === 0 || section !== "effort");
  return {
    ...emptyReply("attribute", "answered", language),
    entryId: entry.id,
    entryIds: [entry.id],
    score: options.confidence ?? null,
    title: `${entry.title[language]} – ${label}`,
    body: [paragraph(`**${label}:** ${value}`), ...explanation],
    suggestions: [
      ...[...buttons, ...others].slice(0, 3).map((section) => sectionButton(entry, section, language)),
      summaryButton(entry, language),
      { label: messages.alternativesButton, action: { type: "alternatives", entryId: entry.id } },
    ],
    feedback: feedbackFor(entry.id, language),
  };
}
