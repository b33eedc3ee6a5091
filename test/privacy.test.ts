import { describe, expect, it } from "vitest";
import { conversationKey } from "../src/core/bot.js";
import { detectIntent } from "../src/core/intents.js";
import type { Action } from "../src/core/types.js";
import { createServices } from "../src/services.js";
import { MemoryStateStore } from "../src/state/memory.js";
import { silentLogger, testConfig, textLines, turn } from "./helpers.js";

async function botWith(overrides: Record<string, string>) {
  const services = await createServices(
    testConfig(overrides),
    silentLogger,
    new MemoryStateStore({ ttlSeconds: 3600 }),
  );
  return services.bot;
}

describe("privacy", () => {
  it("says what is kept, for how long and where, from the configuration", async () => {
    const bot = await botWith({
      STATE_TTL_SECONDS: "7200",
      FEEDBACK_TTL_DAYS: "30",
      TIP_SUBSCRIPTION_TTL_DAYS: "60",
      RATE_LIMIT_PER_USER: "20",
      RATE_LIMIT_WINDOW_SECONDS: "90",
    });
    const reply = await bot.handle(turn("Was speicherst du über mich?"));
    expect(reply).toMatchObject({ intent: "privacy", outcome: "info", entryId: null, language: "de" });
    const text = textLines(reply).join("\n");
    expect(text).toContain("2 Stunden nach der letzten Nachricht");
    expect(text).toContain("30 Tage lang");
    expect(text).toContain("90 Sekunden lang");
    expect(text).toContain("60 Tage nach der letzten Zustellung");
    expect(text).toContain("Arbeitsspeicher");
    expect(text).not.toContain("Löschen auf Wunsch");

    const english = await bot.handle(turn("What do you store about me?"));
    expect(english.language).toBe("en");
    expect(textLines(english).join("\n")).toContain("deleted 2 hours after the last message");
  });

  it("leaves out the rate limits where they are off, and deletes only after the button", async () => {
    const store = new MemoryStateStore({ ttlSeconds: 3600 });
    const { bot } = await createServices(testConfig({ STATE_TTL_SECONDS: "86400" }), silentLogger, store);
    const conversationId = "privacy-forget";
    const say = (text: string, action?: Action) =>
      bot.handle(turn(text, { conversationId, userId: "privacy-user", action }));
    const vote: Action = { type: "feedback", entryId: "buergerrat", helpful: true };

    await say("Was ist ein Bürgerrat?");
    await say("", vote);
    await say("", vote);
    expect(await store.feedbackFor("buergerrat")).toEqual({ helpful: 1, unhelpful: 0 });

    const asked = await say("Vergiss mich");
    expect(asked.intent).toBe("privacy");
    const text = textLines(asked).join("\n");
    expect(text).toContain("24 Stunden");
    expect(text).not.toContain("Begrenzung");
    // Nothing is deleted on the words alone: the conversation is still there.
    const key = conversationKey("test", conversationId);
    expect(await store.load(key)).toBeDefined();
    const button = asked.suggestions.find((suggestion) => suggestion.action.type === "command");
    expect(button?.action).toEqual({ type: "command", command: "forget" });

    const done = await say("", button?.action);
    expect(done).toMatchObject({ intent: "privacy", title: "Gelöscht" });
    expect(await store.load(key)).toBeUndefined();
    // The count stays, and the user's next vote counts again.
    await say("", vote);
    expect(await store.feedbackFor("buergerrat")).toEqual({ helpful: 2, unhelpful: 0 });

    expect((await bot.handle(turn("please delete my data"))).intent).toBe("privacy");
  });

  it("is asked for in so many words, not by a question about data protection in participation", () => {
    for (const text of [
      "Datenschutz",
      "Datenschutzhinweise bitte",
      "what data do you store?",
      "Meine Daten löschen",
    ]) {
      expect(detectIntent(text).type, text).toBe("privacy");
    }
    for (const text of [
      "Wie geht Datenschutz bei einer Bürgerbefragung?",
      "Welche Daten braucht eine Zufallsauswahl?",
      "privacy rules for an online consultation",
    ]) {
      expect(detectIntent(text).type, text).toBe("ask");
    }
  });
});
