import type { WeeklySchedule } from "./subscriptions.js";

/** Weekday names, German and English, with the adverbial "-s" forms ("freitags", "fridays"). */
const WEEKDAYS: [RegExp, number][] = [
  [/^(montags?|mondays?|mon)$/, 1],
  [/^(dienstags?|tuesdays?|tue|tues)$/, 2],
  [/^(mittwochs?|wednesdays?|wed)$/, 3],
  [/^(donnerstags?|thursdays?|thu|thurs)$/, 4],
  [/^(freitags?|fridays?|fri)$/, 5],
  [/^(samstags?|sonnabends?|saturdays?|sat)$/, 6],
  [/^(sonntags?|sundays?|sun)$/, 7],
];

/**
 * A time of day: "14 Uhr", "14:30", "14.30 Uhr", "9h", "2pm", "2:30 pm", or a bare hour after "um"/"at".
 * Groups: hour, minute, suffix.
 */
const TIME =
  /(?:^|\s)(?:(?:um|at|gegen|ab)\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*(uhr|h|am|pm|a\.m\.|p\.m\.)?(?=\s|$|[,.!?])/gi;

export interface ScheduleWords {
  weekday?: number | undefined;
  hour?: number | undefined;
  minute?: number | undefined;
  /** A time that cannot be one ("25 Uhr", "13pm"). */
  invalid?: string | undefined;
  /** The text without the schedule's words. */
  rest: string;
}

function timeOf(hourText: string, minuteText: string | undefined, suffix: string | undefined) {
  let hour = Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  const meridiem = suffix?.toLowerCase().replace(/\./g, "");
  if (meridiem === "am" || meridiem === "pm") {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === "pm" ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return undefined;
  return { hour, minute };
}

/**
 * Finds a weekday and a time of day in a message ("Tipp abonnieren freitags 14 Uhr"). A number counts as
 * a time only with a sign that it is one (":30", "Uhr", "pm", "um"), so "Tipp 2" stays a number.
 */
export function findScheduleWords(text: string): ScheduleWords {
  const result: ScheduleWords = { rest: text };
  let rest = text;
  for (const match of text.matchAll(TIME)) {
    const [whole, hourText = "", minuteText, suffix] = match;
    const introduced = /^\s*(um|at|gegen|ab)\s/i.test(whole);
    if (minuteText === undefined && suffix === undefined && !introduced) continue;
    const time = timeOf(hourText, minuteText, suffix);
    if (!time) result.invalid = whole.trim();
    else if (result.hour === undefined) Object.assign(result, time);
    rest = rest.replace(whole, " ");
  }
  const words = rest.split(/\s+/).filter(Boolean);
  const kept: string[] = [];
  for (const word of words) {
    const plain = word.toLowerCase().replace(/[.,!?;:]+$/, "");
    const weekday = WEEKDAYS.find(([pattern]) => pattern.test(plain))?.[1];
    if (weekday !== undefined && result.weekday === undefined) result.weekday = weekday;
    else if (weekday === undefined) kept.push(word);
  }
  result.rest = kept.join(" ");
  return result;
}

/** The schedule a message asks for, filled up from the default. */
export function scheduleFrom(words: ScheduleWords, fallback: WeeklySchedule): WeeklySchedule {
  return {
    weekday: words.weekday ?? fallback.weekday,
    hour: words.hour ?? fallback.hour,
    minute: words.hour === undefined ? fallback.minute : (words.minute ?? 0),
  };
}

/** Reads a setting such as "monday 09:00" or "freitags 14 Uhr"; undefined when it is not one. */
export function parseScheduleSetting(value: string): WeeklySchedule | undefined {
  const words = findScheduleWords(value.trim());
  if (words.invalid || words.weekday === undefined || words.hour === undefined) return undefined;
  if (words.rest.trim() !== "") return undefined;
  return { weekday: words.weekday, hour: words.hour, minute: words.minute ?? 0 };
}
