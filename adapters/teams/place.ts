import { teamsGetTeamInfo, type Activity } from "botbuilder";
import { z } from "zod";
import type { Place, PlaceKind } from "../../src/core/subscriptions.js";
import { storedReference } from "./references.js";

/** A channel thread's id ends in ";messageid=…"; the channel itself is the part before. */
export function withoutThread(conversationId: string): string {
  return conversationId.replace(/;messageid=\d+$/, "");
}

/** A stored conversation reference, as a Teams place's address: what continueConversationAsync needs. */
export const teamsAddressSchema = z.object({
  serviceUrl: z.url({ protocol: /^https?$/ }),
  channelId: z.string().max(50).optional(),
  locale: z.string().max(35).optional(),
  bot: z.object({ id: z.string().min(1).max(200), name: z.string().max(200).optional() }),
  conversation: z.object({
    id: z.string().min(1).max(500),
    conversationType: z.string().max(30).optional(),
    tenantId: z.string().max(100).optional(),
    isGroup: z.boolean().optional(),
  }),
  user: z.object({ id: z.string().max(500), aadObjectId: z.string().max(100).optional() }).optional(),
});
export type TeamsAddress = z.infer<typeof teamsAddressSchema>;

function kindOf(conversationType: string | undefined): PlaceKind {
  if (conversationType === "channel") return "channel";
  if (conversationType === "groupChat") return "group";
  return "personal";
}

/** A team's channels end when the app leaves the team; other chats end on their own. */
export function teamsScope(activity: Activity): string {
  const team = teamsGetTeamInfo(activity)?.id;
  return team ? `team:${team}` : `conversation:${withoutThread(activity.conversation.id)}`;
}

/**
 * Where a Teams activity happened, as a place for the weekly tip: a channel (not the thread the message
 * was in, so tips start threads of their own), a group chat or a personal chat.
 */
export function teamsPlace(activity: Activity): Place {
  const reference = storedReference(activity);
  const id = withoutThread(activity.conversation.id);
  const conversation = { ...reference.conversation, id };
  return {
    id,
    kind: kindOf(activity.conversation.conversationType),
    address: { ...reference, conversation },
    scope: teamsScope(activity),
  };
}
