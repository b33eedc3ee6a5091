import { z } from "zod";
import type { Place, WeeklySchedule } from "../core/subscriptions.js";
import type { Language } from "../knowledge/types.js";
import { decodeRecord } from "../state/codec.js";

/** One place's subscription to the weekly tip: where, when, in which language. No names. */
export interface Subscription {
  id: string;
  platform: string;
  place: Place;
  schedule: WeeklySchedule;
  timeZone: string;
  language: Language;
  createdAt: string;
  /** A pseudonym of the user who subscribed (none for subscriptions from before it was kept). */
  createdBy?: string | undefined;
}

/** How far a subscription has got: what it has been sent, and whether its platform stopped taking tips. */
export interface Progress {
  tipsSent: number;
  /** Recommendations sent since the rotation last started over. */
  cycle: string[];
  /** The week (its Monday's date) of the last scheduled tip. */
  lastWeek?: string | undefined;
  lastSentAt?: string | undefined;
  paused?: { reason: string; at: string } | undefined;
}

export const EMPTY_PROGRESS: Progress = { tipsSent: 0, cycle: [] };

const scheduleSchema: z.ZodType<WeeklySchedule> = z.object({
  weekday: z.number().int().min(1).max(7),
  hour: z.number().int().min(0).max(23),
  minute: z.number().int().min(0).max(59),
});

const subscriptionSchema: z.ZodType<Subscription> = z.object({
  id: z.string().regex(/^[0-9a-f]{20}$/),
  platform: z.string().min(1).max(20),
  place: z.object({
    id: z.string().min(1).max(500),
    kind: z.enum(["personal", "group", "channel"]),
    address: z.record(z.string(), z.unknown()),
    scope: z.string().max(500),
  }),
  schedule: scheduleSchema,
  timeZone: z.string().min(1).max(100),
  language: z.enum(["de", "en"]),
  createdAt: z.string(),
  createdBy: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .optional(),
});

const progressSchema: z.ZodType<Progress> = z.object({
  tipsSent: z.number().int().min(0),
  cycle: z.array(z.string().max(100)).max(1000),
  lastWeek: z.string().max(20).optional(),
  lastSentAt: z.string().max(40).optional(),
  paused: z.object({ reason: z.string().max(100), at: z.string().max(40) }).optional(),
});

export const decodeSubscription = (raw: string | null | undefined) => decodeRecord(subscriptionSchema, raw);
export const decodeProgress = (raw: string | null | undefined) => decodeRecord(progressSchema, raw);
