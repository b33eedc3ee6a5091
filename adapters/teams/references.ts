import { TurnContext, type Activity } from "botbuilder";

/** A conversation reference as stored: enough for botbuilder's continueConversationAsync. */
export interface StoredReference {
  serviceUrl?: string | undefined;
  channelId?: string | undefined;
  locale?: string | undefined;
  bot?: { id: string; name?: string | undefined } | undefined;
  conversation?:
    | { id: string; conversationType?: string; tenantId?: string | undefined; isGroup?: boolean | undefined }
    | undefined;
  user?: { id: string; aadObjectId?: string | undefined } | undefined;
}

/**
 * What a proactive message to a conversation needs and nothing more: the service address, the
 * conversation's id, type and tenant, the bot, the channel and the locale. No names of people or chats,
 * no message ids; of the user only their ids.
 */
export function storedReference(activity: Activity): StoredReference {
  const reference = TurnContext.getConversationReference(activity);
  const { conversation, bot, user } = reference;
  return {
    serviceUrl: reference.serviceUrl,
    channelId: reference.channelId,
    locale: reference.locale,
    bot: bot && { id: bot.id, name: bot.name },
    conversation: conversation && {
      id: conversation.id,
      conversationType: conversation.conversationType,
      tenantId: conversation.tenantId,
      isGroup: conversation.isGroup,
    },
    user: user && { id: user.id, aadObjectId: user.aadObjectId },
  };
}
