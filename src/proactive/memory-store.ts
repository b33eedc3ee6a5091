import { ExpiringMap } from "../state/expiring-map.js";
import type { ClaimResult, SubscriptionStore } from "./store.js";
import { decodeProgress, decodeSubscription, type Progress, type Subscription } from "./subscription.js";

const MAX_SUBSCRIPTIONS = 10_000;
const LEDGER_SECONDS = 14 * 24 * 60 * 60;

interface Ledger {
  done?: true;
  owner?: string;
  until?: number;
}

/** Subscriptions in this process only (the default without Redis): lost on restart, as the log says. */
export class MemorySubscriptionStore implements SubscriptionStore {
  private readonly subscriptions: ExpiringMap;
  private readonly progresses: ExpiringMap;
  private readonly ledger: ExpiringMap;

  constructor(
    private readonly ttlSeconds: number,
    now: () => number = Date.now,
  ) {
    this.subscriptions = new ExpiringMap(MAX_SUBSCRIPTIONS, now);
    this.progresses = new ExpiringMap(MAX_SUBSCRIPTIONS, now);
    this.ledger = new ExpiringMap(MAX_SUBSCRIPTIONS * 4, now);
  }

  put(subscription: Subscription): Promise<void> {
    this.subscriptions.set(subscription.id, JSON.stringify(subscription), this.ttlSeconds);
    const progress = this.progresses.get(subscription.id);
    if (progress !== undefined) this.progresses.set(subscription.id, progress, this.ttlSeconds);
    return Promise.resolve();
  }

  get(id: string): Promise<Subscription | undefined> {
    return Promise.resolve(decodeSubscription(this.subscriptions.get(id)));
  }

  remove(id: string): Promise<boolean> {
    const existed = this.subscriptions.has(id);
    this.subscriptions.delete(id);
    this.progresses.delete(id);
    return Promise.resolve(existed);
  }

  list(): Promise<Subscription[]> {
    const all = this.subscriptions.keys().map((id) => decodeSubscription(this.subscriptions.get(id)));
    return Promise.resolve(all.filter((s): s is Subscription => s !== undefined));
  }

  progress(id: string): Promise<Progress | undefined> {
    return Promise.resolve(decodeProgress(this.progresses.get(id)));
  }

  saveProgress(id: string, progress: Progress): Promise<void> {
    this.writeProgress(id, progress);
    return Promise.resolve();
  }

  private writeProgress(id: string, progress: Progress): void {
    if (this.subscriptions.has(id)) this.progresses.set(id, JSON.stringify(progress), this.ttlSeconds);
  }

  private ledgerEntry(key: string): Ledger | undefined {
    const held = this.ledger.get(key);
    return held === undefined ? undefined : (JSON.parse(held) as Ledger);
  }

  claim(id: string, slot: string, owner: string, now: Date, leaseUntil: Date): Promise<ClaimResult> {
    const key = `${id}:${slot}`;
    const entry = this.ledgerEntry(key);
    if (entry?.done) return Promise.resolve("done");
    if (entry?.until !== undefined && entry.until > now.getTime()) return Promise.resolve("busy");
    this.ledger.set(key, JSON.stringify({ owner, until: leaseUntil.getTime() }), LEDGER_SECONDS);
    return Promise.resolve("claimed");
  }

  complete(id: string, slot: string, progress: Progress): Promise<void> {
    const key = `${id}:${slot}`;
    if (this.ledgerEntry(key)?.done) return Promise.resolve();
    this.ledger.set(key, JSON.stringify({ done: true }), LEDGER_SECONDS);
    this.writeProgress(id, progress);
    const subscription = this.subscriptions.get(id);
    if (subscription !== undefined) this.subscriptions.set(id, subscription, this.ttlSeconds);
    return Promise.resolve();
  }

  release(id: string, slot: string, owner: string): Promise<void> {
    const key = `${id}:${slot}`;
    if (this.ledgerEntry(key)?.owner === owner) this.ledger.delete(key);
    return Promise.resolve();
  }

  ping(): Promise<boolean> {
    return Promise.resolve(true);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
