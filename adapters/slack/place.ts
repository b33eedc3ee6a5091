import { z } from "zod";
import type { Place, PlaceKind } from "../../src/core/subscriptions.js";

/** What a Slack place's address holds: the workspace (or organisation) and the channel. */
export const slackAddressSchema = z.object({
  teamId: z.string().min(1).max(40),
  enterpriseId: z.string().max(40).optional(),
  isEnterpriseInstall: z.boolean().optional(),
  channel: z.string().regex(/^[A-Z0-9]{2,40}$/),
});
export type SlackAddress = z.infer<typeof slackAddressSchema>;

/** Direct messages start with D (or are a user id, for the App Home); everything else is read by many. */
function kindOf(channel: string): PlaceKind {
  if (channel.startsWith("D") || channel.startsWith("U") || channel.startsWith("W")) return "personal";
  return "channel";
}

/** The workspace, or for an organisation-wide install the organisation: what an uninstall ends. */
export function slackScope(teamId: string, enterpriseId?: string, isEnterpriseInstall?: boolean): string {
  return isEnterpriseInstall ? `org:${enterpriseId ?? ""}` : `team:${teamId}`;
}

export function slackPlace(address: SlackAddress): Place {
  return {
    id: `${address.teamId}:${address.channel}`,
    kind: kindOf(address.channel),
    address: { ...address },
    scope: slackScope(address.teamId, address.enterpriseId, address.isEnterpriseInstall),
  };
}
