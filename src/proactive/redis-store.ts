import type { RedisConnection } from "../state/redis-connection.js";
import type { ClaimResult, SubscriptionStore } from "./store.js";
import { decodeProgress, decodeSubscription, type Progress, type Subscription } from "./subscription.js";

/** A delivery's ledger entry outlives its week by far; a done mark must not vanish before lastWeek moves on. */
const LEDGER_SECONDS = 14 * 24 * 60 * 60;

/**
 * Takes a delivery: "done" when marked, "busy" while another owner's lease lasts (by the caller's clock),
 * otherwise the lease is this caller's. KEYS: ledger. ARGV: lease JSON, now (ms), ledger TTL (s).
 */
const CLAIM = `
local held = redis.call('GET', KEYS[1])
if held then
  local entry = cjson.decode(held)
  if entry.done then return 'done' end
  if entry['until'] and tonumber(entry['until']) > tonumber(ARGV[2]) then return 'busy' end
end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])
return 'claimed'`;

/**
 * Marks a delivery done and stores the progress, once: a second completion changes nothing, and a
 * subscription removed meanwhile is not brought back. KEYS: ledger, subscription, progress.
 * ARGV: progress JSON, ledger TTL (s), subscription TTL (s).
 */
const COMPLETE = `
local held = redis.call('GET', KEYS[1])
if held and cjson.decode(held).done then return 0 end
redis.call('SET', KEYS[1], '{"done":true}', 'EX', ARGV[2])
if redis.call('EXISTS', KEYS[2]) == 1 then
  redis.call('SET', KEYS[3], ARGV[1], 'EX', ARGV[3])
  redis.call('EXPIRE', KEYS[2], ARGV[3])
end
return 1`;

/** Gives a lease back if it is still the caller's. KEYS: ledger. ARGV: owner. */
const RELEASE = `
local held = redis.call('GET', KEYS[1])
if held and cjson.decode(held).owner == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 0`;

/** Writes progress only while the subscription exists. KEYS: subscription, progress. ARGV: JSON, TTL. */
const SET_PROGRESS = `
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('SET', KEYS[2], ARGV[1], 'EX', ARGV[2]) end
return 0`;

/**
 * Subscriptions in Redis, shared by every instance: a set of ids as the index, one key per
 * subscription and per progress (both expiring `ttlSeconds` after the last delivery or subscribe), and a
 * ledger key per (subscription, week).
 */
export class RedisSubscriptionStore implements SubscriptionStore {
  constructor(
    private readonly connection: RedisConnection,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
  ) {}

  private get indexKey(): string {
    return `${this.prefix}tips:subscriptions`;
  }

  private subscriptionKey(id: string): string {
    return `${this.prefix}tips:subscription:${id}`;
  }

  private progressKey(id: string): string {
    return `${this.prefix}tips:progress:${id}`;
  }

  private ledgerKey(id: string, slot: string): string {
    return `${this.prefix}tips:delivery:${id}:${slot}`;
  }

  async put(subscription: Subscription): Promise<void> {
    const { id } = subscription;
    await this.connection.run((redis) =>
      redis
        .multi()
        .set(this.subscriptionKey(id), JSON.stringify(subscription), "EX", this.ttlSeconds)
        .expire(this.progressKey(id), this.ttlSeconds)
        .sadd(this.indexKey, id)
        .exec(),
    );
  }

  async get(id: string): Promise<Subscription | undefined> {
    return decodeSubscription(await this.connection.run((redis) => redis.get(this.subscriptionKey(id))));
  }

  async remove(id: string): Promise<boolean> {
    const results = await this.connection.run((redis) =>
      redis.multi().del(this.subscriptionKey(id)).del(this.progressKey(id)).srem(this.indexKey, id).exec(),
    );
    return results?.[0]?.[1] === 1;
  }

  /** Ids whose subscription has expired are dropped from the index on the way. */
  async list(): Promise<Subscription[]> {
    return this.connection.run(async (redis) => {
      const ids = await redis.smembers(this.indexKey);
      if (ids.length === 0) return [];
      const raw = await redis.mget(ids.map((id) => this.subscriptionKey(id)));
      const expired = ids.filter((_id, i) => raw[i] === null);
      if (expired.length > 0) await redis.srem(this.indexKey, ...expired);
      return raw.map((value) => decodeSubscription(value)).filter((s): s is Subscription => s !== undefined);
    });
  }

  async progress(id: string): Promise<Progress | undefined> {
    return decodeProgress(await this.connection.run((redis) => redis.get(this.progressKey(id))));
  }

  async saveProgress(id: string, progress: Progress): Promise<void> {
    await this.connection.run((redis) =>
      redis.eval(
        SET_PROGRESS,
        2,
        this.subscriptionKey(id),
        this.progressKey(id),
        JSON.stringify(progress),
        this.ttlSeconds,
      ),
    );
  }

  async claim(id: string, slot: string, owner: string, now: Date, leaseUntil: Date): Promise<ClaimResult> {
    const lease = JSON.stringify({ owner, until: leaseUntil.getTime() });
    const result = await this.connection.run((redis) =>
      redis.eval(CLAIM, 1, this.ledgerKey(id, slot), lease, now.getTime(), LEDGER_SECONDS),
    );
    return result === "done" || result === "busy" ? result : "claimed";
  }

  async complete(id: string, slot: string, progress: Progress): Promise<void> {
    await this.connection.run((redis) =>
      redis.eval(
        COMPLETE,
        3,
        this.ledgerKey(id, slot),
        this.subscriptionKey(id),
        this.progressKey(id),
        JSON.stringify(progress),
        LEDGER_SECONDS,
        this.ttlSeconds,
      ),
    );
  }

  async release(id: string, slot: string, owner: string): Promise<void> {
    await this.connection.run((redis) => redis.eval(RELEASE, 1, this.ledgerKey(id, slot), owner));
  }

  ping(): Promise<boolean> {
    return this.connection.ping();
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}
