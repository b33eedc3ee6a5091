import type { KnowledgeBase } from "../knowledge/knowledge-base.js";
import { TOPIC_IDS } from "../knowledge/schema.js";
import type { Entry, Language, MethodAttributes, SectionKey } from "../knowledge/types.js";
import { conversationMessagesFor } from "./conversation-messages.js";
import { FACT_LABELS, SECTION_LABELS, VALUE_LABELS, messagesFor } from "./messages.js";
import type {
  Action,
  Element,
  Fact,
  Feedback,
  Intent,
  Link,
  Outcome,
  Reply,
  SectionRequest,
  Suggestion,
} from "./types.js";

export interface ReplyContext {
  language: Language;
  knowledge: KnowledgeBase;
  /** Where the bot sends people for the publication (configuration, see README). */
  publicationUrl: string;
}

type Candidates = Reply["candidates"];

/** Entries whose answer always carries the link to the publication. */
const PUBLICATION_CONTEXT = new Set(["publikation", "innovationsdialog", "fachtagung-2013"]);
const MAX_SECTION_SUGGESTIONS = 4;
/** Entries the help offers as first questions. */
const EXAMPLE_ENTRIES = ["planungszelle", "buergerrat", "buergerhaushalt"];
const MAX_RELATED_SUGGESTIONS = 2;

export function emptyReply(intent: Intent, outcome: Outcome, language: Language): Reply {
  return {
    intent,
    outcome,
    language,
    entryId: null,
    entryIds: [],
    score: null,
    body: [],
    choices: [],
    suggestions: [],
    candidates: [],
  };
}

export function paragraph(text: string) {
  return { type: "paragraph" as const, text };
}

/** The body elements that are only there when they have content. */
function factsElement(facts: Fact[]): Element[] {
  return facts.length > 0 ? [{ type: "facts", facts }] : [];
}

function linksElement(links: Link[]): Element[] {
  return links.length > 0 ? [{ type: "links", links }] : [];
}

function sourcesElement(entry: Entry): Element[] {
  return entry.sources.length > 0 ? [{ type: "sources", sources: entry.sources }] : [];
}

export function commandSuggestion(
  label: string,
  name: Extract<Action, { type: "command" }>["command"],
): Suggestion {
  return { label, action: { type: "command", command: name } };
}

function entrySuggestion(entry: Entry, language: Language): Suggestion {
  return { label: entry.title[language], action: { type: "entry", entryId: entry.id } };
}

export function participantsText(participants: MethodAttributes["participants"], language: Language): string {
  const { min, max } = participants;
  if (max === null) return language === "de" ? `ab ${min}` : `${min} or more`;
  return min === max ? `${min}` : `${min}–${max}`;
}

export function methodFacts(method: MethodAttributes, language: Language): Fact[] {
  const labels = FACT_LABELS[language];
  const values = VALUE_LABELS[language];
  const facts: Fact[] = [
    { label: labels.participants, value: participantsText(method.participants, language) },
    { label: labels.duration, value: method.duration[language] },
    { label: labels.selection, value: method.selection.map((s) => values.selection[s]).join(", ") },
    { label: labels.level, value: values.level[method.level] },
    { label: labels.format, value: values.format[method.format] },
    { label: labels.cost, value: values.cost[method.cost] },
  ];
  if (method.legalBasis) facts.push({ label: labels.legalBasis, value: method.legalBasis });
  if (method.origin) facts.push({ label: labels.origin, value: method.origin[language] });
  return facts;
}

/** What people most often want to know next comes first. */
const SUGGESTION_ORDER: readonly SectionKey[] = [
  "process",
  "how",
  "why",
  "risks",
  "tips",
  "example",
  "when",
  "strengths",
  "notWhen",
  "effort",
  "details",
];

/**
 * The sections one can ask for next. The sources are a button only where the reply does not already show
 * them (`withSources`).
 */
