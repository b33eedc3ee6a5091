import { z } from "zod";
import { ConfigError, configErrorOf, setVariables } from "../../src/config.js";

export const DEFAULT_SLACK_API_URL = "https://slack.com/api/";

/** How the app talks to Slack, decided by which settings are present. */
export type SlackConfig =
  | { mode: "single"; signingSecret: string; botToken: string; apiUrl: string }
  | { mode: "socket"; appToken: string; botToken: string; apiUrl: string }
  | {
      mode: "oauth";
      signingSecret: string;
      clientId: string;
      clientSecret: string;
      stateSecret: string;
      apiUrl: string;
    };

const settingsSchema = z.object({
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_BOT_TOKEN: z.string().startsWith("xoxb-", "must be a bot token (xoxb-…)").optional(),
  SLACK_APP_TOKEN: z.string().startsWith("xapp-", "must be an app-level token (xapp-…)").optional(),
  SLACK_CLIENT_ID: z.string().min(1).optional(),
  SLACK_CLIENT_SECRET: z.string().min(1).optional(),
  SLACK_STATE_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  SLACK_API_URL: z
    .url({ protocol: /^https?$/, message: "must be an http(s) address" })
    // The Web API client appends method names to the base address, which therefore ends in "/".
    .transform((url) => (url.endsWith("/") ? url : `${url}/`))
    .default(DEFAULT_SLACK_API_URL),
});

const OAUTH_SETTINGS = ["SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET"] as const;

function missing(names: readonly string[], present: Record<string, unknown>): string[] {
  return names.filter((name) => present[name] === undefined);
}

/**
 * Reads the Slack settings: undefined when none is given (the bot runs without Slack), an error naming
 * what is missing when they are incomplete or contradict each other.
 */
export function loadSlackConfig(env: NodeJS.ProcessEnv = process.env): SlackConfig | undefined {
  const given = Object.fromEntries(
    Object.entries(setVariables(env)).filter(([name]) => name.startsWith("SLACK_")),
  );
  if (Object.keys(given).every((name) => name === "SLACK_API_URL")) return undefined;

  const parsed = settingsSchema.safeParse(given);
  if (!parsed.success) throw configErrorOf(parsed.error);
  const settings = parsed.data;
  const apiUrl = settings.SLACK_API_URL;
  const oauthGiven = OAUTH_SETTINGS.some((name) => settings[name] !== undefined);

  if (settings.SLACK_APP_TOKEN) {
    if (!settings.SLACK_BOT_TOKEN || oauthGiven) {
      throw new ConfigError([
        "Slack Socket Mode (SLACK_APP_TOKEN) needs SLACK_BOT_TOKEN and works for one workspace; " +
          "leave SLACK_CLIENT_ID/SECRET/STATE_SECRET unset or drop SLACK_APP_TOKEN to install over HTTP.",
      ]);
    }
    return { mode: "socket", appToken: settings.SLACK_APP_TOKEN, botToken: settings.SLACK_BOT_TOKEN, apiUrl };
  }

  const problems: string[] = [];
  if (!settings.SLACK_SIGNING_SECRET) problems.push("SLACK_SIGNING_SECRET: required for Slack over HTTP");
  if (settings.SLACK_BOT_TOKEN && oauthGiven) {
    problems.push(
      "SLACK_BOT_TOKEN: set either a bot token (one workspace) or SLACK_CLIENT_ID/SECRET/STATE_SECRET (installs), not both",
    );
  } else if (!settings.SLACK_BOT_TOKEN && !oauthGiven) {
    problems.push(
      "SLACK_BOT_TOKEN: required for one workspace (or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for installs)",
    );
  } else if (oauthGiven) {
    for (const name of missing(OAUTH_SETTINGS, settings))
      problems.push(`${name}: required for Slack installs`);
  }
  if (problems.length > 0) throw new ConfigError(problems.map((problem) => `Slack: ${problem}`));

  const signingSecret = settings.SLACK_SIGNING_SECRET ?? "";
  if (settings.SLACK_BOT_TOKEN)
    return { mode: "single", signingSecret, botToken: settings.SLACK_BOT_TOKEN, apiUrl };
  return {
    mode: "oauth",
    signingSecret,
    clientId: settings.SLACK_CLIENT_ID ?? "",
    clientSecret: settings.SLACK_CLIENT_SECRET ?? "",
    stateSecret: settings.SLACK_STATE_SECRET ?? "",
    apiUrl,
  };
}
