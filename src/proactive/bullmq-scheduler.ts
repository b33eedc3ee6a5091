import { Queue, Worker, type Job } from "bullmq";
import type { Logger } from "pino";
import { failFastOptions, reconnectDelay } from "../state/redis-connection.js";
import { RedisHealth } from "../state/redis-health.js";
import type { SubscriptionStore } from "./store.js";
import type { TipDelivery } from "./delivery.js";
import { cronPattern } from "./schedule.js";
import type { TipScheduler } from "./scheduler.js";
import type { Subscription } from "./subscription.js";

export const QUEUE_NAME = "weekly-tips";
const JOB_NAME = "weekly-tip";

interface TipJob {
  subscriptionId: string;
}

export interface BullmqSchedulerOptions {
  redisUrl: string;
  /** BullMQ's key prefix, e.g. "beteiligungslotse:bull". */
  prefix: string;
  store: SubscriptionStore;
  delivery: TipDelivery;
  logger: Logger;
  now?: () => Date;
  /** Retries of a delivery that failed or was held by an instance that died (BullMQ's backoff). */
  attempts?: number;
  backoffMs?: number;
  /** How long the queue's commands (subscribing, unsubscribing) may take while Redis hangs. */
  commandTimeoutMs?: number | undefined;
  /** The process's view of Redis: BullMQ's connection errors during an outage add no log lines. */
  health?: RedisHealth | undefined;
}

/** Raised for BullMQ to try the job again later (after its backoff). */
class TryAgainLater extends Error {}

/**
 * One BullMQ job scheduler per subscription (a cron pattern in the subscription's time zone) and a
 * worker in every instance. Duplicated jobs are harmless: TipDelivery's ledger sends each week once.
 */
export class BullmqTipScheduler implements TipScheduler {
  readonly kind = "bullmq";
  private readonly queue: Queue<TipJob>;
  private worker: Worker<TipJob> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly now: () => Date;
  private readonly health: RedisHealth;

  constructor(private readonly options: BullmqSchedulerOptions) {
    this.now = options.now ?? (() => new Date());
    this.health = options.health ?? new RedisHealth(options.logger);
    // The queue only writes: without Redis, or with a hanging one, it fails fast instead of waiting.
    this.queue = new Queue<TipJob>(QUEUE_NAME, {
      connection: { url: options.redisUrl, ...failFastOptions(options.commandTimeoutMs ?? 200) },
      prefix: options.prefix,
    });
    this.queue.on("error", (error) => {
      this.health.otherError("bullmq-queue", error);
    });
  }

  async schedule(subscription: Subscription): Promise<void> {
    await this.queue.upsertJobScheduler(
      subscription.id,
      { pattern: cronPattern(subscription.schedule), tz: subscription.timeZone },
      {
        name: JOB_NAME,
        data: { subscriptionId: subscription.id },
        opts: {
          attempts: this.options.attempts ?? 8,
          backoff: { type: "exponential", delay: this.options.backoffMs ?? 60_000 },
          removeOnComplete: { age: 7 * 24 * 60 * 60 },
          removeOnFail: { age: 30 * 24 * 60 * 60 },
        },
      },
    );
  }

  async unschedule(id: string): Promise<void> {
    await this.queue.removeJobScheduler(id);
  }

  /** The scheduler of a subscription as BullMQ keeps it (pattern, time zone, next run). */
  jobScheduler(id: string) {
    return this.queue.getJobScheduler(id);
  }

  /** Adds one job as the scheduler would; tests use it to run the worker without waiting for the cron. */
  async enqueue(subscriptionId: string): Promise<void> {
    await this.queue.add(JOB_NAME, { subscriptionId });
  }

  /**
   * Starts the worker and brings the job schedulers in line with the subscriptions: one for each, none
   * for subscriptions that ended. Upserting is idempotent, so every instance may do it at start-up; while
   * Redis is away it is tried again every minute.
   */
  async start(): Promise<void> {
    this.worker ??= this.createWorker();
    try {
      await this.reconcile();
    } catch (error) {
      // During an outage the outage's own line says enough.
      if (!this.health.outage)
        this.options.logger.warn(
          { err: error },
          "job schedulers could not be checked; trying again in a minute",
        );
      this.retryTimer = setTimeout(() => void this.start(), 60_000);
      this.retryTimer.unref();
    }
  }

  private async reconcile(): Promise<void> {
    const subscriptions = await this.options.store.list();
    const ids = new Set(subscriptions.map((subscription) => subscription.id));
    for (const subscription of subscriptions) await this.schedule(subscription);
    for (const scheduler of await this.queue.getJobSchedulers()) {
      const id = scheduler.id ?? scheduler.key;
      if (!ids.has(id)) await this.unschedule(id);
    }
  }

  private createWorker(): Worker<TipJob> {
    const worker = new Worker<TipJob>(QUEUE_NAME, (job) => this.process(job), {
      // Waits for jobs with blocking commands, so no command timeout; reconnects as the others do.
      connection: { url: this.options.redisUrl, maxRetriesPerRequest: null, retryStrategy: reconnectDelay },
      prefix: this.options.prefix,
      concurrency: 4,
    });
    worker.on("error", (error) => {
      this.health.otherError("bullmq-worker", error);
    });
    return worker;
  }

  private async process(job: Job<TipJob>): Promise<string> {
    const id = job.data.subscriptionId;
    const outcome = await this.options.delivery.deliverDue(id, this.now());
    if (outcome === "unknown") await this.unschedule(id);
    // Sent by nobody yet: held by an instance that may have died, or failed on every try.
    if (outcome === "busy" || outcome === "failed") throw new TryAgainLater(outcome);
    return outcome;
  }

  /** Lets running deliveries finish; with Redis away the connections are dropped instead. */
  async close(): Promise<void> {
    clearTimeout(this.retryTimer);
    await this.worker?.close().catch(() => this.worker?.disconnect());
    await this.queue.close().catch(() => this.queue.disconnect());
  }
}
