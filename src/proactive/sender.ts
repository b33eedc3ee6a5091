import type { Place } from "../core/subscriptions.js";
import type { Reply } from "../core/types.js";

/**
 * The outbound half of a platform adapter: delivers a reply to a stored place. Resolves once the platform
 * has confirmed the message; rejects with a DeliveryError that says whether trying again makes sense.
 */
export interface Sender {
  readonly platform: string;
  send(place: Place, reply: Reply): Promise<void>;
  close?(): Promise<void>;
}

export type DeliveryFailure =
  /** The place will not take messages again (channel gone, bot removed): stop sending there. */
  | { kind: "gone"; reason: string }
  /** Worth another try, after `retryAfterMs` if the platform said so (429 Retry-After). */
  | { kind: "retry"; reason: string; retryAfterMs?: number | undefined };

export class DeliveryError extends Error {
  constructor(readonly failure: DeliveryFailure) {
    super(`delivery failed (${failure.kind}): ${failure.reason}`);
    this.name = "DeliveryError";
  }
}

/** Any error as a delivery failure; errors a sender did not classify count as passing (network and the like). */
export function failureOf(error: unknown): DeliveryFailure {
  if (error instanceof DeliveryError) return error.failure;
  const reason = error instanceof Error ? error.message : String(error);
  return { kind: "retry", reason };
}
