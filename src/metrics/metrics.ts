import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { TurnObserver } from "../core/turn-observer.js";
import type { DeliveryObserver, TipOutcome } from "../proactive/delivery.js";
import type { StateStore } from "../state/types.js";
import type { StoreObserver } from "./observed-store.js";

const PREFIX = "beteiligungslotse_";
/** From a short answer (a few milliseconds) to a slow one on a busy machine. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export interface MetricsOptions {
  /** The state store whose reachability /metrics reports. */
  store: StateStore;
  /** "redis" or "memory", so a dashboard knows which store it is looking at. */
  storeKind: string;
}

/**
 * The bot's Prometheus metrics in a registry of their own (one per server, so tests can run several).
 * Labels carry bounded values only – platform, intent, outcome, operation – never text or ids.
 */
export class Metrics implements TurnObserver, DeliveryObserver, StoreObserver {
  readonly registry = new Registry();
  private readonly turns: Counter<"platform" | "intent" | "outcome">;
  private readonly latency: Histogram<"platform">;
  private readonly declined: Counter<"platform">;
  private readonly votes: Counter<"vote">;
  private readonly limited: Counter<"platform">;
  private readonly storeErrors: Counter<"store" | "operation">;
  private readonly tips: Counter<"platform" | "outcome">;

  constructor(private readonly options: MetricsOptions) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.turns = new Counter({
      name: `${PREFIX}turns_total`,
      help: "Turns answered, by platform, intent and outcome.",
      labelNames: ["platform", "intent", "outcome"],
      registers,
    });
    this.latency = new Histogram({
      name: `${PREFIX}answer_duration_seconds`,
      help: "Time from receiving a turn to its reply, by platform.",
      labelNames: ["platform"],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.declined = new Counter({
      name: `${PREFIX}declined_questions_total`,
      help: "Questions the bot declined as outside what it knows.",
      labelNames: ["platform"],
      registers,
    });
    this.votes = new Counter({
      name: `${PREFIX}feedback_votes_total`,
      help: "Counted 👍 (helpful) and 👎 (unhelpful) votes; a user's repeated vote is not counted.",
      labelNames: ["vote"],
      registers,
    });
    this.limited = new Counter({
      name: `${PREFIX}rate_limited_turns_total`,
      help: "Turns answered only with a note to wait, because a user or conversation was over its limit.",
      labelNames: ["platform"],
      registers,
    });
    this.storeErrors = new Counter({
      name: `${PREFIX}state_store_errors_total`,
      help: "Failed operations of the state store (Redis when REDIS_URL is set).",
      labelNames: ["store", "operation"],
      registers,
    });
    const { store, storeKind } = options;
    new Gauge({
      name: `${PREFIX}state_store_up`,
      help: "1 while the state store (Redis when REDIS_URL is set) answers, 0 while it does not.",
      labelNames: ["store"],
      registers,
      async collect() {
        const up = await store.ping().catch(() => false);
        this.set({ store: storeKind }, up ? 1 : 0);
      },
    });
    this.tips = new Counter({
      name: `${PREFIX}tip_deliveries_total`,
      help: "Weekly tip deliveries: sent, failed (tried again later) or paused (the platform refuses them).",
      labelNames: ["platform", "outcome"],
      registers,
    });
  }

  answered(turn: { platform: string; intent: string; outcome: string; seconds: number }): void {
    this.turns.inc({ platform: turn.platform, intent: turn.intent, outcome: turn.outcome });
    this.latency.observe({ platform: turn.platform }, turn.seconds);
    if (turn.outcome === "declined") this.declined.inc({ platform: turn.platform });
  }

  rateLimited(platform: string): void {
    this.limited.inc({ platform });
  }

  voteCounted(helpful: boolean): void {
    this.votes.inc({ vote: helpful ? "helpful" : "unhelpful" });
  }

  storeFailed(operation: string): void {
    this.storeErrors.inc({ store: this.options.storeKind, operation });
  }

  tipDelivered(platform: string, outcome: TipOutcome): void {
    this.tips.inc({ platform, outcome });
  }

  /** The Prometheus text format, and its content type. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
