import { createHash } from "node:crypto";
import type { Entry } from "../knowledge/types.js";

/** A stable pseudo-random rank of a string for one subscription: its own order, the same every week. */
function rank(seed: string, value: string): string {
  return createHash("sha256").update(`${seed}\u0000${value}`).digest("hex");
}

/**
 * The order in which a subscription gets the recommendations: topics take turns (one recommendation of
 * each, then the next of each …), and both the topics and the recommendations within them are shuffled
 * by the subscription's id. Entries added later simply take their place in this order.
 */
export function rotationOrder(recommendations: readonly Entry[], seed: string): Entry[] {
  const byTopic = new Map<string, Entry[]>();
  for (const entry of recommendations) {
    const topic = entry.topic ?? "";
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), entry]);
  }
  const topics = [...byTopic.keys()].sort((a, b) => rank(seed, a).localeCompare(rank(seed, b)));
  const queues = topics.map((topic) =>
    (byTopic.get(topic) ?? []).sort((a, b) => rank(seed, a.id).localeCompare(rank(seed, b.id))),
  );
  const order: Entry[] = [];
  for (let round = 0; order.length < recommendations.length; round++) {
    for (const queue of queues) {
      const entry = queue[round];
      if (entry) order.push(entry);
    }
  }
  return order;
}

/**
 * The next recommendation for a subscription and its cycle afterwards: the first in its order not yet
 * sent in this cycle; once all have been sent, the cycle starts over. Ids no longer in the knowledge
 * base are ignored.
 */
export function nextInRotation(
  recommendations: readonly Entry[],
  seed: string,
  cycle: readonly string[],
): { tip: Entry; cycle: string[] } | undefined {
  const order = rotationOrder(recommendations, seed);
  if (order.length === 0) return undefined;
  const sent = new Set(cycle);
  const known = cycle.filter((id) => order.some((entry) => entry.id === id));
  const tip = order.find((entry) => !sent.has(entry.id));
  if (tip) return { tip, cycle: [...known, tip.id] };
  const first = order[0];
  return first ? { tip: first, cycle: [first.id] } : undefined;
}
