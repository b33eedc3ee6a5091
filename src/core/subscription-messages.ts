import type { Language } from "../knowledge/types.js";
import type { PlaceKind, WeeklySchedule } from "./subscriptions.js";

const WEEKDAY_NAMES: Record<Language, string[]> = {
  de: ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
  en: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
};

export function weekdayName(weekday: number, language: Language): string {
  return WEEKDAY_NAMES[language][weekday - 1] ?? "";
}

function clock(schedule: WeeklySchedule): string {
  return `${String(schedule.hour).padStart(2, "0")}:${String(schedule.minute).padStart(2, "0")}`;
}

/** "jeden Freitag um 14:00 Uhr (Europe/Berlin)" / "every Friday at 14:00 (Europe/Berlin)". */
export function scheduleText(schedule: WeeklySchedule, timeZone: string, language: Language): string {
  const day = weekdayName(schedule.weekday, language);
  return language === "de"
    ? `jeden ${day} um ${clock(schedule)} Uhr (${timeZone})`
    : `every ${day} at ${clock(schedule)} (${timeZone})`;
}

/** A moment as people read it, in the subscription's time zone. */
export function dateText(date: Date, timeZone: string, language: Language): string {
  const formatted = new Intl.DateTimeFormat(language === "de" ? "de-DE" : "en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  }).format(date);
  return language === "de" ? `${formatted} Uhr` : formatted;
}

/** Why a platform stopped taking the tip, from the reason code its adapter gave. */
const PAUSE_REASONS: Record<Language, Record<string, string>> = {
  de: {
    not_in_channel: "ich bin nicht (mehr) Mitglied dieses Kanals",
    channel_not_found: "der Kanal wurde nicht gefunden",
    is_archived: "der Kanal ist archiviert",
    account_inactive: "die App hat keinen Zugang mehr zu diesem Workspace",
    token_revoked: "die App hat keinen Zugang mehr zu diesem Workspace",
    installation_missing: "die App ist in diesem Workspace nicht mehr installiert",
    forbidden: "ich darf in diese Unterhaltung nicht mehr schreiben",
    not_found: "die Unterhaltung besteht nicht mehr",
  },
  en: {
    not_in_channel: "I am not (or no longer) a member of this channel",
    channel_not_found: "the channel was not found",
    is_archived: "the channel is archived",
    account_inactive: "the app no longer has access to this workspace",
    token_revoked: "the app no longer has access to this workspace",
    installation_missing: "the app is no longer installed in this workspace",
    forbidden: "I may no longer write to this conversation",
    not_found: "the conversation no longer exists",
  },
};

export function pauseReasonText(reason: string, language: Language): string {
  return (
    PAUSE_REASONS[language][reason] ??
    (language === "de"
      ? "die Plattform nimmt meine Nachrichten nicht an"
      : "the platform refuses my messages")
  );
}

function where(kind: PlaceKind, language: Language): string {
  if (language === "de") return kind === "channel" ? "diesen Kanal" : "diesen Chat";
  return kind === "channel" ? "this channel" : "this chat";
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const SUBSCRIPTION_MESSAGES = {
  de: {
    subscribedTitle: "Tipp der Woche abonniert",
    subscribedPersonal: (when: string, first: string) =>
      `Sie haben den Tipp der Woche abonniert: Er kommt ${when}, zum ersten Mal am ${first}.`,
    subscribedShared: (name: string | undefined, kind: PlaceKind, when: string, first: string) =>
      `${name ? `${name} hat` : "Es wurde"} den Tipp der Woche für ${where(kind, "de")} abonniert. ` +
      `Er kommt ${when} hierher, zum ersten Mal am ${first}.`,
    howToStop:
      "Abbestellen können Sie ihn jederzeit mit „Tipp abbestellen“ oder mit dem Knopf unter jedem Tipp; „Tipp Status“ zeigt, wann der nächste kommt.",
    unsubscribedTitle: "Tipp der Woche abbestellt",
    unsubscribedPersonal: "Sie haben den Tipp der Woche abbestellt. Es kommen keine weiteren Tipps.",
    unsubscribedShared: (name: string | undefined, kind: PlaceKind) =>
      `${name ? `${name} hat` : "Es wurde"} den Tipp der Woche für ${where(kind, "de")} abbestellt. Es kommen keine weiteren Tipps.`,
    notSubscribed: (kind: PlaceKind) => `Für ${where(kind, "de")} ist kein Tipp der Woche abonniert.`,
    statusTitle: "Tipp der Woche",
    status: (kind: PlaceKind, when: string) =>
      `Für ${where(kind, "de")} ist der Tipp der Woche abonniert: ${when}.`,
    statusNext: (next: string) => `Der nächste Tipp kommt am ${next}.`,
    statusPaused: (reason: string) =>
      `Die Zustellung ist angehalten, weil ${reason}. Mit „Tipp abonnieren“ geht es weiter, sobald das behoben ist.`,
    statusCount: (count: number) =>
      count === 0 ? "Bisher wurde noch kein Tipp gesendet." : `Bisher gesendet: ${count}.`,
    notHere:
      "Den Tipp der Woche schicke ich in Slack und Microsoft Teams: Dort schreibe ich jede Woche von mir aus. Dieser Chat kann solche Nachrichten nicht empfangen – hier ist der Tipp dieser Woche:",
    notHereNothing:
      "In diesem Chat gibt es kein Abo: Den Tipp der Woche schicke ich in Slack und Microsoft Teams.",
    invalidTime: (given: string) =>
      `„${given}“ kann ich nicht als Uhrzeit lesen. Schreiben Sie zum Beispiel „Tipp abonnieren freitags 14 Uhr“.`,
    storeFailed:
      "Das Abo konnte gerade nicht gespeichert werden. Bitte versuchen Sie es in einem Moment noch einmal.",
    weeklyTitle: (title: string) => `Tipp der Woche: ${title}`,
    weeklyFooter: (when: string) => `Dieser Tipp kommt ${when}. „Tipp abbestellen“ beendet das Abo.`,
    subscribeButton: (weekday: string) => `Jeden ${weekday} als Tipp der Woche erhalten`,
    unsubscribeButton: "Tipp abbestellen",
    statusButton: "Tipp Status",
  },
  en: {
    subscribedTitle: "Subscribed to the tip of the week",
    subscribedPersonal: (when: string, first: string) =>
      `You have subscribed to the tip of the week: it comes ${when}, first on ${first}.`,
    subscribedShared: (name: string | undefined, kind: PlaceKind, when: string, first: string) =>
      `${name ?? "Someone"} subscribed ${where(kind, "en")} to the tip of the week. ` +
      `It comes here ${when}, first on ${first}.`,
    howToStop:
      "To stop it, write “unsubscribe” or use the button under each tip; “tip status” tells when the next one comes.",
    unsubscribedTitle: "Unsubscribed from the tip of the week",
    unsubscribedPersonal: "You have unsubscribed from the tip of the week. No more tips will come.",
    unsubscribedShared: (name: string | undefined, kind: PlaceKind) =>
      `${name ?? "Someone"} unsubscribed ${where(kind, "en")} from the tip of the week. No more tips will come.`,
    notSubscribed: (kind: PlaceKind) =>
      `${capitalised(where(kind, "en"))} has no subscription to the tip of the week.`,
    statusTitle: "Tip of the week",
    status: (kind: PlaceKind, when: string) =>
      `${capitalised(where(kind, "en"))} is subscribed to the tip of the week: ${when}.`,
    statusNext: (next: string) => `The next tip comes on ${next}.`,
    statusPaused: (reason: string) =>
      `Delivery is paused because ${reason}. Write “subscribe to the weekly tip” to resume once that is fixed.`,
    statusCount: (count: number) =>
      count === 0 ? "No tip has been sent yet." : `Tips sent so far: ${count}.`,
    notHere:
      "I send the tip of the week in Slack and Microsoft Teams, where I can write every week on my own. This chat cannot receive such messages – here is this week's tip:",
    notHereNothing: "This chat has no subscription: I send the tip of the week in Slack and Microsoft Teams.",
    invalidTime: (given: string) =>
      `I can't read “${given}” as a time of day. Try “subscribe weekly tip friday 2pm”.`,
    storeFailed: "The subscription could not be saved just now. Please try again in a moment.",
    weeklyTitle: (title: string) => `Tip of the week: ${title}`,
    weeklyFooter: (when: string) => `This tip comes ${when}. “Unsubscribe” ends the subscription.`,
    subscribeButton: (weekday: string) => `Get it every ${weekday} as the tip of the week`,
    unsubscribeButton: "Unsubscribe",
    statusButton: "Tip status",
  },
} satisfies Record<Language, unknown>;

export function subscriptionMessagesFor(language: Language) {
  return SUBSCRIPTION_MESSAGES[language];
}
