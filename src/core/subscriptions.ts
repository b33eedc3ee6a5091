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

/** What „Meine Daten löschen“ did to the place's subscription: ended it, left someone else's, found none. */
export type OwnSubscription = "ended" | "kept" | "none";

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
    /** Who subscribes, so that their „Meine Daten löschen“ can end it; kept only as a pseudonym. */
    userId?: string,
  ): Promise<SubscriptionStatus>;
  /** False when the place had no subscription. */
  unsubscribe(platform: string, place: Place): Promise<boolean>;
  /** Ends the place's subscription if it is this user's (they created it, or it is their personal chat). */
  unsubscribeOwn(platform: string, place: Place, userId: string): Promise<OwnSubscription>;
  status(platform: string, place: Place): Promise<SubscriptionStatus | undefined>;
}
