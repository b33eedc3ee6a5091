import { readFile } from "node:fs/promises";
import { z } from "zod";
import { halfOf, type Half } from "./split.js";
import type { Bot } from "../core/bot.js";
import { ANY, type Reply } from "../core/types.js";
import type { KnowledgeBase } from "../knowledge/knowledge-base.js";

const turnSchema = z.object({
  text: z.string().min(1),
  /** Right entries; [] = should be declined; null = a step that is not scored. */
  expected: z.array(z.string()).nullable(),
  /** The first method the bot offers must be one of `expected`. */
  find: z.boolean().optional(),
  /** The reply must compare exactly the two `expected` entries. */
  compare: z.boolean().optional(),
});
const dialogueSchema = z.object({ turns: z.array(turnSchema).min(1).max(8) });
export type Dialogue = z.infer<typeof dialogueSchema>;
type DialogueTurn = z.infer<typeof turnSchema>;

/** Reads a JSONL file of dialogues; an invalid line is an error naming its line number. */
export async function readDialogues(file: string): Promise<Dialogue[]> {
  const lines = (await readFile(file, "utf8")).split("\n");
  const dialogues: Dialogue[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new Error(`${file}:${i + 1}: not valid JSON`);
    }
    const result = dialogueSchema.safeParse(parsed);
    if (!result.success) {
      throw new Error(`${file}:${i + 1}: needs "turns": [{"text": …, "expected": [ids] | [] | null}]`);
    }
    dialogues.push(result.data);
  });
  return dialogues;
}

/** A dialogue's half, by its first message (see split.ts). */
export function splitOf(dialogue: Dialogue): Half {
  return halfOf(dialogue.turns[0]?.text ?? "");
}

export interface TurnMiss {
  dialogue: number;
  turn: number;
  text: string;
  expected: string[];
  got: string;
}

export interface DialogueReport {
  dialogues: number;
  /** Scored turns and how many were right. */
  turns: { right: number; of: number };
  firstTurns: { right: number; of: number };
  followUps: { right: number; of: number };
  /** Dialogues whose scored turns were all right. */
  whole: { right: number; of: number };
  finder: { right: number; of: number };
  /** Finder turns whose right method came in the finder's ranked list, not as a direct answer. */
  finderListed: { right: number; of: number };
  comparisons: { right: number; of: number };
  declines: { right: number; of: number };
  /** Turns answered with "Meinten Sie …?" whose first choice was counted. */
  clarified: number;
  misses: TurnMiss[];
}

/** The entries a reply's choices lead to (an entry, or one of its sections or facts). */
function entryIdsOf(reply: Reply): string[] {
  return reply.choices.flatMap(({ action }) => ("entryId" in action ? [action.entryId] : []));
}

/**
 * The first method a reply offers: the first of a ranked list, or the method a direct answer is about
 * ("Bürger sollen Schäden melden, online, dauerhaft" answered with the Mängelmelder offers that method).
 */
function firstMethodOffered(reply: Reply, knowledge: KnowledgeBase): string | undefined {
  const listed = entryIdsOf(reply)[0];
  if (listed) return listed;
  const answered = reply.outcome === "answered" ? reply.entryId : undefined;
  return answered && knowledge.get(answered)?.method ? answered : undefined;
}

/** The finder asks; the evaluation leaves every question open ("egal") until the result comes. */
async function finderResult(first: Reply, send: (action: unknown) => Promise<Reply>): Promise<Reply> {
  let reply = first;
  for (let step = 0; step < 4 && reply.intent === "find" && reply.outcome === "info"; step++) {
    const any = reply.choices.find((choice) => choice.action.type === "find" && choice.action.value === ANY);
    if (!any) break;
    reply = await send(any.action);
  }
  return reply;
}

function describe(reply: Reply): string {
  const ids = reply.outcome === "clarify" || reply.choices.length > 0 ? entryIdsOf(reply) : reply.entryIds;
  return `${reply.intent}/${reply.outcome} ${ids.slice(0, 3).join(", ") || "–"}`;
}

function accepts(
  expected: readonly string[],
  id: string | null | undefined,
  knowledge: KnowledgeBase,
): boolean {
  if (!id) return false;
  const topic = knowledge.get(id)?.topic;
  return expected.some((item) => item === id || (topic !== undefined && item === `topic:${topic}`));
}

function scoreTurn(
  turn: DialogueTurn,
  reply: Reply,
  knowledge: KnowledgeBase,
): { right: boolean; clarified: boolean } {
  const expected = turn.expected ?? [];
  if (turn.compare) {
    const compared = new Set(reply.entryIds);
    return {
      right:
        reply.intent === "compare" &&
        compared.size === expected.length &&
        expected.every((id) => compared.has(id)),
      clarified: false,
    };
  }
  if (turn.find)
    return { right: accepts(expected, firstMethodOffered(reply, knowledge), knowledge), clarified: false };
  if (expected.length === 0) return { right: reply.outcome === "declined", clarified: false };
  if (reply.outcome === "clarify")
    return { right: accepts(expected, entryIdsOf(reply)[0], knowledge), clarified: true };
  // An answer about the right entry, also where it says the entry lacks what was asked.
  return {
    right: reply.outcome !== "declined" && accepts(expected, reply.entryId, knowledge),
    clarified: false,
  };
}

/** Runs every dialogue against the bot in a fresh conversation and scores its turns. */
export async function evaluateDialogues(
  bot: Bot,
  knowledge: KnowledgeBase,
  dialogues: readonly Dialogue[],
): Promise<DialogueReport> {
  const report: DialogueReport = {
    dialogues: dialogues.length,
    turns: { right: 0, of: 0 },
    firstTurns: { right: 0, of: 0 },
    followUps: { right: 0, of: 0 },
    whole: { right: 0, of: 0 },
    finder: { right: 0, of: 0 },
    finderListed: { right: 0, of: 0 },
    comparisons: { right: 0, of: 0 },
    declines: { right: 0, of: 0 },
    clarified: 0,
    misses: [],
  };
  const count = (tally: { right: number; of: number }, right: boolean) => {
    tally.of++;
    if (right) tally.right++;
  };
  for (const [d, dialogue] of dialogues.entries()) {
    const conversationId = `dialogue-${d}-${Math.random().toString(36).slice(2)}`;
    const base = { userId: "eval", conversationId, platform: "eval" };
    const send = (action: unknown) => bot.handle({ ...base, text: "", action: action as never });
    let allRight = true;
    let scored = 0;
    for (const [t, turn] of dialogue.turns.entries()) {
      let reply = await bot.handle({ ...base, text: turn.text });
      if (turn.expected === null) continue;
      if (turn.find) reply = await finderResult(reply, send);
      const { right, clarified } = scoreTurn(turn, reply, knowledge);
      scored++;
      if (clarified) report.clarified++;
      count(report.turns, right);
      count(t === 0 ? report.firstTurns : report.followUps, right);
      if (turn.find) {
        count(report.finder, right);
        count(report.finderListed, right && reply.intent === "find");
      }
      if (turn.compare) count(report.comparisons, right);
      if (turn.expected.length === 0) count(report.declines, right);
      if (!right) {
        allRight = false;
        report.misses.push({
          dialogue: d,
          turn: t,
          text: turn.text,
          expected: turn.expected,
          got: describe(reply),
        });
      }
    }
    if (scored > 0) count(report.whole, allRight);
  }
  return report;
}
