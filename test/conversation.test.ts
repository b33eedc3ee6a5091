import { beforeAll, describe, expect, it } from "vitest";
import { conversationKey } from "../src/core/bot.js";
import { meetsHardConstraints, rankMethods } from "../src/core/finder/rank.js";
import { constraintsIn, countOf, merged } from "../src/core/finder/constraints.js";
import type { Action, Element, Reply, Turn } from "../src/core/types.js";
import type { Services } from "../src/services.js";
import { MemoryStateStore } from "../src/state/memory.js";
import { testServices, textLines, turn } from "./helpers.js";

let services: Services;
let store: MemoryStateStore;
beforeAll(async () => {
  store = new MemoryStateStore({ ttlSeconds: 3600 });
  services = await testServices(store);
});

/** Every message in the same conversation, in order. */
function conversation(overrides: Partial<Turn> = {}) {
  const conversationId = `conv-${Math.random().toString(36).slice(2)}`;
  const say = (text: string): Promise<Reply> =>
    services.bot.handle(turn(text, { conversationId, platform: "web", ...overrides }));
  const click = (action: Action | undefined): Promise<Reply> =>
    services.bot.handle(turn("", { conversationId, platform: "web", action, ...overrides }));
  const state = () => store.load(conversationKey("web", conversationId));
  return { say, click, state };
}

function allText(reply: Reply): string {
  return [reply.title ?? "", ...textLines(reply)].join("\n");
}

function tableOf(reply: Reply): Extract<Element, { type: "table" }> {
  const table = reply.body.find((element) => element.type === "table");
  if (table?.type !== "table") throw new Error(`no table in ${reply.intent} reply`);
  return table;
}

function methodOf(id: string) {
  const method = services.knowledge.get(id)?.method;
  if (!method) throw new Error(`${id} is no method`);
  return method;
}

describe("the entry in view", () => {
  it("answers questions in people's own words about the method being discussed", async () => {
    const { say } = conversation();
    await say("Was ist ein Bürgerhaushalt?");
    const asked: [string, string][] = [
      ["wie lange läuft sowas?", "Dauer"],
      ["wer hat's erfunden?", "Herkunft"],
      ["ist das teuer?", "Aufwand"],
      ["wie viele machen da mit?", "Teilnehmende"],
    ];
    for (const [text, label] of asked) {
      const reply = await say(text);
      expect(reply, text).toMatchObject({
        intent: "attribute",
        outcome: "answered",
        entryId: "buergerhaushalt",
      });
      expect(reply.title, text).toContain(label);
    }
    const duration = await say("und wie lange?");
    expect(allText(duration)).toContain("mehrere Monate");
  });

  it("gives a section asked in free words, in English too", async () => {
    const { say } = conversation({ locale: "en-GB" });
    await say("What is a planning cell?");
    const reply = await say("any drawbacks?");
    expect(reply).toMatchObject({ entryId: "planungszelle", language: "en" });
    expect(reply.intent).toMatch(/section|attribute/);
  });

  it("switches to an entry the message names, and asks where it cannot tell which one is meant", async () => {
    const { say } = conversation();
    await say("Was ist ein Bürgerhaushalt?");
    const other = await say("und was kostet die Planungszelle?");
    expect(other).toMatchObject({ intent: "attribute", entryId: "planungszelle" });

    const unclear = conversation();
    await unclear.say("Was ist ein World Café?");
    const which = await unclear.say(
      "und was ist dabei der Unterschied zu Stühlen im Kreis mit offenem Innenkreis?",
    );
    expect(which.outcome).toBe("clarify");
    expect(which.title).toContain("World Café");
    expect(which.choices.map((choice) => choice.action)).toContainEqual({
      type: "entry",
      entryId: "world-cafe",
    });
  });

  it("asks which choice of a „Meinten Sie …?“ a follow-up that points back is about", async () => {
    const { say, state } = conversation();
    const unsure = await say("Wie erreichen wir Jugendliche und Leute mit Migrationsgeschichte?");
    expect(unsure.outcome).toBe("clarify");
    const offered = unsure.choices.flatMap(({ action }) => (action.type === "entry" ? [action.entryId] : []));
    expect(offered.length).toBeGreaterThanOrEqual(2);
    expect((await state())?.undecided).toEqual(offered.slice(0, 3));

    // "setz … um" is the separable verb "umsetzen": the "how" of each choice.
    const which = await say("und wie setz ich das konkret um?");
    expect(which.outcome).toBe("clarify");
    expect(which.choices.map(({ action }) => action)).toEqual(
      offered.slice(0, 2).map((entryId) => ({ type: "section", entryId, section: "how" })),
    );

    // A message with its own subject is a new question, not one about the choices.
    const fresh = conversation();
    await fresh.say("Wie erreichen wir Jugendliche und Leute mit Migrationsgeschichte?");
    expect(await fresh.say("und was ist dabei ein Bürgerrat?")).toMatchObject({ entryId: "buergerrat" });
    expect((await fresh.state())?.undecided).toBeUndefined();
  });

  it("says when the entry lacks what was asked, and offers what it has", async () => {
    const { say } = conversation();
    await say("Was ist ein World Café?");
    const reply = await say("gibt es dafür eine rechtliche Grundlage?");
    expect(reply).toMatchObject({ intent: "attribute", outcome: "info", entryId: "world-cafe" });
    expect(allText(reply)).toContain("keine Angabe");
    expect(reply.suggestions.length).toBeGreaterThan(0);
  });
});

