import { webApi } from "@slack/bolt";
import { RateLimiterMemory, RateLimiterQueue } from "rate-limiter-flexible";
import type { SenderDependencies } from "../../src/adapter.js";
import type { Place } from "../../src/core/subscriptions.js";
import type { Reply } from "../../src/core/types.js";
import { DeliveryError, type Sender } from "../../src/proactive/sender.js";
import { renderReply } from "./blocks.js";
import { loadSlackConfig, type SlackConfig } from "./config.js";
import { StoredInstallations } from "./installation-store.js";
import { slackAddressSchema, type SlackAddress } from "./place.js";

/** Errors after which a channel will not take messages again until someone acts. */
const GONE = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "account_inactive",
  "token_revoked",
  "invalid_auth",
  "team_access_not_granted",
]);

/** Slack allows about one message per second and channel; bursts beyond wait their turn. */
function channelQueue(): RateLimiterQueue {
  return new RateLimiterQueue(new RateLimiterMemory({ points: 1, duration: 1 }), { maxQueueSize: 1_000 });
}

/** A Web API failure as a delivery failure: gone for good, or worth trying again (429, 5xx, network). */
export function slackFailure(error: unknown): DeliveryError {
  const failure = error as Partial<webApi.WebAPICallError> & {
    data?: { error?: string };
    retryAfter?: number;
    statusCode?: number;
  };
  switch (failure.code) {
    case webApi.ErrorCode.PlatformError: {
      const reason = failure.data?.error ?? "platform_error";
      if (GONE.has(reason)) return new DeliveryError({ kind: "gone", reason });
      return new DeliveryError({ kind: "retry", reason });
    }
    case webApi.ErrorCode.RateLimitedError:
      return new DeliveryError({
        kind: "retry",
        reason: "ratelimited",
        retryAfterMs: (failure.retryAfter ?? 1) * 1000,
      });
    case webApi.ErrorCode.HTTPError:
      return new DeliveryError({ kind: "retry", reason: `http_${failure.statusCode ?? "error"}` });
    default:
      return new DeliveryError({ kind: "retry", reason: failure.code ?? "request_failed" });
  }
}

/**
 * Posts replies to stored Slack places with chat.postMessage: with the bot token of a single workspace,
 * or the token of the place's installation. The client makes no retries of its own, so that delivery
 * decides on them (and honours Retry-After).
 */
export class SlackSender implements Sender {
  readonly platform = "slack";
  private readonly clients = new Map<string, webApi.WebClient>();
  private readonly queue = channelQueue();
  private readonly installations: StoredInstallations;

  constructor(
    private readonly config: SlackConfig,
    dependencies: SenderDependencies,
  ) {
    this.installations = new StoredInstallations(dependencies.records);
  }

  private client(token: string): webApi.WebClient {
    let client = this.clients.get(token);
    if (!client) {
      client = new webApi.WebClient(token, {
        slackApiUrl: this.config.apiUrl,
        rejectRateLimitedCalls: true,
        retryConfig: { retries: 0 },
        timeout: 10_000,
      });
      this.clients.set(token, client);
    }
    return client;
  }

  private async tokenFor(address: SlackAddress): Promise<string> {
    if (this.config.mode !== "oauth") return this.config.botToken;
    const installation = await this.installations
      .fetchInstallation({
        teamId: address.teamId,
        enterpriseId: address.enterpriseId,
        isEnterpriseInstall: address.isEnterpriseInstall === true,
      })
      .catch(() => undefined);
    const token = installation?.bot?.token;
    if (!token) throw new DeliveryError({ kind: "gone", reason: "installation_missing" });
    return token;
  }

  async send(place: Place, reply: Reply): Promise<void> {
    const parsed = slackAddressSchema.safeParse(place.address);
    if (!parsed.success) throw new DeliveryError({ kind: "gone", reason: "invalid_address" });
    const address = parsed.data;
    const token = await this.tokenFor(address);
    await this.queue.removeTokens(1, `${address.teamId}:${address.channel}`);
    try {
      await this.client(token).chat.postMessage({ channel: address.channel, ...renderReply(reply) });
    } catch (error) {
      throw slackFailure(error);
    }
  }
}

/** Slack's outbound half; undefined without Slack settings. */
export function createSlackSender(
  dependencies: SenderDependencies,
  env: NodeJS.ProcessEnv = process.env,
): Sender | undefined {
  const config = loadSlackConfig(env);
  return config ? new SlackSender(config, dependencies) : undefined;
}
