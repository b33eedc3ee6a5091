import { z } from "zod";
import { parseScheduleSetting } from "./core/schedule-words.js";
import { isTimeZone } from "./proactive/schedule.js";

const DEFAULT_PUBLICATION_URL =
  "https://www.bertelsmann-stiftung.de/de/unsere-projekte/abgeschlossene-projekte/kommunale-buergerbeteiligung/projektthemen/innovationsdialog-buergerbeteiligung";

const positiveInteger = (fallback: number) => z.coerce.number().int().positive().default(fallback);
/** A limit where 0 switches it off. */
const limit = (fallback: number) => z.coerce.number().int().min(0).default(fallback);
const flag = (fallback: boolean) =>
  z
    .enum(["true", "false"], { message: "must be true or false" })
    .default(fallback ? "true" : "false")
    .transform((value) => value === "true");

/** Every setting comes from the environment; see .env.example and the README's configuration table. */
const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).default("127.0.0.1"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  REDIS_URL: z.url({ protocol: /^rediss?$/, message: "must be a redis:// or rediss:// address" }).optional(),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[\w:.-]*$/, "may only contain letters, digits, _ : . -")
    .default("beteiligungslotse:"),
  /** How long a Redis command may take before a turn carries on without conversation memory. */
  REDIS_COMMAND_TIMEOUT_MS: positiveInteger(200),
  STATE_TTL_SECONDS: positiveInteger(24 * 60 * 60),
  /** The key of the hash that state is filed under, so that a Redis dump cannot be matched to ids. */
  STATE_HASH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  FEEDBACK_TTL_DAYS: positiveInteger(365),
  KNOWLEDGE_DIR: z.string().min(1).default("knowledge"),
  /** false: the knowledge base is read at start-up and on SIGHUP only, not when its folder changes. */
  KNOWLEDGE_WATCH: flag(true),
  /** How long the knowledge folder must be quiet after a change before it is read again. */
  KNOWLEDGE_RELOAD_DELAY_MS: positiveInteger(1_000),
  TIP_TIMEZONE: z
    .string()
    .refine(isTimeZone, "must be an IANA time zone such as Europe/Berlin")
    .default("Europe/Berlin"),
  /** Read once here: the rest of the bot gets the weekday and time, not the text. */
  TIP_DEFAULT_SCHEDULE: z
    .string()
    .default("monday 09:00")
    .transform((value, context) => {
      const schedule = parseScheduleSetting(value);
      if (!schedule)
        context.addIssue({ code: "custom", message: 'must be a weekday and a time, e.g. "monday 09:00"' });
      return schedule ?? z.NEVER;
    }),
  TIP_SUBSCRIPTION_TTL_DAYS: positiveInteger(90),
  /** How long a shutdown waits for requests and turns in progress before it gives them up. */
  SHUTDOWN_TIMEOUT_MS: positiveInteger(10_000),
  /** Messages one user may send per window, on every platform together; 0 switches the limit off. */
  RATE_LIMIT_PER_USER: limit(20),
  /** Messages per conversation (a channel, a group chat) and window, from all its users together. */
  RATE_LIMIT_PER_CONVERSATION: limit(60),
  RATE_LIMIT_WINDOW_SECONDS: positiveInteger(60),
  /** When set, /metrics answers only requests with "Authorization: Bearer <token>". */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** false for deployments that serve Slack and Teams only: no chat page, no /api/chat. */
  WEB_CHAT: flag(true),
  PUBLICATION_URL: z
    .url({ protocol: /^https?$/, message: "must be an http(s) address" })
    .default(DEFAULT_PUBLICATION_URL),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** The variables that are set; an empty one (PORT=) means "not set", as in most .env tooling. */
export function setVariables(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((pair): pair is [string, string] => pair[1] !== undefined && pair[1] !== ""),
  );
}

/** A failed validation as a ConfigError naming each variable that is wrong and why. */
export function configErrorOf(error: z.ZodError): ConfigError {
  return new ConfigError(error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
}

/** Reads the configuration; an error names each variable that is wrong and why. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(setVariables(env));
  if (result.success) return result.data;
  throw configErrorOf(result.error);
}
