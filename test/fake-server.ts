import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeAnswer {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

/** A request's body as text. */
export async function bodyText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * An HTTP server on a free loopback port that answers in JSON: the base of the local stand-ins for the
 * chat platforms' services.
 */
export abstract class FakeServer {
  private server: Server | undefined;
  private port = 0;
  /** How long every answer is held back, to keep the bot's request in flight. */
  delayMs = 0;
  /** When each answer reached a client that was still waiting for it (ms since the epoch). */
  readonly answeredAt: number[] = [];

  /** The server's address, e.g. http://127.0.0.1:12345 (no trailing slash). */
  protected get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  protected abstract answer(request: IncomingMessage): Promise<FakeAnswer>;

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      void this.answer(request).then(async ({ status, headers, body }) => {
        if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
        if (response.socket?.destroyed !== false) return;
        response.writeHead(status, { "Content-Type": "application/json", ...headers });
        response.end(JSON.stringify(body), () => this.answeredAt.push(Date.now()));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server?.close(() => {
        resolve();
      }),
    );
  }
}
