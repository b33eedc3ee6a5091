import { describe, expect, it } from "vitest";
import { detectIntent } from "../src/core/intents.js";
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
    ["Risiken?", { type: "section", section: "risks", rest: "" }],
    ["Beispiel", { type: "section", section: "example", rest: "" }],
    ["What are the risks?", { type: "section", section: "risks", rest: "what are the" }],
    ["Ablauf der Planungszelle", { type: "section", section: "process", rest: "der planungszelle" }],
    [
      "Wann ist ein Bürgerrat nicht geeignet?",
      { type: "section", section: "notWhen", rest: "wann ist ein bürgerrat" },
    ],
    ["Quellen", { type: "section", section: "sources", rest: "" }],
    ["Was ist eine Planungszelle?", { type: "ask" }],
    ["what is a citizens' assembly", { type: "ask" }],
    ["Behörden beteiligen Bürger", { type: "ask" }],
  ])("%j → %o", (text, expected) => {
    expect(detectIntent(text)).toEqual(expected);
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
