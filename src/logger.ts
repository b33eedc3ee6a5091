import { pino, type Logger, type LoggerOptions } from "pino";

/** pino-pretty is a development dependency; production images log JSON only. */
function prettyAvailable(): boolean {
  try {
    import.meta.resolve("pino-pretty");
    return true;
  } catch {
    return false;
  }
}

/**
 * Fields that may carry message text, request bodies, tokens or secrets, wherever they turn up: at the top,
 * one level down (`err.body`, `req.headers`) or two (`err.config.headers`). Censored at every level.
 */
const REDACTED_KEYS = [
  "text",
  "body",
  "rawBody",
  "payload",
  "token",
  "access_token",
  "bot_token",
  "authorization",
  "cookie",
  "password",
  "secret",
  "clientSecret",
  "signingSecret",
  "stateSecret",
  "botToken",
  "appToken",
  "MicrosoftAppPassword",
];
export const REDACTED_PATHS = [
  ...REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
  // HTTP clients' errors carry the request's headers deeper down (err.config.headers.authorization).
  "*.*.*.authorization",
];

/** pino's options for the app's logs, with the redaction above; the output goes where the caller says. */
export function loggerOptions(level: string): LoggerOptions {
  return { level, redact: { paths: REDACTED_PATHS, censor: "[redacted]" } };
}

/**
 * JSON logs for machines, readable lines in a terminal. Message text, tokens and secrets are never logged;
 * the redaction above is a second line of defence for fields that might carry them.
 */
export function createLogger(level: string, options: { pretty?: boolean; stderr?: boolean } = {}): Logger {
  const stream = options.stderr ? process.stderr : process.stdout;
  const pretty =
    options.pretty ?? (stream.isTTY && process.env.NODE_ENV !== "production" && prettyAvailable());
  const destination = pretty ? undefined : pino.destination(options.stderr ? 2 : 1);
  return pino(
    {
      ...loggerOptions(level),
      ...(pretty
        ? {
            transport: {
              target: "pino-pretty",
              options: {
                translateTime: "SYS:HH:MM:ss",
                ignore: "pid,hostname",
                destination: options.stderr ? 2 : 1,
              },
            },
          }
        : {}),
    },
    destination,
  );
}

export type { Logger };
