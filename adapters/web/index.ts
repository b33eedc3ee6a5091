import path from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Express, type RequestHandler } from "express";
import { z } from "zod";
import type { Adapter } from "../../src/adapter.js";
import { parseAction } from "../../src/core/action-schema.js";
import { durationText } from "../../src/core/privacy/privacy-messages.js";
import type { Services } from "../../src/services.js";

const PUBLIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "public");

/** What the chat page posts. Text beyond the bot's limit is cut by the core, not refused. */
const chatRequestSchema = z.object({
  text: z.string().max(50_000).default(""),
  action: z.unknown().optional(),
  conversationId: z.string().regex(/^[\w-]{8,100}$/, "must be 8–100 letters, digits, _ or -"),
  locale: z.string().max(35).optional(),
});

/** The page's own files only: no inline scripts, nothing from elsewhere, never in a frame. */
const securityHeaders: RequestHandler = (_req, res, next) => {
  res.set({
    "Content-Security-Policy":
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
  });
  next();
};

function chatHandler(services: Services): RequestHandler {
  return (req, res, next) => {
    const parsed = chatRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({
        error: "Invalid request.",
        details: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
      });
      return;
    }
    const { text, action: rawAction, conversationId, locale } = parsed.data;
    const action = rawAction === undefined ? undefined : parseAction(rawAction);
    if (rawAction !== undefined && !action) {
      res.status(400).json({ error: "Unknown action." });
      return;
    }
    services.bot
      .handle({ text, action, conversationId, userId: conversationId, platform: "web", locale })
      .then((reply) => res.json(reply))
      .catch(next);
  };
}

/** The web chat: a page and the JSON endpoint it talks to. On unless WEB_CHAT=false. */
export const webAdapter: Adapter = {
  name: "web",
  mount(app: Express, services: Services) {
    if (!services.config.WEB_CHAT) return false;
    app.use(securityHeaders);
    app.post("/api/chat", express.json({ limit: "64kb" }), chatHandler(services));
    // What the page tells its users about storage comes from the configuration, not from the page.
    app.get("/api/chat/about", (_req, res) => {
      const seconds = services.config.STATE_TTL_SECONDS;
      res.json({
        retentionSeconds: seconds,
        retention: { de: durationText(seconds, "de"), en: durationText(seconds, "en") },
      });
    });
    app.use(express.static(PUBLIC_DIR, { index: "index.html", maxAge: "1h" }));
    return true;
  },
};