describe("comparisons", () => {
  it("compares two named methods side by side, with what each is suited for", async () => {
    const { say } = conversation();
    const reply = await say("Unterschied zwischen Bürgerrat und Planungszelle?");
    expect(reply).toMatchObject({
      intent: "compare",
      outcome: "answered",
      entryIds: ["buergerrat", "planungszelle"],
    });
    const table = tableOf(reply);
    expect(table.columns).toEqual(["Bürgerrat", "Planungszelle / Bürgergutachten"]);
    expect(table.rows.map((row) => row.label)).toEqual(expect.arrayContaining(["Teilnehmende", "Dauer"]));
    expect(table.rows.at(-1)?.label).toBe("Geeignet, wenn");
    for (const row of table.rows) expect(row.cells).toHaveLength(2);

    const either = await conversation().say("Bürgerrat oder Planungszelle – wann nimmt man was?");
    expect(either.entryIds).toEqual(["buergerrat", "planungszelle"]);
    const english = await conversation().say("difference between a citizens' assembly and a planning cell");
    expect(english).toMatchObject({
      intent: "compare",
      language: "en",
      entryIds: ["buergerrat", "planungszelle"],
    });
  });

  it("compares the entry in view with the one named, and answers which of the two", async () => {
    const { say } = conversation();
    await say("Was ist ein Bürgerhaushalt?");
    const reply = await say("und im Vergleich zum Bürgerrat?");
    expect(reply.entryIds).toEqual(["buergerhaushalt", "buergerrat"]);
    const cheaper = await say("und welches ist billiger?");
    expect(cheaper.intent).toBe("compare");
    // The fact asked about comes first, after the summary.
    expect(tableOf(cheaper).rows[1]?.label).toBe("Aufwand und Kosten");
    // "welche von beiden" asks about both, also where the words fit one of them better.
    const both = await say("Was unterscheidet eine Bürgerversammlung von einer Informationsveranstaltung?");
    expect(both.intent).toBe("compare");
    const law = await say("und welche von beiden ist gesetzlich geregelt?");
    expect(law).toMatchObject({ intent: "compare" });
    expect(new Set(law.entryIds)).toEqual(new Set(both.entryIds));
    // The head of one compound title names that one, where the words fit both alike.
    await say("Unterschied zwischen Deliberative Polling und Bürgerbefragung?");
    const survey = await say("und was kostet so eine Befragung?");
    expect(survey).toMatchObject({ intent: "attribute", entryId: "buergerbefragung" });
  });
});

