import { CloudAdapter, type ConversationReference } from "botbuilder";
import type { SenderDependencies } from "../../src/adapter.js";
import type { Place } from "../../src/core/subscriptions.js";
import type { Reply } from "../../src/core/types.js";
import { DeliveryError, type Sender } from "../../src/proactive/sender.js";
import { authenticationOf, isEmulatorServiceUrl } from "./auth.js";
import type { TeamsConfig } from "./config.js";
import { loadTeamsConfig } from "./config.js";
import { replyActivity } from "./handler.js";
import { teamsAddressSchema } from "./place.js";

/** A Bot Connector failure as a delivery failure: 403/404 mean the bot is out, 429 and 5xx pass. */
export function teamsFailure(error: unknown): DeliveryError {
  const failure = error as {
    statusCode?: number;
    response?: { headers?: { get?(name: string): string | undefined } };
  };
  const status = failure.statusCode;
  if (status === 403) return new DeliveryError({ kind: "gone", reason: "forbidden" });
  if (status === 404) return new DeliveryError({ kind: "gone", reason: "not_found" });
  const retryAfter = Number(failure.response?.headers?.get?.("retry-after"));
  return new DeliveryError({
    kind: "retry",
    reason: status ? `http_${status}` : error instanceof Error ? error.message : "request_failed",
    retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined,
  });
}

/**
 * Sends replies to stored Teams conversations with the conversation reference the subscription kept
 * (botbuilder's continueConversationAsync). Without MicrosoftAppId only a local Emulator is written to.
 */
export class TeamsSender implements Sender {
  readonly platform = "teams";
  private readonly adapter: CloudAdapter;

  constructor(private readonly config: TeamsConfig) {
    this.adapter = new CloudAdapter(authenticationOf(config));
  }

  async send(place: Place, reply: Reply): Promise<void> {
    const parsed = teamsAddressSchema.safeParse(place.address);
    if (!parsed.success) throw new DeliveryError({ kind: "gone", reason: "invalid_address" });
    const reference = parsed.data as Partial<ConversationReference>;
    if (!this.config.auth && !isEmulatorServiceUrl(parsed.data.serviceUrl)) {
      throw new DeliveryError({ kind: "gone", reason: "forbidden" });
    }
    try {
      await this.adapter.continueConversationAsync(
        this.config.auth?.MicrosoftAppId ?? "",
        reference,
        async (context) => {
          await context.sendActivity(replyActivity(reply));
        },
      );
    } catch (error) {
      throw teamsFailure(error);
    }
  }
}

export function createTeamsSender(
  _dependencies: SenderDependencies,
  env: NodeJS.ProcessEnv = process.env,
): Sender {
  return new TeamsSender(loadTeamsConfig(env));
}
