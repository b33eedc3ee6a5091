import type { Entry, Language, SectionKey } from "../knowledge/types.js";
import { contentWords } from "../search/query.js";
import { attributeText } from "./attribute-replies.js";
import { conversationMessagesFor } from "./conversation-messages.js";
import { SECTION_LABELS } from "./messages.js";
import { Lexicon, messageWords } from "./lexicon.js";
import { emptyReply, paragraph, type ReplyContext } from "./replies.js";
import type { AttributeKey, Reply, TableRow } from "./types.js";

/** Words that ask for a comparison of what they name ("Unterschied", "im Vergleich zu", "vs."). */
const COMPARE = new Lexicon(
  "unterschied, unterschiede, unterscheiden, unterscheidet, vergleich, vergleichen, verglichen, gegenuberstellung, versus, vs, gegenuber, difference, differences, differ, compare, compared, comparison, contrast, better than, besser als, dasselbe, das gleiche, derselbe, dieselbe, the same, same thing, same as",
);
/** "X oder Y?", "X or Y?": a choice between two named entries is a comparison too. */
const EITHER = new Lexicon("oder, or", { exact: true });

/**
 * "Bürgerrat oder Planungszelle?" is a choice between two; in a longer question "oder" joins other things
 * ("… durch eine Online-Konsultation ersetzen, oder galt das nur in der Pandemie?").
 */
const MAX_EITHER_CONTENT_WORDS = 6;

export type CompareCue = "strong" | "either";

export function compareCueIn(text: string): CompareCue | undefined {
  const words = messageWords(text);
  if (COMPARE.matches(words)) return "strong";
  return EITHER.matches(words) && contentWords(text).length <= MAX_EITHER_CONTENT_WORDS
    ? "either"
    : undefined;
}

const ROWS: readonly AttributeKey[] = [
  "purposes",
  "participants",
  "duration",
  "selection",
  "level",
  "format",
  "cost",
  "origin",
];

function firstSentence(text: string): string {
  return text.split(/(?<=[.!?])\s/)[0] ?? text;
}

function firstPoint(entry: Entry, section: SectionKey, language: Language): string {
  const first = entry.sections[language][section]?.[0];
  if (!first) return "";
  return first.type === "paragraph" ? firstSentence(first.text) : (first.items[0] ?? "");
}

/** Two entries side by side: what each is in one sentence, the methods' key facts, and when each fits. */
export function comparisonReply(
  a: Entry,
  b: Entry,
  context: ReplyContext,
  options: { first?: AttributeKey | undefined } = {},
): Reply {
  const { language } = context;
  const messages = conversationMessagesFor(language);
  const rows: TableRow[] = [
    { label: messages.compareSummary, cells: [a, b].map((e) => firstSentence(e.summary[language])) },
  ];
  // The fact asked about ("welches ist billiger?") comes first.
  const order = options.first ? [options.first, ...ROWS.filter((row) => row !== options.first)] : ROWS;
  for (const attribute of order) {
    const cells = [a, b].map((e) => (e.method ? (attributeText(e.method, attribute, language) ?? "") : ""));
    if (cells.some(Boolean)) rows.push({ label: messages.attribute[attribute], cells });
  }
  const when = [a, b].map((e) => firstPoint(e, "when", language));
  if (when.some(Boolean)) rows.push({ label: messages.compareWhen, cells: when });
  return {
    ...emptyReply("compare", "answered", language),
    entryId: a.id,
    entryIds: [a.id, b.id],
    title: messages.compareTitle(a.title[language], b.title[language]),
    body: [
      paragraph(messages.compareIntro),
      { type: "table", columns: [a.title[language], b.title[language]], rows },
    ],
    suggestions: [
      ...[a, b].map((e) => ({ label: e.title[language], action: { type: "entry" as const, entryId: e.id } })),
      ...[a, b]
        .filter((e) => e.sections[language].when)
        .map((e) => ({
          label: `${e.title[language]}: ${SECTION_LABELS[language].when}`,
          action: { type: "section" as const, entryId: e.id, section: "when" as const },
        })),
    ],
  };
}

export function compareNeedsTwoReply(context: ReplyContext): Reply {
  return {
    ...emptyReply("compare", "info", context.language),
    body: [paragraph(conversationMessagesFor(context.language).compareNeedsTwo)],
  };
}
