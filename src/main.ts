import { adapters } from "../adapters/index.js";
import { ConfigError, loadConfig } from "./config.js";
import { KnowledgeError } from "./knowledge/problems.js";
import { createLogger } from "./logger.js";
import { startServer } from "./server.js";
import { createServices, type Services } from "./services.js";

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

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const services = await createServices(config, logger, undefined, { adapters });
  const running = await startServer(services, adapters);
  await startWeeklyTip(services);
  logger.info({ url: running.url }, "Beteiligungslotse is running");
  // The address on stdout as well, so it is visible whatever the log level.
  console.log(`Beteiligungslotse: open ${running.url} for the web chat`);

  const shutdown = (signal: string) => {
    logger.info({ signal }, "shutting down");
    void running
      .close()
      .then(() => services.tips.close())
      .then(() => services.store.close())
      .finally(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof KnowledgeError) {
    console.error(error.message);
  } else {
    console.error("Beteiligungslotse could not start:", error);
  }
  process.exit(1);
});
