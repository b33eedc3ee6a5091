import { decodeState, encodeState } from "./codec.js";
import type { ConversationState, StateStore } from "./types.js";

interface Stored {
  value: string;
  expiresAt: number;
}

export interface MemoryStoreOptions {
  ttlSeconds: number;
  /** Oldest conversations are dropped beyond this, so a busy web chat cannot exhaust memory. */
  maxConversations?: number;
  now?: () => number;
}

/** The default store: state in this process, expiring like Redis keys would. */
export class MemoryStateStore implements StateStore {
  private readonly conversations = new Map<string, Stored>();
  private readonly feedback = new Map<string, { helpful: number; unhelpful: number }>();
  private readonly now: () => number;
  private readonly maxConversations: number;

  constructor(private readonly options: MemoryStoreOptions) {
    this.now = options.now ?? Date.now;
    this.maxConversations = options.maxConversations ?? 10_000;
  }

  load(key: string): Promise<ConversationState | undefined> {
    const stored = this.conversations.get(key);
    if (!stored) return Promise.resolve(undefined);
    if (stored.expiresAt <= this.now()) {
      this.conversations.delete(key);
      return Promise.resolve(undefined);
    }
    return Promise.resolve(decodeState(stored.value));
  }

  save(key: string, state: ConversationState): Promise<void> {
    // Re-inserting moves the key to the end, so the Map's order is the order of last use.
    this.conversations.delete(key);
    this.conversations.set(key, {
      value: encodeState(state),
      expiresAt: this.now() + this.options.ttlSeconds * 1000,
    });
    this.evict();
    return Promise.resolve();
  }

  private evict(): void {
    const now = this.now();
    for (const [key, stored] of this.conversations) {
      if (this.conversations.size <= this.maxConversations && stored.expiresAt > now) break;
      this.conversations.delete(key);
    }
  }

  recordFeedback(entryId: string, helpful: boolean): Promise<void> {
    const counts = this.feedback.get(entryId) ?? { helpful: 0, unhelpful: 0 };
    if (helpful) counts.helpful++;
    else counts.unhelpful++;
    this.feedback.set(entryId, counts);
    return Promise.resolve();
  }

  feedbackFor(entryId: string): Promise<{ helpful: number; unhelpful: number }> {
    return Promise.resolve({ ...(this.feedback.get(entryId) ?? { helpful: 0, unhelpful: 0 }) });
  }

  ping(): Promise<boolean> {
    return Promise.resolve(true);
  }

  close(): Promise<void> {
    this.conversations.clear();
    return Promise.resolve();
  }
}
