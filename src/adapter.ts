import type { Express } from "express";
import type { Services } from "./services.js";

/**
 * A chat platform's connection to the core. Adapters translate platform events into turns and replies
 * into the platform's format; they never decide what to answer.
 */
export interface Adapter {
  name: string;
  /** Adds the adapter's routes to the shared HTTP server; returns false when it is not configured. */
  mount(app: Express, services: Services): boolean | Promise<boolean>;
  close?(): Promise<void>;
}
