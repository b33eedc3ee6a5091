import type { Progress, Subscription } from "./subscription.js";

/**
 * The outcome of claiming a (subscription, week) delivery: claimed by this caller, already done, or held
 * by another caller whose lease has not run out.
 */
export type ClaimResult = "claimed" | "done" | "busy";

/**
 * Subscriptions, their progress, and the ledger that makes each week's delivery happen once across
 * every instance. Times are passed in, so that a test's clock decides when a lease runs out.
 */
export interface SubscriptionStore {
  put(subscription: Subscription): Promise<void>;
  get(id: string): Promise<Subscription | undefined>;
  /** True when there was one to remove; removes its progress too. */
  remove(id: string): Promise<boolean>;
  /** Every subscription, from an index of ids (no key scans). */
  list(): Promise<Subscription[]>;
  progress(id: string): Promise<Progress | undefined>;
  /** Stores a subscription's progress (e.g. paused), only while it is subscribed. */
  saveProgress(id: string, progress: Progress): Promise<void>;
  /** Takes the delivery of `slot` (a week) for `owner` until `leaseUntil`, unless done or held. */
  claim(id: string, slot: string, owner: string, now: Date, leaseUntil: Date): Promise<ClaimResult>;
  /** Marks the delivery done and stores the progress, in one step; the progress only if still subscribed. */
  complete(id: string, slot: string, progress: Progress): Promise<void>;
  /** Gives a claim back after a failed delivery, so that the next attempt need not wait for the lease. */
  release(id: string, slot: string, owner: string): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
