import {
  MessageFactory,
  TeamsActivityHandler,
  teamsGetTenant,
  type Activity,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type TurnContext,
} from "botbuilder";
import { parseAction } from "../../src/core/action-schema.js";
import { languageOfLocale } from "../../src/core/language.js";
import type { Action, Reply } from "../../src/core/types.js";
import type { Logger } from "../../src/logger.js";
import type { Services } from "../../src/services.js";
import { isStoreUnavailable } from "../../src/state/unavailable.js";
import { cardAttachment, renderCard, summaryOf } from "./card.js";
import { teamsPlace, teamsScope } from "./place.js";
import { searchResult } from "./search.js";
import { messageTextOf } from "./text.js";

export const PLATFORM = "teams";

/** A card's Action.Submit sends `{ lotse: <action> }`; anything else is not a button of the bot. */
export function actionOf(value: unknown): Action | undefined {
  if (typeof value !== "object" || value === null || !("lotse" in value)) return undefined;
  return parseAction(value.lotse);
}

/** Users are told apart per tenant: their Entra object id where Teams gives it, else their channel id. */
export function userIdOf(activity: Activity): string {
  const tenant = activity.conversation.tenantId ?? teamsGetTenant(activity)?.id ?? "";
  return `${tenant}:${activity.from.aadObjectId ?? activity.from.id}`;
}

/** The reply as a message: the Adaptive Card, with plain text for clients that cannot show cards. */
export function replyActivity(reply: Reply): Partial<Activity> {
  return { ...MessageFactory.attachment(cardAttachment(renderCard(reply))), summary: summaryOf(reply) };
}

function includesBot(members: Activity["membersAdded"] | undefined, activity: Activity): boolean {
  return (members ?? []).some((member) => member.id === activity.recipient.id);
}

/**
 * Translates Teams activities into the core's turns and renders its replies: messages in personal chat,
 * @mentions in channels and group chats, card buttons, the welcome when the bot is added, and the message
 * extension's search. Nothing of a conversation is kept here: a weekly tip subscription carries its own
 * delivery address.
 */
export class TeamsBot extends TeamsActivityHandler {
  constructor(
    private readonly services: Services,
    private readonly logger: Logger,
  ) {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(replyActivity(await this.answer(context.activity)));
      await next();
    });
    this.onConversationUpdate(async (context, next) => {
      const { activity } = context;
      if (includesBot(activity.membersRemoved, activity)) await this.forget(activity);
      await next();
    });
    // A personal app that is uninstalled sends this instead of a removal.
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.forget(context.activity);
      await next();
    });
    // Only the bot's own arrival is welcomed, not every member who joins a team or chat later.
    this.onMembersAdded(async (context, next) => {
      if (includesBot(context.activity.membersAdded, context.activity)) {
        const overview = this.services.bot.overview(context.activity.locale, PLATFORM);
        await context.sendActivity(replyActivity(overview));
      }
      await next();
    });
  }

  /** A message, or a card's button (a message carrying `value`), as the core's turn. */
  private answer(activity: Activity): Promise<Reply> {
    const clicked = activity.value !== undefined;
    const action = clicked ? actionOf(activity.value) : undefined;
    if (clicked && !action)
      this.logger.warn("card submit with an unknown value answered as an empty message");
    return this.services.bot.handle({
      text: clicked ? "" : messageTextOf(activity),
      action,
      userId: userIdOf(activity),
      conversationId: activity.conversation.id,
      platform: PLATFORM,
      locale: activity.locale,
      userName: activity.from.name || undefined,
      place: teamsPlace(activity),
    });
  }

  protected override handleTeamsMessagingExtensionQuery(
    context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    const language = languageOfLocale(context.activity.locale) ?? "de";
    return Promise.resolve(searchResult(this.services, query, language));
  }

  /** The bot left: no weekly tip is sent there any more. */
  private async forget(activity: Activity): Promise<void> {
    await this.services.tips.removeScope(PLATFORM, teamsScope(activity)).catch((error: unknown) => {
      if (!isStoreUnavailable(error))
        this.logger.error({ err: error }, "could not end the weekly tip subscriptions");
    });
  }
}
