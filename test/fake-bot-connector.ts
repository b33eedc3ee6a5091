import type { IncomingMessage } from "node:http";
import { bodyText, FakeServer, type FakeAnswer } from "./fake-server.js";

/** One activity the bot sent to a conversation. */
export interface SentActivity {
  conversationId: string;
  /** The activity it answers, when sent as a reply (`/activities/:activityId`). */
  replyTo: string | undefined;
  authorization: string | undefined;
  activity: Record<string, unknown>;
}

/** Any other request the bot made, so a test can tell that nothing unexpected was called. */
export interface OtherRequest {
  method: string;
  path: string;
}

const ACTIVITIES_PATH = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const raw = await bodyText(request);
  return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
}

/**
 * A local stand-in for the Bot Connector service that Teams gives as an activity's serviceUrl: it
 * records what the bot posts to `/v3/conversations/:id/activities[/:activityId]` and answers with an id
 * like the real service does.
 */
export class FakeBotConnector extends FakeServer {
  readonly sent: SentActivity[] = [];
  readonly other: OtherRequest[] = [];
  private counter = 0;

  /** The address to put into activities' serviceUrl. */
  get serviceUrl(): string {
    return `${this.origin}/`;
  }

  reset(): void {
    this.sent.length = 0;
    this.other.length = 0;
  }

  protected async answer(request: IncomingMessage): Promise<FakeAnswer> {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const match = ACTIVITIES_PATH.exec(path);
    if (request.method !== "POST" || !match) {
      this.other.push({ method: request.method ?? "", path });
      return { status: 404, body: { error: { code: "NotFound", message: "not simulated" } } };
    }
    this.sent.push({
      conversationId: decodeURIComponent(match[1] ?? ""),
      replyTo: match[2] === undefined ? undefined : decodeURIComponent(match[2]),
      authorization: request.headers.authorization,
      activity: await readJson(request),
    });
    return { status: 200, body: { id: `sent-${++this.counter}` } };
  }
}
