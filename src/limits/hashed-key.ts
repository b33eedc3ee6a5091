import { createHash } from "node:crypto";

/** Limits and votes are filed under a hash: neither Redis nor memory holds a platform's user id. */
export function hashedKey(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 32);
}
