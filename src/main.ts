import path from "node:path";
import { adapters } from "../adapters/index.js";
import { ConfigError, loadConfig } from "./config.js";
import { KnowledgeError } from "./knowledge/problems.js";
import { createLogger } from "./logger.js";
import { startServer } from "./server.js";
import { KnowledgeReloader } from "./reload/knowledge-reloader.js";
import { createServices, useKnowledge, type Services } from "./services.js";
import { shutDown } from "./shutdown.js";

/** The weekly tip's worker or timer; where it cannot start (Redis away), the bot answers all the same. */
async function startWeeklyTip(services: Services): Promise<void> {
  const { tips, logger, config } = services;
  try {
    await tips.start();
  } catch (error) {
    logger.error(
      { err: error },
      "weekly tip scheduling could not start; subscriptions are kept, deliveries wait",
    );
    return;
  }
  if (config.REDIS_URL) {
    logger.info({ scheduler: tips.scheduler.kind }, "weekly tip scheduled with BullMQ on Redis");
  } else {
    logger.warn("weekly tip subscriptions are kept in memory without REDIS_URL and are lost on restart");
  }
}

/** Editors change the knowledge folder without a rebuild or restart; see README "Betrieb". */
function startKnowledgeReload(services: Services): KnowledgeReloader {
  const { config, logger } = services;
  const reloader = new KnowledgeReloader({
    dir: path.resolve(config.KNOWLEDGE_DIR),
    logger,
    apply: (knowledge) => {
      useKnowledge(services, knowledge);
    },
    delayMs: config.KNOWLEDGE_RELOAD_DELAY_MS,
  });
  if (config.KNOWLEDGE_WATCH) reloader.watch();
  return reloader;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const services = await createServices(config, logger, undefined, { adapters });
  const running = await startServer(services, adapters);
  await startWeeklyTip(services);
  const reloader = startKnowledgeReload(services);
  logger.info({ url: running.url }, "Beteiligungslotse is running");
  // The address on stdout as well, so it is visible whatever the log level.
  console.log(`Beteiligungslotse: open ${running.url} for the web chat`);

  let stopping = false;
  const onSignal = (signal: string) => {
    // A second signal, or a shutdown that overruns its budget, ends the process at once.
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, "signal received");
    reloader.close();
    setTimeout(() => process.exit(1), config.SHUTDOWN_TIMEOUT_MS + 1_000).unref();
    void shutDown(running, services, config.SHUTDOWN_TIMEOUT_MS)
      .catch((error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        return 1;
      })
      .then((code) => {
        logger.flush();
        process.exit(code);
      });
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  // An operator's „read the knowledge again“, also where the folder's changes cannot be seen.
  process.on("SIGHUP", () => void reloader.reload("SIGHUP"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof KnowledgeError) {
    console.error(error.message);
  } else {
    console.error("Beteiligungslotse could not start:", error);
  }
  process.exit(1);
});
