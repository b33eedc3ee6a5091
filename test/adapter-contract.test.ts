import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adapters } from "../adapters/index.js";
import { renderText } from "../adapters/cli/render.js";
import { ACTION_ID_PREFIX, renderReply } from "../adapters/slack/blocks.js";
import { parseButtonValue } from "../adapters/slack/listeners.js";
import { renderCard } from "../adapters/teams/card.js";
import { actionOf } from "../adapters/teams/handler.js";
import { numberedActions } from "../src/core/reply-view.js";
import type { Action, Reply } from "../src/core/types.js";
import { startServer, type RunningServer } from "../src/server.js";
import { testServices } from "./helpers.js";

/**
 * One contract for every adapter: each button of every kind of reply renders, and what it carries comes
 * back as the same action; text-only channels number every button, and typing the number does what the
 * button does. The replies come from the running bot over the web chat API.
 */

type Step = { text: string } | { action: Action };

interface Sample {
  name: string;
  steps: string[];
  /** What the last step's reply must be, so that the sample is the kind of reply it claims to be. */
  expected: Partial<Pick<Reply, "intent" | "outcome" | "language">>;
}

const SAMPLES: Sample[] = [
  { name: "entry", steps: ["Was ist ein Bürgerrat?"], expected: { intent: "ask", outcome: "answered" } },
  {
    name: "entry in English",
    steps: ["What is a citizens' assembly?"],
    expected: { intent: "ask", outcome: "answered", language: "en" },
  },
  { name: "section", steps: ["Was ist ein Bürgerrat?", "Risiken?"], expected: { intent: "section" } },
  {
    name: "attribute",
    steps: ["Was ist ein Bürgerhaushalt?", "wie lange läuft sowas?"],
    expected: { intent: "attribute" },
  },
  {
    name: "comparison",
    steps: ["Unterschied zwischen Bürgerrat und Planungszelle"],
    expected: { intent: "compare", outcome: "answered" },
  },
  {
    name: "alternatives",
    steps: ["Was ist ein World Café?", "Gibt es noch eine andere Methode dafür?"],
    expected: { intent: "alternatives", outcome: "answered" },
  },
  {
    name: "finder question",
    steps: ["Hilf mir, eine Methode zu finden"],
    expected: { intent: "find", outcome: "info" },
  },
  {
    name: "finder result",
    steps: ["Welche Methode passt für 20 Leute, einen Abend, Ideen sammeln?"],
    expected: { intent: "find", outcome: "answered" },
  },
  {
    name: "did you mean",
    steps: ["Bürgerbeteiligung online Plattform Kosten"],
    expected: { outcome: "clarify" },
  },
  {
    name: "which one",
    steps: [
      "Was ist ein World Café?",
      "und was ist dabei der Unterschied zu Stühlen im Kreis mit offenem Innenkreis?",
    ],
    expected: { outcome: "clarify" },
  },
  { name: "help", steps: ["Hilfe"], expected: { intent: "help" } },
  { name: "tip", steps: ["Tipp der Woche"], expected: { intent: "tip", outcome: "answered" } },
  { name: "declined", steps: ["Wie motiviere ich Leute?"], expected: { outcome: "declined" } },
];

let running: RunningServer;
let conversations = 0;

beforeAll(async () => {
  running = await startServer(await testServices(), adapters);
});
afterAll(async () => {
  await running.close();
});

async function post(conversationId: string, step: Step): Promise<{ status: number; reply: Reply }> {
  const response = await fetch(`${running.url}/api/chat`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ conversationId, text: "", ...step }),
  });
  return { status: response.status, reply: (await response.json()) as Reply };
}

/** A new web chat conversation that has gone through the sample's messages; the last reply. */
async function reached(sample: Sample): Promise<{ conversationId: string; reply: Reply }> {
  const conversationId = `contract-${++conversations}`;
  let reply: Reply | undefined;
  for (const text of sample.steps) {
    const answer = await post(conversationId, { text });
    expect(answer.status).toBe(200);
    reply = answer.reply;
  }
  if (!reply) throw new Error(`${sample.name} has no steps`);
  return { conversationId, reply };
}

function buttonsOf(reply: Reply): Action[] {
  return numberedActions(reply).map((suggestion) => suggestion.action);
}

/** Actions as comparable strings, order aside: renderers may group buttons differently. */
function sorted(actions: readonly (Action | undefined)[]): string[] {
  return actions.map((action) => JSON.stringify(action ?? null)).sort();
}

/** Every object in a rendered message, however deep, that passes the test. */
function collect(tree: unknown, test: (node: Record<string, unknown>) => boolean): Record<string, unknown>[] {
  if (Array.isArray(tree)) return tree.flatMap((item) => collect(item, test));
  if (typeof tree !== "object" || tree === null) return [];
  const node = tree as Record<string, unknown>;
  return [...(test(node) ? [node] : []), ...Object.values(node).flatMap((value) => collect(value, test))];
}

/** What a reply does, for comparing the effect of a typed number with the button's. */
function gist(reply: Reply) {
  return {
    intent: reply.intent,
    outcome: reply.outcome,
    entryIds: reply.entryIds,
    title: reply.title,
    body: reply.body,
  };
}

describe.each(SAMPLES)("the $name reply", (sample) => {
  let reply: Reply;
  let expected: string[];

  beforeAll(async () => {
    ({ reply } = await reached(sample));
    expected = sorted(buttonsOf(reply));
  });

  it("is the kind of reply the sample is about, and has buttons", () => {
    expect(reply).toMatchObject(sample.expected);
    expect(expected.length).toBeGreaterThan(0);
  });

  it("renders in Slack with every button, each value parsing back to its action", () => {
    const message = renderReply(reply);
    const buttons = collect(message.blocks, (node) => node.type === "button");
    for (const button of buttons)
      expect(String(button.action_id)).toMatch(new RegExp(`^${ACTION_ID_PREFIX}`));
    expect(new Set(buttons.map((button) => button.action_id)).size).toBe(buttons.length);
    expect(sorted(buttons.map((button) => parseButtonValue(String(button.value))))).toEqual(expected);
  });

  it("renders in Teams with every button, each Action.Submit's data reading back to its action", () => {
    const card = renderCard(reply);
    const submits = collect(card, (node) => node.type === "Action.Submit");
    expect(submits.every((submit) => typeof submit.title === "string" && submit.title.length > 0)).toBe(true);
    expect(sorted(submits.map((submit) => actionOf(submit.data)))).toEqual(expected);
  });

  it("answers every button's action in the web chat", async () => {
    for (const action of buttonsOf(reply)) {
      const { conversationId } = await reached(sample);
      const answer = await post(conversationId, { action });
      expect(answer.status, JSON.stringify(action)).toBe(200);
      expect(answer.reply.intent).toBeTypeOf("string");
    }
  });

  it("numbers every button in text, and a typed number does what the button does", async () => {
    const text = renderText(reply);
    const buttons = numberedActions(reply);
    for (const [i, button] of buttons.entries()) expect(text).toContain(`${i + 1}. ${button.label}`);
    for (const [i, button] of buttons.entries()) {
      const typed = await reached(sample);
      const byNumber = await post(typed.conversationId, { text: String(i + 1) });
      const clicked = await reached(sample);
      const byButton = await post(clicked.conversationId, { action: button.action });
      expect(gist(byNumber.reply), `${sample.name}: ${i + 1}. ${button.label}`).toEqual(gist(byButton.reply));
    }
  });
});
