import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { KnowledgeReloader } from "../src/reload/knowledge-reloader.js";
import { createServices, useKnowledge, type Services } from "../src/services.js";
import { MemoryStateStore } from "../src/state/memory.js";
import { captureLogs, KNOWLEDGE_DIR, ROOT, silentLogger, testConfig, turn } from "./helpers.js";
import { spawnServer, waitUntil } from "./processes.js";

const PLANUNGSZELLE = path.join("methods", "planungszelle.md");
const WORLD_CAFE = path.join("methods", "world-cafe.md");
/** The opening words of the planning cell's German summary, as the knowledge base has it. */
const ORIGINAL_OPENING = "Die Planungszelle ist ein Verfahren,";
const EDITED_OPENING = "Die Planungszelle (bearbeitete Fassung) ist ein Verfahren,";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "knowledge-"));
  await cp(KNOWLEDGE_DIR, dir, { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function edit(file: string, from: string, to: string): Promise<void> {
  const full = path.join(dir, file);
  const text = await readFile(full, "utf8");
  expect(text).toContain(from);
  await writeFile(full, text.replace(from, to));
}

async function answerText(services: Services, question: string): Promise<string> {
  return JSON.stringify(await services.bot.handle(turn(question)));
}

describe("Reloading the knowledge base", () => {
  async function setUp(delayMs = 50) {
    const services = await createServices(
      testConfig({ KNOWLEDGE_DIR: dir }),
      silentLogger,
      new MemoryStateStore({ ttlSeconds: 600 }),
    );
    const logs = captureLogs("info");
    const reloader = new KnowledgeReloader({
      dir,
      logger: logs.logger,
      apply: (knowledge) => {
        useKnowledge(services, knowledge);
      },
      delayMs,
    });
    return { services, logs, reloader };
  }

  it("answers from an edited file after a reload", async () => {
    const { services, logs, reloader } = await setUp();
    expect(await answerText(services, "Was ist eine Planungszelle?")).toContain(ORIGINAL_OPENING);
    await edit(PLANUNGSZELLE, ORIGINAL_OPENING, EDITED_OPENING);
    expect(await reloader.reload("SIGHUP")).toBe(true);
    expect(await answerText(services, "Was ist eine Planungszelle?")).toContain(EDITED_OPENING);
    expect(services.knowledge.get("planungszelle")?.summary.de).toContain(EDITED_OPENING);
    expect(logs.lines.join("")).toContain("knowledge base reloaded");
    await services.tips.close();
  });

  it("keeps answering from the previous version when a file has errors, and says which", async () => {
    const { services, logs, reloader } = await setUp();
    await edit(PLANUNGSZELLE, ORIGINAL_OPENING, EDITED_OPENING);
    // A broken second file: the edit of the first is not taken either, the version stays whole.
    await edit(WORLD_CAFE, "kind: method", "kind: method\n  nonsense: [unclosed");
    expect(await reloader.reload("SIGHUP")).toBe(false);
    expect(await answerText(services, "Was ist eine Planungszelle?")).toContain(ORIGINAL_OPENING);
    expect((await services.bot.handle(turn("Was ist ein World Café?"))).entryId).toBe("world-cafe");
    const log = logs.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(log).toContainEqual(
      expect.objectContaining({ file: "methods/world-cafe.md", msg: "knowledge file has an error" }),
    );
    expect(log).toContainEqual(
      expect.objectContaining({
        files: expect.arrayContaining(["methods/world-cafe.md"]) as unknown,
        msg: "knowledge base not reloaded; still answering from the previous version",
      }),
    );
    await services.tips.close();
  });

  it("reloads by itself once changes in the folder have settled", async () => {
    const { services, reloader } = await setUp();
    reloader.watch();
    try {
      await edit(PLANUNGSZELLE, ORIGINAL_OPENING, EDITED_OPENING);
      await waitUntil(
        async () => (await answerText(services, "Was ist eine Planungszelle?")).includes(EDITED_OPENING),
        10_000,
        "the edited summary is answered",
      );
    } finally {
      reloader.close();
      await services.tips.close();
    }
  });
});

describe("The running server", () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill("SIGKILL");
  });

  it("reloads on SIGHUP and keeps running", async () => {
    const server = await spawnServer(ROOT, {
      KNOWLEDGE_DIR: dir,
      KNOWLEDGE_WATCH: "false",
      LOG_LEVEL: "info",
      TEAMS_ENABLED: "false",
    });
    child = server.child;
    const { url, output } = server;
    const ask = async () => {
      const response = await fetch(`${url}/api/chat`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: "Was ist eine Planungszelle?", conversationId: randomUUID() }),
      });
      return response.text();
    };
    expect(await ask()).toContain(ORIGINAL_OPENING);
    await edit(PLANUNGSZELLE, ORIGINAL_OPENING, EDITED_OPENING);
    server.child.kill("SIGHUP");
    await waitUntil(() => output().includes("knowledge base reloaded"), 20_000, "the reload is logged");
    expect(await ask()).toContain(EDITED_OPENING);
    expect(server.child.exitCode).toBeNull();
  });
});