function sectionSuggestions(
  entry: Entry,
  language: Language,
  shown?: SectionRequest,
  withSources = true,
): Suggestion[] {
  const available = SUGGESTION_ORDER.filter((key) => entry.sections[language][key] && key !== shown);
  const suggestions: Suggestion[] = available.slice(0, MAX_SECTION_SUGGESTIONS).map((section) => ({
    label: SECTION_LABELS[language][section],
    action: { type: "section", entryId: entry.id, section },
  }));
  if (shown !== "sources" && withSources) {
    suggestions.push({
      label: SECTION_LABELS[language].sources,
      action: { type: "section", entryId: entry.id, section: "sources" },
    });
  }
  return suggestions;
}

function relatedSuggestions(entry: Entry, context: ReplyContext): Suggestion[] {
  return entry.related
    .map((id) => context.knowledge.get(id))
    .filter((related): related is Entry => related !== undefined)
    .slice(0, MAX_RELATED_SUGGESTIONS)
    .map((related) => entrySuggestion(related, context.language));
}

function publicationLinks(entry: Entry, context: ReplyContext): Link[] {
  if (!PUBLICATION_CONTEXT.has(entry.id)) return [];
  return [{ label: messagesFor(context.language).publicationLink, url: context.publicationUrl }];
}

/** The short answer about an entry: summary, facts, sources, and where to go next. */
export function entryReply(
  entry: Entry,
  context: ReplyContext,
  options: { intent?: Intent; confidence?: number | null; candidates?: Candidates } = {},
): Reply {
  const { language } = context;
  return {
    ...emptyReply(options.intent ?? "ask", "answered", language),
    entryId: entry.id,
    entryIds: [entry.id],
    score: options.confidence ?? null,
    title: entry.title[language],
    body: [
      paragraph(entry.summary[language]),
      ...factsElement(entry.method ? methodFacts(entry.method, language) : []),
      ...linksElement(publicationLinks(entry, context)),
      ...sourcesElement(entry),
    ],
    suggestions: [
      ...sectionSuggestions(entry, language, undefined, false),
      ...relatedSuggestions(entry, context),
    ],
    feedback: feedbackFor(entry.id, language),
    candidates: options.candidates ?? [],
  };
}

/** One section of an entry ("Risiken der Planungszelle"). */
export function sectionReply(
  entry: Entry,
  section: SectionRequest,
  context: ReplyContext,
  options: { confidence?: number | null; candidates?: Candidates } = {},
): Reply {
  const { language } = context;
  const label = SECTION_LABELS[language][section];
  const base = {
    ...emptyReply("section", "answered", language),
    entryId: entry.id,
    entryIds: [entry.id],
    score: options.confidence ?? null,
    title: `${entry.title[language]} – ${label}`,
    suggestions: [
      ...sectionSuggestions(entry, language, section),
      {
        label: messagesFor(language).suggestion.summary,
        action: { type: "entry", entryId: entry.id },
      } as Suggestion,
    ],
    feedback: feedbackFor(entry.id, language),
    candidates: options.candidates ?? [],
  };
  const links = linksElement(publicationLinks(entry, context));
  if (section === "sources") {
    return {
      ...base,
      title: messagesFor(language).sourcesTitle(entry.title[language]),
      body: [
        {
          type: "list",
          ordered: false,
          items: entry.sources.map((s) => (s.url ? `[${s.title}](${s.url})` : s.title)),
        },
        ...links,
      ],
    };
  }
  return { ...base, body: [...(entry.sections[language][section] ?? []), ...links] };
}

/** The entry has no such section: say so and offer the ones it has. */
export function missingSectionReply(entry: Entry, section: SectionRequest, context: ReplyContext): Reply {
  const { language } = context;
  const messages = messagesFor(language);
  return {
    ...emptyReply("section", "info", language),
    entryId: entry.id,
    entryIds: [entry.id],
    title: entry.title[language],
    body: [
      paragraph(messages.missingSection(entry.title[language], SECTION_LABELS[language][section])),
      paragraph(messages.availableSections),
    ],
    suggestions: [
      { label: messages.suggestion.summary, action: { type: "entry", entryId: entry.id } },
      ...sectionSuggestions(entry, language),
    ],
  };
}

