import { loadConfig } from "/work/main/src/config.js";
import { createLogger } from "/work/main/src/logger.js";
import { createServices } from "/work/main/src/services.js";
import { MemoryStateStore } from "/work/main/src/state/memory.js";
const config = loadConfig({ ...process.env, LOG_LEVEL: "error", REDIS_URL: "" });
const logger = createLogger(config.LOG_LEVEL, { stderr: true, pretty: false });
const { bot } = await createServices(config, logger, new MemoryStateStore({ ttlSeconds: 60 }));
const conv = String(Math.random());
for (const text of process.argv.slice(2)) {
  const r = await bot.handle({ text, userId: "u", conversationId: conv, platform: "web" });
  console.log(`> ${text}\n  ${r.intent}/${r.outcome} ${r.entryIds.join(",") || r.entryId} | ${r.title ?? ""} | ${JSON.stringify(r.body[0] ?? "").slice(0, 150)} | choices: ${r.choices.map((c) => c.label).join("; ")}`);
}
