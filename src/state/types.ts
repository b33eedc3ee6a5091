import type { Language } from "../knowledge/types.js";

/**
 * What follow-up questions need, nothing more: no message text, no user names.
 */
export interface ConversationState {
  /** Language the user asked for explicitly ("English please"). */
  preferredLanguage?: Language | undefined;
  /** Language of the last reply. */
  lastLanguage?: Language | undefined;
  /** Entry of the last answer, so "Risiken?" knows what it refers to. */
  lastEntryId?: string | undefined;
  /** Entry ids offered by the last "Meinten Sie …?", so "2" can pick one. */
  choices?: string[] | undefined;
  /** Last tip shown, so "noch ein Tipp" moves on. */
  lastTipId?: string | undefined;
}

export interface StateStore {
  /** One read per message. */
  load(conversationKey: string): Promise<ConversationState | undefined>;
  /** One write per message; refreshes the expiry. */
  save(conversationKey: string, state: ConversationState): Promise<void>;
  /** Counts a 👍 or 👎 for an entry. */
  recordFeedback(entryId: string, helpful: boolean): Promise<void>;
  feedbackFor(entryId: string): Promise<{ helpful: number; unhelpful: number }>;
  /** True when the store can be reached (for the readiness check). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
