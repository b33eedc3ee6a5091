import type { Element, Reply, Suggestion } from "./types.js";

/** The first words of a reply's body, for notifications and previews. */
export function leadOf(reply: Reply): string {
  for (const element of reply.body) {
    if (element.type === "paragraph") return element.text;
    if (element.type === "list" && element.items[0]) return element.items[0];
  }
  return "";
}

/** The body's elements of one kind, in order. */
export function elementsOf<K extends Element["type"]>(
  reply: Reply,
  type: K,
): Extract<Element, { type: K }>[] {
  return reply.body.filter((element): element is Extract<Element, { type: K }> => element.type === type);
}

/**
 * Every button of a reply, as a text-only channel shows them as numbers, in the order the core reads a
 * typed number back ("2" picks the second): the choices, the follow-ups, then the two votes.
 */
export function numberedActions(reply: Pick<Reply, "choices" | "suggestions" | "feedback">): Suggestion[] {
  return [...reply.choices, ...reply.suggestions, ...(reply.feedback?.votes ?? [])];
}
