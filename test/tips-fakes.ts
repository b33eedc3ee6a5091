import { randomUUID } from "node:crypto";
import type { Place } from "../src/core/subscriptions.js";
import type { Reply } from "../src/core/types.js";
import type { Sender } from "../src/proactive/sender.js";
import { createServices, type Services } from "../src/services.js";
import { MemoryStateStore } from "../src/state/memory.js";
import { deleteKeys, silentLogger, testConfig } from "./helpers.js";

/** A platform's outbound half that records what it delivers, and fails or hangs when told to. */
export class RecordingSender implements Sender {
  readonly sent: { placeId: string; reply: Reply }[] = [];
  /** Errors thrown by the next sends, in order. */
  readonly failures: Error[] = [];
  /** Sends that never finish, like a process killed mid-delivery. */
  hang = false;
  /** Resolves when the first send has begun. */
  readonly started: Promise<void>;
  private markStarted: () => void = () => undefined;

  constructor(readonly platform = "slack") {
    this.started = new Promise((resolve) => {
      this.markStarted = resolve;
    });
  }

  send(place: Place, reply: Reply): Promise<void> {
    this.markStarted();
    if (this.hang) return new Promise(() => undefined);
    const failure = this.failures.shift();
    if (failure) return Promise.reject(failure);
    this.sent.push({ placeId: place.id, reply });
    return Promise.resolve();
  }
}

export function channelPlace(channel = "C100"): Place {
  return {
    id: `T1:${channel}`,
    kind: "channel",
    address: { teamId: "T1", channel },
    scope: "team:T1",
  };
}

/** A clock a test moves by hand. */
export class TestClock {
  constructor(public current: Date) {}
  readonly now = () => this.current;
  set(iso: string): Date {
    this.current = new Date(iso);
    return this.current;
  }
}

export interface TipInstance {
  services: Services;
  sender: RecordingSender;
  waits: number[];
}

/**
 * One instance of the bot with the weekly tip on Redis (or in memory), a test's clock and waits that
 * only record how long they would have been.
 */
export async function tipInstance(
  clock: TestClock,
  options: {
    redisUrl?: string | undefined;
    prefix?: string;
    sender?: RecordingSender;
    leaseMs?: number;
    /** Further settings, e.g. STATE_HASH_SECRET. */
    settings?: Record<string, string>;
  } = {},
): Promise<TipInstance> {
  const sender = options.sender ?? new RecordingSender();
  const waits: number[] = [];
  const config = testConfig({
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl, REDIS_KEY_PREFIX: options.prefix ?? "" } : {}),
    ...options.settings,
  });
  const services = await createServices(config, silentLogger, new MemoryStateStore({ ttlSeconds: 600 }), {
    adapters: [{ name: sender.platform, mount: () => false, sender: () => sender }],
    now: clock.now,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
    leaseMs: options.leaseMs,
  });
  return { services, sender, waits };
}

/**
 * Instances that share a clock and a store (Redis, or memory without a URL), closed together after each
 * test.
 */
export function tipInstances(clock: TestClock, redisUrl: string | undefined, prefix: string) {
  const open: TipInstance[] = [];
  return {
    create: async (options: Parameters<typeof tipInstance>[1] = {}): Promise<TipInstance> => {
      const created = await tipInstance(clock, { redisUrl, prefix, ...options });
      open.push(created);
      return created;
    },
    closeAll: async (): Promise<void> => {
      for (const { services } of open.splice(0)) await services.tips.close();
      if (redisUrl) await deleteKeys(redisUrl, prefix);
    },
  };
}

export function testPrefix(): string {
  return `test-tips-${randomUUID()}:`;
}
