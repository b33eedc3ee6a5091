import { createHash, createHmac } from "node:crypto";

/**
 * The names state is filed under, made from platform ids (a user, a conversation, a place). With
 * `STATE_HASH_SECRET` they are a keyed hash (HMAC-SHA256): whoever holds a dump of Redis but not the
 * secret cannot find whose they are by hashing guessed ids. Without a secret they are a plain SHA-256, as
 * they were before the secret existed, so that such a deployment keeps its data.
 */
export class Pseudonyms {
  private constructor(private readonly secret: string | undefined) {}

  /** Plain hashes: what a deployment without a secret has always used. */
  static readonly plain = new Pseudonyms(undefined);

  static fromSecret(secret: string | undefined): Pseudonyms {
    return secret ? new Pseudonyms(secret) : Pseudonyms.plain;
  }

  get isKeyed(): boolean {
    return this.secret !== undefined;
  }

  /** A conversation's state, and its count in the rate limit. */
  conversation(platform: string, conversationId: string): string {
    return this.hash([platform, conversationId], 32);
  }

  /** A user's count in the rate limit. */
  user(platform: string, userId: string): string {
    return this.hash([platform, userId], 32);
  }

  /** The claim that a user has voted on an entry. */
  vote(platform: string, userId: string, entryId: string): string {
    return this.hash([platform, userId, entryId], 32);
  }

  /** A place's subscription to the weekly tip (also its job's id in the scheduler). */
  place(platform: string, placeId: string): string {
    return this.hash([platform, placeId], 20);
  }

  /**
   * A name as it is now and as it was before the secret was set, so that a deletion also reaches what was
   * stored then: `pseudonyms.withEarlier((names) => names.vote(platform, user, entry))`.
   */
  withEarlier(name: (pseudonyms: Pseudonyms) => string): string[] {
    const names = [name(this), ...(this.secret ? [name(Pseudonyms.plain)] : [])];
    return [...new Set(names)];
  }

  /** Keyed, the parts are encoded unambiguously; plain, they are joined as they always were. */
  private hash(parts: readonly string[], length: number): string {
    const digest = this.secret
      ? createHmac("sha256", this.secret).update(JSON.stringify(parts))
      : createHash("sha256").update(parts.join("\u0000"));
    return digest.digest("hex").slice(0, length);
  }
}