export function clarifyReply(
  choices: Entry[],
  context: ReplyContext,
  confidence: number,
  candidates: Candidates,
): Reply {
  const messages = messagesFor(context.language);
  return {
    ...emptyReply("ask", "clarify", context.language),
    score: confidence,
    title: messages.clarify,
    body: [paragraph(messages.clarifyHint)],
    choices: choices.map((entry) => entrySuggestion(entry, context.language)),
    candidates,
  };
}

function exploreSuggestions(language: Language): Suggestion[] {
  const labels = messagesFor(language).suggestion;
  return [
    commandSuggestion(labels.methods, "list-methods"),
    commandSuggestion(labels.tip, "tip"),
    commandSuggestion(labels.publication, "publication"),
    commandSuggestion(labels.help, "help"),
  ];
}

/**
 * The bot is not sure enough to answer. Entries that came near (`nearMisses`) are offered as buttons, so
 * a question the bot half understood is one click from its answer; otherwise the ways to explore.
 */
export function declineReply(
  context: ReplyContext,
  confidence: number | null,
  candidates: Candidates,
  nearMisses: readonly Entry[] = [],
): Reply {
  const { language } = context;
  const messages = messagesFor(language);
  const explore = exploreSuggestions(language);
  return {
    ...emptyReply("ask", "declined", language),
    score: confidence,
    body: [
      paragraph(messages.declined),
      paragraph(nearMisses.length > 0 ? messages.declinedNearMisses : messages.declinedHint),
    ],
    suggestions:
      nearMisses.length > 0
        ? [...nearMisses.map((entry) => entrySuggestion(entry, language)), ...explore.slice(0, 1)]
        : explore,
    candidates,
  };
}

export function noQuestionReply(context: ReplyContext): Reply {
  return {
    ...emptyReply("ask", "info", context.language),
    body: [paragraph(messagesFor(context.language).empty)],
    suggestions: exploreSuggestions(context.language),
  };
}

export function noContextReply(context: ReplyContext): Reply {
  return {
    ...emptyReply("section", "info", context.language),
    body: [paragraph(messagesFor(context.language).noContext)],
    suggestions: exploreSuggestions(context.language),
  };
}

export function helpReply(context: ReplyContext, intent: "help" | "greeting" = "help"): Reply {
  const { language } = context;
  const messages = messagesFor(language);
  return {
    ...emptyReply(intent, "info", language),
    title: messages.helpTitle,
    body: [
      ...(intent === "greeting" ? [paragraph(messages.greeting)] : []),
      paragraph(messages.helpIntro),
      { type: "list", ordered: false, items: messages.helpItems },
      { type: "links", links: [{ label: messages.publicationLink, url: context.publicationUrl }] },
    ],
    suggestions: [
      ...EXAMPLE_ENTRIES.map((id) => context.knowledge.get(id))
        .filter((entry): entry is Entry => entry !== undefined)
        .map((entry) => entrySuggestion(entry, language)),
      { label: messages.suggestion.findMethod, action: { type: "find" } },
      ...exploreSuggestions(language).slice(0, 3),
      {
        label: messages.suggestion.switchLanguage,
        action: { type: "language", language: language === "de" ? "en" : "de" },
      },
    ],
  };
}

export function thanksReply(context: ReplyContext): Reply {
  return {
    ...emptyReply("thanks", "info", context.language),
    body: [paragraph(messagesFor(context.language).thanks)],
    suggestions: exploreSuggestions(context.language),
  };
}

/** Over the rate limit: no answer, no buttons that would invite more messages, only when to try again. */
export function slowDownReply(context: ReplyContext, retryAfterSeconds: number): Reply {
  return {
    ...emptyReply("slow-down", "info", context.language),
    body: [paragraph(messagesFor(context.language).slowDown(retryAfterSeconds))],
  };
}

export function languageReply(context: ReplyContext): Reply {
  return {
    ...emptyReply("language", "info", context.language),
    body: [paragraph(messagesFor(context.language).languageSwitched)],
    suggestions: exploreSuggestions(context.language),
  };
}

export function tipReply(tip: Entry | undefined, context: ReplyContext): Reply {
  const { language } = context;
  const messages = messagesFor(language);
  if (!tip) {
    return { ...emptyReply("tip", "info", language), body: [paragraph(messages.noTips)] };
  }
  const reply = entryReply(tip, context, { intent: "tip" });
  return {
    ...reply,
    title: messages.tipTitle(tip.title[language]),
    suggestions: [
      ...sectionSuggestions(tip, language, undefined, false),
      commandSuggestion(messages.suggestion.anotherTip, "tip"),
    ],
  };
}

