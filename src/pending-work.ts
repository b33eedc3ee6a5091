/**
 * Work the process has accepted and not finished: HTTP requests, and chat turns that were acknowledged
 * to the platform before they were answered (Slack's events). A shutdown waits for it before closing
 * what that work still needs (Redis, the platforms' clients).
 */
export class PendingWork {
  private readonly pending = new Set<Promise<unknown>>();
  private drainingSince: number | undefined;

  /** True once shutdown has begun: readiness reports 503 from then on. */
  get draining(): boolean {
    return this.drainingSince !== undefined;
  }

  get size(): number {
    return this.pending.size;
  }

  startDraining(): void {
    this.drainingSince ??= Date.now();
  }

  /** Registers work until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    const entry = work.then(
      () => undefined,
      () => undefined,
    );
    this.pending.add(entry);
    void entry.then(() => this.pending.delete(entry));
    return work;
  }

  /** True when all registered work (including work added meanwhile) has settled within `timeoutMs`. */
  async drained(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.pending.size > 0) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => {
          resolve("timeout");
        }, left);
      });
      const outcome = await Promise.race([Promise.all(this.pending), timedOut]);
      clearTimeout(timer);
      if (outcome === "timeout") return false;
    }
    return true;
  }
}
