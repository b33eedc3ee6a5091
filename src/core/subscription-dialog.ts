import type { Logger } from "pino";
import type { ConversationState } from "../state/types.js";
import { isStoreUnavailable } from "../state/unavailable.js";
import type { ReplyContext } from "./replies.js";
import { scheduleFrom, type ScheduleWords } from "./schedule-words.js";
import * as replies from "./subscription-replies.js";
import type { OwnSubscription, Place, TipSubscriptions } from "./subscriptions.js";
import type { TurnResult } from "./turn-result.js";
import type { Turn } from "./types.js";

export type SubscriptionCommand = "subscribe" | "unsubscribe" | "subscription-status";

/**
 * Subscribing a place to the weekly tip, ending it and asking about it. Where the platform cannot receive
 * messages the bot sends on its own (the web chat), it says so and shows this week's tip instead.
 */
export class SubscriptionDialog {
  constructor(
    private readonly subscriptions: TipSubscriptions | undefined,
    private readonly logger: Logger,
    private readonly thisWeeksTip: (context: ReplyContext, state: ConversationState) => TurnResult,
  ) {}

  /** Whether buttons for subscribing belong under replies on this platform. */
  offeredOn(platform: string): boolean {
    return this.subscriptions?.supports(platform) === true;
  }

  subscribeSuggestion(context: ReplyContext) {
    const schedule = this.subscriptions?.defaultSchedule;
    return schedule ? replies.subscribeSuggestion(schedule, context.language) : undefined;
  }

  /** „Meine Daten löschen“: ends this place's subscription if the user created it; errors go to the caller. */
  async endOwn(turn: Turn): Promise<OwnSubscription> {
    const here = this.where(turn);
    return here ? here.subscriptions.unsubscribeOwn(turn.platform, here.place, turn.userId) : "none";
  }

  /** The subscriptions and the turn's place, where the platform can receive the weekly tip. */
  private where(turn: Turn): { subscriptions: TipSubscriptions; place: Place } | undefined {
    const { subscriptions } = this;
    const { place } = turn;
    if (!subscriptions || !place || !subscriptions.supports(turn.platform)) return undefined;
    return { subscriptions, place };
  }

  async run(
    command: SubscriptionCommand,
    words: ScheduleWords,
    turn: Turn,
    context: ReplyContext,
    state: ConversationState,
  ): Promise<TurnResult> {
    const here = this.where(turn);
    if (!here) {
      if (command !== "subscribe") return { reply: replies.notHereReply(undefined, context), state };
      const tip = this.thisWeeksTip(context, state);
      return { reply: replies.notHereReply(tip.reply, context), state: tip.state };
    }
    const { subscriptions, place } = here;
    if (command === "subscribe" && words.invalid) {
      return { reply: replies.invalidTimeReply(words.invalid, context), state };
    }
    try {
      switch (command) {
        case "subscribe": {
          const schedule = scheduleFrom(words, subscriptions.defaultSchedule);
          const status = await subscriptions.subscribe(
            turn.platform,
            place,
            schedule,
            context.language,
            turn.userId,
          );
          return { reply: replies.subscribedReply(status, place, turn.userName, context), state };
        }
        case "unsubscribe": {
          const existed = await subscriptions.unsubscribe(turn.platform, place);
          const reply = replies.unsubscribedReply(
            existed,
            place,
            turn.userName,
            context,
            subscriptions.defaultSchedule,
          );
          return { reply, state };
        }
        case "subscription-status": {
          const status = await subscriptions.status(turn.platform, place);
          return {
            reply: replies.statusReply(status, place, context, subscriptions.defaultSchedule),
            state,
          };
        }
      }
    } catch (error) {
      if (!isStoreUnavailable(error))
        this.logger.error({ err: error, command }, "weekly tip subscription could not be changed");
      return { reply: replies.storeFailedReply(context), state };
    }
  }
}
