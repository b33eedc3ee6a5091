/**
 * What the bot keeps and for how long, as this deployment is configured: the privacy reply is made from
 * these facts, never from fixed text, so that it stays true when an operator changes a limit.
 */
export interface StorageFacts {
  /** Where the records live: Redis shared by every instance, or this process's memory. */
  where: "redis" | "memory";
  /** The conversation context, after the last message. */
  stateTtlSeconds: number;
  /** The check value that lets each user's vote on an entry count once, and the counts themselves. */
  voteTtlSeconds: number;
  /** The rate limits' counters; 0 where the limits are off. */
  rateLimitWindowSeconds: number;
  /** A weekly tip subscription, after its last delivery. */
  tipSubscriptionTtlSeconds: number;
}
