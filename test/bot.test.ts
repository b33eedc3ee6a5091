import { beforeAll, describe, expect, it } from "vitest";
import { Bot, conversationKey } from "../src/core/bot.js";
import type { Reply, Turn } from "../src/core/types.js";
import { KnowledgeBase } from "../src/knowledge/knowledge-base.js";
import { DEFAULT_THRESHOLDS, Retriever } from "../src/search/retriever.js";
import { storageFactsOf, type Services } from "../src/services.js";
import { MemoryStateStore } from "../src/state/memory.js";
import type { StateStore } from "../src/state/types.js";
import {
  entry,
  factsOf,
  linksOf,
  silentLogger,
  sourcesOf,
  testServices,
  textLines,
  testConfig,
  turn,
} from "./helpers.js";

let services: Services;
beforeAll(async () => {
  services = await testServices();
});

/** A conversation: every message in the same conversation, in order. */
function conversation(overrides: Partial<Turn> = {}) {
  const conversationId = `conv-${Math.random().toString(36).slice(2)}`;
  return (text: string, extra: Partial<Turn> = {}): Promise<Reply> =>
    services.bot.handle(turn(text, { conversationId, ...overrides, ...extra }));
}

function allText(reply: Reply): string {
  return [reply.title ?? "", ...textLines(reply)].join("\n");
}

