import { z } from "zod";
import { SECTION_KEYS } from "../knowledge/types.js";
import { ATTRIBUTE_KEYS, COMMANDS, FINDER_QUESTIONS, type Action } from "./types.js";

const entryId = z.string().regex(/^[a-z0-9-]{1,100}$/);

/** Button payloads come back from clients and are untrusted: every adapter validates them with this. */
export const actionSchema: z.ZodType<Action> = z.discriminatedUnion("type", [
  z.object({ type: z.literal("entry"), entryId }),
  z.object({ type: z.literal("section"), entryId, section: z.enum([...SECTION_KEYS, "sources"]) }),
  z.object({ type: z.literal("attribute"), entryId, attribute: z.enum(ATTRIBUTE_KEYS) }),
  z.object({ type: z.literal("compare"), entryIds: z.tuple([entryId, entryId]) }),
  z.object({ type: z.literal("alternatives"), entryId }),
  z.object({
    type: z.literal("find"),
    question: z.enum(FINDER_QUESTIONS).optional(),
    value: z
      .string()
      .regex(/^[a-z0-9-]{1,20}$/)
      .optional(),
  }),
  z.object({
    type: z.literal("command"),
    command: z.enum(COMMANDS),
  }),
  z.object({ type: z.literal("language"), language: z.enum(["de", "en"]) }),
  z.object({ type: z.literal("feedback"), entryId, helpful: z.boolean() }),
]);

/** Parses a button payload; undefined when it is not one the bot sent. */
export function parseAction(value: unknown): Action | undefined {
  const result = actionSchema.safeParse(value);
  return result.success ? result.data : undefined;
}
