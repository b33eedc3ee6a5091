import type { ConversationState, StateStore } from "../state/types.js";

export interface StoreObserver {
  storeFailed(operation: string): void;
}

/**
 * The state store as it was, except that every failed operation is reported (with the operation's name
 * only) before the error goes on to the caller, which decides what a failure means.
 */
export class ObservedStateStore implements StateStore {
  constructor(
    private readonly inner: StateStore,
    private readonly observer: StoreObserver,
  ) {}

  private async observed<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      this.observer.storeFailed(operation);
      throw error;
    }
  }

  load(key: string): Promise<ConversationState | undefined> {
    return this.observed("load", () => this.inner.load(key));
  }

  save(key: string, state: ConversationState): Promise<void> {
    return this.observed("save", () => this.inner.save(key, state));
  }

  forget(key: string): Promise<void> {
    return this.observed("forget", () => this.inner.forget(key));
  }

  recordFeedback(entryId: string, helpful: boolean): Promise<void> {
    return this.observed("recordFeedback", () => this.inner.recordFeedback(entryId, helpful));
  }

  feedbackFor(entryId: string): Promise<{ helpful: number; unhelpful: number }> {
    return this.observed("feedbackFor", () => this.inner.feedbackFor(entryId));
  }

  claim(key: string, ttlSeconds: number): Promise<boolean> {
    return this.observed("claim", () => this.inner.claim(key, ttlSeconds));
  }

  release(key: string): Promise<void> {
    return this.observed("release", () => this.inner.release(key));
  }

  getRecord(key: string): Promise<string | undefined> {
    return this.observed("getRecord", () => this.inner.getRecord(key));
  }

  putRecord(key: string, value: string, ttlSeconds?: number): Promise<void> {
    return this.observed("putRecord", () => this.inner.putRecord(key, value, ttlSeconds));
  }

  deleteRecord(key: string): Promise<void> {
    return this.observed("deleteRecord", () => this.inner.deleteRecord(key));
  }

  /** Not an operation that fails: it answers whether the store can be reached (see state_store_up). */
  ping(): Promise<boolean> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
