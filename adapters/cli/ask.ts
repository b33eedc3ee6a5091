/**
 * One question on the command line.
 * Usage: npm run ask -- [--json] [--locale en-GB] "Was ist ein Bürgerrat?"
 */
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../../src/config.js";
import { KnowledgeError } from "../../src/knowledge/problems.js";
import { createLogger } from "../../src/logger.js";
import { createServices } from "../../src/services.js";
import { MemoryStateStore } from "../../src/state/memory.js";
import { renderText } from "./render.js";

const USAGE = 'Usage: npm run ask -- [--json] [--locale de-DE|en-GB] "Ihre Frage"';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      locale: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const question = positionals.join(" ").trim();
  if (values.help || question === "") {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  // One question needs no shared state, nor a connection for the weekly tip.
  const config = loadConfig({ LOG_LEVEL: "warn", ...process.env, REDIS_URL: "" });
  const logger = createLogger(config.LOG_LEVEL, { stderr: true, pretty: false });
  const store = new MemoryStateStore({ ttlSeconds: config.STATE_TTL_SECONDS });
  const { bot } = await createServices(config, logger, store, { limits: false });
  const reply = await bot.handle({
    text: question,
    userId: "cli",
    conversationId: "cli",
    platform: "cli",
    locale: values.locale,
  });
  console.log(values.json ? JSON.stringify(reply, null, 2) : renderText(reply));
  return 0;
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    if (error instanceof ConfigError || error instanceof KnowledgeError) console.error(error.message);
    else if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))
      console.error(`${error.message}\n${USAGE}`);
    else console.error("The question could not be answered:", error);
    process.exitCode = 1;
  });
