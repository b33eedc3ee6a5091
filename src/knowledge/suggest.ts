import { editDistance } from "../search/edit-distance.js";

/**
 * The candidate closest to what an editor wrote, if it is close enough to be a typo: a suggestion far
 * from the input would mislead more than it helps.
 */
export function nearest(input: string, candidates: readonly string[]): string | undefined {
  const wanted = input.trim().toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const tolerance = Math.max(1, Math.floor(wanted.length / 3));
  return bestDistance <= tolerance && best !== input.trim() ? best : undefined;
}
