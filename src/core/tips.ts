import type { Entry } from "../knowledge/types.js";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
/** A Monday, so that weeks counted from it start on Mondays. */
const EPOCH_MONDAY = Date.UTC(2024, 0, 1);

/** Weeks since a fixed Monday: everyone sees the same tip of the week. */
export function weekNumber(now: Date): number {
  return Math.floor((now.getTime() - EPOCH_MONDAY) / WEEK_MS);
}

/**
 * The tip to show: the week's tip first, then the next one in a fixed order each time more are asked for.
 */
export function nextTip(
  recommendations: readonly Entry[],
  lastTipId: string | undefined,
  now: Date,
): Entry | undefined {
  if (recommendations.length === 0) return undefined;
  const ordered = [...recommendations].sort((a, b) => a.id.localeCompare(b.id));
  const last = lastTipId ? ordered.findIndex((entry) => entry.id === lastTipId) : -1;
  const index = last >= 0 ? last + 1 : weekNumber(now);
  return ordered[((index % ordered.length) + ordered.length) % ordered.length];
}
