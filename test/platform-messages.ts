import { randomUUID } from "node:crypto";
import { slackSignature } from "./fake-slack.js";

export const SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

/** A direct message to the bot as Slack's Events API delivers it, signed with `secret`. */
export function slackDirectMessage(
  text: string,
  secret = SLACK_SECRET,
): { body: string; headers: Record<string, string> } {
  const ts = `1700001234.${String(Date.now() % 1_000_000).padStart(6, "0")}`;
  const body = JSON.stringify({
    token: "legacy",
    team_id: "T1",
    api_app_id: "A1",
    type: "event_callback",
    event_id: `Ev${randomUUID().slice(0, 8)}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true, is_enterprise_install: false }],
    event: { type: "message", channel_type: "im", user: "U123", text, ts, channel: "D100", event_ts: ts },
  });
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Slack-Request-Timestamp": String(timestamp),
      "X-Slack-Signature": slackSignature(secret, timestamp, body),
    },
  };
}

/** A message from the local Bot Framework Emulator; the bot answers it at `serviceUrl`. */
export function emulatorMessage(serviceUrl: string, text: string): string {
  return JSON.stringify({
    type: "message",
    id: `m${randomUUID().slice(0, 8)}`,
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: "emulator",
    from: { id: "user-1", name: "Megan" },
    recipient: { id: "bot-1", name: "Beteiligungslotse" },
    conversation: { id: `conv-${randomUUID()}` },
    locale: "de-DE",
    textFormat: "plain",
    text,
  });
}
