import { createHash } from "node:crypto";
import type { Logger } from "pino";
import type { KnowledgeBase } from "../knowledge/knowledge-base.js";
import type { Entry, Language } from "../knowledge/types.js";
import type { Retriever, Retrieval } from "../search/retriever.js";
import type { ConversationState, StateStore } from "../state/types.js";
import { detectIntent, type DetectedIntent } from "./intents.js";
import { detectLanguage, languageOfLocale } from "./language.js";
import * as replies from "./replies.js";
import { SubscriptionDialog } from "./subscription-dialog.js";
import type { TipSubscriptions } from "./subscriptions.js";
import { nextTip } from "./tips.js";
import type { TurnResult } from "./turn-result.js";
import type { Action, Reply, SectionRequest, Turn } from "./types.js";

/** Longer messages are cut: a question about participation fits into far fewer characters. */
export const MAX_TEXT_LENGTH = 1000;
const PUBLICATION_ID = "publikation";
/** When the bot declines, entries at least this confident are offered as buttons ("Vielleicht passt …"). */
const NEAR_MISS_CONFIDENCE = 0.4;
const MAX_NEAR_MISSES = 2;

export interface BotOptions {
  knowledge: KnowledgeBase;
  retriever: Retriever;
  store: StateStore;
  publicationUrl: string;
  logger: Logger;
  /** The weekly tip's subscriptions; without them "Tipp abonnieren" explains where the tip exists. */
  subscriptions?: TipSubscriptions | undefined;
  now?: () => Date;
}

type Pending<T> = T | Promise<T>;

/** State is filed under a hash: the store never sees a platform's conversation id. */
export function conversationKey(platform: string, conversationId: string): string {
  return createHash("sha256").update(`${platform}\u0000${conversationId}`).digest("hex").slice(0, 32);
}

