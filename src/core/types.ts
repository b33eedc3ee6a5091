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
] as const;

export type Command = (typeof COMMANDS)[number];

/** What a button carries back to the core when it is clicked. */
export type Action =
  | { type: "entry"; entryId: string }
  | { type: "section"; entryId: string; section: SectionRequest }
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
  | "subscription";

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

/** The platform-neutral reply; adapters render it as HTML, Block Kit or Adaptive Cards. */
export interface Reply {
  intent: Intent;
  outcome: Outcome;
  language: Language;
  /** The entry the reply is about; null when the bot declined or answered without an entry. */
  entryId: string | null;
  /** Confidence 0–1 of the retrieval behind the reply; null where no retrieval took place. */
  score: number | null;
  title?: string | undefined;
  blocks: Block[];
  facts: Fact[];
  links: Link[];
  sources: Source[];
  /** "Meinten Sie …?" options, best first. */
  choices: Suggestion[];
  /** Follow-up buttons. */
  suggestions: Suggestion[];
  /** Present where 👍/👎 buttons make sense. */
  feedback?: { entryId: string } | undefined;
  /** "place": everyone in the channel or chat should see it, not only the user who asked. */
  audience?: "place" | undefined;
  /** Entries retrieval considered, best first (used by the evaluation). */
  candidates: { entryId: string; confidence: number }[];
}
