import { z } from "zod";
import { checkedMonth } from "./checked.js";
import { ENTRY_KINDS } from "./types.js";

const text = z.string().trim().min(1, "must not be empty");
const localizedText = z.object({ de: text, en: text }).strict();
const localizedList = z.object({ de: z.array(text), en: z.array(text) }).strict();

const source = z
  .object({
    title: text,
    url: z.url({ protocol: /^https?$/, message: "must be an http(s) address" }).optional(),
  })
  .strict();

export const TOPIC_IDS = [
  "methoden-verfahren",
  "nutzen-chancen-risiken",
  "qualitaet-erfolgsfaktoren",
  "beteiligungskultur",
  "kompetenzen-ressourcen",
] as const;

export const PURPOSES = [
  "information",
  "ideas",
  "feedback",
  "deliberation",
  "recommendations",
  "vision",
  "conflict",
  "decision",
  "budget",
  "co-production",
  "monitoring",
] as const;

const commonFields = {
  id: z.string().regex(/^[a-z0-9-]+$/, "must consist of a-z, 0-9 and -"),
  kind: z.enum(ENTRY_KINDS),
  topic: z.enum(TOPIC_IDS).optional(),
  title: localizedText,
  aliases: localizedList.default({ de: [], en: [] }),
  summary: localizedText,
  related: z.array(z.string()).default([]),
  sources: z.array(source).min(1, "needs at least one source"),
  checked: checkedMonth.optional(),
};

const participants = z
  .object({
    min: z.number().int().positive(),
    max: z.number().int().positive().nullable(),
  })
  .strict()
  .refine((value) => value.max === null || value.max >= value.min, "max must not be below min");

const methodFields = {
  participants,
  duration: localizedText,
  durationClass: z.enum(["hours", "days", "weeks", "months", "ongoing"]),
  selection: z.array(z.enum(["random", "open", "invited", "stakeholders", "elected", "affected"])).min(1),
  level: z.enum(["inform", "consult", "cooperate", "decide"]),
  format: z.enum(["presence", "online", "hybrid"]),
  cost: z.enum(["low", "medium", "high"]),
  formal: z.boolean(),
  legalBasis: text.optional(),
  purposes: z.array(z.enum(PURPOSES)).min(1),
  origin: localizedText.optional(),
};

export const methodSchema = z.object({ ...commonFields, ...methodFields }).strict();

/** The rule between `formal` and `legalBasis`, checked apart from the schema so it is reported with all others. */
export function legalBasisProblem(
  data: Record<string, unknown>,
): "legalBasisRequired" | "legalBasisOnlyFormal" | undefined {
  if (data.formal === true && data.legalBasis === undefined) return "legalBasisRequired";
  if (data.formal !== true && data.legalBasis !== undefined) return "legalBasisOnlyFormal";
  return undefined;
}

export const RECOMMENDATION_SUMMARY_LIMIT = 400;

export const recommendationSchema = z
  .object({
    ...commonFields,
    topic: z.enum(TOPIC_IDS, { message: "is required for recommendations and must be a topic id" }),
    summary: z
      .object({
        de: text.max(
          RECOMMENDATION_SUMMARY_LIMIT,
          `must be at most ${RECOMMENDATION_SUMMARY_LIMIT} characters`,
        ),
        en: text.max(
          RECOMMENDATION_SUMMARY_LIMIT,
          `must be at most ${RECOMMENDATION_SUMMARY_LIMIT} characters`,
        ),
      })
      .strict(),
  })
  .strict();

export const otherEntrySchema = z.object(commonFields).strict();

export type FrontMatter = z.infer<typeof otherEntrySchema>;
export type MethodFrontMatter = z.infer<typeof methodSchema>;
