import type { Logger } from "pino";
import type { TipDelivery } from "./delivery.js";
import type { TipScheduler } from "./scheduler.js";

const PASS_INTERVAL_MS = 60_000;

/**
 * Without Redis: a pass over all subscriptions once a minute, in this process. The pass asks TipDelivery,
 * which sends what is due and skips what was sent.
 */
export class TimerTipScheduler implements TipScheduler {
  readonly kind = "timer";
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly delivery: TipDelivery,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  schedule(): Promise<void> {
    return Promise.resolve();
  }

  unschedule(): Promise<void> {
    return Promise.resolve();
  }

  start(): Promise<void> {
    this.timer ??= setInterval(() => void this.pass(), PASS_INTERVAL_MS);
    this.timer.unref();
    return Promise.resolve();
  }

  /** One pass; a pass still running is not started twice. */
  async pass(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.delivery
      .deliverAllDue(this.now())
      .then(() => undefined)
      .catch((error: unknown) => {
        this.logger.error({ err: error }, "weekly tip pass failed");
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
