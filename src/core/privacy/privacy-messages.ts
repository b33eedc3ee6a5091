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
    `Gesprächskontext dieses Chats (zuletzt gezeigter Eintrag, Sprache, angebotene Schaltflächen, Stand der Methodensuche), unter einem Hash der Chat-Kennung; gelöscht ${kept} nach der letzten Nachricht.`,
  votes: (kept: string) =>
    `Ihre 👍/👎 zählen ohne Personenbezug je Eintrag; damit jede Person je Eintrag nur einmal zählt, wird ein Hash aus Plattform, Nutzerkennung und Eintrag ${kept} lang aufbewahrt.`,
  limits: (kept: string) =>
    `Für die Begrenzung zu vieler Nachrichten ein Zähler unter einem Hash Ihrer Kennung, ${kept} lang.`,
  tips: (kept: string) =>
    `Wenn in diesem Chat der Tipp der Woche abonniert ist: der Ort, an den er geht, Zeitplan und Fortschritt, bis ${kept} nach der letzten Zustellung; „Tipp abbestellen“ beendet das sofort.`,
  address:
    "In Microsoft Teams zusätzlich die Zustelladresse dieses Chats, damit der Bot von sich aus schreiben kann (Tipp der Woche); sie läuft von selbst ab, wenn der Chat länger nicht genutzt wird, und bleibt beim Löschen bestehen.",
  redis: "Alles liegt in der Redis-Datenbank dieses Dienstes, die alle seine Instanzen teilen.",
  memory: "Alles liegt nur im Arbeitsspeicher dieses Servers und ist nach einem Neustart fort.",
  logs: "Die Protokolle enthalten keine Nachrichtentexte, keine Namen und keine Schlüssel.",
  deletion:
    "Mit „Daten löschen“ löschen Sie den Gesprächskontext dieses Chats und die Prüfwerte Ihrer Stimmen sofort. Ein Abonnement des Tipps der Woche beenden Sie mit „Tipp abbestellen“.",
  deleteButton: "Daten löschen",
  deletedTitle: "Gelöscht",
  deleted:
    "Gelöscht sind der Gesprächskontext dieses Chats und die Prüfwerte Ihrer Stimmen – Ihre nächste Stimme zählt wieder. Die Zählungen je Eintrag bleiben; sie nennen niemanden.",
  remaining: (window: string | undefined) =>
    `${window ? `Der Zähler der Nachrichtenbegrenzung läuft nach ${window} ab. ` : ""}Ein Abonnement des Tipps der Woche in diesem Chat bleibt, bis Sie „Tipp abbestellen“ schreiben.`,
};

const en: typeof de = {
  title: "Privacy: what the assistant keeps",
  intro: "Only what the conversation needs is kept – no message text, no names:",
  state: (kept) =>
    `This chat's conversation context (the entry shown last, the language, the buttons offered, where the method finder stands), under a hash of the chat's id; deleted ${kept} after the last message.`,
  votes: (kept) =>
    `Your 👍/👎 are counted per entry without reference to you; so that each person counts once per entry, a hash of platform, user id and entry is kept for ${kept}.`,
  limits: (kept) => `To limit floods of messages, a counter under a hash of your id, for ${kept}.`,
  tips: (kept) =>
    `If this chat subscribed to the weekly tip: where it goes, its schedule and progress, until ${kept} after the last delivery; "unsubscribe tip" ends it at once.`,
  address:
    "In Microsoft Teams also this chat's delivery address, so that the bot can write on its own (the weekly tip); it expires by itself when the chat is not used for a while, and is not removed by a deletion.",
  redis: "All of it is kept in this service's Redis database, which all its instances share.",
  memory: "All of it is kept only in this server's memory and is gone after a restart.",
  logs: "The logs contain no message text, no names and no keys.",
  deletion:
    '"Delete my data" deletes this chat\'s conversation context and the check values of your votes at once. A weekly tip subscription ends with "unsubscribe tip".',
  deleteButton: "Delete my data",
  deletedTitle: "Deleted",
  deleted:
    "This chat's conversation context and the check values of your votes are deleted – your next vote counts again. The counts per entry stay; they name nobody.",
  remaining: (window) =>
    `${window ? `The rate limit's counter expires after ${window}. ` : ""}A weekly tip subscription in this chat stays until you write "unsubscribe tip".`,
};

export function privacyMessagesFor(language: Language): typeof de {
  return language === "de" ? de : en;
}
