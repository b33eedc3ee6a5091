import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Logger } from "pino";
import type { Pseudonyms } from "../state/pseudonyms.js";

/** Who sent a turn, as far as limits care: neither the text nor anything else of it. */
export interface Author {
  platform: string;
  userId: string;
  conversationId: string;
}

export type Admission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

/** Decides whether a turn may be answered; the core asks it before it reads the message. */
export interface TurnLimits {
  admit(author: Author): Promise<Admission>;
}

export interface RateLimiters {
  /** Messages per user and window; undefined where that limit is switched off. */
  perUser?: RateLimiterAbstract | undefined;
  /** Messages per conversation (a channel, a group chat) and window. */
  perConversation?: RateLimiterAbstract | undefined;
}

/**
 * Per-user and per-conversation rate limits. A user who writes too fast is limited everywhere they write;
 * a busy channel is limited as a whole, so many users together cannot flood it either. A limiter that
 * fails altogether (Redis and its in-memory insurance) lets the turn through: limits protect the bot, they
 * must not stop it from answering.
 */
export class RateLimits implements TurnLimits {
  constructor(
    private readonly limiters: RateLimiters,
    private readonly logger: Logger,
    private readonly pseudonyms: Pseudonyms,
  ) {}

  async admit(author: Author): Promise<Admission> {
    const { perUser, perConversation } = this.limiters;
    const { platform, userId, conversationId } = author;
    const byUser = perUser && (await this.consume(perUser, this.pseudonyms.user(platform, userId)));
    if (byUser && !byUser.admitted) return byUser;
    const byConversation =
      perConversation &&
      (await this.consume(perConversation, this.pseudonyms.conversation(platform, conversationId)));
    return byConversation ?? { admitted: true };
  }

  private async consume(limiter: RateLimiterAbstract, key: string): Promise<Admission> {
    try {
      await limiter.consume(key);
      return { admitted: true };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
      this.logger.error({ err: rejection }, "rate limit could not be checked; the turn is let through");
      return { admitted: true };
    }
  }
}
