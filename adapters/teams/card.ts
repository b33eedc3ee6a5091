import { CardFactory, type Attachment } from "botbuilder";
import { messagesFor } from "../../src/core/messages.js";
import { truncate } from "../../src/core/truncate.js";
import { leadOf, numberedActions } from "../../src/core/reply-view.js";
import type { Action, Element, Feedback, Language, Reply, Suggestion } from "../../src/core/types.js";
import type { Block, Source } from "../../src/knowledge/types.js";

export const CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
export const CARD_VERSION = "1.5";
/**
 * Teams refuses messages over about 28 KB. The card stays well below, leaving room for the activity
 * around it; texts are cut to fit, buttons never.
 */
export const MAX_CARD_BYTES = 24_000;
/** Teams shows six buttons of a set; more would end up in an overflow menu. */
const BUTTONS_PER_SET = 6;
/** Cut texts keep at least this much. */
const MIN_TEXT = 120;
const MAX_FALLBACK_TEXT = 4_000;
const MAX_SUMMARY = 300;

/** What every button of the bot submits: the core's action, validated again when it comes back. */
export interface SubmitData {
  lotse: Action;
}

export interface CardElement {
  type: string;
  [property: string]: unknown;
}

export interface TextBlock extends CardElement {
  type: "TextBlock";
  text: string;
}

export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: string;
  version: string;
  body: CardElement[];
  fallbackText: string;
  msteams: { width: "Full" };
}

export interface CardOptions {
  /** False for cards that users insert into conversations themselves: no buttons that submit. */
  interactive?: boolean;
}

function textBlock(text: string, extra: Record<string, unknown> = {}): TextBlock {
  return { type: "TextBlock", text, wrap: true, ...extra };
}

