import { createHash } from "node:crypto";

export type Half = "tuning" | "held-out";

/**
 * Every question and dialogue belongs to one half for good, by a hash of its (first) text: the tuning half
 * may be looked at to improve the bot, the held-out half is only measured.
 */
export function halfOf(text: string): Half {
  const byte = createHash("sha256").update(text).digest()[0] ?? 0;
  return byte % 2 === 0 ? "tuning" : "held-out";
}
