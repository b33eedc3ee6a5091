import { describe, expect, it } from "vitest";
import { analyzeText, foldWord, splitWords, termOf, transliterateUmlauts } from "../src/search/analyze.js";
import { contentWords, splitCompound } from "../src/search/query.js";

describe("text analysis", () => {
  it("reads ae/oe/ue as umlauts, but not in Quelle, Frauen or Bauer", () => {
    expect(transliterateUmlauts("buergerrat")).toBe("bürgerrat");
    expect(transliterateUmlauts("oeffentlichkeit")).toBe("öffentlichkeit");
    expect(transliterateUmlauts("quelle")).toBe("quelle");
    expect(transliterateUmlauts("frauen")).toBe("frauen");
    expect(transliterateUmlauts("bauer")).toBe("bauer");
  });

  it("folds every spelling of an umlaut, ß and accents to one form", () => {
    expect(new Set(["Bürgerrat", "Buergerrat", "Burgerrat", "BÜRGERRAT"].map(foldWord))).toEqual(
      new Set(["burgerrat"]),
    );
    expect(foldWord("Straße")).toBe(foldWord("Strasse"));
    expect(foldWord("Café")).toBe("cafe");
  });

  it("stems German inflections and English plurals to one term", () => {
    expect(termOf("Planungszellen", "de")).toBe(termOf("Planungszelle", "de"));
    expect(termOf("Bürgerräte", "de")).toBe(termOf("Bürgerrat", "de"));
    expect(termOf("assemblies", "en")).toBe(termOf("assembly", "en"));
  });

  it("splits on anything that is not a letter or digit, so no query syntax survives", () => {
    expect(splitWords('title:Bürgerrat~2 +open -space ^10 *wild* "quoted" 😀')).toEqual([
      "title",
      "bürgerrat",
      "open",
      "space",
      "10",
      "wild",
      "quoted",
    ]);
    expect(splitWords("")).toEqual([]);
  });

  it("keeps hyphenated words whole when a piece means little alone", () => {
    expect(splitWords("Know-how")).toEqual(["know", "how", "knowhow"]);
    expect(splitWords("E-Partizipation und face-to-face")).toEqual([
      "partizipation",
      "und",
      "face",
      "to",
      "face",
      "epartizipation",
      "facetoface",
    ]);
    // Pieces that carry meaning alone are enough: no extra whole word.
    expect(splitWords("Online-Beteiligung")).toEqual(["online", "beteiligung"]);
    // A dash between clauses is no hyphen.
    expect(splitWords("Rat – und dann")).toEqual(["rat", "und", "dann"]);
  });

  it("drops stop words and question phrasing from queries", () => {
    expect(contentWords("Was ist eigentlich eine Planungszelle?")).toEqual(["planungszelle"]);
    expect(contentWords("Can you tell me what a citizens' assembly is?")).toEqual(["citizens", "assembly"]);
    expect(analyzeText("und oder aber", "de")).toEqual([]);
    // In old and new spelling alike.
    expect(analyzeText("dass daß muss muß", "de")).toEqual([]);
  });

  it("splits a compound into known words, allowing linking elements", () => {
    const vocabulary = new Set(["burger", "beteiligung", "verfahren"]);
    expect(splitCompound("burgerbeteiligungsverfahren", vocabulary)).toEqual([
      "burger",
      "beteiligung",
      "verfahren",
    ]);
    // Known words must make up most of the compound; the unknown rest is skipped.
    expect(splitCompound("alibiverfahren", vocabulary)).toEqual(["verfahren"]);
    expect(splitCompound("personalausweis", vocabulary)).toEqual([]);
    expect(splitCompound("verfahren", vocabulary)).toEqual([]);
  });
});
