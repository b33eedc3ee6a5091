import type { webApi } from "@slack/bolt";
import { ExpiringMap } from "../../src/state/expiring-map.js";

const CACHE_SECONDS = 60 * 60;
const CACHE_SIZE = 5_000;

/**
 * Users' Slack locales ("de-DE"), asked once an hour per user with users.info and kept in this process
 * only. Without the users:read scope or when Slack does not answer, the bot goes by the question.
 */
export class UserLocales {
  private readonly cache = new ExpiringMap(CACHE_SIZE, Date.now);

  async of(client: webApi.WebClient, teamId: string, userId: string): Promise<string | undefined> {
    const key = `${teamId}:${userId}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached || undefined;
    let locale = "";
    try {
      const result = await client.users.info({ user: userId, include_locale: true });
      locale = result.user?.locale ?? "";
    } catch {
      // An unknown locale only means the default language; the answer does not depend on it.
    }
    this.cache.set(key, locale, CACHE_SECONDS);
    return locale || undefined;
  }
}
