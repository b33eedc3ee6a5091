import { createHmac } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { bodyText, FakeServer, type FakeAnswer } from "./fake-server.js";

/** One request the bot made to Slack: a Web API method, or a POST to a response_url. */
export interface SlackCall {
  method: string;
  token: string | undefined;
  body: Record<string, unknown>;
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const raw = await bodyText(request);
  if ((request.headers["content-type"] ?? "").includes("application/json")) {
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  }
  // The Web API client sends form fields; blocks and other structures arrive as JSON strings.
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    body[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return body;
}

/**
 * A local stand-in for Slack's Web API (point SLACK_API_URL at `apiUrl`) and for response_urls
 * (`responseUrl(name)`). It records every call and answers like Slack does.
 */
export class FakeSlack extends FakeServer {
  readonly calls: SlackCall[] = [];
  /** Methods that answer 429 the next N times. */
  readonly rateLimited = new Map<string, number>();
  userLocale = "de-DE";
  /** Channels whose chat.postMessage answers with this Slack error, e.g. "channel_not_found". */
  readonly channelErrors = new Map<string, string>();
  /** Whether auth.test accepts the bot token. */
  tokenValid = true;
  private messageCounter = 0;
  private socketMode: FakeSocketMode | undefined;

  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  responseUrl(name: string): string {
    return `${this.origin}/respond/${name}`;
  }

  /** Serves Socket Mode: apps.connections.open hands out this WebSocket server's address. */
  async startSocketMode(): Promise<FakeSocketMode> {
    this.socketMode = new FakeSocketMode();
    await this.socketMode.start();
    return this.socketMode;
  }

  override async stop(): Promise<void> {
    await this.socketMode?.stop();
    await super.stop();
  }

  reset(): void {
    this.calls.length = 0;
    this.rateLimited.clear();
  }

  /** Calls of one method (e.g. "chat.postMessage", or "respond/<name>"). */
  callsOf(method: string): SlackCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Waits until `count` calls of `method` have arrived (the bot answers after acknowledging). */
  async waitFor(method: string, count = 1, timeoutMs = 5_000): Promise<SlackCall[]> {
    const started = Date.now();
    while (this.callsOf(method).length < count) {
      if (Date.now() - started > timeoutMs) {
        throw new Error(
          `expected ${count} × ${method}, got ${this.callsOf(method).length}: ${this.calls.map((c) => c.method).join(", ")}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.callsOf(method);
  }

  protected async answer(request: IncomingMessage): Promise<FakeAnswer> {
    const url = new URL(request.url ?? "/", "http://localhost");
    const method = url.pathname.replace(/^\/(api\/)?/, "");
    const body = await readBody(request);
    const token =
      (request.headers.authorization ?? "").replace(/^Bearer /, "") || (body.token as string | undefined);
    const limited = this.rateLimited.get(method) ?? 0;
    if (limited > 0) {
      this.rateLimited.set(method, limited - 1);
      this.calls.push({ method: `${method} (429)`, token, body });
      return { status: 429, headers: { "Retry-After": "1" }, body: { ok: false, error: "ratelimited" } };
    }
    this.calls.push({ method, token, body });
    return { status: 200, headers: {}, body: this.result(method, body) };
  }

  private result(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case "auth.test":
        if (!this.tokenValid) return { ok: false, error: "invalid_auth" };
        return { ok: true, team_id: "T1", user_id: "UBOT", bot_id: "BBOT", user: "beteiligungslotse" };
      case "apps.connections.open":
        if (!this.socketMode) return { ok: false, error: "not_allowed_token_type" };
        return { ok: true, url: this.socketMode.url };
      case "users.info":
        return {
          ok: true,
          user: { id: body.user, locale: this.userLocale, profile: { display_name: "Maria Muster" } },
        };
      case "chat.postMessage": {
        const error = this.channelErrors.get(String(body.channel));
        if (error) return { ok: false, error };
        return {
          ok: true,
          channel: body.channel,
          ts: `1700000000.${String(++this.messageCounter).padStart(6, "0")}`,
        };
      }
      case "oauth.v2.access":
        return {
          ok: true,
          app_id: "A1",
          access_token: "xoxb-installed-token",
          token_type: "bot",
          scope: "app_mentions:read,chat:write,commands,im:history,users:read",
          bot_user_id: "UBOT2",
          team: { id: "T2", name: "Stadtverwaltung" },
          enterprise: null,
          is_enterprise_install: false,
          authed_user: { id: "UADMIN" },
        };
      default:
        return { ok: true };
    }
  }
}

/**
 * Slack's side of Socket Mode: greets each connection with "hello", sends envelopes (events_api,
 * slash_commands, interactive) and records the acknowledgements the app sends back.
 */
export class FakeSocketMode {
  readonly acks: { envelope_id: string; payload?: unknown }[] = [];
  private server: WebSocketServer | undefined;
  private readonly sockets = new Set<WebSocket>();

  get url(): string {
    const address = this.server?.address() as AddressInfo;
    return `ws://127.0.0.1:${address.port}/link`;
  }

  async start(): Promise<void> {
    this.server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await new Promise<void>((resolve) => this.server?.once("listening", resolve));
    this.server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
      socket.on("message", (data: Buffer) => {
        this.acks.push(JSON.parse(data.toString("utf8")) as { envelope_id: string; payload?: unknown });
      });
      socket.send(JSON.stringify({ type: "hello", num_connections: this.sockets.size }));
    });
  }

  get connections(): number {
    return this.sockets.size;
  }

  /** Sends one envelope to every connected app. */
  send(envelope: Record<string, unknown>): void {
    for (const socket of this.sockets) socket.send(JSON.stringify(envelope));
  }

  async waitForAck(
    envelopeId: string,
    timeoutMs = 5_000,
  ): Promise<{ envelope_id: string; payload?: unknown }> {
    const started = Date.now();
    for (;;) {
      const ack = this.acks.find((candidate) => candidate.envelope_id === envelopeId);
      if (ack) return ack;
      if (Date.now() - started > timeoutMs) throw new Error(`no ack for envelope ${envelopeId}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => {
      if (!this.server) {
        resolve();
        return;
      }
      this.server.close(() => {
        resolve();
      });
    });
  }
}

/** Slack's request signature (https://docs.slack.dev/authentication/verifying-requests-from-slack). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}
