import { z } from "zod";
import type { KnowledgeBase } from "../../knowledge/knowledge-base.js";
import type { Retriever } from "../../search/retriever.js";
import type { ConversationState } from "../../state/types.js";
import { conversationMessagesFor } from "../conversation-messages.js";
import {
  constraintPositions,
  constraintsIn,
  constraintsSchema,
  countOf,
  merged,
  type Constraints,
} from "../finder/constraints.js";
import { rankMethods, type RankedMethod } from "../finder/rank.js";
import { criteriaText, finderQuestionReply, methodListReply } from "../finder/replies.js";
import { Lexicon, messageWords } from "../lexicon.js";
import type { ReplyContext } from "../replies.js";
import type { TurnResult } from "../turn-result.js";
import { ANY, FINDER_QUESTIONS, type Action, type FinderQuestion } from "../types.js";
import { readSlot, withSlot } from "./dialogue.js";

const NAME = "finder";
/** At most this many questions before the result. */
export const MAX_QUESTIONS = 3;
/** With this many criteria given at once, the result comes without questions. */
const ENOUGH_CRITERIA = 3;
/** With at most this many methods left, another question would not change much. */
const FEW_ENOUGH = 3;
const TEXT_FIT_ENTRIES = 10;

const finderState = z.object({
  constraints: constraintsSchema,
  asked: z.array(z.enum(FINDER_QUESTIONS)).max(FINDER_QUESTIONS.length),
  awaiting: z.enum(FINDER_QUESTIONS).optional(),
  /** How well the first message's words fit each method (retrieval confidence by entry id); no text. */
  textFit: z.record(z.string().max(100), z.number().min(0).max(1)).optional(),
  /** The same for a message that only states criteria: it decides only between methods that fit alike. */
  tieFit: z.record(z.string().max(100), z.number().min(0).max(1)).optional(),
  /** The method the first message described, first where it meets the criteria. */
  lead: z.string().max(100).optional(),
});
type FinderState = z.infer<typeof finderState>;

/** "egal", "doesn't matter": the question stays open. */
const ANY_ANSWER = new Lexicon(
  "egal, beliebig, ist egal, mir egal, weiss nicht, keine ahnung, offen, keine vorgabe, any, anything, whatever, doesn't matter, does not matter, no preference, don't know, not sure, no idea",
  { exact: true },
);
/** Words around an answer that do not change it ("eher online bitte"). */
const ANSWER_FILLER = new Lexicon(
  "eher, bitte, also, ja, nein, und, oder, aber, ok, okay, so, ca, etwa, ungefahr, rund, mal, auch, lieber, am, besten, wir, haben, wollen, mochten, sollen, es, soll, sein, mit, fur, the, a, an, and, or, but, please, yes, no, maybe, we, want, would, like, to, be, about, around, with, for, it, should, rather, prefer",
  { exact: true },
);

/** Which criterion each question fills. */
function isAnswered(question: FinderQuestion, constraints: Constraints): boolean {
  switch (question) {
    case "purpose":
      return constraints.purpose !== undefined;
    case "size":
      return constraints.people !== undefined;
    case "format":
      return constraints.format !== undefined;
    case "time":
      return constraints.time !== undefined;
  }
}

/** A question matters when the methods still in the running differ in what it asks. */
function splits(question: FinderQuestion, ranked: readonly RankedMethod[]): boolean {
  const values = new Set(
    ranked.map(({ entry }) => {
      const method = entry.method;
      if (!method) return undefined;
      switch (question) {
        case "purpose":
          return method.purposes[0];
        case "size":
          return `${method.participants.min}-${method.participants.max}`;
        case "format":
          return method.format;
        case "time":
          return method.durationClass;
      }
    }),
  );
  return values.size > 1;
}

function answerValue(question: FinderQuestion, value: string): Constraints {
  if (value === ANY) return {};
  const parsed = constraintsSchema.safeParse(
    question === "size"
      ? { people: Number(value) }
      : question === "purpose"
        ? { purpose: value }
        : question === "format"
          ? { format: value }
          : { time: value },
  );
  return parsed.success ? parsed.data : {};
}

/**
 * The method finder: criteria from the message itself, what is missing and matters asked one question at a
 * time (at most three, each with an "egal"), then a ranked list over the methods' front-matter attributes.
 * After the result, a message that only adds criteria ("und online?") refines it.
 */
export class FinderDialogue {
  constructor(
    private readonly knowledge: KnowledgeBase,
    private readonly retriever: Retriever,
  ) {}

