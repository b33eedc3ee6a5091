import { ExpressReceiver, type App, type ExpressReceiverOptions } from "@slack/bolt";
import type { RequestHandler } from "express";
import type { Logger } from "../../src/logger.js";
import { checkSlackRequest, type SlackRequestCheck } from "./payload-schema.js";

/** Slack's own limit: a request signed more than five minutes from now, either way, is refused. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/**
 * Bolt refuses signed requests older than five minutes but not ones dated in the future, which a
 * captured request with a forged clock would be; this refuses those before Bolt reads the body.
 */
export function refuseFutureTimestamps(logger: Logger, now: () => number = Date.now): RequestHandler {
  return (req, res, next) => {
    const header = req.headers["x-slack-request-timestamp"];
    const timestamp = Number(typeof header === "string" ? header : undefined);
    if (Number.isFinite(timestamp) && timestamp > Math.floor(now() / 1000) + MAX_CLOCK_SKEW_SECONDS) {
      logger.warn("Slack request refused: its timestamp lies in the future");
      res.status(401).end();
      return;
    }
    next();
  };
}

/** A request that goes no further: a malformed one is worth a warning, an unknown type only a debug line. */
function logIgnored(log: Logger, check: Exclude<SlackRequestCheck, { kind: "handled" }>): void {
  if (check.kind === "malformed") {
    log.warn({ requestType: check.type, fields: check.fields }, "malformed Slack request ignored");
  } else {
    log.debug({ requestType: check.type }, "Slack request of a type the bot does not handle ignored");
  }
}

/**
 * Bolt's receiver with the request's shape checked once the signature is verified: a malformed or
 * unknown request is answered 200 at once and goes no further, since Slack retries anything else and
 * Bolt would fail on it with a 500 or leave it unanswered for three seconds.
 */
export class CheckedExpressReceiver extends ExpressReceiver {
  constructor(
    options: ExpressReceiverOptions,
    private readonly log: Logger,
  ) {
    super(options);
  }

  override async requestHandler(...[req, res]: Parameters<ExpressReceiver["requestHandler"]>): Promise<void> {
    const check = checkSlackRequest(req.body);
    if (check.kind === "handled") {
      await super.requestHandler(req, res);
      return;
    }
    logIgnored(this.log, check);
    res.status(200).end();
  }
}

/**
 * The same check for Socket Mode, whose receiver has no such hook: each event is checked before Bolt
 * reads it, so that no middleware or listener sees a malformed one; it is acknowledged and goes no further.
 */
export function checkEventsBeforeBolt(app: App, log: Logger): void {
  const processEvent = app.processEvent.bind(app);
  app.processEvent = async (event) => {
    const check = checkSlackRequest(event.body);
    if (check.kind === "handled") {
      await processEvent(event);
      return;
    }
    logIgnored(log, check);
    await event.ack();
  };
}
