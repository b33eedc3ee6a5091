import type { Intent, Outcome } from "./types.js";

/**
 * What the core reports about its turns, for monitoring. Only bounded values: the platform, intent and
 * outcome, never the text or an id.
 */
export interface TurnObserver {
  answered(turn: { platform: string; intent: Intent; outcome: Outcome; seconds: number }): void;
  rateLimited(platform: string): void;
  /** A vote that was counted (a repeated one is not). */
  voteCounted(helpful: boolean): void;
}
