import type { Entry } from "../knowledge/types.js";
import { messagesFor, SECTION_LABELS } from "./messages.js";
import { commandSuggestion, emptyReply, entryReply, paragraph, type ReplyContext } from "./replies.js";
import {
  dateText,
  scheduleText,
  subscriptionMessagesFor,
  weekdayName,
  pauseReasonText,
} from "./subscription-messages.js";
import type { Place, SubscriptionStatus, WeeklySchedule } from "./subscriptions.js";
import type { Language, Reply, Suggestion } from "./types.js";

export function subscribeSuggestion(schedule: WeeklySchedule, language: Language): Suggestion {
  const label = subscriptionMessagesFor(language).subscribeButton(weekdayName(schedule.weekday, language));
  return commandSuggestion(label, "subscribe");
}

function unsubscribeSuggestion(language: Language): Suggestion {
  return commandSuggestion(subscriptionMessagesFor(language).unsubscribeButton, "unsubscribe");
}

function statusSuggestion(language: Language): Suggestion {
  return commandSuggestion(subscriptionMessagesFor(language).statusButton, "subscription-status");
}

function subscriptionReply(language: Language, title: string, texts: string[], shared: boolean): Reply {
  return {
    ...emptyReply("subscription", "info", language),
    title,
    body: texts.map(paragraph),
    ...(shared ? { audience: "place" as const } : {}),
  };
}

/** The place has no subscription: say so, and offer one. */
function notSubscribedReply(place: Place, language: Language, schedule: WeeklySchedule): Reply {
  const messages = subscriptionMessagesFor(language);
  return {
    ...subscriptionReply(language, messages.statusTitle, [messages.notSubscribed(place.kind)], false),
    suggestions: [subscribeSuggestion(schedule, language)],
  };
}

export function subscribedReply(
  status: SubscriptionStatus,
  place: Place,
  userName: string | undefined,
  context: ReplyContext,
): Reply {
  const { language } = context;
  const messages = subscriptionMessagesFor(language);
  const when = scheduleText(status.schedule, status.timeZone, language);
  const first = status.nextAt ? dateText(status.nextAt, status.timeZone, language) : "";
  const shared = place.kind !== "personal";
  const text = shared
    ? messages.subscribedShared(userName, place.kind, when, first)
    : messages.subscribedPersonal(when, first);
  return {
    ...subscriptionReply(language, messages.subscribedTitle, [text, messages.howToStop], shared),
    suggestions: [unsubscribeSuggestion(language), statusSuggestion(language)],
  };
}

export function unsubscribedReply(
  existed: boolean,
  place: Place,
  userName: string | undefined,
  context: ReplyContext,
  schedule: WeeklySchedule,
): Reply {
  const { language } = context;
  const messages = subscriptionMessagesFor(language);
  if (!existed) return notSubscribedReply(place, language, schedule);
  const shared = place.kind !== "personal";
  const text = shared ? messages.unsubscribedShared(userName, place.kind) : messages.unsubscribedPersonal;
  return {
    ...subscriptionReply(language, messages.unsubscribedTitle, [text], shared),
    suggestions: [subscribeSuggestion(schedule, language)],
  };
}

export function statusReply(
  status: SubscriptionStatus | undefined,
  place: Place,
  context: ReplyContext,
  schedule: WeeklySchedule,
): Reply {
  const { language } = context;
  const messages = subscriptionMessagesFor(language);
  if (!status) return notSubscribedReply(place, language, schedule);
  const texts = [messages.status(place.kind, scheduleText(status.schedule, status.timeZone, language))];
  if (status.pausedBecause)
    texts.push(messages.statusPaused(pauseReasonText(status.pausedBecause, language)));
  else if (status.nextAt) texts.push(messages.statusNext(dateText(status.nextAt, status.timeZone, language)));
  texts.push(messages.statusCount(status.tipsSent));
  return {
    ...subscriptionReply(language, messages.statusTitle, texts, false),
    suggestions: status.pausedBecause
      ? [subscribeSuggestion(status.schedule, language), unsubscribeSuggestion(language)]
      : [unsubscribeSuggestion(language)],
  };
}

/** Where the bot cannot write on its own: say where the weekly tip exists, and show this week's. */
export function notHereReply(tip: Reply | undefined, context: ReplyContext): Reply {
  const messages = subscriptionMessagesFor(context.language);
  if (!tip || tip.outcome !== "answered") {
    return subscriptionReply(context.language, messages.statusTitle, [messages.notHereNothing], false);
  }
  return { ...tip, intent: "subscription", body: [paragraph(messages.notHere), ...tip.body] };
}

export function invalidTimeReply(given: string, context: ReplyContext): Reply {
  const messages = subscriptionMessagesFor(context.language);
  return subscriptionReply(context.language, messages.statusTitle, [messages.invalidTime(given)], false);
}

export function storeFailedReply(context: ReplyContext): Reply {
  const messages = subscriptionMessagesFor(context.language);
  return subscriptionReply(context.language, messages.statusTitle, [messages.storeFailed], false);
}

/**
 * The tip the bot posts on its own: rendered like an answer, headed "Tipp der Woche", with the way to act
 * on it ("So gehen Sie vor", "Warum?"), the publication and a way out.
 */
export function weeklyTipReply(
  tip: Entry,
  context: ReplyContext,
  schedule: WeeklySchedule,
  timeZone: string,
): Reply {
  const { language } = context;
  const messages = subscriptionMessagesFor(language);
  const answer = entryReply(tip, context, { intent: "tip" });
  const sections = (["how", "why"] as const).filter((section) => tip.sections[language][section]);
  return {
    ...answer,
    title: messages.weeklyTitle(tip.title[language]),
    body: [
      paragraph(tip.summary[language]),
      paragraph(messages.weeklyFooter(scheduleText(schedule, timeZone, language))),
      {
        type: "links",
        links: [{ label: messagesFor(language).publicationLink, url: context.publicationUrl }],
      },
      ...(tip.sources.length > 0 ? [{ type: "sources" as const, sources: tip.sources }] : []),
    ],
    suggestions: [
      ...sections.map((section) => ({
        label: SECTION_LABELS[language][section],
        action: { type: "section" as const, entryId: tip.id, section },
      })),
      unsubscribeSuggestion(language),
    ],
    feedback: undefined,
    audience: "place",
  };
}
