import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adapters } from "../adapters/index.js";
import type { Reply } from "../src/core/types.js";
import { startServer, type RunningServer } from "../src/server.js";
import { durationText } from "../src/core/privacy/privacy-messages.js";
import { testConfig, testServices } from "./helpers.js";

let running: RunningServer;

beforeAll(async () => {
  running = await startServer(await testServices(), adapters);
});
afterAll(async () => {
  await running.close();
});

async function chat(body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${running.url}/api/chat`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe("web chat over HTTP", () => {
  it("serves the chat page with a strict content security policy", async () => {
    const response = await fetch(`${running.url}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<title>Beteiligungslotse</title>");
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect((await fetch(`${running.url}/chat.js`)).status).toBe(200);
  });

  it("tells the page how long the conversation context is kept, from the configuration", async () => {
    const response = await fetch(`${running.url}/api/chat/about`);
    const seconds = testConfig().STATE_TTL_SECONDS;
    expect(await response.json()).toEqual({
      retentionSeconds: seconds,
      retention: { de: durationText(seconds, "de"), en: durationText(seconds, "en") },
    });
    expect(durationText(86_400, "de")).toBe("24 Stunden");
  });

  it("answers a question and a follow-up in the same conversation", async () => {
    const conversationId = "web-test-conversation";
    const first = await chat({ text: "Was ist ein Bürgerrat?", conversationId, locale: "de-DE" });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ entryId: "buergerrat", outcome: "answered" });
    const second = await chat({ text: "Risiken?", conversationId });
    expect((second.json as unknown as Reply).entryId).toBe("buergerrat");
  });

  it("handles a button action", async () => {
    const { status, json } = await chat({
      conversationId: "web-test-action",
      action: { type: "command", command: "tip" },
    });
    expect(status).toBe(200);
    expect(json.intent).toBe("tip");
  });

  it("rejects malformed requests with a clear JSON error", async () => {
    expect(await chat("{not json")).toMatchObject({
      status: 400,
      json: { error: "The request could not be read." },
    });
    expect((await chat({ text: "Hallo" })).status).toBe(400);
    expect(
      await chat({ text: "", conversationId: "web-test-bad", action: { type: "drop-table" } }),
    ).toMatchObject({
      status: 400,
      json: { error: "Unknown action." },
    });
    const tooLarge = await chat({ text: "x".repeat(100_000), conversationId: "web-test-large" });
    expect(tooLarge).toMatchObject({ status: 413, json: { error: "The message is too long." } });
  });

  it("answers long and odd text without failing", async () => {
    const { status, json } = await chat({
      text: `${"Bürgerrat ".repeat(4000)}~^:`,
      conversationId: "web-test-long",
    });
    expect(status).toBe(200);
    expect(json.entryId).toBe("buergerrat");
  });

  it("reports health and readiness", async () => {
    expect(await (await fetch(`${running.url}/healthz`)).json()).toEqual({ status: "ok" });
    expect((await fetch(`${running.url}/readyz`)).status).toBe(200);
    expect((await fetch(`${running.url}/nothing-here`)).status).toBe(404);
  });
});
