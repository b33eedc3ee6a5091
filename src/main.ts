import { adapters } from "../adapters/index.js";
import { ConfigError, loadConfig } from "./config.js";
import { KnowledgeError } from "./knowledge/problems.js";
import { createLogger } from "./logger.js";
import { startServer } from "./server.js";
import { createServices } from "./services.js";

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const services = await createServices(config, logger);
  const running = await startServer(services, adapters);
  logger.info({ url: running.url }, "Beteiligungslotse is running");
  // The address on stdout as well, so it is visible whatever the log level.
  console.log(`Beteiligungslotse: open ${running.url} for the web chat`);

  const shutdown = (signal: string) => {
    logger.info({ signal }, "shutting down");
    void running
      .close()
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
