interface Stored {
  value: string;
  expiresAt: number;
}

/**
 * A Map whose values expire like Redis keys and which holds at most `maxSize` of them, dropping the least
 * recently written first, so a busy process cannot exhaust its memory.
 */
export class ExpiringMap {
  private readonly values = new Map<string, Stored>();

  constructor(
    private readonly maxSize: number,
    private readonly now: () => number,
  ) {}

  get(key: string): string | undefined {
    const stored = this.values.get(key);
    if (!stored) return undefined;
    if (stored.expiresAt <= this.now()) {
      this.values.delete(key);
      return undefined;
    }
    return stored.value;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Without `ttlSeconds` the value does not expire (it can still be dropped beyond `maxSize`). */
  set(key: string, value: string, ttlSeconds?: number): void {
    // Re-inserting moves the key to the end, so the Map's order is the order of last write.
    this.values.delete(key);
    const expiresAt = ttlSeconds === undefined ? Infinity : this.now() + ttlSeconds * 1000;
    this.values.set(key, { value, expiresAt });
    this.evict();
  }

  /** The keys that have not expired, in the order they were last written. */
  keys(): string[] {
    return [...this.values.keys()].filter((key) => this.has(key));
  }

  delete(key: string): void {
    this.values.delete(key);
  }

  clear(): void {
    this.values.clear();
  }

  private evict(): void {
    const now = this.now();
    for (const [key, stored] of this.values) {
      if (this.values.size <= this.maxSize && stored.expiresAt > now) break;
      this.values.delete(key);
    }
  }
}
