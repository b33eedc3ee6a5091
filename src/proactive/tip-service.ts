import type { Logger } from "pino";
import type {
  OwnSubscription,
  Place,
  SubscriptionStatus,
  TipSubscriptions,
  WeeklySchedule,
} from "../core/subscriptions.js";
import type { Language } from "../knowledge/types.js";
import type { TipDelivery } from "./delivery.js";
import { momentInWeekOf, weekOf } from "./schedule.js";
import type { TipScheduler } from "./scheduler.js";
import type { Sender } from "./sender.js";
import type { SubscriptionStore } from "./store.js";
import { Pseudonyms } from "../state/pseudonyms.js";
import { EMPTY_PROGRESS, type Progress, type Subscription } from "./subscription.js";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export interface TipServiceOptions {
  store: SubscriptionStore;
  scheduler: TipScheduler;
  delivery: TipDelivery;
  senders: ReadonlyMap<string, Sender>;
  defaultSchedule: WeeklySchedule;
  timeZone: string;
  logger: Logger;
  /** The names subscriptions and their creators are filed under; plain hashes by default. */
  pseudonyms?: Pseudonyms | undefined;
  now?: () => Date;
}

/** The next delivery: this week's moment if it is still to come and unsent, otherwise next week's. */
export function nextDelivery(subscription: Subscription, progress: Progress, now: Date): Date {
  const { schedule, timeZone } = subscription;
  const thisWeek = momentInWeekOf(schedule, timeZone, now);
  if (progress.lastWeek !== weekOf(now, timeZone)) return thisWeek < now ? now : thisWeek;
  return momentInWeekOf(schedule, timeZone, new Date(now.getTime() + WEEK_MS));
}

/** Subscriptions to the weekly tip: what the core's commands and the operator's `npm run tips` use. */
export class TipService implements TipSubscriptions {
  readonly defaultSchedule: WeeklySchedule;
  readonly timeZone: string;
  private readonly now: () => Date;
  private readonly pseudonyms: Pseudonyms;

  constructor(private readonly options: TipServiceOptions) {
    this.defaultSchedule = options.defaultSchedule;
    this.timeZone = options.timeZone;
    this.now = options.now ?? (() => new Date());
    this.pseudonyms = options.pseudonyms ?? Pseudonyms.plain;
  }

  /** The id a place's subscription is filed under. */
  idOf(platform: string, placeId: string): string {
    return this.pseudonyms.place(platform, placeId);
  }

  get delivery(): TipDelivery {
    return this.options.delivery;
  }

  get scheduler(): TipScheduler {
    return this.options.scheduler;
  }

  supports(platform: string): boolean {
    return this.options.senders.has(platform);
  }

  /**
   * Subscribes a place, or changes its schedule and language. Subscribing again after a pause resumes it.
   * A new subscription's first tip comes at its next weekly moment, not at once. Who created it is kept
   * as a pseudonym, so that „Meine Daten löschen“ can end it; a change by someone else keeps the creator.
   */
  async subscribe(
    platform: string,
    place: Place,
    schedule: WeeklySchedule,
    language: Language,
    userId?: string,
  ): Promise<SubscriptionStatus> {
    const { store, scheduler } = this.options;
    const id = this.idOf(platform, place.id);
    const now = this.now();
    const existing = await store.get(id);
    const subscription: Subscription = {
      id,
      platform,
      place,
      schedule,
      timeZone: this.timeZone,
      language,
      createdAt: existing?.createdAt ?? now.toISOString(),
      createdBy: existing ? existing.createdBy : userId ? this.pseudonyms.user(platform, userId) : undefined,
    };
    await store.put(subscription);
    let progress = (await store.progress(id)) ?? EMPTY_PROGRESS;
    const passed = momentInWeekOf(schedule, this.timeZone, now) <= now;
    if (progress.paused || (!existing && passed)) {
      progress = {
        ...progress,
        paused: undefined,
        lastWeek: passed ? weekOf(now, this.timeZone) : progress.lastWeek,
      };
      await store.saveProgress(id, progress);
    }
    await scheduler.schedule(subscription);
    this.options.logger.info({ subscription: id, platform, kind: place.kind }, "weekly tip subscribed");
    return this.statusOf(subscription, progress, now);
  }

