import { decodeState, encodeState } from "./codec.js";
import { ExpiringMap } from "./expiring-map.js";
import type { ConversationState, StateStore } from "./types.js";

export interface MemoryStoreOptions {
  ttlSeconds: number;
  /** Oldest conversations are dropped beyond this, so a busy web chat cannot exhaust memory. */
  maxConversations?: number;
  /** The same for claims and records. */
  maxRecords?: number;
  now?: () => number;
}

/** The default store: state in this process, expiring like Redis keys would. */
export class MemoryStateStore implements StateStore {
  private readonly conversations: ExpiringMap;
  private readonly claims: ExpiringMap;
  private readonly records: ExpiringMap;
  private readonly feedback = new Map<string, { helpful: number; unhelpful: number }>();

  constructor(private readonly options: MemoryStoreOptions) {
    const now = options.now ?? Date.now;
    this.conversations = new ExpiringMap(options.maxConversations ?? 10_000, now);
    this.claims = new ExpiringMap(options.maxRecords ?? 10_000, now);
    this.records = new ExpiringMap(options.maxRecords ?? 10_000, now);
  }

  load(key: string): Promise<ConversationState | undefined> {
    return Promise.resolve(decodeState(this.conversations.get(key)));
  }

  save(key: string, state: ConversationState): Promise<void> {
    this.conversations.set(key, encodeState(state), this.options.ttlSeconds);
    return Promise.resolve();
  }

  forget(key: string): Promise<void> {
    this.conversations.delete(key);
    return Promise.resolve();
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

  claim(key: string, ttlSeconds: number): Promise<boolean> {
    if (this.claims.has(key)) return Promise.resolve(false);
    this.claims.set(key, "1", ttlSeconds);
    return Promise.resolve(true);
  }

  release(key: string): Promise<void> {
    this.claims.delete(key);
    return Promise.resolve();
  }

  getRecord(key: string): Promise<string | undefined> {
    return Promise.resolve(this.records.get(key));
  }

  putRecord(key: string, value: string, ttlSeconds?: number): Promise<void> {
    this.records.set(key, value, ttlSeconds);
    return Promise.resolve();
  }

  deleteRecord(key: string): Promise<void> {
    this.records.delete(key);
    return Promise.resolve();
  }

  ping(): Promise<boolean> {
    return Promise.resolve(true);
  }

  close(): Promise<void> {
    this.conversations.clear();
    this.claims.clear();
    this.records.clear();
    return Promise.resolve();
  }
}
