import { describe, expect, it } from "vitest";
import { coverageGaps, coverageOf } from "../src/eval/coverage.js";

const namesIn = (question: string) => new Set(question.includes("Planungszelle") ? ["planungszelle"] : []);

describe("question set coverage", () => {
  it("counts questions per entry and those that avoid the entry's name", () => {
    const coverage = coverageOf(
      ["planungszelle", "buergerrat"],
      [
        { question: "Was ist eine Planungszelle?", expected: ["planungszelle"] },
        { question: "Ausgeloste beraten vier Tage", expected: ["planungszelle", "buergerrat"] },
        { question: "Wetter morgen?", expected: [] },
      ],
      namesIn,
    );
    expect(coverage.get("planungszelle")).toEqual({ asked: 2, paraphrased: 1 });
    expect(coverage.get("buergerrat")).toEqual({ asked: 1, paraphrased: 1 });
  });

  it("reports entries asked too rarely or only by name", () => {
    const coverage = coverageOf(
      ["planungszelle", "buergerrat", "open-space"],
      [
        { question: "Planungszelle?", expected: ["planungszelle"] },
        { question: "Planungszelle Ablauf", expected: ["planungszelle"] },
        { question: "Ausgeloste beraten", expected: ["buergerrat"] },
        { question: "Rat aus Zufallsbürgern", expected: ["buergerrat"] },
      ],
      namesIn,
    );
    expect(coverageGaps(coverage, 2)).toEqual([
      "planungszelle: never asked without its name",
      "open-space: asked 0 times, at least 2 needed",
    ]);
  });
});
