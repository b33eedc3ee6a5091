export type Language = "de" | "en";
export const LANGUAGES: readonly Language[] = ["de", "en"];

export type Localized<T = string> = Record<Language, T>;

export const ENTRY_KINDS = [
  "method",
  "recommendation",
  "topic",
  "question",
  "concept",
  "publication",
  "about",
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const SECTION_KEYS = [
  "details",
  "process",
  "when",
  "notWhen",
  "strengths",
  "risks",
  "tips",
  "example",
  "effort",
  "why",
  "how",
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/** The headings that introduce each section in the Markdown body. */
export const SECTION_HEADINGS: Record<SectionKey, Localized> = {
  details: { de: "Im Detail", en: "In detail" },
  process: { de: "Ablauf", en: "Process" },
  when: { de: "Geeignet, wenn", en: "When to use" },
  notWhen: { de: "Weniger geeignet, wenn", en: "When not to use" },
  strengths: { de: "Stärken", en: "Strengths" },
  risks: { de: "Risiken und Grenzen", en: "Risks and limits" },
  tips: { de: "Praxistipps", en: "Practical tips" },
  example: { de: "Beispiel", en: "Example" },
  effort: { de: "Aufwand und Kosten", en: "Effort and cost" },
  why: { de: "Warum", en: "Why" },
  how: { de: "So gehen Sie vor", en: "How" },
};

export const LANGUAGE_HEADINGS: Localized = { de: "Deutsch", en: "English" };

export const REQUIRED_SECTIONS: Record<EntryKind, readonly SectionKey[]> = {
  method: ["process", "when", "strengths", "risks", "tips"],
  recommendation: ["why", "how"],
  topic: ["details"],
  question: ["details"],
  concept: ["details"],
  publication: ["details"],
  about: ["details"],
};

/** A piece of section text as the chat platforms can render it. Inline text may hold **bold** and [links](url). */
export type Block = { type: "paragraph"; text: string } | { type: "list"; ordered: boolean; items: string[] };

export type Sections = Partial<Record<SectionKey, Block[]>>;

export interface Source {
  title: string;
  url?: string | undefined;
}

export interface MethodAttributes {
  participants: { min: number; max: number | null };
  duration: Localized;
  durationClass: "hours" | "days" | "weeks" | "months" | "ongoing";
  selection: ("random" | "open" | "invited" | "stakeholders" | "elected" | "affected")[];
  level: "inform" | "consult" | "cooperate" | "decide";
  format: "presence" | "online" | "hybrid";
  cost: "low" | "medium" | "high";
  formal: boolean;
  legalBasis?: string | undefined;
  purposes: string[];
  origin?: Localized | undefined;
}

export interface Entry {
  id: string;
  kind: EntryKind;
  topic?: string | undefined;
  title: Localized;
  aliases: Localized<string[]>;
  summary: Localized;
  related: string[];
  sources: Source[];
  method?: MethodAttributes | undefined;
  sections: Localized<Sections>;
  /** `YYYY-MM`: when the facts were last checked against the sources; absent if never. */
  checked?: string | undefined;
  /** Path relative to the knowledge folder, for messages. */
  file: string;
  /** The line of each top-level front-matter key, for messages about checks across entries. */
  fieldLines?: Readonly<Record<string, number>> | undefined;
}
