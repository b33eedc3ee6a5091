import type { Logger } from "pino";
import type { KnowledgeBase } from "../knowledge/knowledge-base.js";
import type { Entry, Language } from "../knowledge/types.js";
import type { Retriever, Retrieval } from "../search/retriever.js";
import type { ConversationState, StateStore } from "../state/types.js";
import { withinBudget } from "../limits/question-budget.js";
import type { TurnLimits } from "../limits/turn-limits.js";
import { VoteLedger } from "../limits/votes.js";
import { Pseudonyms } from "../state/pseudonyms.js";
import { forgottenReply, notForgottenReply, privacyReply } from "./privacy/privacy-reply.js";
import type { StorageFacts } from "./privacy/storage-facts.js";
import { MAX_UNDECIDED } from "../state/codec.js";
import { isStoreUnavailable } from "../state/unavailable.js";
import { parseAction } from "./action-schema.js";
import { attributeReply, attributeText } from "./attribute-replies.js";
import { comparisonReply, compareCueIn } from "./compare.js";
import { Conversation, type MethodRequest } from "./conversation.js";
import { conversationMessagesFor } from "./conversation-messages.js";
import { FinderDialogue } from "./dialogues/finder.js";
import { detectFacet, type Facet, type FacetRequest } from "./facets.js";
import { constraintPositions, constraintsIn, countOf, type Constraints } from "./finder/constraints.js";
import { withoutPositions } from "./lexicon.js";
import { meetsHardConstraints, rankMethods } from "./finder/rank.js";
import { criteriaText, methodListReply } from "./finder/replies.js";
import { detectIntent, requestedLanguage, type DetectedIntent } from "./intents.js";
import { detectLanguage, languageOfLocale } from "./language.js";
import { numberedActions } from "./reply-view.js";
import * as replies from "./replies.js";
import { whichOneReply } from "./replies.js";
import { SubscriptionDialog } from "./subscription-dialog.js";
import type { TipSubscriptions } from "./subscriptions.js";
import { nextTip } from "./tips.js";
import type { TurnObserver } from "./turn-observer.js";
import type { TurnResult } from "./turn-result.js";
import type { Action, AttributeKey, Reply, SectionRequest, Turn } from "./types.js";

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
  /** Rate limits per user and conversation; without them every turn is answered. */
  limits?: TurnLimits | undefined;
  /**
   * What is kept and for how long, as configured: for „Datenschutz“, and how long one user's vote on an
   * entry keeps a second one from counting.
   */
  storage: StorageFacts;
  /** Monitoring (see src/metrics); the core only reports to it. */
  observer?: TurnObserver | undefined;
  /** The names state is filed under (keyed with STATE_HASH_SECRET where set); plain hashes by default. */
  pseudonyms?: Pseudonyms | undefined;
  now?: () => Date;
}

type Pending<T> = T | Promise<T>;

/** State is filed under a pseudonym: the store never sees a platform's conversation id. */
export function conversationKey(
  platform: string,
  conversationId: string,
  pseudonyms: Pseudonyms = Pseudonyms.plain,
): string {
  return pseudonyms.conversation(platform, conversationId);
}

