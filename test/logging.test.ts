import { Writable } from "node:stream";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createServices } from "../src/services.js";
import { MemoryStateStore } from "../src/state/memory.js";
import { testConfig, turn } from "./helpers.js";

function capture(level: string) {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: pino({ level }, stream), lines };
}

describe("logging", () => {
  it("records what happened in a turn but never the message text", async () => {
    const { logger, lines } = capture("debug");
    const { bot } = await createServices(testConfig(), logger, new MemoryStateStore({ ttlSeconds: 60 }));
    const secretQuestion = "Was ist ein Bürgerrat für Frau Mustermann aus der Musterstraße 12?";
    await bot.handle(turn(secretQuestion));
    const output = lines.join("");
    expect(output).toContain('"msg":"turn answered"');
    expect(output).toContain('"entryId":"buergerrat"');
    expect(output).not.toContain("Mustermann");
    expect(output).not.toContain("Musterstraße");
  });
});