describe("answering", () => {
  it("answers a question about a method with summary, facts, sources, follow-ups and feedback", async () => {
    const reply = await services.bot.handle(turn("Was ist eine Planungszelle?"));
    expect(reply).toMatchObject({
      intent: "ask",
      outcome: "answered",
      entryId: "planungszelle",
      language: "de",
    });
    expect(reply.title).toMatch(/^Planungszelle/);
    expect(reply.score).toBeGreaterThan(0.5);
    expect(factsOf(reply).map((fact) => fact.label)).toEqual(
      expect.arrayContaining(["Teilnehmende", "Dauer", "Auswahl"]),
    );
    expect(sourcesOf(reply).length).toBeGreaterThan(0);
    expect(reply.suggestions.some((s) => s.action.type === "section" && s.action.section === "risks")).toBe(
      true,
    );
    expect(reply.feedback).toMatchObject({ entryId: "planungszelle", question: "War das hilfreich?" });
    expect(reply.feedback?.votes.map((vote) => vote.label)).toEqual(["👍 Hilfreich", "👎 Nicht hilfreich"]);
  });

  it("follows up on the last entry: Risiken?, Beispiel, Ablauf", async () => {
    const say = conversation();
    await say("Was ist eine Planungszelle?");
    const risks = await say("Risiken?");
    expect(risks).toMatchObject({ intent: "section", outcome: "answered", entryId: "planungszelle" });
    expect(risks.title).toMatch(/^Planungszelle.* – Risiken$/);
    expect(risks.body.length).toBeGreaterThan(0);
    const process = await say("Und der Ablauf?");
    expect(process).toMatchObject({ intent: "section", entryId: "planungszelle" });
    expect(process.title).toMatch(/ – Ablauf$/);
  });

  it("answers a section of a named entry without context", async () => {
    const reply = await services.bot.handle(turn("Ablauf der Planungszelle"));
    expect(reply).toMatchObject({ intent: "section", entryId: "planungszelle" });
    expect(reply.title).toMatch(/ – Ablauf$/);
    const other = await services.bot.handle(turn("Welche Risiken hat ein Bürgerrat?"));
    expect(other).toMatchObject({ intent: "section", entryId: "buergerrat" });
  });

  it("asks what a follow-up refers to when there is no context", async () => {
    const reply = await services.bot.handle(turn("Risiken?"));
    expect(reply).toMatchObject({ intent: "section", outcome: "info", entryId: null });
    expect(allText(reply)).toContain("Worauf bezieht sich Ihre Frage?");
  });

  it("says so when the entry has no such section, and offers the ones it has", async () => {
    const say = conversation();
    await say("Wo finde ich die Publikation?");
    const reply = await say("Beispiel?");
    expect(reply.outcome).toBe("info");
    expect(allText(reply)).toContain("keinen Abschnitt „Beispiel“");
    expect(reply.suggestions.length).toBeGreaterThan(0);
  });

  it("answers in English when asked in English or with an English locale", async () => {
    const reply = await services.bot.handle(turn("what is a citizens' assembly"));
    expect(reply).toMatchObject({ language: "en", entryId: "buergerrat", outcome: "answered" });
    expect(factsOf(reply).map((fact) => fact.label)).toContain("Participants");
    const byLocale = await services.bot.handle(turn("Open Space", { locale: "en-US" }));
    expect(byLocale).toMatchObject({ language: "en", entryId: "open-space" });
  });

  it("gives the publication with both titles and the configured link", async () => {
    const reply = await services.bot.handle(turn("Wo finde ich die Publikation?"));
    expect(reply).toMatchObject({ intent: "publication", entryId: "publikation" });
    expect(allText(reply)).toMatch(/Bürger beteiligen!/);
    expect(allText(reply)).toMatch(/Behörden beteiligen Bürger/);
    expect(linksOf(reply)[0]?.url).toBe(services.config.PUBLICATION_URL);
    const byTitle = await services.bot.handle(turn("Behörden beteiligen Bürger"));
    expect(byTitle.entryId).toBe("publikation");
  });

  it("gives the week's tip, then a different one", async () => {
    const say = conversation();
    const first = await say("Tipp");
    expect(first).toMatchObject({ intent: "tip", outcome: "answered" });
    expect(services.knowledge.get(first.entryId ?? "")?.kind).toBe("recommendation");
    const second = await say("Noch ein Tipp");
    expect(second.entryId).not.toBe(first.entryId);
    const why = await say("Warum?");
    expect(why).toMatchObject({ intent: "section", entryId: second.entryId });
  });

  it("helps, greets, thanks and lists the methods", async () => {
    const help = await services.bot.handle(turn("help"));
    expect(help).toMatchObject({ intent: "help", outcome: "info", entryId: null });
    expect(help.suggestions.length).toBeGreaterThan(2);
    expect((await services.bot.handle(turn("Hallo"))).intent).toBe("greeting");
    expect((await services.bot.handle(turn("Danke"))).intent).toBe("thanks");
    const list = await services.bot.handle(turn("Welche Methoden gibt es?"));
    const methods = services.knowledge.ofKind("method").length;
    expect(list.body.flatMap((b) => (b.type === "list" ? b.items : []))).toHaveLength(methods);
  });

  it("groups methods into formal and informal, and recommendations under their topics", async () => {
    const methods = await services.bot.handle(turn("Welche Methoden gibt es?"));
    const headings = methods.body.flatMap((b) => (b.type === "paragraph" ? [b.text] : [])).slice(1);
    expect(headings).toEqual(["**Informelle Methoden**", "**Gesetzlich geregelte Verfahren**"]);
    const formal = methods.body.filter((b) => b.type === "list")[1];
    expect(formal?.type === "list" && formal.items).toContain(
      "Öffentlichkeitsbeteiligung in der Bauleitplanung",
    );

    const recommendations = await services.bot.handle(turn("Liste der Empfehlungen"));
    const topicHeadings = recommendations.body.flatMap((b) => (b.type === "paragraph" ? [b.text] : []));
    const topicsWithRecommendations = new Set(
      services.knowledge.ofKind("recommendation").map((e) => e.topic),
    );
    expect(topicHeadings.slice(1)).toHaveLength(topicsWithRecommendations.size);
    const listed = recommendations.body.flatMap((b) => (b.type === "list" ? b.items : []));
    expect(listed).toHaveLength(services.knowledge.ofKind("recommendation").length);
  });

  it("switches language on request and keeps it", async () => {
    const say = conversation();
    const switched = await say("English please");
    expect(switched).toMatchObject({ intent: "language", language: "en" });
    expect((await say("Planungszelle")).language).toBe("en");
    expect((await say("auf Deutsch bitte")).language).toBe("de");
  });

  it("declines what it does not know and shows what it can do", async () => {
    const reply = await services.bot.handle(turn("Wie beantrage ich einen Reisepass?"));
    expect(reply).toMatchObject({ intent: "ask", outcome: "declined", entryId: null });
    expect(reply.suggestions.map((s) => s.action)).toContainEqual({
      type: "command",
      command: "list-methods",
    });
  });

  it("offers the entries that came near when it is not sure enough to answer", async () => {
    const knowledge = new KnowledgeBase([
      entry("forum", { title: { de: "Stadtforum", en: "City forum" }, body: "Treffen im Rathaus." }),
      entry("anderes", { title: { de: "Anderes", en: "Other" } }),
    ]);
    const bot = new Bot({
      knowledge,
      retriever: new Retriever(knowledge.entries, { ...DEFAULT_THRESHOLDS, answerConfidence: 0.95 }),
      store: new MemoryStateStore({ ttlSeconds: 60 }),
      publicationUrl: "https://example.org/",
      logger: silentLogger,
      storage: storageFactsOf(testConfig(), new MemoryStateStore({ ttlSeconds: 60 })),
    });
    const unsure = await bot.handle(turn("Stadtforum im Rathaus mit Kaffee"));
    expect(unsure.outcome).toBe("declined");
    expect(unsure.suggestions[0]).toEqual({
      label: "Stadtforum",
      action: { type: "entry", entryId: "forum" },
    });
    const nothing = await bot.handle(turn("Wetter morgen"));
    expect(nothing.outcome).toBe("declined");
    expect(nothing.suggestions.every((s) => s.action.type === "command")).toBe(true);
  });

  it("lets the user pick a 'Meinten Sie …?' choice by number", async () => {
    const knowledge = new KnowledgeBase([
      entry("stadt-a", { title: { de: "Stadtforum Nord", en: "City forum north" } }),
      entry("stadt-b", { title: { de: "Stadtforum Süd", en: "City forum south" } }),
    ]);
    const bot = new Bot({
      knowledge,
      retriever: new Retriever(knowledge.entries),
      store: new MemoryStateStore({ ttlSeconds: 60 }),
      publicationUrl: "https://example.org/",
      logger: silentLogger,
      storage: storageFactsOf(testConfig(), new MemoryStateStore({ ttlSeconds: 60 })),
    });
    const ambiguous = await bot.handle(turn("Stadtforum", { conversationId: "choice" }));
    expect(ambiguous).toMatchObject({ outcome: "clarify", entryId: null, title: "Meinten Sie …?" });
    const second = ambiguous.choices[1]?.action;
    const picked = await bot.handle(turn("2", { conversationId: "choice" }));
    expect(picked.outcome).toBe("answered");
    expect(picked.entryId).toBe(second?.type === "entry" ? second.entryId : "missing");
  });

  it("handles button actions and records feedback in the store", async () => {
    const store = new MemoryStateStore({ ttlSeconds: 60 });
    const own = await testServices(store);
    const section = await own.bot.handle(
      turn("", { action: { type: "section", entryId: "buergerrat", section: "tips" } }),
    );
    expect(section).toMatchObject({ intent: "section", entryId: "buergerrat" });
    const feedback = await own.bot.handle(
      turn("", { action: { type: "feedback", entryId: "buergerrat", helpful: true } }),
    );
    expect(feedback.intent).toBe("feedback");
    expect(await store.feedbackFor("buergerrat")).toEqual({ helpful: 1, unhelpful: 0 });
    const unknown = await own.bot.handle(turn("", { action: { type: "entry", entryId: "gibt-es-nicht" } }));
    expect(unknown.outcome).toBe("info");
  });
});