  /**
   * "Welche Methode passt für 30 Leute online?" With `askBack` false the result comes at once. Where the
   * message is `described` in words of its own, retrieval's confidence in each method counts, and a method
   * it is sure of leads where it meets the criteria.
   */
  start(
    text: string,
    context: ReplyContext,
    state: ConversationState,
    options: { askBack: boolean; described: boolean } = { askBack: true, described: false },
  ): TurnResult {
    // Words beyond the criteria describe the task ("… eigene Themen an die Wand hängen"): retrieval's
    // confidence in each method counts, and a method it is sure of leads where it meets the criteria.
    const { described } = options;
    const fit = this.textFitOf(text);
    const [textFit, tieFit] = described ? [fit, undefined] : [{}, fit];
    const retrieval = described ? this.retriever.retrieve(text) : undefined;
    const lead =
      retrieval?.outcome === "answer" && this.knowledge.get(retrieval.best.id)?.method
        ? retrieval.best.id
        : undefined;
    const constraints = constraintsIn(text);
    const asked = !options.askBack || countOf(constraints) >= ENOUGH_CRITERIA ? [...FINDER_QUESTIONS] : [];
    return this.next({ constraints, asked, textFit, tieFit, lead }, context, state);
  }

  /** How well a message's words fit each method: retrieval's confidence by entry id, no text. */
  private textFitOf(text: string): Record<string, number> {
    const textFit: Record<string, number> = {};
    for (const candidate of this.retriever.rank(text).candidates.slice(0, TEXT_FIT_ENTRIES)) {
      if (this.knowledge.get(candidate.id)?.method) textFit[candidate.id] = candidate.confidence;
    }
    return textFit;
  }

  /** A button of the finder: an answer to its question, or (without one) a fresh start. */
  onAction(action: Extract<Action, { type: "find" }>, context: ReplyContext, state: ConversationState) {
    const current = readSlot(state, NAME, finderState);
    if (!action.question || !current) return this.next({ constraints: {}, asked: [] }, context, state);
    return this.answer(
      current,
      action.question,
      answerValue(action.question, action.value ?? ANY),
      context,
      state,
    );
  }

  /**
   * A typed message while the finder is active: an answer to its question or more criteria. Undefined when
   * the message is about something else; the finder then ends.
   */
  continue(
    text: string,
    context: ReplyContext,
    state: ConversationState,
    options: { asksSomethingElse: boolean; described: boolean; continues: boolean },
  ): TurnResult | undefined {
    const current = readSlot(state, NAME, finderState);
    if (!current) return undefined;
    const words = messageWords(text);
    const given = constraintsIn(text);
    const covered = new Set([
      ...constraintPositions(text),
      ...ANY_ANSWER.positionsIn(words),
      ...ANSWER_FILLER.positionsIn(words),
    ]);
    const onlyAnswers = words.length > 0 && words.every((_, i) => covered.has(i));
    // "und wenn die Leute direkt aufm Gelände rumlaufen?": a result refined in words, not criteria.
    if (!onlyAnswers && countOf(given) === 0 && !current.awaiting) {
      return options.continues && options.described && !options.asksSomethingElse
        ? this.describedFurther(current, text, context, state)
        : undefined;
    }
    // A message of criteria and answer words belongs to the finder, and so does one that adds criteria
    // ("max 20 Leute, mehr können wir nicht bezahlen") without asking something else.
    if (!onlyAnswers && (countOf(given) === 0 || options.asksSomethingElse)) return undefined;
    if (current.awaiting) {
      const bare = /^\s*(?:ca\.?\s*|etwa\s*)?(\d{1,6})\s*$/i.exec(text)?.[1];
      const update = bare && current.awaiting === "size" ? { people: Number(bare) } : given;
      return this.answer(current, current.awaiting, update, context, state);
    }
    if (countOf(given) === 0) return undefined;
    const refined = this.refined(current, given, context);
    // Words of their own in a refinement ("… sollen auch dauerhaft in der Kommunalpolitik mitreden") are
    // evidence like the first message's: each method keeps the better fit of the two.
    const textFit = options.described
      ? withBetterFit(current.textFit ?? {}, this.textFitOf(text))
      : undefined;
    return this.next(textFit ? { ...refined, textFit } : refined, context, state);
  }

