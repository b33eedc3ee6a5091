import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../../src/logger.js";

/** Bolt's level for pino's: trace counts as debug, fatal as error. */
function boltLevel(pinoLevel: string): LogLevel {
  if (pinoLevel === "trace" || pinoLevel === "debug") return LogLevel.DEBUG;
  if (pinoLevel === "info") return LogLevel.INFO;
  if (pinoLevel === "warn") return LogLevel.WARN;
  return LogLevel.ERROR;
}

/** Bolt warns of every failed authorization without its reason; the app's error handler logs it with one. */
const REPEATED_WARNINGS = ["Authorization of incoming event did not succeed"];
/**
 * Where a message of Slack's libraries starts to quote what it handles: a JSON payload (the Web API
 * client's requests and results at debug level, with users' names and messages), a request body (Bolt's
 * acks), or an error's text (a JSON parser's quotes the body it failed on).
 */
const PAYLOAD_START = /[{["]|\(error:|\(body:|Error details:/;

/** The message up to where it would quote content; pino's redaction cannot reach into a string. */
export function withoutPayload(message: string): string {
  const start = message.search(PAYLOAD_START);
  return start < 0 ? message : `${message.slice(0, start).trimEnd()} […]`;
}

/** Bolt's logger interface on top of the app's pino logger, so Slack's messages share its format and redaction. */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ adapter: "slack" });
  // Bolt passes strings and errors as separate arguments; pino wants one message (errors under `err`).
  const write =
    (level: "debug" | "info" | "warn" | "error") =>
    (...parts: unknown[]) => {
      const error = parts.find((part) => part instanceof Error);
      const message = withoutPayload(
        parts
          .filter((part) => !(part instanceof Error))
          .map((part) => (typeof part === "string" ? part : JSON.stringify(part)))
          .join(" "),
      );
      const shown = REPEATED_WARNINGS.some((start) => message.startsWith(start)) ? "debug" : level;
      if (error) child[shown]({ err: error }, message);
      else child[shown](message);
    };
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    setLevel: () => undefined,
    getLevel: () => boltLevel(child.level),
    setName: () => undefined,
  };
}
