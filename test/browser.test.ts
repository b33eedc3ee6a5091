import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adapters } from "../adapters/index.js";
import { startServer, type RunningServer } from "../src/server.js";
import { testServices } from "./helpers.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  if (process.env.CI) throw new Error(`CI needs Chromium for the browser test, none at ${CHROMIUM}`);
  console.warn(
    `\n*** Browser test SKIPPED: no Chromium at ${CHROMIUM}. Install it or set CHROMIUM_PATH. ***\n`,
  );
}

describe.skipIf(!hasChromium)("web chat in a real browser", () => {
  let running: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    running = await startServer(await testServices(), adapters);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    page = await browser.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser.close();
    await running.close();
  });

  it("asks, gets an answer and follows a suggestion, by keyboard and by click", async () => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(running.url);
    // The page greets with the help text.
    await page.locator(".message.bot h2", { hasText: "Beteiligungslotse" }).waitFor();

    await page.locator("#question").focus();
    await page.keyboard.type("Was ist eine Planungszelle?");
    await page.keyboard.press("Enter");
    const answer = page.locator(".message.bot").last();
    await answer.locator("h2", { hasText: "Planungszelle" }).waitFor();
    expect(await answer.locator("dl dt").allTextContents()).toContain("Teilnehmende");

    await answer.getByRole("button", { name: "Risiken" }).click();
    await page.locator(".message.bot h2", { hasText: "– Risiken" }).waitFor();
    // After a click, typing goes on in the input, not on the old button.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("question");
    expect(await page.locator(".message.user").allTextContents()).toEqual([
      "Was ist eine Planungszelle?",
      "Risiken",
    ]);

    await page.screenshot({ path: "test-results/web-chat.png", fullPage: true });
    expect(errors).toEqual([]);
  });

  it("switches the interface and the answers to English, repeating the last answer", async () => {
    // The storage note gives the configured retention (STATE_TTL_SECONDS, one day by default).
    expect(await page.locator(".note").textContent()).toContain("höchstens 24 Stunden");
    await page.getByRole("button", { name: "EN", exact: true }).click();
    expect(await page.locator(".note").textContent()).toContain("for 24 hours at most");
    // Right after an answer, the switch gives that answer again in the new language.
    await page.locator(".message.bot h2", { hasText: "Risks" }).waitFor();
    expect(await page.locator("#ask button[type=submit]").textContent()).toBe("Send");
    await page.locator("#question").fill("what is a citizens' assembly");
    await page.locator("#question").press("Enter");
    await page.locator(".message.bot dt", { hasText: "Participants" }).last().waitFor();
  });

  it("confirms the language where there is no answer to repeat", async () => {
    const fresh = await browser.newPage();
    try {
      await fresh.goto(running.url);
      await fresh.locator(".message.bot h2", { hasText: "Beteiligungslotse" }).waitFor();
      await fresh.getByRole("button", { name: "EN", exact: true }).click();
      await fresh.locator(".message.bot p", { hasText: "from now on I'll answer in English" }).waitFor();
      expect(await fresh.locator("html").getAttribute("lang")).toBe("en");
    } finally {
      await fresh.close();
    }
  });

  it("shows that an answer is on its way, and removes the sign when it is there", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/api/chat", async (route) => {
      await held;
      await route.continue();
    });
    try {
      await page.locator("#question").fill("Was ist ein World Café?");
      await page.locator("#question").press("Enter");
      const pending = page.locator(".message.pending");
      await pending.waitFor();
      expect(await pending.getAttribute("role")).toBe("status");
      expect(await pending.textContent()).toContain("on its way");
      release();
      await page.locator(".message.bot h2", { hasText: "World Café" }).waitFor();
      expect(await pending.count()).toBe(0);
    } finally {
      release();
      await page.unroute("**/api/chat");
    }
  });

  it("opens on a phone at the top, with the header in view and no keyboard", async () => {
    const phone = await browser.newContext({
      viewport: { width: 375, height: 667 },
      isMobile: true,
      hasTouch: true,
    });
    try {
      const page = await phone.newPage();
      await page.goto(running.url);
      await page.locator(".message.bot h2", { hasText: "Beteiligungslotse" }).waitFor();
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      const header = await page.locator("header h1").boundingBox();
      expect(header?.y).toBeGreaterThanOrEqual(0);
      expect(await page.evaluate(() => document.activeElement?.id)).not.toBe("question");
      await page.screenshot({ path: "test-results/web-chat-phone.png" });
    } finally {
      await phone.close();
    }
  });
});
