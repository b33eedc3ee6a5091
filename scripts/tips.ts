/**
 * The weekly tip for operators, with the same environment as the server.
 * Usage: npm run tips -- list | preview <subscription> | send-now <subscription> | send-due [--at <ISO time>]
 */
import { parseArgs } from "node:util";
import { adapters } from "../adapters/index.js";
import { renderText } from "../adapters/cli/render.js";
import { ConfigError, loadConfig } from "../src/config.js";
import { scheduleText } from "../src/core/subscription-messages.js";
import { KnowledgeError } from "../src/knowledge/problems.js";
import { createLogger } from "../src/logger.js";
import { createServices, type Services } from "../src/services.js";

const USAGE =
  "Usage: npm run tips -- list | preview <subscription> | send-now <subscription> | send-due [--at <ISO time>]";

function list(services: Services) {
  return services.tips.list().then((all) => {
    if (all.length === 0) {
      console.log(
        services.config.REDIS_URL
          ? "No subscriptions."
          : "No subscriptions: without REDIS_URL they live in the memory of the running server only.",
      );
      return 0;
    }
    for (const { subscription, progress } of all) {
      const paused = progress.paused ? `paused (${progress.paused.reason})` : "active";
      console.log(
        [
          subscription.id,
          subscription.platform,
          subscription.place.kind,
          subscription.place.id,
          scheduleText(subscription.schedule, subscription.timeZone, "en"),
          subscription.language,
          paused,
          `${progress.tipsSent} sent`,
        ].join("\t"),
      );
    }
    return 0;
  });
}

async function run(command: string, argument: string | undefined, at: Date, services: Services) {
  const { delivery } = services.tips;
  switch (command) {
    case "list":
      return list(services);
    case "preview": {
      const preview = argument ? await delivery.preview(argument) : undefined;
      if (!preview) throw new UsageError(`No subscription ${argument ?? ""}`);
      console.log(renderText(preview.reply));
      return 0;
    }
    case "send-now": {
      if (!argument) throw new UsageError("send-now needs a subscription id (see list)");
      const outcome = await delivery.sendNow(argument, at);
      console.log(outcome);
      return outcome === "sent" ? 0 : 1;
    }
    case "send-due": {
      const counts = await delivery.deliverAllDue(at);
      console.log(
        Object.entries(counts)
          .map(([outcome, count]) => `${outcome}: ${count}`)
          .join(", "),
      );
      return 0;
    }
    default:
      throw new UsageError(`Unknown command ${command}`);
  }
}

class UsageError extends Error {}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { at: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  const [command, argument] = positionals;
  if (values.help || !command) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const at = values.at ? new Date(values.at) : new Date();
  if (Number.isNaN(at.getTime())) throw new UsageError(`--at must be an ISO time, not ${values.at}`);

  const config = loadConfig({ LOG_LEVEL: "warn", ...process.env });
  const logger = createLogger(config.LOG_LEVEL, { stderr: true, pretty: false });
  const services = await createServices(config, logger, undefined, { adapters, limits: false });
  try {
    return await run(command, argument, at, services);
  } finally {
    await services.tips.close();
    await services.store.close();
  }
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    if (error instanceof ConfigError || error instanceof KnowledgeError) console.error(error.message);
    else if (error instanceof UsageError) console.error(`${error.message}\n${USAGE}`);
    else console.error("npm run tips failed:", error);
    process.exitCode = 1;
  });
