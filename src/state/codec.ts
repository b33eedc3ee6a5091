import { z } from "zod";
import type { ConversationState } from "./types.js";

const language = z.enum(["de", "en"]);
/** How many of a „Meinten Sie …?"'s choices are remembered. */
export const MAX_UNDECIDED = 3;

/** Stored state is validated on the way back in: a damaged or outdated record becomes an empty state. */
const stateSchema = z.object({
  preferredLanguage: language.optional(),
  lastLanguage: language.optional(),
  lastEntryId: z.string().max(100).optional(),
  previousEntryId: z.string().max(100).optional(),
  offered: z.array(z.unknown()).max(40).optional(),
  undecided: z.array(z.string().max(100)).max(MAX_UNDECIDED).optional(),
  lastAction: z.unknown().optional(),
  dialogues: z.record(z.string().max(40), z.unknown()).optional(),
  lastTipId: z.string().max(100).optional(),
});

export function encodeState(state: ConversationState): string {
  return JSON.stringify(state);
}

/** A stored JSON record read back through its schema; a damaged or outdated one counts as absent. */
export function decodeRecord<T>(schema: z.ZodType<T>, raw: string | null | undefined): T | undefined {
  if (raw === null || raw === undefined) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function decodeState(raw: string | null | undefined): ConversationState | undefined {
  return decodeRecord(stateSchema, raw);
}
