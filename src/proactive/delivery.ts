import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import { weeklyTipReply } from "../core/subscription-replies.js";
import type { Reply } from "../core/types.js";
import type { KnowledgeBase } from "../knowledge/knowledge-base.js";
import { momentInWeekOf, weekOf } from "./schedule.js";
import { failureOf, type Sender } from "./sender.js";
import type { SubscriptionStore } from "./store.js";
import { EMPTY_PROGRESS, type Progress, type Subscription } from "./subscription.js";
import { nextInRotation } from "./rotation.js";

/** What one delivery attempt came to. */
export type DeliveryOutcome =
  | "sent"
  /** The week's moment has not come yet. */
  | "not-due"
  /** This week's tip was sent already. */
  | "already-sent"
  /** Another instance is delivering it right now. */
  | "busy"
  | "paused"
  /** No such subscription (any more). */
  | "unknown"
  /** The platform failed on every try; the next attempt can still send it this week. */
  | "failed";

/** What happened when a tip was sent to a platform: the outcomes monitoring counts. */
export type TipOutcome = Extract<DeliveryOutcome, "sent" | "failed" | "paused">;

/** Monitoring of deliveries (see src/metrics); delivery only reports to it. */
export interface DeliveryObserver {
  tipDelivered(platform: string, outcome: TipOutcome): void;
}

export interface RetryPolicy {
  attempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

export interface DeliveryOptions {
  store: SubscriptionStore;
  senders: ReadonlyMap<string, Sender>;
  knowledge: KnowledgeBase;
  publicationUrl: string;
  logger: Logger;
  /** How long a claimed delivery is reserved for the instance that claimed it. */
  leaseMs?: number;
  retry?: RetryPolicy;
  /** Waits between tries; a test's clock can make it instant. */
  sleep?: (ms: number) => Promise<void>;
  observer?: DeliveryObserver | undefined;
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 4, firstDelayMs: 1_000, maxDelayMs: 60_000 };
const DEFAULT_LEASE_MS = 10 * 60 * 1000;

const realSleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms).unref();
  });

/**
 * Delivers the weekly tip: each subscription once per week, whichever instance, worker or `npm run tips`
 * pass gets there first. A delivery is claimed with a lease before sending and marked done after the
 * platform confirmed it; a claim that fails is given back, one whose holder died runs out with its lease.
 */
