import type { Subscription } from "./subscription.js";

/**
 * Starts deliveries at each subscription's weekly moment. With Redis: BullMQ job schedulers and a worker
 * in every instance. Without: a timer in this process. Either way TipDelivery decides and sends.
 */
export interface TipScheduler {
  readonly kind: "bullmq" | "timer";
  schedule(subscription: Subscription): Promise<void>;
  unschedule(id: string): Promise<void>;
  /** Starts this process's share of the work (a worker, a timer). */
  start(): Promise<void>;
  close(): Promise<void>;
}
