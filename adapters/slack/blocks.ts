import type { types } from "@slack/bolt";
import { messagesFor } from "../../src/core/messages.js";
import { feedbackVotes } from "../../src/core/replies.js";
import { truncate } from "../../src/core/truncate.js";
import type { Language, Reply, Suggestion } from "../../src/core/types.js";
import type { Block } from "../../src/knowledge/types.js";
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

function sourcesContext(reply: Reply): types.ContextBlock {
  const heading = `*${messagesFor(reply.language).sources}:*`;
  const sources = reply.sources.map((source) =>
    source.url ? mrkdwnLink(source.url, source.title) : escapeMrkdwn(source.title),
  );
  return {
    type: "context",
    elements: [{ type: "mrkdwn", text: truncate([heading, ...sources].join("\n"), LIMITS.sectionText) }],
  };
}

function feedbackBlocks(entryId: string, language: Language, firstIndex: number): types.KnownBlock[] {
  return [
    { type: "context", elements: [{ type: "mrkdwn", text: messagesFor(language).feedbackQuestion }] },
    buttons(feedbackVotes(entryId, language), firstIndex),
  ];
}

/** The notification text: what the reply is about, in one line. */
function notificationText(reply: Reply): string {
  const first = reply.blocks[0];
  const lead = first?.type === "paragraph" ? first.text : (first?.items[0] ?? "");
  const plain = `${reply.title ? `${reply.title}: ` : ""}${lead}`
    .replace(/\*\*([^*]+)\*\*/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]+\)/g, "$1");
  return truncate(plain, LIMITS.notificationText) || "Beteiligungslotse";
}

/**
 * The core's reply as a Block Kit message: header, text, facts as fields, links, sources, "Meinten Sie …?"
 * choices, follow-up buttons and 👍/👎. Long replies are cut to Slack's limits, never refused.
 */
export function renderReply(reply: Reply): SlackMessage {
  const blocks: types.KnownBlock[] = [];
  if (reply.title) {
    blocks.push({
      type: "header",
      text: { type: "plain_text", text: truncate(reply.title, LIMITS.headerText), emoji: true },
    });
  }
  for (const block of reply.blocks) blocks.push(section(blockText(block)));
  if (reply.facts.length > 0) {
    blocks.push({
      type: "section",
      fields: reply.facts.slice(0, LIMITS.fields).map((fact) => ({
        type: "mrkdwn" as const,
        text: truncate(`*${escapeMrkdwn(fact.label)}*\n${escapeMrkdwn(fact.value)}`, LIMITS.fieldText),
      })),
    });
  }
  if (reply.links.length > 0) {
    blocks.push(section(reply.links.map((link) => `${mrkdwnLink(link.url, link.label)} →`).join("\n")));
  }
  if (reply.sources.length > 0 && reply.intent !== "section") blocks.push(sourcesContext(reply));

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
  if (reply.feedback) tail.push(...feedbackBlocks(reply.feedback.entryId, reply.language, index));

  // Text may be cut to make room for the buttons, never the other way round.
  const room = LIMITS.blocks - tail.length;
  return { text: notificationText(reply), blocks: [...blocks.slice(0, room), ...tail] };
}
