import type { Language } from "../knowledge/types.js";

/** A personal chat with the bot, a group chat, or a channel that many people read. */
export type PlaceKind = "personal" | "group" | "channel";

/** A place the bot can write to on its own, as the adapter that received the turn describes it. */
export interface Place {
  /** Unique within the platform, e.g. a workspace and channel id. */
  id: string;
  kind: PlaceKind;
  /** What the adapter needs to deliver there later; opaque to the core, validated by the adapter. */
  address: Record<string, unknown>;
  /** Places that end together: a Slack workspace that uninstalls the app, a Teams team that removes it. */
  scope: string;
}

/** A moment in every week: ISO weekday (1 = Monday … 7 = Sunday) and local time. */
export interface WeeklySchedule {
  weekday: number;
  hour: number;
  minute: number;
}

export interface SubscriptionStatus {
  schedule: WeeklySchedule;
  timeZone: string;
  language: Language;
  tipsSent: number;
  /** The next delivery; undefined while paused. */
  nextAt: Date | undefined;
  /** Why deliveries stopped (the platform refused them for good), if they did. */
  pausedBecause?: string | undefined;
}

/**
 * The weekly tip as the core sees it: subscribing a place, ending it, asking about it. Scheduling and
 * delivery live behind this interface (src/proactive); the core only needs to know what a platform can do.
 */
export interface TipSubscriptions {
  /** Whether the bot can write first on this platform (the web chat cannot). */
  supports(platform: string): boolean;
  readonly defaultSchedule: WeeklySchedule;
  readonly timeZone: string;
  subscribe(
    platform: string,
    place: Place,
    schedule: WeeklySchedule,
    language: Language,
  ): Promise<SubscriptionStatus>;
  /** False when the place had no subscription. */
  unsubscribe(platform: string, place: Place): Promise<boolean>;
  status(platform: string, place: Place): Promise<SubscriptionStatus | undefined>;
}