  /** The result again with the message's words as more evidence, where they point to a method. */
  private describedFurther(
    current: FinderState,
    text: string,
    context: ReplyContext,
    state: ConversationState,
  ): TurnResult | undefined {
    const fit = this.textFitOf(text);
    if (Object.keys(fit).length === 0) return undefined;
    return this.next({ ...current, textFit: withBetterFit(current.textFit ?? {}, fit) }, context, state);
  }

  /**
   * Criteria added after a result: a lead that misses one of them was what the user turned away from
   * ("what if it has to be randomly selected people?"), so it no longer goes first.
   */
  private refined(current: FinderState, update: Constraints, context: ReplyContext): FinderState {
    const constraints = merged(current.constraints, update);
    const lead = this.knowledge.get(current.lead ?? "");
    const [kept] = lead ? rankMethods([lead], update, { language: context.language }) : [];
    return { ...current, constraints, lead: kept?.unmet.length === 0 ? current.lead : undefined };
  }

  /**
   * A request answered with the one method it described ("25 ausgeloste Leute schreiben ein Gutachten"):
   * its criteria are kept, with that method as the lead, so that "aber nur 15 Leute" next ranks methods
   * for all of them.
   */
  rememberAnswer(text: string, result: TurnResult, options: { situation: boolean }): TurnResult {
    const answered = result.reply.outcome === "answered" ? result.reply.entryId : undefined;
    const lead = answered && this.knowledge.get(answered)?.method ? answered : undefined;
    // A situation stated in criteria is a search for a method even where the answer is none.
    if (!lead && !options.situation) return result;
    const remembered: FinderState = {
      constraints: constraintsIn(text),
      asked: [...FINDER_QUESTIONS],
      ...(lead ? { lead } : {}),
    };
    return { ...result, state: withSlot(result.state, NAME, remembered) };
  }

  /** The last result again, in the reply's language (after "auf Englisch bitte"). */
  replay(context: ReplyContext, state: ConversationState): TurnResult | undefined {
    const current = readSlot(state, NAME, finderState);
    return current ? this.next(current, context, state) : undefined;
  }

  isActive(state: ConversationState): boolean {
    return readSlot(state, NAME, finderState) !== undefined;
  }

  end(state: ConversationState): ConversationState {
    return withSlot(state, NAME, undefined);
  }

  private answer(
    current: FinderState,
    question: FinderQuestion,
    update: Constraints,
    context: ReplyContext,
    state: ConversationState,
  ): TurnResult {
    const asked = current.asked.includes(question) ? current.asked : [...current.asked, question];
    return this.next({ ...current, constraints: merged(current.constraints, update), asked }, context, state);
  }

  private ranked(current: FinderState, context: ReplyContext): RankedMethod[] {
    return rankMethods(this.knowledge.ofKind("method"), current.constraints, {
      language: context.language,
      textFit: new Map(Object.entries(current.textFit ?? {})),
      tieFit: new Map(Object.entries(current.tieFit ?? {})),
      lead: current.lead,
    });
  }

  private next(current: FinderState, context: ReplyContext, state: ConversationState): TurnResult {
    const ranked = this.ranked(current, context);
    const question =
      current.asked.length < MAX_QUESTIONS && ranked.length > FEW_ENOUGH
        ? FINDER_QUESTIONS.find(
            (q) => !current.asked.includes(q) && !isAnswered(q, current.constraints) && splits(q, ranked),
          )
        : undefined;
    if (question) {
      const asking = { ...current, awaiting: question, asked: [...current.asked, question] };
      return {
        reply: finderQuestionReply(
          question,
          asking.asked.length,
          MAX_QUESTIONS,
          current.constraints,
          context,
        ),
        state: withSlot(state, NAME, asking),
      };
    }
    const messages = conversationMessagesFor(context.language);
    const criteria = criteriaText(current.constraints, context);
    const reply = methodListReply(ranked, context, {
      intent: "find",
      title: messages.finderResultTitle,
      intro: messages.finderIntro(criteria),
      suggestions: [{ label: messages.finderRestart, action: { type: "find" } }],
    });
    const done = { ...current, awaiting: undefined, asked: [...FINDER_QUESTIONS] };
    return {
      reply,
      state: {
        ...withSlot(state, NAME, done),
        ...(reply.entryId ? { lastEntryId: reply.entryId } : {}),
      },
    };
  }
}

function withBetterFit(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const fit = { ...a };
  for (const [id, value] of Object.entries(b)) fit[id] = Math.max(fit[id] ?? 0, value);
  return fit;
}
