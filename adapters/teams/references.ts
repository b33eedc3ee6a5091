import { TurnContext, type Activity } from "botbuilder";
import type { RecordStore } from "../../src/state/types.js";

/** Where the reference of a Teams conversation is kept (for proactive messages such as a weekly tip). */
export function referenceKey(conversationId: string): string {
  return `teams:conversation:${conversationId}`;
}

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

export class ConversationReferences {
  constructor(
    private readonly records: RecordStore,
    private readonly ttlSeconds: number,
  ) {}

  /** Stores or refreshes the conversation's reference; every turn extends its lifetime. */
  async remember(activity: Activity): Promise<void> {
    const key = referenceKey(activity.conversation.id);
    await this.records.putRecord(key, JSON.stringify(storedReference(activity)), this.ttlSeconds);
  }

  /** The bot was removed from the conversation: nothing may be sent there any more. */
  async forget(activity: Activity): Promise<void> {
    await this.records.deleteRecord(referenceKey(activity.conversation.id));
  }
}
