import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { ENTRY_KINDS } from "./types.js";

export const REQUIRED_FILE = "required.json";

const requiredSchema = z.object({
  missing: z.enum(["warning", "error"]),
  minimumRecommendationsPerTopic: z.number().int().nonnegative(),
  entries: z.partialRecord(z.enum(ENTRY_KINDS), z.array(z.string())),
});

export type RequiredEntries = z.infer<typeof requiredSchema>;

export async function loadRequiredEntries(root: string): Promise<RequiredEntries> {
  const raw: unknown = JSON.parse(await readFile(path.join(root, REQUIRED_FILE), "utf8"));
  return requiredSchema.parse(raw);
}
