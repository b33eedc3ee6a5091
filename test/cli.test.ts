import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

const run = promisify(execFile);
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const ASK = path.join(ROOT, "adapters", "cli", "ask.ts");

async function ask(...args: string[]) {
  try {
    const { stdout, stderr } = await run(TSX, [ASK, ...args], {
      cwd: ROOT,
      env: { ...process.env, REDIS_URL: "" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("command line", () => {
  it("prints the full reply object with --json", async () => {
    const { code, stdout } = await ask("--json", "Was ist ein Bürgerrat?");
    expect(code).toBe(0);
    const reply = JSON.parse(stdout) as { intent: string; entryId: string | null; score: number | null };
    expect(reply).toMatchObject({ intent: "ask", entryId: "buergerrat" });
    expect(reply.score).toBeGreaterThan(0.5);
  });

  it("prints a readable answer, and entryId null when it declines", async () => {
    const text = await ask("Was ist ein Bürgerrat?");
    expect(text.stdout).toMatch(/^Bürgerrat/);
    expect(text.stdout).toContain("Quellen:");
    const declined = JSON.parse((await ask("--json", "Wie beantrage ich einen Reisepass?")).stdout) as {
      entryId: unknown;
    };
    expect(declined.entryId).toBeNull();
  });

  it("explains its usage when the question is missing", async () => {
    const { code, stderr } = await ask();
    expect(code).toBe(2);
    expect(stderr).toContain("Usage: npm run ask");
  });
});
