import type { webApi } from "@slack/bolt";
import { ExpiringMap } from "../../src/state/expiring-map.js";

const CACHE_SECONDS = 60 * 60;
const CACHE_SIZE = 5_000;

export interface SlackUserProfile {
  locale?: string | undefined;
  /** Display name, for replies that the channel reads ("… hat abonniert"). */
  name?: string | undefined;
}

/**
 * Users' Slack locales ("de-DE") and display names, asked once an hour per user with users.info and kept
 * in this process only. Without the users:read scope or when Slack does not answer, the bot goes by the
 * question and names nobody.
 */
export class UserLocales {
  private readonly cache = new ExpiringMap(CACHE_SIZE, Date.now);

  async profile(client: webApi.WebClient, teamId: string, userId: string): Promise<SlackUserProfile> {
    const key = `${teamId}:${userId}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return JSON.parse(cached) as SlackUserProfile;
    let profile: SlackUserProfile = {};
    try {
      const { user } = await client.users.info({ user: userId, include_locale: true });
      const name = user?.profile?.display_name || user?.real_name || user?.name || undefined;
      profile = { locale: user?.locale || undefined, name };
    } catch {
      // An unknown locale only means the default language; the answer does not depend on it.
    }
    this.cache.set(key, JSON.stringify(profile), CACHE_SECONDS);
    return profile;
  }

  async of(client: webApi.WebClient, teamId: string, userId: string): Promise<string | undefined> {
    return (await this.profile(client, teamId, userId)).locale;
  }
}
