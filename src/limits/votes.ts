import type { RecordStore } from "../state/types.js";
import type { Pseudonyms } from "../state/pseudonyms.js";

/**
 * One 👍 or 👎 per user and entry: the first vote claims a key, later ones (from any instance on the same
 * Redis) find it taken and are thanked but not counted. The key is a pseudonym, so no user id is stored.
 */
export class VoteLedger {
  constructor(
    private readonly records: RecordStore,
    /** As long as the votes themselves are kept. */
    private readonly ttlSeconds: number,
    private readonly pseudonyms: Pseudonyms,
  ) {}

  firstVote(platform: string, userId: string, entryId: string): Promise<boolean> {
    return this.records.claim(`vote:${this.pseudonyms.vote(platform, userId, entryId)}`, this.ttlSeconds);
  }

  /**
   * Gives back a user's votes on the given entries („Meine Daten löschen“): the counts stay, as they
   * name nobody, but the user's next vote counts again. Only pseudonyms are kept, so every entry is
   * tried, also under the names of before the secret was set.
   */
  async forget(platform: string, userId: string, entryIds: readonly string[]): Promise<void> {
    for (const entryId of entryIds) {
      const names = this.pseudonyms.withEarlier((names) => names.vote(platform, userId, entryId));
      for (const name of names) await this.records.release(`vote:${name}`);
    }
  }
}
