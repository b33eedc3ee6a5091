import { CallerIdConstants, ConfigurationBotFrameworkAuthentication } from "botbuilder";
import type { TeamsConfig } from "./config.js";

export interface AuthenticationOptions {
  /** Where the Bot Framework's signing keys are looked up; botbuilder's default (login.botframework.com) otherwise. */
  openIdMetadataUrl?: string | undefined;
}

/**
 * botbuilder's public-cloud settings, spelled out: naming one of them (the key address) makes botbuilder
 * expect all of them.
 */
const PUBLIC_CLOUD = {
  ToChannelFromBotLoginUrl: "https://login.microsoftonline.com/botframework.com",
  ToChannelFromBotOAuthScope: "https://api.botframework.com",
  ToBotFromChannelTokenIssuer: "https://api.botframework.com",
  OAuthUrl: "https://api.botframework.com",
  ToBotFromEmulatorOpenIdMetadataUrl:
    "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration",
  CallerId: CallerIdConstants.PublicAzureChannel,
};

export function authenticationOf(
  config: TeamsConfig,
  options: AuthenticationOptions = {},
): ConfigurationBotFrameworkAuthentication {
  // Without an app id botbuilder disables authentication: requests need no token, replies carry none.
  const keys = options.openIdMetadataUrl
    ? { ...PUBLIC_CLOUD, ToBotFromChannelOpenIdMetadataUrl: options.openIdMetadataUrl }
    : {};
  return new ConfigurationBotFrameworkAuthentication({ ...(config.auth ?? {}), ...keys });
}

const EMULATOR_HOSTS = new Set(["localhost", "127.0.0.1"]);

/**
 * Without authentication the bot posts its replies to whatever serviceUrl an activity names. The Bot
 * Framework Emulator names its own local server, `http://localhost:<port>` (botbuilder appends
 * `/v3/conversations/…`); only that shape is let in, so that the endpoint cannot be used to send requests
 * to other hosts or to other paths of a local service.
 */
export function isEmulatorServiceUrl(serviceUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  return (
    url.protocol === "http:" &&
    EMULATOR_HOSTS.has(url.hostname) &&
    url.port !== "" &&
    url.pathname === "/" &&
    url.search === "" &&
    url.hash === "" &&
    url.username === "" &&
    url.password === ""
  );
}

/** The host names and addresses that reach only this machine. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  return bare === "localhost" || bare === "::1" || /^127(\.\d{1,3}){3}$/.test(bare);
}

/**
 * The status for a request whose token was not accepted: 503 while the signing keys cannot be fetched
 * (the request may be fine; the Bot Framework retries), 401 for everything else.
 */
export function authenticationFailureStatus(error: unknown): 401 | 503 {
  if (typeof error !== "object" || error === null) return 401;
  const { statusCode, name, code } = error as { statusCode?: unknown; name?: unknown; code?: unknown };
  // botbuilder reports a failed download of the OpenID configuration or the keys with status 500.
  if (statusCode === 500) return 503;
  if (name === "FetchError" || name === "AbortError") return 503;
  if (typeof code === "string" && /^(E[A-Z]+|UND_ERR_\w+)$/.test(code)) return 503;
  return 401;
}
