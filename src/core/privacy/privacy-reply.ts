import { emptyReply, paragraph, type ReplyContext } from "../replies.js";
import type { Reply, Suggestion } from "../types.js";
import { durationText, privacyMessagesFor } from "./privacy-messages.js";
import type { StorageFacts } from "./storage-facts.js";
import type { OwnSubscription } from "../subscriptions.js";

type Messages = ReturnType<typeof privacyMessagesFor>;

/** The button that deletes: a command, so that nothing is deleted on a misread message. */
function deleteSuggestion(messages: Messages): Suggestion {
  return { label: messages.deleteButton, action: { type: "command", command: "forget" } };
}

/**
 * „Datenschutz“, „Was speicherst du über mich?“: what is kept for this conversation and user, for how
 * long and where, from the deployment's configuration. Asked to delete („Vergiss mich“), it offers the
 * deletion as a button, so that nothing goes on a misread message.
 */
export function privacyReply(facts: StorageFacts, context: ReplyContext, askedToDelete: boolean): Reply {
  const { language } = context;
  const messages = privacyMessagesFor(language);
  const kept = (seconds: number) => durationText(seconds, language);
  const items = [
    messages.state(kept(facts.stateTtlSeconds)),
    messages.votes(kept(facts.voteTtlSeconds)),
    ...(facts.rateLimitWindowSeconds > 0 ? [messages.limits(kept(facts.rateLimitWindowSeconds))] : []),
    messages.tips(kept(facts.tipSubscriptionTtlSeconds)),
  ];
  return {
    ...emptyReply("privacy", "info", language),
    title: messages.title,
    body: [
      ...(askedToDelete ? [paragraph(messages.deletion)] : []),
      paragraph(messages.intro),
      { type: "list", ordered: false, items },
      paragraph(messages[facts.where]),
      paragraph(messages.logs),
    ],
    suggestions: askedToDelete ? [deleteSuggestion(messages)] : [],
  };
}

/** After „Daten löschen“: what was deleted, and what expires or stays. */
export function forgottenReply(
  facts: StorageFacts,
  context: ReplyContext,
  subscription: OwnSubscription,
): Reply {
  const { language } = context;
  const messages = privacyMessagesFor(language);
  const window = facts.rateLimitWindowSeconds;
  const notes = [
    ...(subscription === "ended" ? [messages.subscriptionEnded] : []),
    ...(subscription === "kept" ? [messages.subscriptionKept] : []),
    ...(window > 0 ? [messages.window(durationText(window, language))] : []),
  ];
  return {
    ...emptyReply("privacy", "info", language),
    title: messages.deletedTitle,
    body: [paragraph(messages.deleted), ...notes.map(paragraph)],
  };
}

/** The store failed during „Daten löschen“: nothing is claimed, and the button is offered again. */
export function notForgottenReply(context: ReplyContext): Reply {
  const messages = privacyMessagesFor(context.language);
  return {
    ...emptyReply("privacy", "info", context.language),
    title: messages.notDeletedTitle,
    body: [paragraph(messages.notDeleted)],
    suggestions: [deleteSuggestion(messages)],
  };
}