export class TipDelivery {
  private readonly owner = randomUUID();
  private readonly leaseMs: number;
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private options: DeliveryOptions) {
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.sleep = options.sleep ?? realSleep;
  }

  /** A new version of the knowledge base: the next tips come from its recommendations. */
  useKnowledge(knowledge: KnowledgeBase): void {
    this.options = { ...this.options, knowledge };
  }

  /** The tip a subscription would get next, without sending it. */
  async preview(id: string): Promise<{ subscription: Subscription; reply: Reply } | undefined> {
    const subscription = await this.options.store.get(id);
    if (!subscription) return undefined;
    const progress = (await this.options.store.progress(id)) ?? EMPTY_PROGRESS;
    const next = this.nextTip(subscription, progress);
    return next && { subscription, reply: next.reply };
  }

  /** Delivers the week's tip of one subscription if its moment in the week of `at` has come. */
  deliverDue(id: string, at: Date): Promise<DeliveryOutcome> {
    return this.deliver(id, at, false);
  }

  /** Sends the next tip now, whatever the schedule; the week's scheduled tip still comes. */
  sendNow(id: string, at: Date): Promise<DeliveryOutcome> {
    return this.deliver(id, at, true);
  }

  /** One pass over every subscription: what `send-due` and the in-process timer run. */
  async deliverAllDue(at: Date): Promise<Record<DeliveryOutcome, number>> {
    const counts: Record<DeliveryOutcome, number> = {
      sent: 0,
      "not-due": 0,
      "already-sent": 0,
      busy: 0,
      paused: 0,
      unknown: 0,
      failed: 0,
    };
    for (const subscription of await this.options.store.list()) {
      counts[await this.deliverDue(subscription.id, at)]++;
    }
    return counts;
  }

  private async deliver(id: string, at: Date, immediately: boolean): Promise<DeliveryOutcome> {
    const { store, logger } = this.options;
    const subscription = await store.get(id);
    if (!subscription) return "unknown";
    const progress = (await store.progress(id)) ?? EMPTY_PROGRESS;
    if (progress.paused) return "paused";
    const week = weekOf(at, subscription.timeZone);
    if (!immediately) {
      if (progress.lastWeek === week) return "already-sent";
      if (at < momentInWeekOf(subscription.schedule, subscription.timeZone, at)) return "not-due";
    }
    const slot = immediately ? `now-${at.getTime()}` : week;
    const claim = await store.claim(id, slot, this.owner, at, new Date(at.getTime() + this.leaseMs));
    if (claim === "done") return "already-sent";
    if (claim === "busy") return "busy";

    const next = this.nextTip(subscription, progress);
    if (!next) {
      await store.release(id, slot, this.owner);
      return "failed";
    }
    const log = logger.child({ subscription: id, platform: subscription.platform });
    const sent = await this.send(subscription, next.reply, log);
    const report = (outcome: TipOutcome) =>
      this.options.observer?.tipDelivered(subscription.platform, outcome);
    if (sent !== true) {
      await store.release(id, slot, this.owner);
      if (sent.gone) {
        await store.saveProgress(id, { ...progress, paused: { reason: sent.reason, at: at.toISOString() } });
        log.warn({ reason: sent.reason }, "weekly tip paused: the platform refuses it for good");
        report("paused");
        return "paused";
      }
      log.error({ reason: sent.reason }, "weekly tip could not be delivered; it is tried again");
      report("failed");
      return "failed";
    }
    const done: Progress = {
      tipsSent: progress.tipsSent + 1,
      cycle: next.cycle,
      lastWeek: immediately ? progress.lastWeek : week,
      lastSentAt: at.toISOString(),
    };
    await store.complete(id, slot, done);
    log.info({ entryId: next.reply.entryId, week: immediately ? undefined : week }, "weekly tip delivered");
    report("sent");
    return "sent";
  }

  private nextTip(subscription: Subscription, progress: Progress) {
    const { knowledge, publicationUrl } = this.options;
    const next = nextInRotation(knowledge.ofKind("recommendation"), subscription.id, progress.cycle);
    if (!next) return undefined;
    const context = { language: subscription.language, knowledge, publicationUrl };
    const reply = weeklyTipReply(next.tip, context, subscription.schedule, subscription.timeZone);
    return { reply, cycle: next.cycle };
  }

  /** Tries a few times with growing pauses (at least what a 429's Retry-After asked for). */
  private async send(
    subscription: Subscription,
    reply: Reply,
    log: Logger,
  ): Promise<true | { gone: boolean; reason: string }> {
    const sender = this.options.senders.get(subscription.platform);
    if (!sender) return { gone: false, reason: `no sender for ${subscription.platform} is configured` };
    let delay = this.retry.firstDelayMs;
    let reason = "";
    for (let attempt = 1; attempt <= this.retry.attempts; attempt++) {
      try {
        await sender.send(subscription.place, reply);
        return true;
      } catch (error) {
        const failure = failureOf(error);
        if (failure.kind === "gone") return { gone: true, reason: failure.reason };
        reason = failure.reason;
        if (attempt === this.retry.attempts) break;
        const wait = Math.min(Math.max(delay, failure.retryAfterMs ?? 0), this.retry.maxDelayMs);
        log.debug({ attempt, waitMs: wait, reason }, "weekly tip delivery failed; trying again");
        await this.sleep(wait);
        delay *= 2;
      }
    }
    return { gone: false, reason };
  }
}
