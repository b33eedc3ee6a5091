import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../src/core/types.js";
import { startServer, type RunningServer } from "../src/server.js";
import { webAdapter } from "../adapters/web/index.js";
import { turn } from "./helpers.js";
import { channelPlace, TestClock, tipInstance, type TipInstance } from "./tips-fakes.js";

const texts = (reply: Reply) => JSON.stringify(reply.body);
const labels = (reply: Reply) => reply.suggestions.map((suggestion) => suggestion.label);

describe("Weekly tip in conversation", () => {
  let instance: TipInstance;
  const clock = new TestClock(new Date("2030-01-02T10:00:00Z"));

  beforeAll(async () => {
    instance = await tipInstance(clock);
  });
  afterAll(async () => {
    await instance.services.tips.close();
  });

  it("confirms a channel's subscription for everyone there, naming who subscribed", async () => {
    const reply = await instance.services.bot.handle(
      turn("Tipp abonnieren freitags 14 Uhr", {
        platform: "slack",
        place: channelPlace("C1"),
        userName: "Maria",
      }),
    );
    expect(reply.intent).toBe("subscription");
    expect(reply.audience).toBe("place");
    expect(texts(reply)).toContain("Maria hat den Tipp der Woche für diesen Kanal abonniert");
    expect(texts(reply)).toContain("jeden Freitag um 14:00 Uhr (Europe/Berlin)");
    expect(texts(reply)).toContain("Tipp abbestellen");
  });

  it("confirms in English in a personal chat, and says when the next tip comes", async () => {
    const place = { ...channelPlace("D1"), kind: "personal" as const };
    const subscribed = await instance.services.bot.handle(
      turn("subscribe to the weekly tip", { platform: "slack", place }),
    );
    expect(subscribed.audience).toBeUndefined();
    expect(texts(subscribed)).toContain("You have subscribed to the tip of the week");
    const status = await instance.services.bot.handle(turn("tip status", { platform: "slack", place }));
    expect(texts(status)).toContain("The next tip comes on Monday, 7 January 2030");
  });

  it("offers the subscription under every tip where the platform can receive it", async () => {
    const tip = await instance.services.bot.handle(
      turn("Tipp", { platform: "slack", place: channelPlace() }),
    );
    expect(labels(tip)).toContain("Jeden Montag als Tipp der Woche erhalten");
    const web = await instance.services.bot.handle(turn("Tipp", { platform: "web" }));
    expect(labels(web)).not.toContain("Jeden Montag als Tipp der Woche erhalten");
    expect(labels(instance.services.bot.overview("de-DE", "slack"))).toContain(
      "Jeden Montag als Tipp der Woche erhalten",
    );
  });

  it("says what it cannot read as a time", async () => {
    const reply = await instance.services.bot.handle(
      turn("Tipp abonnieren 25 Uhr", { platform: "slack", place: channelPlace("C9") }),
    );
    expect(texts(reply)).toContain("„25 Uhr“ kann ich nicht als Uhrzeit lesen");
    expect(await instance.services.tips.status("slack", channelPlace("C9"))).toBeUndefined();
  });

  it("answers unsubscribing a place without a subscription", async () => {
    const reply = await instance.services.bot.handle(
      turn("Tipp abbestellen", { platform: "slack", place: channelPlace("C77") }),
    );
    expect(texts(reply)).toContain("Für diesen Kanal ist kein Tipp der Woche abonniert");
  });
});

describe("Weekly tip in the web chat", () => {
  let instance: TipInstance;
  let running: RunningServer;

  beforeAll(async () => {
    instance = await tipInstance(new TestClock(new Date()));
    running = await startServer(instance.services, [webAdapter]);
  });
  afterAll(async () => {
    await running.close();
    await instance.services.tips.close();
  });

  it("explains where the weekly tip comes, and shows this week's", async () => {
    const response = await fetch(`${running.url}/api/chat`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: "Tipp abonnieren", conversationId: "web-tips-1" }),
    });
    const reply = (await response.json()) as Reply;
    expect(texts(reply)).toContain("Slack und Microsoft Teams");
    expect(reply.entryId).toMatch(/^empfehlung-/);
  });
});
