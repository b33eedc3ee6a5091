import type { z } from "zod";
import { decodeRecord } from "../../state/codec.js";
import type { ConversationState } from "../../state/types.js";

/**
 * A multi-turn flow keeps its own state in a namespaced slot of the conversation state, validated on the
 * way back in: a damaged or outdated slot counts as absent, and one flow never reads another's.
 */
export function readSlot<T>(state: ConversationState, name: string, schema: z.ZodType<T>): T | undefined {
  const raw = state.dialogues?.[name];
  return raw === undefined ? undefined : decodeRecord(schema, JSON.stringify(raw));
}

export function withSlot(state: ConversationState, name: string, value: unknown): ConversationState {
  const others = Object.fromEntries(Object.entries(state.dialogues ?? {}).filter(([key]) => key !== name));
  const dialogues = value === undefined ? others : { ...others, [name]: value };
  return { ...state, dialogues: Object.keys(dialogues).length > 0 ? dialogues : undefined };
}
