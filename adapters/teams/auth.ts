import { ConfigurationBotFrameworkAuthentication } from "botbuilder";
import type { TeamsConfig } from "./config.js";

export function authenticationOf(config: TeamsConfig): ConfigurationBotFrameworkAuthentication {
  // Without an app id botbuilder disables authentication: requests need no token, replies carry none.
  return new ConfigurationBotFrameworkAuthentication(config.auth ? { ...config.auth } : {});
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Without authentication the bot posts its replies to whatever serviceUrl an activity names; only a local
 * Emulator is let in then, so that the endpoint cannot be used to send requests into other networks.
 */
export function isLoopback(serviceUrl: string): boolean {
  return LOOPBACK_HOSTS.has(new URL(serviceUrl).hostname);
}
