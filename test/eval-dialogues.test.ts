import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateDialogues, readDialogues, splitOf, type DialogueReport } from "../src/eval/dialogues.js";
import type { Services } from "../src/services.js";
import { ROOT, testServices } from "./helpers.js";

/**
 * What the conversation reaches on the dialogue sets, both halves, as a guard against regressions (see
 * README, "Evaluation" → "Conversations"). The held-out halves are measured here, never read for misses.
 */
const REACHED = {
  "dialogues.jsonl": {
    tuning: { turns: 0.92, followUps: 0.9, whole: 0.88, finder: 1, comparisons: 0.91 },
    "held-out": { turns: 0.87, followUps: 0.85, whole: 0.76, finder: 0.57, comparisons: 0.78 },
  },
  "finder-dialogues.jsonl": {
    tuning: { finder: 0.82 },
    "held-out": { finder: 0.62 },
  },
} as const;
type Figure = "turns" | "followUps" | "whole" | "finder" | "comparisons";

function share({ right, of }: { right: number; of: number }): number {
  return of === 0 ? 1 : right / of;
}

let services: Services;
beforeAll(async () => {
  services = await testServices();
});

async function read(file: string) {
  return readDialogues(path.join(ROOT, "test/eval", file));
}

function unknownIds(dialogues: Awaited<ReturnType<typeof read>>): string[] {
  return dialogues
    .flatMap((dialogue) => dialogue.turns.flatMap((turn) => turn.expected ?? []))
    .filter((id) => services.knowledge.get(id) === undefined);
}

describe("dialogue set 'test/eval/dialogues.jsonl'", () => {
  it("has enough dialogues of two to four turns, finder dialogues among them, and only known entries", async () => {
    const dialogues = await read("dialogues.jsonl");
    expect(dialogues.length).toBeGreaterThanOrEqual(150);
    for (const dialogue of dialogues) {
      expect(dialogue.turns.length).toBeGreaterThanOrEqual(2);
      expect(dialogue.turns.length).toBeLessThanOrEqual(4);
    }
    const finder = dialogues.filter((dialogue) => dialogue.turns.some((turn) => turn.find === true));
    expect(finder.length).toBeGreaterThanOrEqual(30);
    expect(unknownIds(dialogues)).toEqual([]);
  });
});

describe("dialogue set 'test/eval/finder-dialogues.jsonl'", () => {
  it("asks the finder in every dialogue, for methods only", async () => {
    const dialogues = await read("finder-dialogues.jsonl");
    expect(dialogues.length).toBeGreaterThanOrEqual(80);
    for (const dialogue of dialogues) expect(dialogue.turns.every((turn) => turn.find === true)).toBe(true);
    expect(unknownIds(dialogues)).toEqual([]);
    const expected = dialogues.flatMap((dialogue) => dialogue.turns.flatMap((turn) => turn.expected ?? []));
    expect(expected.filter((id) => !services.knowledge.get(id)?.method)).toEqual([]);
  });
});

describe.each(Object.keys(REACHED) as (keyof typeof REACHED)[])("dialogue set %s", (file) => {
  it.each(["tuning", "held-out"] as const)("does not fall below what the %s half reached", async (half) => {
    const part = (await read(file)).filter((dialogue) => splitOf(dialogue) === half);
    const report: DialogueReport = await evaluateDialogues(services.bot, services.knowledge, part);
    const figures: Record<Figure, number> = {
      turns: share(report.turns),
      followUps: share(report.followUps),
      whole: share(report.whole),
      finder: share(report.finder),
      comparisons: share(report.comparisons),
    };
    const reached: Partial<Record<Figure, number>> = REACHED[file][half];
    for (const [key, minimum] of Object.entries(reached) as [Figure, number][]) {
      expect(figures[key], `${half} ${key}: ${JSON.stringify(figures)}`).toBeGreaterThanOrEqual(minimum);
    }
  });
});