describe("bad input", () => {
  it.each([
    "",
    "   ",
    "😀",
    "title:Bürgerrat~2^3 -+*",
    "<script>alert(1)</script>",
    "x".repeat(10_000),
    "Bürgerrat ".repeat(4_000),
    "\u0000\u0001\u200b",
  ])("gets a friendly reply for %j", async (text) => {
    const reply = await services.bot.handle(turn(text));
    expect(reply.body.length + reply.choices.length).toBeGreaterThan(0);
    expect(allText(reply)).not.toMatch(/Error|at \w+ \(/);
  });

  it("still answers when the state store fails, and keeps no partial state", async () => {
    const failing: StateStore = {
      load: () => Promise.reject(new Error("down")),
      save: () => Promise.reject(new Error("down")),
      forget: () => Promise.reject(new Error("down")),
      recordFeedback: () => Promise.reject(new Error("down")),
      feedbackFor: () => Promise.reject(new Error("down")),
      claim: () => Promise.reject(new Error("down")),
      release: () => Promise.reject(new Error("down")),
      getRecord: () => Promise.reject(new Error("down")),
      putRecord: () => Promise.reject(new Error("down")),
      deleteRecord: () => Promise.reject(new Error("down")),
      ping: () => Promise.resolve(false),
      close: () => Promise.resolve(),
    };
    const own = await testServices(failing);
    const reply = await own.bot.handle(turn("Was ist ein Bürgerrat?"));
    expect(reply.entryId).toBe("buergerrat");
  });

  it("files state under a hash, not the platform's conversation id", () => {
    const key = conversationKey("slack", "C123:1700000000.1234");
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(key).not.toContain("C123");
  });
});
