/**
 * A store that cannot be reached just now (Redis hanging, restarting or gone). The outage is logged once
 * where it is noticed, so callers that carry on without the store need not log it again per request.
 */
export class StoreUnavailableError extends Error {
  constructor(options?: { cause?: unknown }) {
    super("state store unavailable", options);
    this.name = "StoreUnavailableError";
  }
}

/** True for a store outage, which is already in the log; false for errors worth a line of their own. */
export function isStoreUnavailable(error: unknown): boolean {
  return error instanceof StoreUnavailableError;
}
