import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";

export const REDIS_SERVER = process.env.REDIS_SERVER ?? "/usr/bin/redis-server";
export const redisServerAvailable = existsSync(REDIS_SERVER);

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything it has written to stdout and stderr so far. */
  output: () => string;
}

/**
 * The server as `node dist/src/main.js` runs it, here from source, with only the given environment (and
 * PATH); resolves once it prints its address.
 */
export async function spawnServer(cwd: string, env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd,
    env: { PATH: process.env.PATH, PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  let url = "";
  await waitUntil(
    () => {
      url = /open (http:\/\/\S+) for the web chat/.exec(output)?.[1] ?? "";
      if (child.exitCode !== null) throw new Error(`the bot did not start:\n${output}`);
      return url !== "";
    },
    20_000,
    "the bot prints its address",
  );
  return { child, url, output: () => output };
}

/** A TCP port nothing listens on just now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  if (typeof address !== "object" || !address) throw new Error("no port");
  return address.port;
}

/** Polls `check` every 25 ms until it returns true; fails after `timeoutMs`. */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** True when a Redis server answers PING on the port within a moment. */
async function redisAnswers(port: number): Promise<boolean> {
  const probe = new Redis(port, "127.0.0.1", {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 300,
    commandTimeout: 300,
    retryStrategy: () => null,
  });
  probe.on("error", () => undefined);
  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

/**
 * A private redis-server on its own port and directory, without persistence, that a test may stop,
 * continue, kill and start again on the same port.
 */
export class RedisProcess {
  private child: ChildProcess | undefined;
  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async start(): Promise<RedisProcess> {
    const dir = await mkdtemp(path.join(os.tmpdir(), "lotse-redis-"));
    const redis = new RedisProcess(await freePort(), dir);
    await redis.restart();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts the server (again) on the same port and waits until it answers. */
  async restart(): Promise<void> {
    this.child = spawn(
      REDIS_SERVER,
      [
        "--port",
        String(this.port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        this.dir,
      ],
      { stdio: "ignore" },
    );
    await waitUntil(() => redisAnswers(this.port), 5_000, "redis-server answers");
  }

  /** SIGSTOP: the server keeps its port and connections but answers nothing. */
  pause(): void {
    this.child?.kill("SIGSTOP");
  }

  resume(): void {
    this.child?.kill("SIGCONT");
  }

  /** SIGKILL, and waits until the process is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGCONT");
    child.kill("SIGKILL");
    await exited;
  }

  async stop(): Promise<void> {
    await this.kill();
    await rm(this.dir, { recursive: true, force: true });
  }
}
