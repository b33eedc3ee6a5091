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
  /** The entry in view before it, so "und im Vergleich?" has two. */
  previousEntryId?: string | undefined;
  /**
   * The buttons of the last reply, in order, so that a typed "2" picks the second. Opaque to the store: the
   * core validates each one when it is read back.
   */
  offered?: unknown[] | undefined;
  /**
   * The entries a „Meinten Sie …?" offered, best first, so that "und wie setze ich das um?" right after it
   * can ask which of them is meant. Ids only.
   */
  undecided?: string[] | undefined;
  /** The button action that gives the last answer again, so "auf Englisch bitte" can repeat it. */
  lastAction?: unknown;
  /** Multi-turn flows' own state, one slot per flow, validated by the flow (see src/core/dialogues). */
  dialogues?: Record<string, unknown> | undefined;
  /** Last tip shown, so "noch ein Tipp" moves on. */
  lastTipId?: string | undefined;
}

/**
 * Small records adapters keep beside the conversations: processed event ids, platform installations,
 * conversation references. Values are opaque strings (the adapter encodes them); keys are namespaced by
 * the caller, e.g. "slack:event:Ev123".
 */
export interface RecordStore {
  /**
   * Marks `key` as taken for `ttlSeconds`; true for the one caller that took it, false for every later one
   * while it lasts. Shared by all instances on one Redis, so a duplicate delivery is handled exactly once.
   */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
  /** Gives a claim back, so a retry of work that failed is done after all. */
  release(key: string): Promise<void>;
  getRecord(key: string): Promise<string | undefined>;
  /** Without `ttlSeconds` the record stays until it is deleted (installations, removed on uninstall). */
  putRecord(key: string, value: string, ttlSeconds?: number): Promise<void>;
  deleteRecord(key: string): Promise<void>;
}

export interface StateStore extends RecordStore {
  /** One read per message. */
  load(conversationKey: string): Promise<ConversationState | undefined>;
  /** One write per message; refreshes the expiry. */
  save(conversationKey: string, state: ConversationState): Promise<void>;
  /** Deletes a conversation's state („Meine Daten löschen“). */
  forget(conversationKey: string): Promise<void>;
  /** Counts a 👍 or 👎 for an entry. */
  recordFeedback(entryId: string, helpful: boolean): Promise<void>;
  feedbackFor(entryId: string): Promise<{ helpful: number; unhelpful: number }>;
  /** True when the store can be reached (for the readiness check). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
