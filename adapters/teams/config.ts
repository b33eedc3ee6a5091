import { z } from "zod";
import { ConfigError, configErrorOf, setVariables } from "../../src/config.js";

/** The app types Azure Bot knows; the SDK compares them without regard to case. */
export const APP_TYPES = ["MultiTenant", "SingleTenant", "UserAssignedMSI"] as const;
export type AppType = (typeof APP_TYPES)[number];

/** What botbuilder's ConfigurationBotFrameworkAuthentication reads, under the names Azure uses. */
export interface TeamsAuth {
  MicrosoftAppId: string;
  MicrosoftAppType: AppType;
  MicrosoftAppPassword?: string | undefined;
  MicrosoftAppTenantId?: string | undefined;
}

export interface TeamsConfig {
  /** Undefined: no app id, so /api/messages accepts unauthenticated requests (local testing only). */
  auth: TeamsAuth | undefined;
  /** Unauthenticated, yet listening on an interface other machines reach (TEAMS_ALLOW_UNAUTHENTICATED). */
  allowUnauthenticated: boolean;
  /** False (TEAMS_ENABLED=false) for deployments without Teams: no /api/messages at all. */
  enabled: boolean;
}

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const settingsSchema = z.object({
  MicrosoftAppId: z
    .string()
    .regex(GUID, "must be the Application (client) ID of the bot's app registration, a GUID")
    .optional(),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppTenantId: z
    .string()
    .regex(/^[\w.-]+$/, "must be a directory (tenant) ID or domain")
    .optional(),
  MicrosoftAppType: z
    .string()
    .transform((value) => APP_TYPES.find((type) => type.toLowerCase() === value.trim().toLowerCase()))
    .refine((value) => value !== undefined, `must be one of ${APP_TYPES.join(", ")}`)
    .optional(),
  TEAMS_ALLOW_UNAUTHENTICATED: z
    .enum(["true", "false"], { message: "must be true or false" })
    .default("false")
    .transform((value) => value === "true"),
  TEAMS_ENABLED: z
    .enum(["true", "false"], { message: "must be true or false" })
    .default("true")
    .transform((value) => value === "true"),
});

/**
 * Reads the Teams settings. Without MicrosoftAppId Teams still runs, unauthenticated, for the Bot
 * Framework Emulator; incomplete or contradictory settings are errors naming the variable.
 */
export function loadTeamsConfig(env: NodeJS.ProcessEnv = process.env): TeamsConfig {
  const parsed = settingsSchema.safeParse(setVariables(env));
  if (!parsed.success) throw configErrorOf(parsed.error);
  const settings = parsed.data;
  const { MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppTenantId } = settings;
  const type = settings.MicrosoftAppType ?? "MultiTenant";

  const problems: string[] = [];
  if (!MicrosoftAppId) {
    for (const name of ["MicrosoftAppPassword", "MicrosoftAppTenantId", "MicrosoftAppType"] as const) {
      if (settings[name] !== undefined) problems.push(`${name}: set MicrosoftAppId as well, or neither`);
    }
  } else if (type === "UserAssignedMSI") {
    if (MicrosoftAppPassword) problems.push("MicrosoftAppPassword: must not be set for UserAssignedMSI");
    if (!MicrosoftAppTenantId) problems.push("MicrosoftAppTenantId: required for UserAssignedMSI");
  } else {
    if (!MicrosoftAppPassword) problems.push(`MicrosoftAppPassword: required for ${type}`);
    if (type === "SingleTenant" && !MicrosoftAppTenantId) {
      problems.push("MicrosoftAppTenantId: required for SingleTenant");
    }
  }
  if (problems.length > 0) throw new ConfigError(problems.map((problem) => `Teams: ${problem}`));

  const auth = MicrosoftAppId
    ? { MicrosoftAppId, MicrosoftAppType: type, MicrosoftAppPassword, MicrosoftAppTenantId }
    : undefined;
  return {
    auth,
    allowUnauthenticated: settings.TEAMS_ALLOW_UNAUTHENTICATED,
    enabled: settings.TEAMS_ENABLED,
  };
}
