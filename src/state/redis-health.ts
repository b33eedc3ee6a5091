import type { Logger } from "pino";

/** Errors of Redis clients this process does not watch itself (BullMQ's) while Redis is otherwise fine. */
const OTHER_ERROR_INTERVAL_MS = 60_000;

/** One of the process's Redis connections, as the health sees it. */
export interface WatchedConnection {
  /** False from a lost connection until it is ready again: commands then fail at once. */
  readonly usable: boolean;
  lost(reason: string): void;
  ready(): void;
  /** Closed on purpose: it no longer counts, and its end is not an outage. */
  forget(): void;
}

/**
 * Whether Redis can be used, judged from every connection the process holds to it, and the log of its
 * outages: one line when the first connection is lost and one when the last is back – not one per
 * request, per connection or per reconnect attempt.
 */
export class RedisHealth {
  private readonly lostConnections = new Set<string>();
  private outageSince: number | undefined;
  private lastOtherError = 0;
  private counter = 0;

  constructor(private readonly logger?: Logger) {}

  /** True while an outage lasts. */
  get outage(): boolean {
    return this.outageSince !== undefined;
  }

  watch(name: string): WatchedConnection {
    const id = `${name}#${++this.counter}`;
    const lostConnections = this.lostConnections;
    return {
      get usable() {
        return !lostConnections.has(id);
      },
      lost: (reason) => {
        this.lost(name, id, reason);
      },
      ready: () => {
        lostConnections.delete(id);
        this.endIfOver(true);
      },
      forget: () => {
        lostConnections.delete(id);
        this.endIfOver(false);
      },
    };
  }

  /**
   * An error from a client whose connection is not watched (BullMQ's queue and worker): silent during an
   * outage, which is logged already, otherwise at most one line a minute.
   */
  otherError(source: string, error: Error): void {
    if (this.outage || Date.now() - this.lastOtherError < OTHER_ERROR_INTERVAL_MS) return;
    this.lastOtherError = Date.now();
    this.logger?.warn({ source, err: { message: error.message } }, "Redis client problem");
  }

  private lost(name: string, id: string, reason: string): void {
    this.lostConnections.add(id);
    if (this.outageSince !== undefined) return;
    this.outageSince = Date.now();
    this.logger?.warn(
      { connection: name, reason },
      "Redis unavailable; answering without conversation memory until it is back",
    );
  }

  private endIfOver(announce: boolean): void {
    if (this.outageSince === undefined || this.lostConnections.size > 0) return;
    const outageMs = Date.now() - this.outageSince;
    this.outageSince = undefined;
    if (announce) this.logger?.info({ outageMs }, "Redis available again");
  }
}
