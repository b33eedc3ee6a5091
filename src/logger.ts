import { pino, type Logger } from "pino";

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
 * JSON logs for machines, readable lines in a terminal. Message text, tokens and secrets are never logged;
 * the redaction below is a second line of defence for fields that might carry them.
 */
export function createLogger(level: string, options: { pretty?: boolean; stderr?: boolean } = {}): Logger {
  const stream = options.stderr ? process.stderr : process.stdout;
  const pretty =
    options.pretty ?? (stream.isTTY && process.env.NODE_ENV !== "production" && prettyAvailable());
  const destination = pretty ? undefined : pino.destination(options.stderr ? 2 : 1);
  return pino(
    {
      level,
      redact: {
        paths: [
          "text",
          "*.text",
          "token",
          "*.token",
          "authorization",
          "*.authorization",
          "*.headers.authorization",
          "password",
          "*.password",
          "secret",
          "*.secret",
        ],
        censor: "[redacted]",
      },
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
