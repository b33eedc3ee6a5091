import { execFile } from "node:child_process";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../src/knowledge/knowledge-base.js";
import { ROOT } from "./helpers.js";

const run = promisify(execFile);
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const CHECK = path.join(ROOT, "scripts", "knowledge-check.ts");

function concept(
  id: string,
  { checked, heading = "Im Detail" }: { checked?: string; heading?: string } = {},
) {
  return `---
id: ${id}
kind: concept
title: { de: Begriff ${id}, en: Concept ${id} }
summary: { de: Kurz gesagt., en: In short. }
sources: [{ title: Eine Quelle }]
${checked ? `checked: ${checked}\n` : ""}---

# Deutsch

## ${heading}
Text.

# English

## In detail
Text.
`;
}

/** A knowledge folder of its own: two valid concepts, one of them never checked, and optionally a broken one. */
async function knowledgeFolder(broken: boolean): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "knowledge-check-"));
  await mkdir(path.join(root, "concepts"));
  const required = {
    missing: "error",
    minimumRecommendationsPerTopic: 0,
    entries: { concept: ["geprueft"] },
  };
  await writeFile(path.join(root, "required.json"), JSON.stringify(required));
  await writeFile(path.join(root, "concepts", "geprueft.md"), concept("geprueft", { checked: "2026-11" }));
  await writeFile(path.join(root, "concepts", "offen.md"), concept("offen"));
  if (broken) {
    await writeFile(
      path.join(root, "concepts", "kaputt.md"),
      concept("kaputt", { checked: "2026-11", heading: "Im Detial" }).replace("summary:", "sumary:"),
    );
  }
  return root;
}

async function check(...args: string[]) {
  try {
    const { stdout } = await run(TSX, [CHECK, ...args], { cwd: ROOT });
    return { code: 0, lines: stdout.trim().split("\n") };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, lines: failed.stdout.trim().split("\n") };
  }
}

describe("npm run knowledge:check", () => {
  let clean: string;
  let broken: string;
  beforeAll(async () => {
    [clean, broken] = await Promise.all([knowledgeFolder(false), knowledgeFolder(true)]);
  });

  it("tells editors in German what is wrong, where, and how to fix it", async () => {
    const { code, lines } = await check("--dir", broken);
    expect(code).toBe(1);
    expect(lines).toEqual([
      "concepts/kaputt.md:1: Fehler: Pflichtfeld `summary` fehlt.",
      "concepts/kaputt.md:5: Fehler: Feld `sumary` unbekannt – meinten Sie `summary`?",
      "concepts/kaputt.md:10: Fehler: Pflichtabschnitt „## Im Detail“ fehlt im deutschen Teil.",
      "concepts/kaputt.md:12: Fehler: Abschnitt „Im Detial“ unbekannt – meinten Sie „Im Detail“?",
      "concepts/offen.md:1: Warnung: nie gegen die Quellen geprüft – `checked: JJJJ-MM` ergänzen, sobald geprüft",
      "2 gültige Einträge (2 concept); 4 Fehler, 1 Warnungen",
    ]);
  });

  it("speaks English with --lang en", async () => {
    const { code, lines } = await check("--dir", broken, "--lang", "en");
    expect(code).toBe(1);
    expect(lines).toContain(
      'concepts/kaputt.md:12: error: Unknown section "Im Detial" – did you mean "Im Detail"?',
    );
    expect(lines).toContain(
      "concepts/offen.md:1: warning: never checked against its sources – add `checked: YYYY-MM` once checked",
    );
    expect(lines.at(-1)).toBe("2 valid entries (2 concept); 4 errors, 1 warnings");
  });

  it("passes a folder whose only findings are unchecked entries, and refuses an unknown language", async () => {
    const { code, lines } = await check("--dir", clean);
    expect(code).toBe(0);
    expect(lines.at(-1)).toBe("2 gültige Einträge (2 concept); 0 Fehler, 1 Warnungen");
    expect((await check("--dir", clean, "--lang", "fr")).code).toBe(2);
  });

  it("leaves unchecked entries out of the warnings the bot logs at start-up", async () => {
    const { knowledge, warnings } = await loadKnowledgeBase(clean);
    expect(warnings).toEqual([]);
    expect(knowledge.get("geprueft")?.checked).toBe("2026-11");
    expect(knowledge.get("offen")?.checked).toBeUndefined();
  });
});
