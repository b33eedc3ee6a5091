import type { Adapter } from "../src/adapter.js";
import { slackAdapter } from "./slack/index.js";
import { teamsAdapter } from "./teams/index.js";
import { webAdapter } from "./web/index.js";

/** Every adapter the server mounts; each decides from the configuration whether it is active. */
export const adapters: readonly Adapter[] = [webAdapter, slackAdapter, teamsAdapter];
