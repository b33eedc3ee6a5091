import { App, SocketModeReceiver, type webApi } from "@slack/bolt";
import type { Express } from "express";
import type { Adapter } from "../../src/adapter.js";
import type { PendingWork } from "../../src/pending-work.js";
import type { Services } from "../../src/services.js";
import { boltLogger } from "./bolt-logger.js";
import { CheckedExpressReceiver, checkEventsBeforeBolt, refuseFutureTimestamps } from "./checked-receiver.js";
import { DEFAULT_SLACK_API_URL, loadSlackConfig, type SlackConfig } from "./config.js";
import { StoredInstallations } from "./installation-store.js";
import { registerListeners } from "./listeners.js";
import { createSlackSender } from "./sender.js";

export const EVENTS_PATH = "/slack/events";
export const INSTALL_PATH = "/slack/install";
export const OAUTH_REDIRECT_PATH = "/slack/oauth_redirect";
/** The bot scopes of adapters/slack/manifest.yml, requested by the OAuth install. */
export const BOT_SCOPES = ["app_mentions:read", "chat:write", "commands", "im:history", "users:read"];

/**
 * Rate-limited calls (429) are retried after Slack's Retry-After by the Web API client itself. Other
 * failures are retried for seconds, not the client's default half hour: an answer that late helps no one.
 */
function clientOptions(config: SlackConfig): webApi.WebClientOptions {
  return {
    slackApiUrl: config.apiUrl,
    rejectRateLimitedCalls: false,
    retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 4_000 },
    timeout: 10_000,
  };
}

/** Slack's authorize page, on the same host as the Web API (slack.com, or GovSlack's). */
function authorizationUrl(apiUrl: string): string {
  const base = apiUrl === DEFAULT_SLACK_API_URL ? "https://slack.com/" : new URL("/", apiUrl).toString();
  return new URL("oauth/v2/authorize", base).toString();
}

function createApp(config: SlackConfig, express: Express, services: Services): App {
  const logger = boltLogger(services.logger);
  const adapterLog = services.logger.child({ adapter: "slack" });
  const common = { logger, clientOptions: clientOptions(config), convoStore: false as const };
  switch (config.mode) {
    case "socket":
      return new App({
        ...common,
        token: config.botToken,
        receiver: new SocketModeReceiver({
          appToken: config.appToken,
          logger,
          installerOptions: { clientOptions: clientOptions(config) },
        }),
        deferInitialization: true,
      });
    case "single":
      return new App({
        ...common,
        token: config.botToken,
        receiver: new CheckedExpressReceiver(
          { signingSecret: config.signingSecret, endpoints: EVENTS_PATH, app: express, logger },
          adapterLog,
        ),
        deferInitialization: true,
      });
    case "oauth": {
      const installations = new StoredInstallations(services.store);
      const app = new App({
        ...common,
        receiver: new CheckedExpressReceiver(
          {
            signingSecret: config.signingSecret,
            endpoints: EVENTS_PATH,
            app: express,
            logger,
            clientId: config.clientId,
            clientSecret: config.clientSecret,
            stateSecret: config.stateSecret,
            scopes: BOT_SCOPES,
            installationStore: installations,
            installerOptions: {
              installPath: INSTALL_PATH,
              redirectUriPath: OAUTH_REDIRECT_PATH,
              directInstall: true,
              clientOptions: clientOptions(config),
              authorizationUrl: authorizationUrl(config.apiUrl),
            },
          },
          adapterLog,
        ),
        deferInitialization: true,
      });
      // A workspace that removes the app takes its token with it.
      app.event("app_uninstalled", async ({ context }) => {
        await installations.deleteInstallation({
          teamId: context.teamId,
          enterpriseId: context.enterpriseId,
          isEnterpriseInstall: context.isEnterpriseInstall,
        });
        services.logger.info({ adapter: "slack" }, "Slack installation removed");
      });
      return app;
    }
  }
}

/**
 * Slack is told at once that an event arrived, and the answer follows. Each event's processing is pending
 * work until its listeners are done, so that a shutdown still delivers the answers it acknowledged.
 */
function trackProcessing(app: App, pending: PendingWork): void {
  const processEvent = app.processEvent.bind(app);
  app.processEvent = (event) => pending.track(processEvent(event));
}

/**
 * The Slack app: Bolt over HTTP at /slack/events in the shared server (signatures verified), or over
 * Socket Mode when SLACK_APP_TOKEN is set. Inactive without Slack settings; refuses to start on
 * incomplete ones.
 */
export function createSlackAdapter(env: NodeJS.ProcessEnv = process.env): Adapter {
  let app: App | undefined;
  let socketMode = false;
  return {
    name: "slack",
    async mount(express, services) {
      const config = loadSlackConfig(env);
      if (!config) return false;
      // Before Bolt's receiver, which verifies the signature and the age of a request but not its future.
      if (config.mode !== "socket")
        express.post(EVENTS_PATH, refuseFutureTimestamps(services.logger.child({ adapter: "slack" })));
      app = createApp(config, express, services);
      trackProcessing(app, services.pending);
      if (config.mode === "socket") checkEventsBeforeBolt(app, services.logger.child({ adapter: "slack" }));
      registerListeners(app, services);
      // Checks the bot token with auth.test once, so a wrong token stops the start with Slack's reason.
      await app.init().catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`Slack: the bot token could not be checked with ${config.apiUrl} (${reason})`);
      });
      socketMode = config.mode === "socket";
      if (socketMode) await app.start();
      services.logger.info({ adapter: "slack", mode: config.mode }, "Slack connected");
      return true;
    },
    sender(dependencies) {
      return createSlackSender(dependencies, env);
    },
    async close() {
      if (app && socketMode) await app.stop();
    },
  };
}

export const slackAdapter = createSlackAdapter();
