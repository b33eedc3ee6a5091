import { describe, expect, it } from "vitest";
import { parseEntry } from "../src/knowledge/load.js";
import { describeProblem } from "../src/knowledge/problems.js";
import { bodyStartLine, frontMatterLine } from "../src/knowledge/source-lines.js";
import { nearest } from "../src/knowledge/suggest.js";
import { editDistance } from "../src/search/edit-distance.js";

const SOURCE = `---
id: beispiel
title: { de: Titel, en: Title }
summary:
  de: >-
    Lang.
  en: Long.
sources:
  - title: Erste
  - title: Zweite
    url: https://example.org
purposes: [ideas, feedback]
---
Text.
`;

describe("lines in the source", () => {
  it("finds keys in block and flow style, list items, and their parents when a part is missing", () => {
    expect(frontMatterLine(SOURCE, ["id"])).toBe(2);
    expect(frontMatterLine(SOURCE, ["title", "en"])).toBe(3);
    expect(frontMatterLine(SOURCE, ["summary", "en"])).toBe(7);
    expect(frontMatterLine(SOURCE, ["sources", 1, "url"])).toBe(11);
    expect(frontMatterLine(SOURCE, ["sources", 0, "url"])).toBe(9);
    expect(frontMatterLine(SOURCE, ["purposes", 1])).toBe(12);
    expect(frontMatterLine(SOURCE, ["origin"])).toBeUndefined();
    expect(frontMatterLine("no front matter", ["id"])).toBeUndefined();
  });

  it("does not mistake a nested key for a top-level one", () => {
    expect(frontMatterLine("---\nsummary:\n  title: x\ntitle: y\n---\n", ["title"])).toBe(4);
  });

  it("counts the body's first line after the front matter", () => {
    expect(bodyStartLine(SOURCE, "Text.\n")).toBe(14);
  });

  it("keeps line numbers for files with Windows line ends", () => {
    const source =
      "---\r\nid: beispiel\r\nkind: concept\r\ntitle: { de: B, en: E }\r\nsummary: { de: K, en: S }\r\nsources: [{ title: Q }]\r\n---\r\n\r\n# Deutsch\r\n\r\n## Im Detial\r\nText.\r\n\r\n# English\r\n\r\n## In detail\r\nText.\r\n";
    expect(parseEntry("concepts/beispiel.md", source).problems.map((p) => describeProblem(p, "de"))).toEqual([
      "concepts/beispiel.md:11: Fehler: Abschnitt „Im Detial“ unbekannt – meinten Sie „Im Detail“?",
      "concepts/beispiel.md:9: Fehler: Pflichtabschnitt „## Im Detail“ fehlt im deutschen Teil.",
    ]);
  });
});

describe("suggestions", () => {
  it("counts edits, a swap of neighbours as one", () => {
    expect(editDistance("Praxistips", "Praxistipps")).toBe(1);
    expect(editDistance("Hwo", "How")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("suggests only what is close enough to be a typo, ignoring case", () => {
    expect(nearest("Praxistips", ["Praxistipps", "Beispiel"])).toBe("Praxistipps");
    expect(nearest("im detail", ["Im Detail"])).toBe("Im Detail");
    expect(nearest("Überblick", ["Im Detail", "Ablauf"])).toBeUndefined();
    expect(nearest("fr", ["de", "en"])).toBeUndefined();
    expect(nearest("Ablauf", ["Ablauf"])).toBeUndefined();
  });
});
