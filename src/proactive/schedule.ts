import { CronExpressionParser } from "cron-parser";
import type { WeeklySchedule } from "../core/subscriptions.js";

/** The schedule as a cron pattern for BullMQ's job scheduler: minute, hour, any day, any month, weekday. */
export function cronPattern(schedule: WeeklySchedule): string {
  return `${schedule.minute} ${schedule.hour} * * ${schedule.weekday % 7}`;
}

/** The local calendar date and weekday of a moment in a time zone. */
function localDate(
  at: Date,
  timeZone: string,
): { year: number; month: number; day: number; weekday: number } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    weekday: "short",
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
  return {
    year: Number(part("year")),
    month: Number(part("month")),
    day: Number(part("day")),
    weekday: weekdays.indexOf(part("weekday")) + 1,
  };
}

/**
 * The week a moment falls in, in the subscription's time zone, as the date of its Monday ("2026-12-07"):
 * each subscription gets one tip per such week.
 */
export function weekOf(at: Date, timeZone: string): string {
  const { year, month, day, weekday } = localDate(at, timeZone);
  const monday = new Date(Date.UTC(year, month - 1, day - (weekday - 1)));
  return monday.toISOString().slice(0, 10);
}

/** The first occurrence of the schedule strictly after `after`, with the time zone's summer time. */
export function nextMoment(schedule: WeeklySchedule, timeZone: string, after: Date): Date {
  const expression = CronExpressionParser.parse(cronPattern(schedule), { currentDate: after, tz: timeZone });
  return expression.next().toDate();
}

/**
 * The schedule's moment in the week of `at` (Monday 00:00 to Sunday 24:00 local time). Found as the first
 * occurrence after the last moment of the week before, so that it always lies in that week.
 */
export function momentInWeekOf(schedule: WeeklySchedule, timeZone: string, at: Date): Date {
  const week = weekOf(at, timeZone);
  // Before the local Monday 00:00 whatever the zone's offset (at most ±14 h); occurrences that still fall
  // into the week before are skipped.
  const probe = new Date(new Date(`${week}T00:00:00Z`).getTime() - 15 * 60 * 60 * 1000);
  for (
    let moment = nextMoment(schedule, timeZone, probe);
    ;
    moment = nextMoment(schedule, timeZone, moment)
  ) {
    if (weekOf(moment, timeZone) === week) return moment;
    // Only a bound on the loop: cron-parser puts a skipped time (02:30 when summer time starts) at 03:30,
    // so every week has its occurrence.
    if (moment.getTime() > at.getTime() + 8 * 24 * 60 * 60 * 1000) return moment;
  }
}

/** Whether a time zone name is one the runtime knows ("Europe/Berlin"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
