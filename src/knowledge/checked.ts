import { z } from "zod";
import { problem, type Problem } from "./problems.js";
import type { Entry } from "./types.js";

/** `checked: 2026-12`: the month an entry's facts were last checked against its sources. */
export const checkedMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/** The current month as `YYYY-MM`, in UTC so that the check does not depend on the machine's zone. */
export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** A month written correctly but not yet reached cannot be the month of a check that happened. */
export function isFutureMonth(month: string, now: Date): boolean {
  return month > monthOf(now);
}

/**
 * Entries never checked against their sources. These are warnings for the checker only: the bot answers
 * from unchecked entries as before, and its start-up log should not list every one of them.
 */
export function auditProblems(entries: readonly Entry[]): Problem[] {
  return entries
    .filter((entry) => entry.checked === undefined)
    .map((entry) => problem("warning", entry.file, "unchecked", { field: "checked", line: 1 }));
}
