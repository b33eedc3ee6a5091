import type { Express } from "express";
import type { Logger } from "./logger.js";
import type { Sender } from "./proactive/sender.js";
import type { Services } from "./services.js";
import type { RecordStore } from "./state/types.js";

/** What an adapter's outbound half needs: where installations live, and the log. */
export interface SenderDependencies {
  records: RecordStore;
  logger: Logger;
}

/**
 * A chat platform's connection to the core. Adapters translate platform events into turns and replies
 * into the platform's format; they never decide what to answer.
 */
export interface Adapter {
  name: string;
  /** Adds the adapter's routes to the shared HTTP server; returns false when it is not configured. */
  mount(app: Express, services: Services): boolean | Promise<boolean>;
  /**
   * The outbound half, for messages the bot sends on its own (the weekly tip): delivers a reply to a
   * stored place. Undefined where the platform is not configured or cannot receive them (the web chat).
   */
  sender?(dependencies: SenderDependencies): Sender | undefined;
  close?(): Promise<void>;
}