describe("alternatives", () => {
  it("offers other methods with shared purposes, without the current one, as choices", async () => {
    const { say } = conversation();
    await say("Was ist ein Bürgerrat?");
    const reply = await say("Gibt es noch eine andere Methode dafür?");
    expect(reply).toMatchObject({ intent: "alternatives", outcome: "answered" });
    const ids = reply.choices.map((choice) => (choice.action.type === "entry" ? choice.action.entryId : ""));
    expect(ids.length).toBeGreaterThanOrEqual(3);
    expect(ids).not.toContain("buergerrat");
    const shared = ids.filter((id) =>
      methodOf(id).purposes.some((purpose) => methodOf("buergerrat").purposes.includes(purpose)),
    );
    expect(shared[0]).toBe(ids[0]);
  });

  it("keeps the criteria the message adds", async () => {
    const { say } = conversation({ locale: "en-GB" });
    await say("What is a citizens' assembly?");
    const reply = await say("something similar but online?");
    expect(reply.intent).toBe("alternatives");
    for (const choice of reply.choices) {
      const id = choice.action.type === "entry" ? choice.action.entryId : "";
      expect(methodOf(id).format, id).not.toBe("presence");
    }
  });
});

describe("language switch", () => {
  it("gives the last answer again in the new language, and keeps it", async () => {
    const { say } = conversation();
    const german = await say("Was ist ein Bürgerhaushalt?");
    expect(german.language).toBe("de");
    const english = await say("auf Englisch bitte");
    expect(english).toMatchObject({ intent: "ask", language: "en", entryId: "buergerhaushalt" });
    expect(english.title).toBe(services.knowledge.get("buergerhaushalt")?.title.en);
    const next = await say("Risiken?");
    expect(next.language).toBe("en");
  });

  it("repeats a comparison and a finder result in the new language", async () => {
    const { say } = conversation();
    await say("Bürgerrat oder Planungszelle?");
    const compared = await say("in English please");
    expect(compared).toMatchObject({
      intent: "compare",
      language: "en",
      entryIds: ["buergerrat", "planungszelle"],
    });

    const finder = conversation();
    const found = await finder.say("Welche Methode passt für 20 Leute, einen Abend, Ideen sammeln?");
    const again = await finder.say("auf Englisch bitte");
    expect(again).toMatchObject({ intent: "find", language: "en" });
    expect(again.choices[0]?.action).toEqual(found.choices[0]?.action);
  });
});

describe("numbered choices", () => {
  it("picks the offered button by its number", async () => {
    const { say } = conversation();
    const found = await say("Welche Methode passt für 20 Leute, einen Abend, Ideen sammeln?");
    const third = found.choices[2]?.action;
    expect(third?.type).toBe("entry");
    const reply = await say("3");
    expect(reply.entryId).toBe(third?.type === "entry" ? third.entryId : undefined);
  });
});