/** The core's blocks as Adaptive Card markdown, which already reads its **bold** and [links](url). */
function blockText(block: Block): string {
  if (block.type === "paragraph") return block.text;
  return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : "-"} ${item}`).join("\n");
}

function submit(suggestion: Suggestion, style?: "positive"): CardElement {
  const data: SubmitData = { lotse: suggestion.action };
  return { type: "Action.Submit", title: suggestion.label, data, ...(style ? { style } : {}) };
}

function actionSets(actions: CardElement[]): CardElement[] {
  const sets: CardElement[] = [];
  for (let i = 0; i < actions.length; i += BUTTONS_PER_SET) {
    sets.push({ type: "ActionSet", actions: actions.slice(i, i + BUTTONS_PER_SET) });
  }
  return sets;
}

function feedbackElements(feedback: Feedback): CardElement[] {
  return [
    textBlock(feedback.question, { isSubtle: true, size: "Small", spacing: "Medium" }),
    ...actionSets(feedback.votes.map((vote) => submit(vote))),
  ];
}

function sourcesText(sources: readonly Source[], language: Language): string {
  const items = sources.map((source) => (source.url ? `[${source.title}](${source.url})` : source.title));
  return `**${messagesFor(language).sources}:** ${items.join(" · ")}`;
}

function tableCell(text: string, header = false): CardElement {
  return { type: "TableCell", items: [textBlock(text, header ? { weight: "Bolder" } : {})] };
}

/** A comparison as an Adaptive Card table: a header row, then one row per label. */
function table(element: Extract<Element, { type: "table" }>): CardElement {
  const header = ["", ...element.columns];
  return {
    type: "Table",
    gridStyle: "accent",
    firstRowAsHeaders: true,
    columns: header.map((_, i) => ({ width: i === 0 ? 2 : 3 })),
    rows: [
      { type: "TableRow", cells: header.map((column) => tableCell(column, true)) },
      ...element.rows.map((row) => ({
        type: "TableRow",
        cells: [tableCell(row.label, true), ...row.cells.map((cell) => tableCell(cell || "–"))],
      })),
    ],
  };
}

/** Adaptive Card markdown read as plain text: **bold** loses its stars, links show their address. */
function plain(markdown: string): string {
  return markdown.replace(/\*\*([^*]+)\*\*/g, "$1").replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, "$1 <$2>");
}

/** The card's content as plain text, for clients that cannot show cards. */
function fallbackTextOf(body: readonly CardElement[]): string {
  const lines: string[] = [];
  for (const element of body) {
    if (element.type === "TextBlock") lines.push(plain((element as TextBlock).text));
    if (element.type === "FactSet") {
      for (const fact of element.facts as { title: string; value: string }[]) {
        lines.push(`${fact.title}: ${fact.value}`);
      }
    }
    if (element.type === "Table") {
      for (const row of element.rows as { cells: { items: TextBlock[] }[] }[]) {
        lines.push(row.cells.map((cell) => plain(cell.items[0]?.text ?? "")).join(" | "));
      }
    }
    if (element.type === "ActionSet") {
      const titles = (element.actions as { type: string; title: string; url?: string }[]).map((action) =>
        action.url ? `${action.title} <${action.url}>` : `[${action.title}]`,
      );
      lines.push(titles.join(" "));
    }
  }
  return truncate(lines.join("\n"), MAX_FALLBACK_TEXT);
}

/** A part of the card's body, so that fitting it to the size limit knows what may be cut or dropped. */
interface Part {
  kind: "text" | "facts" | "links" | "sources";
  element: CardElement;
}

/** A card's parts: the title and the buttons always stay. */
interface Draft {
  title: CardElement[];
  parts: Part[];
  buttons: CardElement[];
  /** The buttons as numbered lines, for clients that cannot show cards. */
  numbered: string[];
}

function cardOf(draft: Draft): AdaptiveCard {
  const body = [...draft.title, ...draft.parts.map((part) => part.element), ...draft.buttons];
  const fallback = [fallbackTextOf([...draft.title, ...draft.parts.map((part) => part.element)])];
  return {
    type: "AdaptiveCard",
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body,
    fallbackText: truncate([...fallback, ...draft.numbered].join("\n"), MAX_FALLBACK_TEXT),
    msteams: { width: "Full" },
  };
}

function byteSize(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), "utf8");
}

function textOf(part: Part): string {
  return part.kind === "text" ? (part.element as TextBlock).text : "";
}

/**
 * The card within Teams' size limit: the longest texts are cut first, then the sources and the facts
 * go, then texts from the end; the title and the buttons stay.
 */
function fitted(draft: Draft): AdaptiveCard {
  let card = cardOf(draft);
  while (byteSize(card) > MAX_CARD_BYTES) {
    const excess = byteSize(card) - MAX_CARD_BYTES;
    const longest = draft.parts.reduce(
      (a, part, i) => (textOf(part).length > textOf(draft.parts[a] ?? part).length ? i : a),
      0,
    );
    const text = draft.parts[longest] ? textOf(draft.parts[longest]) : "";
    const droppable = (["sources", "facts"] as const).find((kind) =>
      draft.parts.some((p) => p.kind === kind),
    );
    if (text.length > MIN_TEXT) {
      const target = Math.max(MIN_TEXT, text.length - Math.max(excess, text.length / 4));
      draft.parts[longest] = { kind: "text", element: textBlock(truncate(text, Math.floor(target))) };
    } else if (droppable) draft.parts = draft.parts.filter((part) => part.kind !== droppable);
    else if (draft.parts.length > 0) draft.parts.pop();
    else break;
    card = cardOf(draft);
  }
  return card;
}

function partsOf(element: Element, language: Language): Part[] {
  switch (element.type) {
    case "paragraph":
    case "list":
      return [{ kind: "text", element: textBlock(blockText(element)) }];
    case "facts":
      return [
        {
          kind: "facts",
          element: {
            type: "FactSet",
            facts: element.facts.map((fact) => ({ title: fact.label, value: fact.value })),
          },
        },
      ];
    case "table":
      return [{ kind: "facts", element: table(element) }];
    case "links":
      return actionSets(
        element.links.map((link) => ({ type: "Action.OpenUrl", title: `${link.label} ↗`, url: link.url })),
      ).map((set) => ({ kind: "links", element: set }));
    case "sources":
      return [
        {
          kind: "sources",
          element: textBlock(sourcesText(element.sources, language), { isSubtle: true, size: "Small" }),
        },
      ];
  }
}

/** The core's reply as an Adaptive Card (schema 1.5), within Teams' size limit. */
export function renderCard(reply: Reply, options: CardOptions = {}): AdaptiveCard {
  const interactive = options.interactive ?? true;
  const buttons: CardElement[] = [];
  if (interactive) {
    buttons.push(...actionSets(reply.choices.map((choice) => submit(choice, "positive"))));
    buttons.push(...actionSets(reply.suggestions.map((suggestion) => submit(suggestion))));
    if (reply.feedback) buttons.push(...feedbackElements(reply.feedback));
  }
  return fitted({
    title: reply.title
      ? [textBlock(reply.title, { size: "Medium", weight: "Bolder", style: "heading" })]
      : [],
    parts: reply.body.flatMap((element) => partsOf(element, reply.language)),
    buttons,
    numbered: interactive ? numberedActions(reply).map((action, i) => `${i + 1}. ${action.label}`) : [],
  });
}

/** One line about what the reply is, for notifications and previews. */
export function summaryOf(reply: Reply): string {
  const lead = leadOf(reply);
  return (
    truncate(plain(`${reply.title ? `${reply.title}: ` : ""}${lead}`), MAX_SUMMARY) || "Beteiligungslotse"
  );
}

/** The card as an attachment of a Bot Framework activity. */
export function cardAttachment(card: AdaptiveCard): Attachment {
  return CardFactory.adaptiveCard(card);
}
