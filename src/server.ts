import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import express, { type ErrorRequestHandler, type Express } from "express";
import type { Adapter } from "./adapter.js";
import { metricsHandler } from "./metrics/route.js";
import type { Logger } from "./logger.js";
import type { Services } from "./services.js";

export interface RunningServer {
  server: Server;
  url: string;
  /**
   * Stops accepting connections and closes idle ones; requests in progress go on. Resolves when the last
   * connection has closed.
   */
  stopAccepting(): Promise<void>;
  /** Closes every connection at once, then the adapters. */
  close(): Promise<void>;
}

/** A readiness check answers in time even when the store hangs: no answer in time is "not ready". */
const READINESS_TIMEOUT_MS = 1_000;

function withTimeout(check: Promise<boolean>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => {
      resolve(false);
    }, timeoutMs);
  });
  return Promise.race([check.catch(() => false), timedOut]).finally(() => {
    clearTimeout(timer);
  });
}

/** Errors that reach Express's handler get a short JSON answer; details stay in the log. */
const errorHandler: ErrorRequestHandler = (error: { status?: number; type?: string }, _req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  const status =
    typeof error.status === "number" && error.status >= 400 && error.status < 500 ? error.status : 500;
  const messages: Record<number, string> = {
    400: "The request could not be read.",
    413: "The message is too long.",
  };
  res.status(status).json({
    error: messages[status] ?? (status < 500 ? "The request was not accepted." : "Something went wrong."),
  });
};

/**
 * A refused request (4xx: unreadable JSON, too large) is one short line: its error would carry the body
 * and a stack trace that says nothing about the server. Only failures of the server itself get the error.
 */
function logRequestError(logger: Logger, error: unknown, path: string): void {
  const { status, type } = (error ?? {}) as { status?: unknown; type?: unknown };
  if (typeof status === "number" && status >= 400 && status < 500) {
    logger.warn({ status, reason: typeof type === "string" ? type : undefined, path }, "request refused");
    return;
  }
  logger.error({ err: error, path }, "request failed");
}

export async function createApp(services: Services, adapters: readonly Adapter[]): Promise<Express> {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", (_req, res) => {
    // A shutting-down instance takes no new traffic, whatever its store says.
    if (services.pending.draining) {
      res.status(503).json({ status: "shutting down" });
      return;
    }
    void withTimeout(services.store.ping(), READINESS_TIMEOUT_MS).then((ready) =>
      res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "state store unreachable" }),
    );
  });

  app.get("/metrics", metricsHandler(services.metrics, services.config.METRICS_TOKEN));

  for (const adapter of adapters) {
    const mounted = await adapter.mount(app, services);
    services.logger.info(
      { adapter: adapter.name, mounted },
      mounted ? "adapter mounted" : "adapter not configured",
    );
  }
  app.use((_req, res) => {
    res.status(404).json({ error: "Not found." });
  });
  app.use(((error: unknown, req, res, next) => {
    logRequestError(services.logger, error, req.path);
    errorHandler(error, req, res, next);
  }) as ErrorRequestHandler);
  return app;
}

export async function startServer(services: Services, adapters: readonly Adapter[]): Promise<RunningServer> {
  const app = await createApp(services, adapters);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // Every request counts as pending work until its response is done, so a shutdown waits for it.
    void services.pending.track(new Promise((resolve) => res.once("close", resolve)));
    // While shutting down, a connection serves the request it has and is then closed, not kept alive.
    if (services.pending.draining) res.setHeader("Connection", "close");
    void app(req, res);
  });
  const { PORT, HOST } = services.config;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(PORT, HOST, resolve);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : PORT;
  const shownHost = HOST === "0.0.0.0" || HOST === "127.0.0.1" || HOST === "::" ? "localhost" : HOST;
  let closed: Promise<void> | undefined;
  const stopAccepting = () => {
    closed ??= new Promise<void>((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
    server.closeIdleConnections();
    return closed;
  };
  return {
    server,
    url: `http://${shownHost}:${port}`,
    stopAccepting,
    close: async () => {
      const allClosed = stopAccepting();
      server.closeAllConnections();
      await allClosed;
      for (const adapter of adapters) await adapter.close?.();
    },
  };
}
