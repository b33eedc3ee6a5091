import type { types } from "@slack/bolt";
import { messagesFor } from "../../src/core/messages.js";
import { truncate } from "../../src/core/truncate.js";
import { leadOf } from "../../src/core/reply-view.js";
import type { Element, Feedback, Language, Reply, Suggestion } from "../../src/core/types.js";
import type { Block, Source } from "../../src/knowledge/types.js";
import { escapeMrkdwn, mrkdwnLink, toMrkdwn } from "./text.js";

/** Every button the bot sends carries this prefix in its action_id; the value is the core's action. */
export const ACTION_ID_PREFIX = "lotse:";

/** Slack's limits (https://docs.slack.dev/reference/block-kit/blocks). */
const LIMITS = {
  blocks: 50,
  headerText: 150,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  buttonText: 75,
  buttonsPerBlock: 25,
  notificationText: 300,
};

export interface SlackMessage {
  /** Plain text for notifications and clients without blocks. */
  text: string;
  blocks: types.KnownBlock[];
}

function section(text: string): types.SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text: truncate(text, LIMITS.sectionText) } };
}

function blockText(block: Block): string {
  if (block.type === "paragraph") return toMrkdwn(block.text);
  return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : "•"} ${toMrkdwn(item)}`).join("\n");
}

function button(suggestion: Suggestion, index: number, style?: "primary"): types.Button {
  return {
    type: "button",
    text: { type: "plain_text", text: truncate(suggestion.label, LIMITS.buttonText), emoji: true },
    action_id: `${ACTION_ID_PREFIX}${index}`,
    value: JSON.stringify(suggestion.action),
    ...(style ? { style } : {}),
  };
}

function buttons(
  suggestions: readonly Suggestion[],
  firstIndex: number,
  style?: "primary",
): types.ActionsBlock {
  return {
    type: "actions",
    elements: suggestions
      .slice(0, LIMITS.buttonsPerBlock)
      .map((suggestion, i) => button(suggestion, firstIndex + i, style)),
  };
}

function sourcesContext(sources: readonly Source[], language: Language): types.ContextBlock {
  const heading = `*${messagesFor(language).sources}:*`;
  const items = sources.map((source) =>
    source.url ? mrkdwnLink(source.url, source.title) : escapeMrkdwn(source.title),
  );
  return {
    type: "context",
    elements: [{ type: "mrkdwn", text: truncate([heading, ...items].join("\n"), LIMITS.sectionText) }],
  };
}

function field(text: string): types.MrkdwnElement {
  return { type: "mrkdwn", text: truncate(text, LIMITS.fieldText) };
}

/** A table as one section per row: the row label, then its cells as fields side by side. */
function tableBlocks(element: Extract<Element, { type: "table" }>): types.KnownBlock[] {
  const header: types.SectionBlock = {
    type: "section",
    fields: element.columns.slice(0, LIMITS.fields).map((column) => field(`*${escapeMrkdwn(column)}*`)),
  };
  const rows = element.rows.map((row): types.SectionBlock => ({
    type: "section",
    text: { type: "mrkdwn", text: truncate(`*${escapeMrkdwn(row.label)}*`, LIMITS.sectionText) },
    fields: row.cells.slice(0, LIMITS.fields).map((cell) => field(toMrkdwn(cell) || "–")),
  }));
  return [header, ...rows];
}

function elementBlocks(element: Element, language: Language): types.KnownBlock[] {
  switch (element.type) {
    case "paragraph":
    case "list":
      return [section(blockText(element))];
    case "facts":
      return [
        {
          type: "section",
          fields: element.facts
            .slice(0, LIMITS.fields)
            .map((fact) => field(`*${escapeMrkdwn(fact.label)}*\n${escapeMrkdwn(fact.value)}`)),
        },
      ];
    case "table":
      return tableBlocks(element);
    case "links":
      return [section(element.links.map((link) => `${mrkdwnLink(link.url, link.label)} →`).join("\n"))];
    case "sources":
      return [sourcesContext(element.sources, language)];
  }
}

function feedbackBlocks(feedback: Feedback, firstIndex: number): types.KnownBlock[] {
  return [
    { type: "context", elements: [{ type: "mrkdwn", text: feedback.question }] },
    buttons(feedback.votes, firstIndex),
  ];
}

/** The notification text: what the reply is about, in one line. */
function notificationText(reply: Reply): string {
  const lead = leadOf(reply);
  const plain = `${reply.title ? `${reply.title}: ` : ""}${lead}`
    .replace(/\*\*([^*]+)\*\*/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]+\)/g, "$1");
  return truncate(plain, LIMITS.notificationText) || "Beteiligungslotse";
}

/**
 * The core's reply as a Block Kit message: a header, the body's elements in order (text, facts and tables
 * as fields, links, sources), "Meinten Sie …?" choices, follow-up buttons and 👍/👎. Long replies are cut to Slack's limits, never refused.
 */
export function renderReply(reply: Reply): SlackMessage {
  const blocks: types.KnownBlock[] = [];
  if (reply.title) {
    blocks.push({
      type: "header",
      text: { type: "plain_text", text: truncate(reply.title, LIMITS.headerText), emoji: true },
    });
  }
  for (const element of reply.body) blocks.push(...elementBlocks(element, reply.language));

  // Buttons are numbered across the message, so every action_id is unique within it.
  let index = 0;
  const tail: types.KnownBlock[] = [];
  if (reply.choices.length > 0) {
    tail.push(buttons(reply.choices, index, "primary"));
    index += reply.choices.length;
  }
  if (reply.suggestions.length > 0) {
    tail.push(buttons(reply.suggestions, index));
    index += reply.suggestions.length;
  }
  if (reply.feedback) tail.push(...feedbackBlocks(reply.feedback, index));

  // Text may be cut to make room for the buttons, never the other way round.
  const room = LIMITS.blocks - tail.length;
  return { text: notificationText(reply), blocks: [...blocks.slice(0, room), ...tail] };
}