function candidatesOf(retrieval: Retrieval): Reply["candidates"] {
  return retrieval.candidates.slice(0, 3).map((c) => ({ entryId: c.id, confidence: round(c.confidence) }));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** The state after showing an entry: follow-ups refer to it, and earlier "Meinten Sie …?" choices are settled. */
function showing(state: ConversationState, entryId: string): ConversationState {
  return { ...state, lastEntryId: entryId, choices: undefined };
}

/** Recommendations have "why" and "how" where methods have strengths and a process. */
const SECTION_FALLBACK: Partial<Record<SectionRequest, SectionRequest>> = {
  process: "how",
  how: "process",
  strengths: "why",
  why: "strengths",
  tips: "how",
};

function resolveSection(
  entry: Entry,
  section: SectionRequest,
  language: Language,
): SectionRequest | undefined {
  if (section === "sources" || entry.sections[language][section]) return section;
  const fallback = SECTION_FALLBACK[section];
  return fallback && fallback !== "sources" && entry.sections[language][fallback] ? fallback : undefined;
}

/**
 * The platform-neutral core: one turn in, one reply out. It reads the conversation state once and
 * writes it once per turn.
 */
export class Bot {
  private readonly now: () => Date;
  private readonly subscriptions: SubscriptionDialog;

  constructor(private readonly options: BotOptions) {
    this.now = options.now ?? (() => new Date());
    this.subscriptions = new SubscriptionDialog(options.subscriptions, options.logger, (context, state) =>
      this.tip(context, { ...state, lastTipId: undefined }),
    );
  }

  /**
   * What the bot can do, with example questions and the publication link, for a platform's welcome card
   * or home screen. Reads and writes no conversation state.
   */
  overview(locale?: string, platform?: string): Reply {
    const context = this.context(languageOfLocale(locale) ?? "de");
    return this.withSubscribeButton(replies.helpReply(context), context, platform);
  }

  /** Under tips and overviews, where the platform can receive the weekly tip: a button to subscribe. */
  private withSubscribeButton(reply: Reply, context: replies.ReplyContext, platform?: string): Reply {
    const button =
      platform && this.subscriptions.offeredOn(platform) && this.subscriptions.subscribeSuggestion(context);
    return button ? { ...reply, suggestions: [...reply.suggestions, button] } : reply;
  }

  async handle(turn: Turn): Promise<Reply> {
    const key = conversationKey(turn.platform, turn.conversationId);
    const state = await this.loadState(key);
    const text = turn.text.slice(0, MAX_TEXT_LENGTH);
    const result = await (turn.action
      ? this.onAction(turn.action, turn, state)
      : this.onText(text, turn, state));

    // One write per turn: feedback leaves the conversation as it was, so it only records the vote.
    const write = result.feedback
      ? this.options.store.recordFeedback(result.feedback.entryId, result.feedback.helpful)
      : this.options.store.save(key, { ...result.state, lastLanguage: result.reply.language });
    await write.catch((error: unknown) => {
      this.options.logger.error({ err: error }, "could not write conversation state");
    });
    this.options.logger.info(
      {
        platform: turn.platform,
        intent: result.reply.intent,
        outcome: result.reply.outcome,
        entryId: result.reply.entryId,
        score: result.reply.score,
        language: result.reply.language,
      },
      "turn answered",
    );
    return result.reply;
  }

  /** A store that cannot be reached costs the follow-up context, never the answer. */
  private async loadState(key: string): Promise<ConversationState> {
    try {
      return (await this.options.store.load(key)) ?? {};
    } catch (error) {
      this.options.logger.error({ err: error }, "could not load conversation state");
      return {};
    }
  }

  private context(language: Language): replies.ReplyContext {
    return { language, knowledge: this.options.knowledge, publicationUrl: this.options.publicationUrl };
  }

  private languageFor(turn: Turn, state: ConversationState, text = ""): Language {
    return (
      state.preferredLanguage ??
      detectLanguage(text) ??
      state.lastLanguage ??
      languageOfLocale(turn.locale) ??
      "de"
    );
  }

  private onAction(action: Action, turn: Turn, state: ConversationState): Pending<TurnResult> {
    const language = action.type === "language" ? action.language : this.languageFor(turn, state);
    const context = this.context(language);
    const { knowledge } = this.options;
    switch (action.type) {
      case "entry": {
        const entry = knowledge.get(action.entryId);
        if (!entry) return { reply: replies.unknownEntryReply(context), state };
        return {
          reply: replies.entryReply(entry, context),
          state: showing(state, entry.id),
        };
      }
      case "section": {
        const entry = knowledge.get(action.entryId);
        if (!entry) return { reply: replies.unknownEntryReply(context), state };
        return this.section(entry, action.section, context, state);
      }
      case "command":
        return this.command(action.command, context, state, turn);
      case "language":
        return {
          reply: replies.languageReply(context),
          state: { ...state, preferredLanguage: action.language },
        };
      case "feedback": {
        const entry = knowledge.get(action.entryId);
        if (!entry) return { reply: replies.unknownEntryReply(context), state };
        return {
          reply: replies.feedbackReply(action.helpful, context),
          state,
          feedback: { entryId: entry.id, helpful: action.helpful },
        };
      }
    }
  }

  private command(
    name: Extract<Action, { type: "command" }>["command"],
    context: replies.ReplyContext,
    state: ConversationState,
    turn: Turn,
  ): Pending<TurnResult> {
    switch (name) {
      case "help":
        return { reply: replies.helpReply(context), state };
      case "tip": {
        const result = this.tip(context, state);
        return { ...result, reply: this.withSubscribeButton(result.reply, context, turn.platform) };
      }
      case "subscribe":
      case "unsubscribe":
      case "subscription-status":
        return this.subscriptions.run(name, { rest: "" }, turn, context, state);
      case "publication":
        return this.publication(context, state);
      case "list-methods":
        return { reply: replies.listReply("methods", context), state };
      case "list-recommendations":
        return { reply: replies.listReply("recommendations", context), state };
      case "list-topics":
        return { reply: replies.listReply("topics", context), state };
    }
  }

  private onText(text: string, turn: Turn, state: ConversationState): Pending<TurnResult> {
    const intent = detectIntent(text);
    if (intent.type === "language") {
      return this.onAction({ type: "language", language: intent.language }, turn, state);
    }
    const context = this.context(this.languageFor(turn, state, text));
    return this.onIntent(intent, text, context, state, turn);
  }

  private onIntent(
    intent: DetectedIntent,
    text: string,
    context: replies.ReplyContext,
    state: ConversationState,
    turn: Turn,
  ): Pending<TurnResult> {
    switch (intent.type) {
      case "help":
      case "greeting":
        return { reply: replies.helpReply(context, intent.type), state };
      case "thanks":
        return { reply: replies.thanksReply(context), state };
      case "tip":
      case "publication":
        return this.command(intent.type, context, state, turn);
      case "subscription":
        return this.subscriptions.run(intent.command, intent.schedule, turn, context, state);
      case "list":
        return this.command(`list-${intent.what}`, context, state, turn);
      case "choice": {
        const id = state.choices?.[intent.index];
        const entry = id ? this.options.knowledge.get(id) : undefined;
        if (!entry) return this.ask(text, context, state);
        return {
          reply: replies.entryReply(entry, context),
          state: showing(state, entry.id),
        };
      }
      case "section":
        return this.sectionByText(intent.section, intent.rest, text, context, state);
      case "language":
      case "ask":
        return this.ask(text, context, state);
    }
  }

  private ask(text: string, context: replies.ReplyContext, state: ConversationState): TurnResult {
    const retrieval = this.options.retriever.retrieve(text);
    const candidates = candidatesOf(retrieval);
    switch (retrieval.outcome) {
      case "empty":
        return { reply: replies.noQuestionReply(context), state };
      case "decline": {
        const nearMisses = retrieval.candidates
          .filter((candidate) => candidate.confidence >= NEAR_MISS_CONFIDENCE)
          .slice(0, MAX_NEAR_MISSES)
          .map((candidate) => this.options.knowledge.get(candidate.id))
          .filter((entry): entry is Entry => entry !== undefined);
        const confidence = round(retrieval.candidates[0]?.confidence ?? 0);
        return { reply: replies.declineReply(context, confidence, candidates, nearMisses), state };
      }
      case "clarify": {
        const choices = retrieval.choices
          .map((choice) => this.options.knowledge.get(choice.id))
          .filter((entry): entry is Entry => entry !== undefined);
        const confidence = round(retrieval.choices[0]?.confidence ?? 0);
        return {
          reply: replies.clarifyReply(choices, context, confidence, candidates),
          state: { ...state, choices: choices.map((entry) => entry.id) },
        };
      }
      case "answer": {
        const entry = this.options.knowledge.get(retrieval.best.id);
        if (!entry) return { reply: replies.unknownEntryReply(context), state };
        const intent = entry.id === PUBLICATION_ID ? "publication" : "ask";
        return {
          reply: replies.entryReply(entry, context, {
            intent,
            confidence: round(retrieval.best.confidence),
            candidates,
          }),
          state: showing(state, entry.id),
        };
      }
    }
  }

  /**
   * "Risiken?" refers to the last entry; "Ablauf der Planungszelle" names its entry. Otherwise the whole
   * message is a question whose section words help to find the entry ("Vorteile von Beteiligung").
   */
  private sectionByText(
    section: SectionRequest,
    rest: string,
    text: string,
    context: replies.ReplyContext,
    state: ConversationState,
  ): TurnResult {
    const { retriever, knowledge } = this.options;
    if (!retriever.hasContent(rest)) {
      const last = state.lastEntryId ? knowledge.get(state.lastEntryId) : undefined;
      if (last) return this.section(last, section, context, state);
      if (section === "tips") return this.tip(context, state);
      return { reply: replies.noContextReply(context), state };
    }
    const namedId = retriever.entryNamedBy(rest);
    const named = namedId ? knowledge.get(namedId) : undefined;
    if (named) {
      const next = showing(state, named.id);
      const found = resolveSection(named, section, context.language);
      // "Chancen und Risiken von Bürgerbeteiligung" names an entry that is itself the answer.
      const reply = found
        ? replies.sectionReply(named, found, context, { confidence: 1 })
        : replies.entryReply(named, context, { confidence: 1 });
      return { reply, state: next };
    }

    const asked = this.ask(text, context, state);
    const entry =
      asked.reply.outcome === "answered" && asked.reply.entryId
        ? knowledge.get(asked.reply.entryId)
        : undefined;
    const found = entry ? resolveSection(entry, section, context.language) : undefined;
    if (!entry || !found) return asked;
    const options = { confidence: asked.reply.score, candidates: asked.reply.candidates };
    return { ...asked, reply: replies.sectionReply(entry, found, context, options) };
  }

  private section(
    entry: Entry,
    section: SectionRequest,
    context: replies.ReplyContext,
    state: ConversationState,
  ): TurnResult {
    const found = resolveSection(entry, section, context.language);
    const reply = found
      ? replies.sectionReply(entry, found, context)
      : replies.missingSectionReply(entry, section, context);
    return { reply, state: showing(state, entry.id) };
  }

  private tip(context: replies.ReplyContext, state: ConversationState): TurnResult {
    const tip = nextTip(this.options.knowledge.ofKind("recommendation"), state.lastTipId, this.now());
    const reply = replies.tipReply(tip, context);
    return {
      reply,
      state: tip ? { ...showing(state, tip.id), lastTipId: tip.id } : state,
    };
  }

  private publication(context: replies.ReplyContext, state: ConversationState): TurnResult {
    const entry = this.options.knowledge.get(PUBLICATION_ID);
    if (!entry) return { reply: replies.unknownEntryReply(context), state };
    return {
      reply: replies.entryReply(entry, context, { intent: "publication" }),
      state: showing(state, entry.id),
    };
  }
}
