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
 * The buttons a text-only channel shows as numbers, in the order the core reads a typed number back
 * ("2" picks the second): the choices first, then the follow-ups.
 */
export function numberedActions(reply: Pick<Reply, "choices" | "suggestions">): Suggestion[] {
  return [...reply.choices, ...reply.suggestions];
}
