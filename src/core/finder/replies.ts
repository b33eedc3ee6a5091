import type { Entry } from "../../knowledge/types.js";
import { conversationMessagesFor } from "../conversation-messages.js";
import { VALUE_LABELS } from "../messages.js";
import { emptyReply, paragraph, type ReplyContext } from "../replies.js";
import { ANY, type FinderQuestion, type Reply, type Suggestion } from "../types.js";
import type { Constraints } from "./constraints.js";
import { purposesOf, type RankedMethod } from "./rank.js";

/** Methods offered at once; more would not fit a row of buttons. */
export const MAX_METHODS = 5;

function methodChoice(entry: Entry, context: ReplyContext): Suggestion {
  return { label: entry.title[context.language], action: { type: "entry", entryId: entry.id } };
}

/** What the user asked for, as one line ("30 Teilnehmende · online · Ideen sammeln"). */
export function criteriaText(constraints: Constraints, context: ReplyContext): string {
  const messages = conversationMessagesFor(context.language);
  const values = VALUE_LABELS[context.language];
  const parts: string[] = [];
  if (constraints.people !== undefined) parts.push(messages.criteria.people(constraints.people));
  if (constraints.time) parts.push(messages.durationClass[constraints.time]);
  if (constraints.format) parts.push(messages.reason.format[constraints.format]);
  if (constraints.selection) parts.push(values.selection[constraints.selection]);
  for (const purpose of purposesOf(constraints)) parts.push(messages.purpose[purpose]);
  if (constraints.lowCost) parts.push(messages.reason.cost);
  if (constraints.level) parts.push(values.level[constraints.level]);
  return parts.join(" · ");
}

/** "**World Café** – 15 Teilnehmende passen (ab 12) · vor Ort · nicht: mehrere Wochen" */
function methodLine({ entry, reasons, unmet }: RankedMethod, context: ReplyContext): string {
  const messages = conversationMessagesFor(context.language);
  const why =
    reasons.length > 0 ? reasons.join(" · ") : entry.summary[context.language].split(/(?<=[.!?])\s/)[0];
  const missing = unmet.length > 0 ? ` · ${messages.unmet(unmet.join(", "))}` : "";
  return `**${entry.title[context.language]}** – ${why}${missing}`;
}

/**
 * A ranked list of methods, each with why it fits, and the methods as choices, best first. Used for the
 * finder's result and for alternatives to the method in view.
 */
export function methodListReply(
  ranked: readonly RankedMethod[],
  context: ReplyContext,
  options: { intent: "find" | "alternatives"; title: string; intro: string; suggestions: Suggestion[] },
): Reply {
  const messages = conversationMessagesFor(context.language);
  const shown = ranked.slice(0, MAX_METHODS);
  const [first, second] = shown;
  if (!first) {
    return {
      ...emptyReply(options.intent, "info", context.language),
      title: options.title,
      body: [paragraph(messages.finderNone)],
      suggestions: options.suggestions,
    };
  }
  return {
    ...emptyReply(options.intent, "answered", context.language),
    entryId: first.entry.id,
    entryIds: shown.map((method) => method.entry.id),
    title: options.title,
    body: [
      paragraph(options.intro),
      // Say so when even the best method misses a wish, rather than let the list pretend it fits.
      ...(first.unmet.length > 0 ? [paragraph(messages.finderPartly)] : []),
      {
        type: "list",
        ordered: true,
        items: shown.map((method) => methodLine(method, context)),
      },
    ],
    choices: shown.map(({ entry }) => methodChoice(entry, context)),
    suggestions: [
      ...(second
        ? [
            {
              label: `${first.entry.title[context.language]} ↔ ${second.entry.title[context.language]}`,
              action: {
                type: "compare" as const,
                entryIds: [first.entry.id, second.entry.id] as [string, string],
              },
            },
          ]
        : []),
      ...options.suggestions,
    ],
  };
}

/** The answers offered as buttons for each question of the finder; "any" leaves it open. */
function answerChoices(question: FinderQuestion, context: ReplyContext): Suggestion[] {
  const messages = conversationMessagesFor(context.language);
  const answer = (label: string, value: string): Suggestion => ({
    label,
    action: { type: "find", question, value },
  });
  const choices: Suggestion[] = (() => {
    switch (question) {
      case "purpose":
        return (
          ["ideas", "recommendations", "feedback", "conflict", "vision", "decision", "budget"] as const
        ).map((purpose) => answer(messages.purpose[purpose], purpose));
      case "size":
        return [
          answer(messages.sizeAnswers.small, "15"),
          answer(messages.sizeAnswers.medium, "50"),
          answer(messages.sizeAnswers.large, "250"),
          answer(messages.sizeAnswers.huge, "1000"),
        ];
      case "format":
        return (["presence", "online", "hybrid"] as const).map((format) =>
          answer(messages.formatAnswers[format], format),
        );
      case "time":
        return (["hours", "days", "weeks", "months"] as const).map((time) =>
          answer(messages.durationClass[time], time),
        );
    }
  })();
  return [...choices, answer(messages.any, ANY)];
}

export function finderQuestionReply(
  question: FinderQuestion,
  step: number,
  maxQuestions: number,
  constraints: Constraints,
  context: ReplyContext,
): Reply {
  const messages = conversationMessagesFor(context.language);
  const criteria = criteriaText(constraints, context);
  return {
    ...emptyReply("find", "info", context.language),
    title: messages.finderTitle,
    body: [
      ...(criteria ? [paragraph(messages.finderIntro(criteria))] : []),
      paragraph(`**${messages.question[question]}**`),
      paragraph(messages.questionHint(step, maxQuestions)),
    ],
    choices: answerChoices(question, context),
  };
}
