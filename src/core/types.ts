import type { Block, Language, SectionKey, Source } from "../knowledge/types.js";
import type { Place } from "./subscriptions.js";

export type { Language };

/** A section of an entry, or its list of sources. */
export type SectionRequest = SectionKey | "sources";

export const COMMANDS = [
  "help",
  "tip",
  "publication",
  "list-methods",
  "list-recommendations",
  "list-topics",
  "subscribe",
  "unsubscribe",
  "subscription-status",
  /** Deletes what is kept for this conversation and user (after „Meine Daten löschen“). */
  "forget",
] as const;

export type Command = (typeof COMMANDS)[number];

/** The method attributes of an entry's front matter that can be asked for one by one ("Wie lange?"). */
export const ATTRIBUTE_KEYS = [
  "participants",
  "duration",
  "selection",
  "level",
  "format",
  "cost",
  "origin",
  "legalBasis",
  "purposes",
] as const;
export type AttributeKey = (typeof ATTRIBUTE_KEYS)[number];

/** The questions the method finder may ask, and the answer that leaves one open ("egal"). */
export const FINDER_QUESTIONS = ["purpose", "size", "format", "time"] as const;
export type FinderQuestion = (typeof FINDER_QUESTIONS)[number];
export const ANY = "any";

/** What a button carries back to the core when it is clicked. */
export type Action =
  | { type: "entry"; entryId: string }
  | { type: "section"; entryId: string; section: SectionRequest }
  | { type: "attribute"; entryId: string; attribute: AttributeKey }
  | { type: "compare"; entryIds: [string, string] }
  | { type: "alternatives"; entryId: string }
  | { type: "find"; question?: FinderQuestion | undefined; value?: string | undefined }
  | { type: "command"; command: Command }
  | { type: "language"; language: Language }
  | { type: "feedback"; entryId: string; helpful: boolean };

/** One incoming message or button click, as every platform adapter delivers it. */
export interface Turn {
  /** The message text; empty for button clicks. */
  text: string;
  action?: Action | undefined;
  userId: string;
  conversationId: string;
  platform: string;
  /** The user's locale as the platform reports it, e.g. "de-DE" or "en-GB". */
  locale?: string | undefined;
  /** The user's display name, for replies that others read ("… hat abonniert"); never stored or logged. */
  userName?: string | undefined;
  /** Where the turn happened, for platforms the bot can write to on its own (the weekly tip). */
  place?: Place | undefined;
}

export type Intent =
  | "help"
  | "greeting"
  | "thanks"
  | "ask"
  | "section"
  | "publication"
  | "tip"
  | "list"
  | "language"
  | "feedback"
  /** Over the rate limit: a short note instead of an answer. */
  | "slow-down"
  /** What is stored, for how long and where („Datenschutz“). */
  | "privacy"
  | "subscription"
  | "attribute"
  | "compare"
  | "alternatives"
  | "find";

/** answered: an entry; clarify: "Meinten Sie …?"; declined: outside what the bot knows; info: anything else. */
export type Outcome = "answered" | "clarify" | "declined" | "info";

export interface Suggestion {
  label: string;
  action: Action;
}

export interface Fact {
  label: string;
  value: string;
}

export interface Link {
  label: string;
  url: string;
}

export interface TableRow {
  label: string;
  cells: string[];
}

/**
 * One piece of a reply's body, in reading order. Inline text may hold **bold** and [links](url). Each adapter
 * renders every kind once, so a new kind of answer is a new composition of these, not a new renderer.
 */
export type Element =
  | Block
  | { type: "facts"; facts: Fact[] }
  /** Columns side by side (a comparison); each row starts with its label. */
  | { type: "table"; columns: string[]; rows: TableRow[] }
  | { type: "links"; links: Link[] }
  /** The sources of what the reply says; adapters may fold them away. */
  | { type: "sources"; sources: Source[] };

/** The platform-neutral reply; adapters render it as HTML, Block Kit or Adaptive Cards. */
export interface Feedback {
  entryId: string;
  question: string;
  votes: Suggestion[];
}

export interface Reply {
  intent: Intent;
  outcome: Outcome;
  language: Language;
  /** The entry the reply is about; null when the bot declined or answered without an entry. */
  entryId: string | null;
  /** Confidence 0–1 of the retrieval behind the reply; null where no retrieval took place. */
  score: number | null;
  /** Every entry the reply is about, best first: one for an answer, two for a comparison. */
  entryIds: string[];
  title?: string | undefined;
  body: Element[];
  /** "Meinten Sie …?" options or the methods found, best first. */
  choices: Suggestion[];
  /** Follow-up buttons. */
  suggestions: Suggestion[];
  /** Present where 👍/👎 buttons make sense: the question and the two votes, labelled in words. */
  feedback?: Feedback | undefined;
  /** "place": everyone in the channel or chat should see it, not only the user who asked. */
  audience?: "place" | undefined;
  /** Entries retrieval considered, best first (used by the evaluation). */
  candidates: { entryId: string; confidence: number }[];
}
