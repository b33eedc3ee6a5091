import type { Language } from "../../knowledge/types.js";

const UNITS = {
  de: {
    day: ["Tag", "Tage"],
    hour: ["Stunde", "Stunden"],
    minute: ["Minute", "Minuten"],
    second: ["Sekunde", "Sekunden"],
  },
  en: {
    day: ["day", "days"],
    hour: ["hour", "hours"],
    minute: ["minute", "minutes"],
    second: ["second", "seconds"],
  },
} as const;

/** "24 Stunden", "365 days", "60 Sekunden": days from three days on, else the largest whole unit. */
export function durationText(seconds: number, language: Language): string {
  const units = UNITS[language];
  const [count, unit] =
    seconds >= 3 * 86_400 && seconds % 86_400 === 0
      ? [seconds / 86_400, units.day]
      : seconds % 3_600 === 0
        ? [seconds / 3_600, units.hour]
        : seconds % 60 === 0
          ? [seconds / 60, units.minute]
          : [seconds, units.second];
  return `${String(count)} ${unit[count === 1 ? 0 : 1]}`;
}

const de = {
  title: "Datenschutz: was der Lotse speichert",
  intro: "Gespeichert wird nur, was das Gespräch braucht – keine Nachrichtentexte, keine Namen:",
  state: (kept: string) =>
    `Gesprächskontext dieses Chats (zuletzt gezeigter Eintrag, Sprache, angebotene Schaltflächen, Stand der Methodensuche), unter einem Pseudonym der Chat-Kennung; gelöscht ${kept} nach der letzten Nachricht.`,
  votes: (kept: string) =>
    `Ihre 👍/👎 zählen ohne Personenbezug je Eintrag; damit jede Person je Eintrag nur einmal zählt, wird ein Pseudonym aus Plattform, Nutzerkennung und Eintrag ${kept} lang aufbewahrt.`,
  limits: (kept: string) =>
    `Für die Begrenzung zu vieler Nachrichten ein Zähler unter einem Pseudonym Ihrer Kennung, ${kept} lang.`,
  tips: (kept: string) =>
    `Wenn in diesem Chat der Tipp der Woche abonniert ist: die Zustelladresse dieses Chats, Zeitplan, Fortschritt und ein Pseudonym der Person, die abonniert hat, bis ${kept} nach der letzten Zustellung; „Tipp abbestellen“ beendet das sofort.`,
  redis: "Alles liegt in der Redis-Datenbank dieses Dienstes, die alle seine Instanzen teilen.",
  memory: "Alles liegt nur im Arbeitsspeicher dieses Servers und ist nach einem Neustart fort.",
  logs: "Die Protokolle enthalten keine Nachrichtentexte, keine Namen und keine Schlüssel.",
  deletion:
    "Mit „Daten löschen“ löschen Sie sofort den Gesprächskontext dieses Chats, die Prüfwerte Ihrer Stimmen und ein Abonnement des Tipps der Woche, das Sie in diesem Chat angelegt haben.",
  deleteButton: "Daten löschen",
  deletedTitle: "Gelöscht",
  deleted:
    "Gelöscht sind der Gesprächskontext dieses Chats und die Prüfwerte Ihrer Stimmen – Ihre nächste Stimme zählt wieder. Die Zählungen je Eintrag bleiben; sie nennen niemanden.",
  subscriptionEnded:
    "Auch das Abonnement des Tipps der Woche in diesem Chat, das Sie angelegt haben, ist beendet.",
  subscriptionKept:
    "Das Abonnement des Tipps der Woche in diesem Chat hat jemand anderes angelegt; es bleibt, bis jemand „Tipp abbestellen“ schreibt.",
  window: (window: string) => `Der Zähler der Nachrichtenbegrenzung läuft nach ${window} von selbst ab.`,
  notDeletedTitle: "Nicht gelöscht",
  notDeleted:
    "Der Speicher des Lotsen ist gerade nicht erreichbar, deshalb konnte nicht alles gelöscht werden. Bitte versuchen Sie es gleich noch einmal.",
};

const en: typeof de = {
  title: "Privacy: what the assistant keeps",
  intro: "Only what the conversation needs is kept – no message text, no names:",
  state: (kept) =>
    `This chat's conversation context (the entry shown last, the language, the buttons offered, where the method finder stands), under a pseudonym of the chat's id; deleted ${kept} after the last message.`,
  votes: (kept) =>
    `Your 👍/👎 are counted per entry without reference to you; so that each person counts once per entry, a pseudonym of platform, user id and entry is kept for ${kept}.`,
  limits: (kept) => `To limit floods of messages, a counter under a pseudonym of your id, for ${kept}.`,
  tips: (kept) =>
    `If this chat subscribed to the weekly tip: this chat's delivery address, the schedule, the progress and a pseudonym of the person who subscribed, until ${kept} after the last delivery; "unsubscribe tip" ends it at once.`,
  redis: "All of it is kept in this service's Redis database, which all its instances share.",
  memory: "All of it is kept only in this server's memory and is gone after a restart.",
  logs: "The logs contain no message text, no names and no keys.",
  deletion:
    '"Delete my data" deletes at once this chat\'s conversation context, the check values of your votes and a weekly tip subscription you created in this chat.',
  deleteButton: "Delete my data",
  deletedTitle: "Deleted",
  deleted:
    "This chat's conversation context and the check values of your votes are deleted – your next vote counts again. The counts per entry stay; they name nobody.",
  subscriptionEnded: "The weekly tip subscription you created in this chat has ended too.",
  subscriptionKept:
    'Someone else created the weekly tip subscription in this chat; it stays until someone writes "unsubscribe tip".',
  window: (window) => `The rate limit's counter expires by itself after ${window}.`,
  notDeletedTitle: "Not deleted",
  notDeleted:
    "The assistant's storage cannot be reached just now, so not everything could be deleted. Please try again in a moment.",
};

export function privacyMessagesFor(language: Language): typeof de {
  return language === "de" ? de : en;
}