export type ListKind = "methods" | "recommendations" | "topics";
const KIND_OF_LIST: Record<ListKind, Entry["kind"]> = {
  methods: "method",
  recommendations: "recommendation",
  topics: "topic",
};

/** A heading and its entries, so that long lists stay readable in chat. */
interface ListGroup {
  heading: string | null;
  entries: Entry[];
}

function byTitle(language: Language) {
  return (a: Entry, b: Entry) => a.title[language].localeCompare(b.title[language], language);
}

/** Recommendations under their topics; methods split into formal procedures and other methods. */
function listGroups(what: ListKind, context: ReplyContext): ListGroup[] {
  const { language, knowledge } = context;
  const entries = knowledge.ofKind(KIND_OF_LIST[what]).sort(byTitle(language));
  if (what === "recommendations") {
    return TOPIC_IDS.map((topic) => ({
      heading: knowledge.get(topic)?.title[language] ?? topic,
      entries: entries.filter((entry) => entry.topic === topic),
    })).filter((group) => group.entries.length > 0);
  }
  if (what === "methods") {
    const headings = messagesFor(language).methodGroups;
    return [
      { heading: headings.informal, entries: entries.filter((entry) => entry.method?.formal !== true) },
      { heading: headings.formal, entries: entries.filter((entry) => entry.method?.formal === true) },
    ].filter((group) => group.entries.length > 0);
  }
  return [{ heading: null, entries }];
}

export function listReply(what: ListKind, context: ReplyContext): Reply {
  const { language } = context;
  const messages = messagesFor(language);
  const groups = listGroups(what, context);
  const entries = groups.flatMap((group) => group.entries);
  return {
    ...emptyReply("list", "info", language),
    title: messages.listTitle[what],
    body: [
      paragraph(messages.listIntro(entries.length, messages.listWhat[what])),
      ...groups.flatMap(({ heading, entries: items }) => [
        ...(heading === null ? [] : [paragraph(`**${heading}**`)]),
        { type: "list" as const, ordered: false, items: items.map((entry) => entry.title[language]) },
      ]),
    ],
    suggestions: [
      ...entries.slice(0, 3).map((entry) => entrySuggestion(entry, language)),
      commandSuggestion(messages.suggestion.tip, "tip"),
    ],
  };
}

/** 👍/👎 with words, so that they read right without an emoji font and to a screen reader. */
export function feedbackFor(entryId: string, language: Language): Feedback {
  const messages = messagesFor(language);
  return {
    entryId,
    question: messages.feedbackQuestion,
    votes: [true, false].map((helpful) => ({
      label: helpful ? messages.feedbackHelpfulLabel : messages.feedbackUnhelpfulLabel,
      action: { type: "feedback", entryId, helpful },
    })),
  };
}

export function feedbackReply(helpful: boolean, context: ReplyContext): Reply {
  const messages = messagesFor(context.language);
  return {
    ...emptyReply("feedback", "info", context.language),
    body: [paragraph(helpful ? messages.feedbackThanks : messages.feedbackUnhelpful)],
    suggestions: helpful ? [] : [commandSuggestion(messages.suggestion.help, "help")],
  };
}

export function unknownEntryReply(context: ReplyContext): Reply {
  return {
    ...emptyReply("ask", "info", context.language),
    body: [paragraph(messagesFor(context.language).unknownEntry)],
    suggestions: exploreSuggestions(context.language),
  };
}

/** The follow-up could be about either entry: both as buttons. */
export function whichOneReply(entries: [Entry, Entry], choices: Suggestion[], context: ReplyContext): Reply {
  const [a, b] = entries;
  const messages = messagesFor(context.language);
  return {
    ...emptyReply("ask", "clarify", context.language),
    title: conversationMessagesFor(context.language).whichOne(
      a.title[context.language],
      b.title[context.language],
    ),
    body: [paragraph(messages.clarifyHint)],
    choices,
  };
}