describe("method finder", () => {
  it("reads the constraints from the message", () => {
    expect(constraintsIn("15 Leute, ein Abend, online, Ideen sammeln")).toEqual({
      people: 15,
      time: "hours",
      format: "online",
      purpose: "ideas",
    });
    expect(constraintsIn("a few hundred people over several weeks, by post")).toEqual({
      people: 300,
      time: "weeks",
      format: "postal",
    });
    expect(constraintsIn("ausgeloste Bürger sollen in zwei Tagen eine Empfehlung erarbeiten")).toMatchObject({
      time: "days",
      selection: "random",
      purpose: "recommendations",
    });
    expect(constraintsIn("Interessengruppen, wenig Budget, per Post und online")).toMatchObject({
      selection: "stakeholders",
      lowCost: true,
      format: "hybrid",
    });
    // Two purposes in one message: both count, and a purpose added later replaces them.
    const both = constraintsIn("Vorschläge sammeln und dann darüber abstimmen");
    expect(both).toMatchObject({ purpose: "ideas", morePurposes: ["decision"] });
    expect(countOf(both)).toBe(1);
    expect(merged(both, { purpose: "conflict" })).toEqual({ purpose: "conflict" });
  });

  it("takes the number of people for the group size, not an amount of money or a year", () => {
    expect(constraintsIn("ein Topf von 100.000 € für Projekte, ca. 2.000 Leute")).toMatchObject({
      people: 2000,
    });
    expect(constraintsIn("für 30, insgesamt aber 1,500 residents")).toMatchObject({ people: 1500 });
    expect(constraintsIn("Budget 5000 Euro")).not.toHaveProperty("people");
    expect(constraintsIn("seit 2017 machen wir das mit 40 Leuten")).toMatchObject({ people: 40 });
    expect(constraintsIn("what did the 2017 recommendation say")).not.toHaveProperty("people");
  });

  it("answers a described method directly only where it meets the stated criteria", async () => {
    const described = "25 ausgeloste Leute, bezahlt freigestellt, schreiben am Ende ein Gutachten";
    // The method itself, not the fact that "ausgelost" names (its selection).
    expect(await conversation().say(described)).toMatchObject({ intent: "ask", entryId: "planungszelle" });
    const asked = await conversation().say(`Wie lange dauert es, wenn ${described.replace(",", "")}?`);
    expect(asked).toMatchObject({ intent: "attribute", entryId: "planungszelle" });
    // The Planungszelle meets in person: asked for online, the finder ranks methods that can be.
    const online = await conversation().say(`${described}, alles online`);
    expect(online.intent).toBe("find");
    const first = online.choices[0]?.action;
    expect(first?.type).toBe("entry");
    if (first?.type === "entry") expect(methodOf(first.entryId).format).not.toBe("presence");
  });

  it("refines a request answered with one method when the next message adds a criterion", async () => {
    const { say } = conversation();
    await say("25 ausgeloste Leute, bezahlt freigestellt, schreiben am Ende ein Gutachten");
    const fewer = await say("aber nur 15 Leute");
    expect(fewer.intent).toBe("find");
    const first = fewer.choices[0]?.action;
    expect(first?.type).toBe("entry");
    // Still drawn by lot, now for 15: the Planungszelle (from 25) is no longer offered.
    if (first?.type === "entry") expect(methodOf(first.entryId).selection).toContain("random");
    expect(fewer.choices.map(({ action }) => action)).not.toContainEqual({
      type: "entry",
      entryId: "planungszelle",
    });
    // "randomly selected" gives the selection, it does not ask what the selection is.
    const drawn = await say("what if it has to be randomly selected people?");
    expect(drawn.intent).toBe("find");
  });

  it("no longer puts first the method answered before when an added criterion rules it out", async () => {
    const { say } = conversation();
    await say("25 ausgeloste Leute, bezahlt freigestellt, schreiben am Ende ein Gutachten");
    const longer = await say("und wenn es mehrere Monate laufen soll?");
    expect(longer.intent).toBe("find");
    // The Planungszelle takes a few days: asked for months, it does not lead the list.
    expect(longer.entryIds[0]).not.toBe("planungszelle");
  });

  it("refines a stated situation answered by retrieval when the next message adds a criterion", async () => {
    const { say } = conversation();
    await say("Grundschulkinder sollen uns ihren Schulweg zeigen, ca. 25 Kinder, ein Vormittag");
    const fewer = await say("aber es dürfen höchstens 12 Kinder sein");
    expect(fewer.intent).toBe("find");
    for (const id of fewer.entryIds) expect(methodOf(id).participants.min, id).toBeLessThanOrEqual(12);
  });

  it("takes a result refined in words of its own as more evidence, not as a new question", async () => {
    const { say } = conversation();
    const first = await say("Welche Methode passt für 30 Leute, ein Nachmittag, Ideen sammeln?");
    const walk = (reply: Reply) => reply.entryIds.indexOf("stadtteilspaziergang");
    const refined = await say("und wenn die Leute durchs Viertel gehen und uns zeigen sollen, wo es hakt?");
    expect(refined.intent).toBe("find");
    expect(walk(refined)).toBeGreaterThanOrEqual(0);
    expect(walk(refined)).toBeLessThan(walk(first));
  });

  it("takes a situation stated with criteria only methods have as a request for a method", async () => {
    const stated = await conversation().say(
      "Ergebnisse an die Beteiligten zurückmelden, 50 Leute, online, mehrere Wochen",
    );
    expect(stated.intent).toBe("find");
    const first = stated.choices[0]?.action;
    expect(first?.type === "entry" && services.knowledge.get(first.entryId)?.method).toBeTruthy();
    // Asked as a question of its own, the same words get the recommendation, not a list of methods.
    const asked = await conversation().say(
      "Wie melden wir die Ergebnisse an die Beteiligten zurück, 50 Leute, online, mehrere Wochen?",
    );
    expect(asked).toMatchObject({ intent: "ask", entryId: "empfehlung-rueckmeldung-an-beteiligte" });
    // A yes-or-no question and one opened after "und" are questions too, not situations.
    for (const question of [
      "Müssen wir die ausgelosten Leute für drei Wochenenden bezahlen?",
      "Wir planen ein Gremium aus ausgelosten Leuten an vier Samstagen, und wie viel zahlen andere Städte pro Tag?",
    ]) {
      expect((await conversation().say(question)).intent, question).not.toBe("find");
    }
    // Two criteria and words that match a recommendation best: methods that meet the criteria.
    const two = await conversation().say(
      "Jugendliche sollen bei der Planung vom neuen Jugendtreff mitreden, ca. 20 Jugendliche, ein Nachmittag",
    );
    expect(two.intent).toBe("find");
    for (const id of two.entryIds) expect(meetsHardConstraints(methodOf(id), { people: 20 }), id).toBe(true);
  });

  it("answers with ranked methods, each with why it fits, as entry choices", async () => {
    const reply = await conversation().say("Welche Methode passt für 20 Leute, einen Abend, Ideen sammeln?");
    expect(reply).toMatchObject({ intent: "find", outcome: "answered" });
    expect(reply.choices.length).toBeGreaterThanOrEqual(3);
    for (const choice of reply.choices) expect(choice.action.type).toBe("entry");
    expect(reply.entryIds).toEqual(
      reply.choices.map((choice) => (choice.action.type === "entry" ? choice.action.entryId : "")),
    );
    const first = methodOf(reply.entryIds[0] ?? "");
    expect(first.durationClass).toBe("hours");
    expect(first.purposes).toContain("ideas");
    expect(allText(reply)).toMatch(/20 Teilnehmende/);
  });

  it("orders methods that meet the criteria alike by how well the message's words fit them", () => {
    const methods = services.knowledge.ofKind("method");
    const tieFit = new Map([["world-cafe", 0.5]]);
    const alike = rankMethods(methods, { time: "hours", lowCost: true }, { language: "de", tieFit });
    expect(alike[0]?.entry.id).toBe("world-cafe");
    // Only a tie-breaker: a method that misses a criterion does not move up.
    const months = rankMethods(methods, { time: "months" }, { language: "de", tieFit });
    expect(months[0]?.entry.id).not.toBe("world-cafe");
  });

  it("never offers first a method that breaks a hard constraint", async () => {
    const sizes = ["8 Leute", "30 Personen", "200 Menschen", "2000 Einwohner"];
    const formats = ["online", "in Präsenz", "per Post", ""];
    for (const size of sizes) {
      for (const format of formats) {
        const text = `Welche Methode passt für ${size} ${format}?`.replace(" ?", "?");
        const reply = await conversation().say(text);
        if (reply.outcome !== "answered") continue;
        const first = reply.entryIds[0] ?? "";
        expect(meetsHardConstraints(methodOf(first), constraintsIn(text)), `${text} → ${first}`).toBe(true);
      }
    }
  });

  it("offers for both ways at once only methods that work both ways", async () => {
    const reply = await conversation().say(
      "Wir brauchen ein Meinungsbild von mehreren hundert Leuten, per Post und online. Welche Methode?",
    );
    expect(reply.intent).toBe("find");
    for (const id of reply.entryIds) expect(methodOf(id).format, id).toBe("hybrid");
  });

  it("says when no method meets every wish, and which wish each one misses", async () => {
    // No method in the knowledge base runs online in a few hours, so the list must not pretend it fits.
    const reply = await conversation().say("Welche Methode passt für 30 Personen, 2 Stunden, online?");
    expect(reply).toMatchObject({ intent: "find", outcome: "answered" });
    const first = methodOf(reply.entryIds[0] ?? "");
    expect(first.format).not.toBe("presence");
    expect(first.durationClass).not.toBe("hours");
    expect(allText(reply)).toMatch(/Keine Methode erfüllt alle Vorgaben/);
    expect(allText(reply)).toMatch(/nicht: wenige Stunden/);

    const fits = await conversation().say("Welche Methode passt für 20 Leute, einen Abend, Ideen sammeln?");
    expect(allText(fits)).not.toMatch(/Keine Methode erfüllt alle Vorgaben/);
  });

  it("asks at most three questions, one at a time, each with a 'doesn't matter' button", async () => {
    const { say, click, state } = conversation();
    let reply = await say("Hilf mir, eine Methode zu finden");
    let questions = 0;
    while (reply.outcome !== "answered") {
      expect(reply.intent).toBe("find");
      questions++;
      expect(questions).toBeLessThanOrEqual(3);
      const dontCare = reply.choices.at(-1);
      expect(dontCare?.label).toBe("egal");
      reply = await click(dontCare?.action);
    }
    expect(questions).toBeGreaterThanOrEqual(1);
    expect(reply.choices.length).toBeGreaterThan(0);
    // The finder's slot holds its answers, never the message.
    expect(JSON.stringify(await state())).not.toContain("Hilf mir");
  });

  it("takes a typed answer to its question and refines a result", async () => {
    const { say } = conversation({ locale: "en-GB" });
    const question = await say("help me find a method");
    expect(question).toMatchObject({ intent: "find", outcome: "info", language: "en" });
    expect(question.choices.at(-1)?.label).toBe("doesn't matter");
    let reply = await say("about 40 people, online");
    while (reply.outcome !== "answered") reply = await say("doesn't matter");
    for (const id of reply.entryIds) {
      const method = methodOf(id);
      expect(method.format, id).not.toBe("presence");
      expect(method.participants.min, id).toBeLessThanOrEqual(40);
    }

    const refined = conversation();
    await refined.say("Welche Methode passt für 20 Leute, einen Abend, Ideen sammeln?");
    const online = await refined.say("und online?");
    expect(online.intent).toBe("find");
    for (const id of online.entryIds) expect(methodOf(id).format, id).not.toBe("presence");
  });

  it("ignores a damaged finder slot instead of failing", async () => {
    const conversationId = "damaged-slot";
    const key = conversationKey("web", conversationId);
    await store.save(key, {
      lastEntryId: "buergerrat",
      dialogues: { finder: { asked: "nonsense", step: -4 } },
    });
    const action: Action = { type: "find", question: "size", value: "small" };
    const reply = await services.bot.handle(turn("", { conversationId, platform: "web", action }));
    expect(reply.intent).toBe("find");
    expect(reply.body.length).toBeGreaterThan(0);
  });
});
