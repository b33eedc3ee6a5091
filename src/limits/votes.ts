import type { RecordStore } from "../state/types.js";
import { hashedKey } from "./hashed-key.js";

/**
 * One 👍 or 👎 per user and entry: the first vote claims a key, later ones (from any instance on the same
 * Redis) find it taken and are thanked but not counted. The key is a hash, so no user id is stored.
 */
export class VoteLedger {
  constructor(
    private readonly records: RecordStore,
    /** As long as the votes themselves are kept. */
    private readonly ttlSeconds: number,
  ) {}

  firstVote(platform: string, userId: string, entryId: string): Promise<boolean> {
    return this.records.claim(this.keyOf(platform, userId, entryId), this.ttlSeconds);
  }

  /**
   * Gives back a user's votes on the given entries („Meine Daten löschen“): the counts stay, as they
   * name nobody, but the user's next vote counts again. Only hashes are kept, so every entry is tried.
   */
  async forget(platform: string, userId: string, entryIds: readonly string[]): Promise<void> {
    for (const entryId of entryIds) await this.records.release(this.keyOf(platform, userId, entryId));
  }

  private keyOf(platform: string, userId: string, entryId: string): string {
    return `vote:${hashedKey(platform, userId, entryId)}`;
  }
}