  async unsubscribe(platform: string, place: Place): Promise<boolean> {
    return this.remove(this.idOf(platform, place.id));
  }

  /**
   * „Meine Daten löschen“: ends the place's subscription where it is this user's — created by them, or
   * in their personal chat with the bot. A channel's subscription that someone else created stays.
   */
  async unsubscribeOwn(platform: string, place: Place, userId: string): Promise<OwnSubscription> {
    const id = this.idOf(platform, place.id);
    const subscription = await this.options.store.get(id);
    if (!subscription) return "none";
    const creators = this.pseudonyms.withEarlier((names) => names.user(platform, userId));
    const own =
      place.kind === "personal" ||
      (subscription.createdBy !== undefined && creators.includes(subscription.createdBy));
    if (!own) return "kept";
    await this.remove(id);
    return "ended";
  }

  async remove(id: string): Promise<boolean> {
    const removed = await this.options.store.remove(id);
    await this.options.scheduler.unschedule(id);
    if (removed) this.options.logger.info({ subscription: id }, "weekly tip unsubscribed");
    return removed;
  }

  async status(platform: string, place: Place): Promise<SubscriptionStatus | undefined> {
    const id = this.idOf(platform, place.id);
    const subscription = await this.options.store.get(id);
    if (!subscription) return undefined;
    const progress = (await this.options.store.progress(id)) ?? EMPTY_PROGRESS;
    return this.statusOf(subscription, progress, this.now());
  }

  /** Ends every subscription of a workspace or team that removed the app; returns how many. */
  async removeScope(platform: string, scope: string): Promise<number> {
    const ended = (await this.options.store.list()).filter(
      (subscription) => subscription.platform === platform && subscription.place.scope === scope,
    );
    for (const subscription of ended) await this.remove(subscription.id);
    if (ended.length > 0)
      this.options.logger.info(
        { platform, count: ended.length },
        "subscriptions ended with the app's removal",
      );
    return ended.length;
  }

  /** All subscriptions with their progress, for the operator. */
  async list(): Promise<{ subscription: Subscription; progress: Progress }[]> {
    const subscriptions = await this.options.store.list();
    return Promise.all(
      subscriptions.map(async (subscription) => ({
        subscription,
        progress: (await this.options.store.progress(subscription.id)) ?? EMPTY_PROGRESS,
      })),
    );
  }

  private statusOf(subscription: Subscription, progress: Progress, now: Date): SubscriptionStatus {
    return {
      schedule: subscription.schedule,
      timeZone: subscription.timeZone,
      language: subscription.language,
      tipsSent: progress.tipsSent,
      nextAt: progress.paused ? undefined : nextDelivery(subscription, progress, now),
      pausedBecause: progress.paused?.reason,
    };
  }

  /**
   * Files subscriptions stored under other names (before STATE_HASH_SECRET was set, or under another
   * secret) under the current ones, with their progress, so that they are found and not sent twice. The
   * scheduler's start then moves their jobs. Idempotent, so every instance may do it at start-up.
   */
  async refile(): Promise<number> {
    const { store, logger } = this.options;
    let moved = 0;
    for (const subscription of await store.list()) {
      const id = this.idOf(subscription.platform, subscription.place.id);
      if (id === subscription.id) continue;
      const progress = await store.progress(subscription.id);
      await store.put({ ...subscription, id });
      if (progress) await store.saveProgress(id, progress);
      await store.remove(subscription.id);
      moved += 1;
    }
    if (moved > 0) logger.info({ count: moved }, "subscriptions filed under the current pseudonyms");
    return moved;
  }

  async start(): Promise<void> {
    await this.refile();
    await this.options.scheduler.start();
  }

  async close(): Promise<void> {
    await this.options.scheduler.close();
    for (const sender of this.options.senders.values()) await sender.close?.();
    await this.options.store.close();
  }
}
