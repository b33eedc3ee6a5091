import { describe, expect, it } from "vitest";
import { detectFacet } from "../src/core/facets.js";
import { detectIntent, requestedLanguage } from "../src/core/intents.js";
import { detectLanguage, languageOfLocale } from "../src/core/language.js";

describe("intent detection", () => {
  it.each([
    ["help", { type: "help" }],
    ["Hilfe", { type: "help" }],
    ["Was kannst du?", { type: "help" }],
    ["?", { type: "help" }],
    ["Hallo", { type: "greeting" }],
    ["Guten Morgen!", { type: "greeting" }],
    ["Danke!", { type: "thanks" }],
    ["thank you", { type: "thanks" }],
    ["Tipp", { type: "tip" }],
    ["Noch ein Tipp", { type: "tip" }],
    ["Tipp der Woche", { type: "tip" }],
    ["tip of the week", { type: "tip" }],
    ["Wo finde ich die Publikation?", { type: "publication" }],
    ["publication", { type: "publication" }],
    ["Welche Methoden gibt es?", { type: "list", what: "methods" }],
    ["list methods", { type: "list", what: "methods" }],
    ["Alle Empfehlungen", { type: "list", what: "recommendations" }],
    ["English please", { type: "language", language: "en" }],
    ["auf Deutsch bitte", { type: "language", language: "de" }],
    ["switch to English", { type: "language", language: "en" }],
    ["2", { type: "choice", index: 1 }],
    ["Nr. 3", { type: "choice", index: 2 }],
    ["die erste", { type: "choice", index: 0 }],
    // Facets ("Risiken?", "wie lange?") are no intent of their own: the conversation decides whose they are.
    ["Risiken?", { type: "ask" }],
    ["Was ist eine Planungszelle?", { type: "ask" }],
    ["what is a citizens' assembly", { type: "ask" }],
    ["Behörden beteiligen Bürger", { type: "ask" }],
  ])("%j → %o", (text, expected) => {
    expect(detectIntent(text)).toEqual(expected);
  });
});

describe("facets", () => {
  it.each([
    ["Risiken?", "risks", ""],
    ["Beispiel", "example", ""],
    ["What are the risks?", "risks", "what are the"],
    ["Ablauf der Planungszelle", "process", "der planungszelle"],
    ["Wann ist ein Bürgerrat nicht geeignet?", "notWhen", "wann ist ein bürgerrat"],
    ["Quellen", "sources", ""],
    ["wie lange läuft sowas?", "duration", "läuft sowas"],
    ["wer hat's erfunden?", "origin", undefined],
    ["ist das teuer?", "cost", "ist das"],
    ["wie viele machen da mit?", "participants", "machen da mit"],
    ["werden die ausgelost?", "selection", undefined],
    ["is it legally binding?", "legalBasis", undefined],
    ["geht das auch online?", "format", undefined],
    ["how long does it take?", "duration", undefined],
    // Separable verbs split in the question: "umsetzen", "durchführen".
    ["wie setzen wir das um?", "how", "wie wir das"],
    ["und wie setz ich das konkret um?", "how", undefined],
    ["wie führt man das durch?", "process", undefined],
  ])("%j asks for %s", (text, key, rest) => {
    const request = detectFacet(text);
    const facet = request?.facet;
    expect(facet && (facet.kind === "section" ? facet.section : facet.attribute)).toBe(key);
    if (rest !== undefined) expect(request?.rest).toBe(rest);
  });

  it("finds no facet in a plain question", () => {
    expect(detectFacet("Was ist eine Planungszelle?")).toBeUndefined();
    // A particle last, but "anfangen" is no facet word.
    expect(detectFacet("Wo fangen wir an?")).toBeUndefined();
  });
});

describe("language requests inside a message", () => {
  it.each([
    ["auf Englisch bitte", "en"],
    ["in English please", "en"],
    ["bitte wieder auf Deutsch", "de"],
    ["Was ist ein Bürgerrat?", undefined],
  ])("%j → %s", (text, language) => {
    expect(requestedLanguage(text)).toBe(language);
  });
});

describe("language", () => {
  it("detects the question's language from its words", () => {
    expect(detectLanguage("Was ist eine Planungszelle?")).toBe("de");
    expect(detectLanguage("what is a citizens' assembly")).toBe("en");
    expect(detectLanguage("Risiken?")).toBe("de");
    expect(detectLanguage("Risks?")).toBe("en");
    expect(detectLanguage("Open Space")).toBeUndefined();
  });

  it("reads the language from a locale", () => {
    expect(languageOfLocale("en-GB")).toBe("en");
    expect(languageOfLocale("de_AT")).toBe("de");
    expect(languageOfLocale("fr-FR")).toBeUndefined();
    expect(languageOfLocale(undefined)).toBeUndefined();
  });
});
