import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateDialogues, readDialogues, splitOf, type DialogueReport } from "../src/eval/dialogues.js";
import type { Services } from "../src/services.js";
import { ROOT, testServices } from "./helpers.js";

/**
 * What the conversation reaches on the dialogue set, both halves, as a guard against regressions (see
 * README, "Evaluation" → "Conversations"). The held-out half is measured here, never read for misses.
 */
const REACHED = {
  tuning: { turns: 0.87, followUps: 0.85, whole: 0.76, finder: 0.78, comparisons: 0.86 },
  "held-out": { turns: 0.85, followUps: 0.84, whole: 0.72, finder: 0.42, comparisons: 0.78 },
} as const;
const MINIMUM_DIALOGUES = 150;
const MINIMUM_FINDER_DIALOGUES = 30;

function share({ right, of }: { right: number; of: number }): number {
  return of === 0 ? 1 : right / of;
}

let services: Services;
let dialogues: Awaited<ReturnType<typeof readDialogues>>;
beforeAll(async () => {
  services = await testServices();
  dialogues = await readDialogues(path.join(ROOT, "test/eval/dialogues.jsonl"));
});

describe("dialogue set 'test/eval/dialogues.jsonl'", () => {
  it("has enough dialogues of two to four turns, finder dialogues among them, and only known entries", () => {
    expect(dialogues.length).toBeGreaterThanOrEqual(MINIMUM_DIALOGUES);
    for (const dialogue of dialogues) {
      expect(dialogue.turns.length).toBeGreaterThanOrEqual(2);
      expect(dialogue.turns.length).toBeLessThanOrEqual(4);
    }
    const finder = dialogues.filter((dialogue) => dialogue.turns.some((turn) => turn.find === true));
    expect(finder.length).toBeGreaterThanOrEqual(MINIMUM_FINDER_DIALOGUES);
    const unknown = dialogues
      .flatMap((dialogue) => dialogue.turns.flatMap((turn) => turn.expected ?? []))
      .filter((id) => services.knowledge.get(id) === undefined);
    expect(unknown).toEqual([]);
  });

  it.each(["tuning", "held-out"] as const)("does not fall below what the %s half reached", async (half) => {
    const part = dialogues.filter((dialogue) => splitOf(dialogue) === half);
    const report: DialogueReport = await evaluateDialogues(services.bot, services.knowledge, part);
    const reached = REACHED[half];
    const figures = {
      turns: share(report.turns),
      followUps: share(report.followUps),
      whole: share(report.whole),
      finder: share(report.finder),
      comparisons: share(report.comparisons),
    };
    for (const key of Object.keys(reached) as (keyof typeof reached)[]) {
      expect(figures[key], `${half} ${key}: ${JSON.stringify(figures)}`).toBeGreaterThanOrEqual(reached[key]);
    }
  });
});
