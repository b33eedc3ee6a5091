/**
 * Measures start-up time and answer latency of the built bot, as it runs: `node dist/src/main.js` with
 * in-memory state. A benchmark, not a test: it reports what it measured and passes no judgement.
 * Usage: npm run bench -- [--starts 3] [--rounds 3]
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    starts: { type: "string", default: "3" },
    rounds: { type: "string", default: "3" },
  },
});
const MAIN = "dist/src/main.js";
const READY = /open (http:\/\/\S+) for the web chat/;

interface Started {
  url: string;
  milliseconds: number;
  stop: () => Promise<void>;
}

/** Starts the built bot on a free port; the time is from spawning node to the server listening. */
function start(): Promise<Started> {
  const began = performance.now();
  const child = spawn(process.execPath, [MAIN], {
    // Only what the bot needs: no Redis, no platform accounts, quiet logs.
    env: { PATH: process.env.PATH ?? "", PORT: "0", LOG_LEVEL: "warn", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once("exit", () => {
        resolve();
      });
      child.kill("SIGTERM");
    });
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match?.[1]) resolve({ url: match[1], milliseconds: performance.now() - began, stop });
    });
    child.once("exit", (code) => {
      reject(new Error(`the bot exited with ${String(code)} before it was ready`));
    });
  });
}

/** Every question of the gate set and every turn of the dialogues, in order. */
function messages(): string[] {
  const lines = (file: string) =>
    readFileSync(file, "utf8")
      .split("\n")
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const questions = lines("test/eval/questions.jsonl").map((line) => String(line.question));
  const turns = lines("test/eval/dialogues.jsonl").flatMap((line) =>
    (line.turns as { text: string }[]).map((turn) => turn.text),
  );
  return [...questions, ...turns];
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

async function main(): Promise<void> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first`);
  const startTimes: number[] = [];
  for (let i = 0; i < Number(values.starts); i++) {
    const started = await start();
    startTimes.push(started.milliseconds);
    await started.stop();
  }

  const server = await start();
  const texts = messages();
  const latencies: number[] = [];
  // The rate limits stay on, as in production; a bench whose messages they slowed down measures nothing.
  let limited = 0;
  try {
    for (let round = 0; round <= Number(values.rounds); round++) {
      for (const [i, text] of texts.entries()) {
        const began = performance.now();
        const response = await fetch(`${server.url}/api/chat`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ text, conversationId: `bench-${round}-${i % 50}` }),
        });
        const reply = (await response.json()) as { intent?: string };
        if (reply.intent === "slow-down") limited++;
        // The first round warms the JIT and the caches and is not counted.
        if (round > 0) latencies.push(performance.now() - began);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
      }
    }
  } finally {
    await server.stop();
  }

  if (limited > 0)
    throw new Error(`${String(limited)} messages were rate-limited; the figures would be wrong`);
  const sorted = latencies.sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(`node ${process.version}`);
  console.log(`start-up (spawn → listening), ${startTimes.length} starts: ${startTimes.map(ms).join(", ")}`);
  console.log(`answers over HTTP, ${sorted.length} messages (${texts.length} × ${values.rounds}):`);
  console.log(
    `  p50 ${ms(quantile(sorted, 0.5))}, p90 ${ms(quantile(sorted, 0.9))}, p99 ${ms(quantile(sorted, 0.99))}, max ${ms(sorted.at(-1) ?? Number.NaN)}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
