import { timingSafeEqual } from "node:crypto";
import type { RequestHandler } from "express";
import type { Metrics } from "./metrics.js";

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** GET /metrics in Prometheus text format; with a token, only for "Authorization: Bearer <token>". */
export function metricsHandler(metrics: Metrics, token: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (token !== undefined) {
      const header = req.get("authorization") ?? "";
      const given = header.startsWith("Bearer ") ? header.slice("Bearer ".length) : "";
      if (!sameToken(given, token)) {
        res.status(401).set("WWW-Authenticate", 'Bearer realm="metrics"').json({ error: "Unauthorized." });
        return;
      }
    }
    metrics
      .render()
      .then(({ contentType, body }) => res.set("Content-Type", contentType).send(body))
      .catch(next);
  };
}