function candidatesOf(retrieval: Retrieval): Reply["candidates"] {
  return retrieval.candidates.slice(0, 3).map((c) => ({ entryId: c.id, confidence: round(c.confidence) }));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** The state after showing an entry: follow-ups refer to it, and the one before stays at hand. */
function showing(state: ConversationState, entryId: string): ConversationState {
  return state.lastEntryId === entryId
    ? state
    : { ...state, lastEntryId: entryId, previousEntryId: state.lastEntryId };
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

/** The finder's criteria that give a value for each method attribute a follow-up may ask about. */
const CRITERION_OF: Record<AttributeKey, readonly (keyof Constraints)[]> = {
  participants: ["people"],
  duration: ["time"],
  format: ["format"],
  selection: ["selection"],
  cost: ["lowCost"],
  level: ["level"],
  purposes: ["purpose"],
  origin: [],
  legalBasis: [],
};

/** What gives the last answer again in another language: a button's action, or the finder's last result. */
type Replay = Action | "finder";

function replayOf(stored: unknown): Replay | undefined {
  return stored === "finder" ? "finder" : parseAction(stored);
}

/**
 * The platform-neutral core: one turn in, one reply out. It reads the conversation state once and
 * writes it once per turn. Multi-turn flows (the method finder) are consulted before the message is read
 * as a new request; follow-ups are resolved against the entry in view (see conversation.ts).
 */
export class Bot {
  private readonly now: () => Date;
  private readonly subscriptions: SubscriptionDialog;
  private finder: FinderDialogue;
  private conversation: Conversation;
  private readonly votes: VoteLedger;
  private readonly pseudonyms: Pseudonyms;

  constructor(private options: BotOptions) {
    this.now = options.now ?? (() => new Date());
    this.pseudonyms = options.pseudonyms ?? Pseudonyms.plain;
    this.votes = new VoteLedger(options.store, options.storage.voteTtlSeconds, this.pseudonyms);
    this.subscriptions = new SubscriptionDialog(options.subscriptions, options.logger, (context, state) =>
      this.tip(context, { ...state, lastTipId: undefined }),
    );
    this.finder = new FinderDialogue(options.knowledge, options.retriever);
    this.conversation = new Conversation(options.knowledge, options.retriever);
  }

  /** A new version of the knowledge base (reloaded after an edit): the next turns answer from it. */
  useKnowledge(knowledge: KnowledgeBase, retriever: Retriever): void {
    this.options = { ...this.options, knowledge, retriever };
    this.finder = new FinderDialogue(knowledge, retriever);
    this.conversation = new Conversation(knowledge, retriever);
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
    const started = performance.now();
    const admission = await (this.options.limits?.admit(turn) ?? { admitted: true as const });
    const key = conversationKey(turn.platform, turn.conversationId, this.pseudonyms);
    const state = await this.loadState(key);
    // Every platform's turn passes here, so this is where the cost of one message is bounded.
    const text = withinBudget(turn.text.slice(0, MAX_TEXT_LENGTH));
    if (!admission.admitted) return this.slowDown(turn, state, text, admission.retryAfterSeconds);
    const result = await (turn.action
      ? this.onAction(turn.action, turn, state)
      : this.onText(text, turn, state));

    // One write per turn: feedback leaves the conversation as it was, so it only records the vote; a
    // deletion has done its writing already.
    const write = result.feedback
      ? this.countVote(turn, result.feedback)
      : result.forgotten
        ? Promise.resolve()
        : this.options.store.save(key, this.remembered(result));
    await write.catch((error: unknown) => {
      // An outage of the store is logged once by the store, not here per turn.
      if (!isStoreUnavailable(error))
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
    this.options.observer?.answered({
      platform: turn.platform,
      intent: result.reply.intent,
      outcome: result.reply.outcome,
      seconds: (performance.now() - started) / 1000,
    });
    return result.reply;
  }

  /**
   * Over the rate limit: the same short note for every message until the window has passed, never an
   * answer – no retrieval, no state written.
   */
  private slowDown(turn: Turn, state: ConversationState, text: string, retryAfterSeconds: number): Reply {
    const context = this.context(this.languageFor(turn, state, text));
    this.options.logger.info({ platform: turn.platform, retryAfterSeconds }, "turn rate-limited");
    this.options.observer?.rateLimited(turn.platform);
    return replies.slowDownReply(context, retryAfterSeconds);
  }

  /** One vote per user and entry: a repeated one is thanked for like the first but not counted. */
  private async countVote(turn: Turn, vote: { entryId: string; helpful: boolean }): Promise<void> {
    if (!(await this.votes.firstVote(turn.platform, turn.userId, vote.entryId))) return;
    await this.options.store.recordFeedback(vote.entryId, vote.helpful);
    this.options.observer?.voteCounted(vote.helpful);
  }

  /** What the next turn needs of this one: its language, its buttons by number, and how to repeat it. */
  private remembered(result: TurnResult): ConversationState {
    const offered = numberedActions(result.reply).map((suggestion) => suggestion.action);
    const undecided =
      result.reply.outcome === "clarify"
        ? result.reply.choices.flatMap(({ action }) => (action.type === "entry" ? [action.entryId] : []))
        : [];
    return {
      ...result.state,
      lastLanguage: result.reply.language,
      offered: offered.length > 0 ? offered : undefined,
      undecided: undecided.length >= 2 ? undecided.slice(0, MAX_UNDECIDED) : undefined,
      lastAction: result.replay,
    };
  }

  /** A store that cannot be reached costs the follow-up context, never the answer. */
  private async loadState(key: string): Promise<ConversationState> {
    try {
      return (await this.options.store.load(key)) ?? {};
    } catch (error) {
      if (!isStoreUnavailable(error))
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

  private entry(id: string | undefined): Entry | undefined {
    return id ? this.options.knowledge.get(id) : undefined;
  }

  private onAction(
    action: Action,
    turn: Turn,
    state: ConversationState,
    language = action.type === "language" ? action.language : this.languageFor(turn, state),
  ): Pending<TurnResult> {
    const context = this.context(language);
    const unknown = { reply: replies.unknownEntryReply(context), state };
    switch (action.type) {
      case "entry": {
        const entry = this.entry(action.entryId);
        if (!entry) return unknown;
        return { reply: replies.entryReply(entry, context), state: showing(state, entry.id), replay: action };
      }
      case "section": {
        const entry = this.entry(action.entryId);
        return entry ? this.section(entry, action.section, context, state) : unknown;
      }
      case "attribute": {
        const entry = this.entry(action.entryId);
        return entry
          ? this.facet(entry, { kind: "attribute", attribute: action.attribute }, context, state)
          : unknown;
      }
      case "compare": {
        const [a, b] = action.entryIds.map((id) => this.entry(id));
        return a && b ? this.compare(a, b, context, state) : unknown;
      }
      case "alternatives": {
        const entry = this.entry(action.entryId);
        return entry ? this.alternatives(entry, {}, context, state) : unknown;
      }
      case "find":
        return this.found(this.finder.onAction(action, context, state));
      case "command":
        return this.command(action.command, context, state, turn);
      case "language":
        return this.switchLanguage(action.language, turn, state);
      case "feedback": {
        const entry = this.entry(action.entryId);
        if (!entry) return unknown;
        return {
          reply: replies.feedbackReply(action.helpful, context),
          state,
          feedback: { entryId: entry.id, helpful: action.helpful },
        };
      }
    }
  }

  /** "auf Englisch bitte" right after an answer gives that answer again, and the language stays. */
  private async switchLanguage(
    language: Language,
    turn: Turn,
    state: ConversationState,
  ): Promise<TurnResult> {
    const next = { ...state, preferredLanguage: language };
    const replay = replayOf(state.lastAction);
    if (replay === "finder") {
      const again = this.finder.replay(this.context(language), next);
      if (again) return this.found(again);
    } else if (replay && replay.type !== "language" && replay.type !== "feedback") {
      return this.onAction(replay, turn, next, language);
    }
    return { reply: replies.languageReply(this.context(language)), state: next };
  }

  /** The finder's results can be repeated in another language. */
  private found(result: TurnResult): TurnResult {
    return result.reply.outcome === "answered" ? { ...result, replay: "finder" } : result;
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
      case "forget":
        return this.forget(turn, context);
    }
  }

  /**
   * „Daten löschen“ confirmed: this conversation's state, the user's vote claims and a tip subscription
   * they created here go, also under the names of before STATE_HASH_SECRET was set. The reply says what
   * went; where the store fails it says so instead of claiming a deletion.
   */
  private async forget(turn: Turn, context: replies.ReplyContext): Promise<TurnResult> {
    const { store, knowledge, storage, logger } = this.options;
    try {
      const keys = this.pseudonyms.withEarlier((names) =>
        names.conversation(turn.platform, turn.conversationId),
      );
      for (const key of keys) await store.forget(key);
      const entryIds = knowledge.entries.map((entry) => entry.id);
      await this.votes.forget(turn.platform, turn.userId, entryIds);
      const subscription = await this.subscriptions.endOwn(turn);
      return { reply: forgottenReply(storage, context, subscription), state: {}, forgotten: true };
    } catch (error) {
      if (!isStoreUnavailable(error)) logger.error({ err: error }, "data could not be deleted");
      return { reply: notForgottenReply(context), state: {}, forgotten: true };
    }
  }

  private onText(text: string, turn: Turn, state: ConversationState): Pending<TurnResult> {
    const intent = detectIntent(text);
    if (intent.type === "language") return this.switchLanguage(intent.language, turn, state);
    const asked = intent.type === "ask" ? requestedLanguage(text) : undefined;
    if (asked && !this.conversation.namesAny(text)) return this.switchLanguage(asked, turn, state);
    if (intent.type === "choice") {
      const action = parseAction(state.offered?.[intent.index]);
      if (action) return this.onAction(action, turn, state);
    }
    const context = this.context(this.languageFor(turn, state, text));
    // An active flow reads the message first; a message that is not for it ends it.
    if (intent.type === "ask" && this.finder.isActive(state)) {
      const answered = this.finder.continue(text, context, state, {
        asksSomethingElse: this.asksSomethingElse(text),
        described: this.describes(text),
        continues: this.conversation.refersBack(text),
      });
      if (answered) return this.found(answered);
    }
    const current = this.finder.isActive(state) ? this.finder.end(state) : state;
    return this.onIntent(intent, text, context, current, turn);
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
      case "privacy":
        return { reply: privacyReply(this.options.storage, context, intent.askedToDelete), state };
      case "tip":
      case "publication":
        return this.command(intent.type, context, state, turn);
      case "subscription":
        return this.subscriptions.run(intent.command, intent.schedule, turn, context, state);
      case "list":
        return this.command(`list-${intent.what}`, context, state, turn);
      case "choice":
      case "language":
      case "ask":
        return this.converse(text, context, state);
    }
  }

  /**
   * A message that is no command: a comparison, a request for a method or an alternative, a follow-up
   * about the entry in view, or a new question.
   */
  private converse(text: string, context: replies.ReplyContext, state: ConversationState): TurnResult {
    const inView = this.entry(state.lastEntryId);
    const named = this.conversation.namedIn(text);
    const facet = detectFacet(text, (rest) => this.conversation.keepsNames(rest, named));
    // Right after a „Meinten Sie …?", "und wie setze ich das um?" is about one of its choices: which one?
    const [first, second] = (state.undecided ?? []).map((id) => this.entry(id));
    if (first && second && this.conversation.pointsBackOnly(text, facet !== undefined)) {
      return this.whichOne([first, second], facet?.facet, context, state);
    }
    // A message that is an entry's name ("Zufallsauswahl", "Beteiligungsstufen") asks for that entry –
    // unless it is made of facet words only and an entry is in view ("online oder Präsenz?").
    const facetOnly = inView && facet && !this.options.retriever.hasContent(facet.rest);
    if (!facetOnly && this.options.retriever.entryNamedBy(text)) return this.ask(text, context, state);

    // "und welches ist billiger?", "which one needs more people?" right after a comparison.
    const last = replayOf(state.lastAction);
    if (last !== "finder" && last?.type === "compare" && !this.conversation.namesAny(text)) {
      const [a, b] = last.entryIds.map((id) => this.entry(id));
      const ofBoth = this.conversation.asksWhichOfTwo(text);
      if (a && b && (facet || ofBoth)) {
        // "wie lange dauert so ne Befragung?" is about one of the two; "welche von beiden …?" and the
        // rest about both again.
        const one = facet && !ofBoth && this.conversation.oneOf([a, b], facet.rest);
        if (one) return this.facet(one, facet.facet, context, state, 1);
        return this.compare(a, b, context, state, facet);
      }
    }

    const cue = compareCueIn(text);
    if (cue) {
      const named = this.conversation.namedIn(text);
      const [first, second] = named;
      if (first && second) return this.compare(first, second, context, state);
      if (cue === "strong" && first && inView && first.id !== inView.id) {
        return this.compare(inView, first, context, state);
      }
      const previous = this.entry(state.previousEntryId);
      if (cue === "strong" && !first && inView && previous && !this.hasOwnContent(text)) {
        return this.compare(previous, inView, context, state);
      }
    }

    const request =
      this.conversation.methodRequest(text, inView !== undefined && facet !== undefined) ??
      this.situationRequest(text);
    const oneEntry = request !== undefined && this.describesOneEntry(text, request.explicit);
    if (
      request &&
      !oneEntry &&
      !this.answersPurpose(text) &&
      (request.forFinder || !this.asksAboutOtherThanMethods(text))
    ) {
      const described = this.describes(text);
      return this.found(this.finder.start(text, context, state, { askBack: request.askBack, described }));
    }
    // A method described by criteria is answered with that method, not with the fact a criterion word
    // names ("online" → its format).
    const asked = oneEntry && !this.asksFacetBeyondCriteria(text) ? undefined : facet;
    const answer = this.answerInContext(text, asked, inView, context, state);
    // A request answered with the one method it describes, or a situation stated in criteria ("~25
    // Kinder, ein Vormittag") answered by retrieval: criteria added next refine it as a finder would.
    const situation = !request && this.conversation.statesSituation(text);
    return oneEntry || situation ? this.finder.rememberAnswer(text, answer, { situation }) : answer;
  }

  /** A message that is no comparison and no request for the finder: about the entry in view, or new. */
  private answerInContext(
    text: string,
    facet: FacetRequest | undefined,
    inView: Entry | undefined,
    context: replies.ReplyContext,
    state: ConversationState,
  ): TurnResult {
    const namedMethod = this.conversation.namedIn(text).find((entry) => entry.method);
    const like = namedMethod ?? (inView?.method ? inView : undefined);
    if (like && this.conversation.asksForAlternative(text, facet !== undefined)) {
      return this.alternatives(like, constraintsIn(text), context, state);
    }
    if (facet) return this.facetByText(facet, text, inView, context, state);

    const criteria = inView?.method ? this.conversation.criteriaOnly(text) : undefined;
    if (inView && criteria) return this.alternatives(inView, criteria, context, state);

    if (inView && this.conversation.refersBack(text)) {
      const target = this.conversation.target(text, text, inView, false);
      if (target.kind === "which") return this.whichOne(target.entries, undefined, context, state);
      if (target.kind === "entry" && target.how === "in-view") {
        return this.onActionSync({ type: "entry", entryId: inView.id }, context, state);
      }
    }
    return this.ask(text, context, state);
  }

  /**
   * "Welches Verfahren passt, wenn Laien Fachleute befragen und ein Votum schreiben?" describes an entry
   * rather than criteria: where the message has words beyond them and retrieval is sure of an entry, the
   * answer is that entry – if the message states fewer than two criteria or does not ask for a method in
   * so many words ("25 ausgeloste Leute schreiben am Ende ein Gutachten?"). Otherwise the finder ranks,
   * with a method retrieval is sure of first where it meets the criteria.
   */
  private describesOneEntry(text: string, explicit: boolean): boolean {
    if (!this.conversation.hasOwnContent(text)) return false;
    const retrieval = this.options.retriever.retrieve(text);
    if (retrieval.outcome !== "answer") return false;
    const constraints = constraintsIn(text);
    // A situation stated with criteria only methods have asks for a method that meets them, even where its
    // words match a recommendation or a method that breaks one of them best.
    if (this.conversation.statesSituation(text, constraints)) {
      const method = this.entry(retrieval.best.id)?.method;
      if (!method || !meetsHardConstraints(method, constraints)) return false;
    }
    return !explicit || countOf(constraints) < 2;
  }

  /**
   * A situation stated with criteria only methods have ("~25 Kinder, ein Vormittag") where retrieval's
   * answer is no method that meets them: the finder ranks the methods that do, with the words as evidence.
   */
  private situationRequest(text: string): MethodRequest | undefined {
    if (!this.conversation.statesSituation(text)) return undefined;
    const retrieval = this.options.retriever.retrieve(text);
    const best = retrieval.outcome === "answer" ? this.entry(retrieval.best.id)?.method : undefined;
    return best && meetsHardConstraints(best, constraintsIn(text))
      ? undefined
      : { explicit: false, askBack: false };
  }

  /** Whether a message describes the task in words of its own, beyond criteria and request words. */
  private describes(text: string): boolean {
    const description = this.conversation.description(text);
    return (
      this.options.retriever.hasContent(description) &&
      this.options.retriever.retrieve(description).outcome !== "decline"
    );
  }

  /**
   * Whether a message asks more than criteria: about a facet ("wie lange dauert das bei 20 Leuten?") or
   * an entry by name.
   */
  private asksSomethingElse(text: string): boolean {
    return this.conversation.namesAny(text) || this.asksFacetBeyondCriteria(text);
  }

  /** Whether a message asks about a facet, beyond the words that state its criteria ("online", "ausgelost"). */
  private asksFacetBeyondCriteria(text: string): boolean {
    const rest = withoutPositions(text, constraintPositions(text));
    const facet = detectFacet(rest)?.facet;
    if (!facet) return false;
    // "randomly selected people": the word for the attribute next to the value given for it states a
    // criterion, it does not ask about the attribute.
    const given = constraintsIn(text);
    return !(facet.kind === "attribute" && CRITERION_OF[facet.attribute].some((key) => key in given));
  }

  /**
   * A purpose alone ("welches Format, wenn wir nur Ideen wollen?") is what recommendations and concepts
   * answer; where retrieval is sure of one, that is the answer. Criteria only the methods' attributes can
   * check (group size, time, format, selection, cost, level) make it a task for the finder.
   */
  private answersPurpose(text: string): boolean {
    const { purpose, ...checkable } = constraintsIn(text);
    return (
      purpose !== undefined &&
      countOf(checkable) === 0 &&
      this.options.retriever.retrieve(text).outcome === "answer"
    );
  }

  /**
   * "Woran erkennen wir, ob unser Verfahren gut gelaufen ist … oder brauchen wir ein Institut?" states no
   * criteria, and what retrieval finds for it is no method: it asks about that, not for a choice of method.
   */
  private asksAboutOtherThanMethods(text: string): boolean {
    if (countOf(constraintsIn(text)) > 0 || !this.conversation.hasOwnContent(text)) return false;
    const retrieval = this.options.retriever.retrieve(text);
    if (retrieval.outcome === "decline" || retrieval.outcome === "empty") return false;
    const top = this.entry(retrieval.candidates[0]?.id);
    return top !== undefined && !top.method;
  }

  /** Whether a message has words of its own beyond comparison words and references ("und im Vergleich?"). */
  private hasOwnContent(text: string): boolean {
    return this.conversation.namesAny(text) || this.options.retriever.retrieve(text).outcome === "answer";
  }

  private onActionSync(
    action: Extract<Action, { type: "entry" }>,
    context: replies.ReplyContext,
    state: ConversationState,
  ): TurnResult {
    const entry = this.entry(action.entryId);
    if (!entry) return { reply: replies.unknownEntryReply(context), state };
    return { reply: replies.entryReply(entry, context), state: showing(state, entry.id), replay: action };
  }

  /**
   * "Wie lange dauert das?", "Risiken des Bürgerrats", "Vorteile von Beteiligung": the facet of the entry
   * the message is about (see Conversation.target), or, where it names none and none is in view, of the
   * entry retrieval finds – if that entry has the facet.
   */
  private facetByText(
    request: FacetRequest,
    text: string,
    inView: Entry | undefined,
    context: replies.ReplyContext,
    state: ConversationState,
  ): TurnResult {
    const { retriever } = this.options;
    if (!inView && !retriever.hasContent(request.rest)) {
      // "Risiken?" with nothing in view needs a name; an attribute word may be a topic ("Zufallsauswahl").
      if (request.facet.kind === "attribute") return this.ask(text, context, state);
      if (request.facet.section === "tips") return this.tip(context, state);
      return { reply: replies.noContextReply(context), state };
    }
    const target = this.conversation.target(text, request.rest, inView, true);
    if (target.kind === "which") return this.whichOne(target.entries, request.facet, context, state);
    // The entry in view answers for its facet, or says it has none; a named one only where it has it.
    if (target.kind === "entry" && target.how === "in-view") {
      return this.facet(target.entry, request.facet, context, state, 1);
    }
    if (target.kind === "entry" && target.how === "named") {
      return hasFacet(target.entry, request.facet, context.language)
        ? this.facet(target.entry, request.facet, context, state, 1)
        : this.onActionSync({ type: "entry", entryId: target.entry.id }, context, state);
    }
    // Found by retrieval rather than named: the facet only where the entry has it.
    const asked = this.ask(text, context, state);
    const entry =
      asked.reply.outcome === "answered" ? this.entry(asked.reply.entryId ?? undefined) : undefined;
    if (!entry || !hasFacet(entry, request.facet, context.language)) return asked;
    const result = this.facet(entry, request.facet, context, state, asked.reply.score);
    return { ...result, reply: { ...result.reply, candidates: asked.reply.candidates } };
  }

  private facet(
    entry: Entry,
    facet: Facet,
    context: replies.ReplyContext,
    state: ConversationState,
    confidence: number | null = null,
  ): TurnResult {
    if (facet.kind === "section") return this.section(entry, facet.section, context, state, confidence);
    // Entries without method attributes may still explain their effort in a section of their own.
    if (!entry.method && facet.attribute === "cost" && entry.sections[context.language].effort) {
      return this.section(entry, "effort", context, state, confidence);
    }
    return {
      reply: attributeReply(entry, facet.attribute, context, { confidence }),
      state: showing(state, entry.id),
      replay: { type: "attribute", entryId: entry.id, attribute: facet.attribute },
    };
  }

  /** "Meinen Sie den Bürgerhaushalt oder den Bürgerrat?", with the facet asked for as each button. */
  private whichOne(
    entries: [Entry, Entry],
    facet: Facet | undefined,
    context: replies.ReplyContext,
    state: ConversationState,
  ): TurnResult {
    const choices = entries.map((entry) => ({
      label: entry.title[context.language],
      action: facetAction(entry.id, facet),
    }));
    return { reply: whichOneReply(entries, choices, context), state };
  }

  private compare(
    a: Entry,
    b: Entry,
    context: replies.ReplyContext,
    state: ConversationState,
    focus?: FacetRequest,
  ): TurnResult {
    const first = focus?.facet.kind === "attribute" ? focus.facet.attribute : undefined;
    return {
      reply: comparisonReply(a, b, context, { first }),
      state: showing(showing(state, a.id), b.id),
      replay: { type: "compare", entryIds: [a.id, b.id] },
    };
  }

  /** Other methods like the one in view, ranked by shared purposes and attributes, within the criteria. */
  private alternatives(
    like: Entry,
    constraints: Constraints,
    context: replies.ReplyContext,
    state: ConversationState,
  ): TurnResult {
    const messages = conversationMessagesFor(context.language);
    const ranked = rankMethods(this.options.knowledge.ofKind("method"), constraints, {
      like,
      language: context.language,
    });
    const criteria = criteriaText(constraints, context);
    const reply = methodListReply(ranked, context, {
      intent: "alternatives",
      title: messages.alternativesTitle(like.title[context.language]),
      intro: criteria ? messages.finderIntro(criteria) : messages.alternativesIntro,
      suggestions: [
        { label: like.title[context.language], action: { type: "entry", entryId: like.id } },
        { label: messages.finderRestart, action: { type: "find" } },
      ],
    });
    return {
      reply,
      state: showing(state, like.id),
      replay: { type: "alternatives", entryId: like.id },
    };
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
        return { reply: replies.clarifyReply(choices, context, confidence, candidates), state };
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
          replay: { type: "entry", entryId: entry.id },
        };
      }
    }
  }

  private section(
    entry: Entry,
    section: SectionRequest,
    context: replies.ReplyContext,
    state: ConversationState,
    confidence: number | null = null,
  ): TurnResult {
    const found = resolveSection(entry, section, context.language);
    const reply = found
      ? replies.sectionReply(entry, found, context, { confidence })
      : replies.missingSectionReply(entry, section, context);
    return {
      reply,
      state: showing(state, entry.id),
      replay: { type: "section", entryId: entry.id, section: found ?? section },
    };
  }

  private tip(context: replies.ReplyContext, state: ConversationState): TurnResult {
    const tip = nextTip(this.options.knowledge.ofKind("recommendation"), state.lastTipId, this.now());
    const reply = replies.tipReply(tip, context);
    return {
      reply,
      state: tip ? { ...showing(state, tip.id), lastTipId: tip.id } : state,
      ...(tip ? { replay: { type: "entry" as const, entryId: tip.id } } : {}),
    };
  }

  private publication(context: replies.ReplyContext, state: ConversationState): TurnResult {
    const entry = this.options.knowledge.get(PUBLICATION_ID);
    if (!entry) return { reply: replies.unknownEntryReply(context), state };
    return {
      reply: replies.entryReply(entry, context, { intent: "publication" }),
      state: showing(state, entry.id),
      replay: { type: "entry", entryId: entry.id },
    };
  }
}

function hasFacet(entry: Entry, facet: Facet, language: Language): boolean {
  if (facet.kind === "section") return resolveSection(entry, facet.section, language) !== undefined;
  return entry.method !== undefined && attributeText(entry.method, facet.attribute, language) !== undefined;
}

function facetAction(entryId: string, facet: Facet | undefined): Action {
  if (!facet) return { type: "entry", entryId };
  return facet.kind === "section"
    ? { type: "section", entryId, section: facet.section }
    : { type: "attribute", entryId, attribute: facet.attribute };
}
