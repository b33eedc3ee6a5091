import type { RunningServer } from "./server.js";
import type { Services } from "./services.js";

/** Resolves with the task, or after `ms` at the latest: closing must not outlast the shutdown's budget. */
async function atMost(ms: number, task: () => Promise<void>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(
      () => {
        resolve(false);
      },
      Math.max(0, ms),
    );
  });
  const done = task().then(
    () => true,
    () => true,
  );
  const finished = await Promise.race([done, timedOut]);
  clearTimeout(timer);
  return finished;
}

/**
 * Shuts down in order: readiness turns 503 and the server takes no new connections; requests and
 * acknowledged turns in progress are finished and their answers delivered; then the weekly tip's
 * scheduler and queues and the store are closed. Resolves with the exit code: 0 when everything
 * finished within `timeoutMs`, 1 when work had to be abandoned.
 */
export async function shutDown(
  running: RunningServer,
  services: Services,
  timeoutMs: number,
): Promise<number> {
  const { pending, logger } = services;
  const deadline = Date.now() + timeoutMs;
  pending.startDraining();
  const serverClosed = running.stopAccepting();
  logger.info({ pending: pending.size, timeoutMs }, "shutting down: finishing work in progress");

  const finished = await pending.drained(timeoutMs);
  if (!finished) logger.warn({ abandoned: pending.size }, "shutdown timeout: work in progress abandoned");
  // Keep-alive connections that are idle now, or requests given up on.
  await atMost(deadline - Date.now(), async () => {
    await running.close();
    await serverClosed;
  });
  const tipsClosed = await atMost(deadline - Date.now(), () => services.tips.close());
  const limitsClosed = await atMost(deadline - Date.now(), () => services.limits.close());
  const storeClosed = await atMost(deadline - Date.now(), () => services.store.close());
  const clean = finished && tipsClosed && limitsClosed && storeClosed;
  logger.info({ clean }, "shut down");
  return clean ? 0 : 1;
}
