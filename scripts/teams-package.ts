/**
 * Builds the Teams app package: adapters/teams/appPackage/manifest.json with the bot's app id and the
 * publisher's details filled in, its English strings (en.json) and the two icons, zipped at the root of dist/teams-app.zip.
 * Usage: MicrosoftAppId=<GUID> npm run teams:package [-- <output.zip>]
 * Settings: MicrosoftAppId (required), TEAMS_DEVELOPER_NAME, TEAMS_DEVELOPER_URL, TEAMS_PRIVACY_URL,
 * TEAMS_TERMS_URL (placeholders with a warning until set), TEAMS_APP_VERSION (default: package.json's).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { strToU8, zipSync } from "fflate";
import { GUID } from "../adapters/teams/config.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const APP_PACKAGE = path.join(ROOT, "adapters", "teams", "appPackage");
export const DEFAULT_OUTPUT = path.join(ROOT, "dist", "teams-app.zip");

const SEMVER = /^\d+\.\d+\.\d+(?:-[\w.-]+)?$/;
/** Clearly not real: the admin fills in the organisation that publishes the bot (see README). */
const PUBLISHER_PLACEHOLDERS = {
  TEAMS_DEVELOPER_NAME: "Herausgeber eintragen",
  TEAMS_DEVELOPER_URL: "https://example.invalid/",
  TEAMS_PRIVACY_URL: "https://example.invalid/datenschutz",
  TEAMS_TERMS_URL: "https://example.invalid/nutzungsbedingungen",
};

export class PackageError extends Error {}

function packageVersion(): string {
  const { version } = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    version: string;
  };
  return version;
}

/** The values of the manifest's `${{NAME}}` placeholders, and warnings for placeholders left in. */
function placeholderValues(env: NodeJS.ProcessEnv): { values: Record<string, string>; warnings: string[] } {
  const problems: string[] = [];
  const warnings: string[] = [];
  const appId = env.MicrosoftAppId ?? "";
  if (!appId) problems.push("MicrosoftAppId: required – the Application (client) ID of the bot's Azure app");
  else if (!GUID.test(appId)) problems.push("MicrosoftAppId: must be a GUID");
  const version = env.TEAMS_APP_VERSION || packageVersion();
  if (!SEMVER.test(version)) problems.push("TEAMS_APP_VERSION: must be a version such as 1.2.3");

  const values: Record<string, string> = { MicrosoftAppId: appId, APP_VERSION: version };
  for (const [name, placeholder] of Object.entries(PUBLISHER_PLACEHOLDERS)) {
    const value = env[name];
    const isName = name === "TEAMS_DEVELOPER_NAME";
    if (!value) {
      warnings.push(`${name} is not set; the package says "${placeholder}" until it is.`);
      values[name] = placeholder;
    } else if (isName ? value.length > 32 : !/^https:\/\/\S+$/.test(value)) {
      problems.push(`${name}: ${isName ? "at most 32 characters" : "must be an https:// address"}`);
    } else values[name] = value;
  }
  if (problems.length > 0) throw new PackageError(problems.join("\n"));
  return { values, warnings };
}

/** The manifest with every placeholder filled in. */
export function fillManifest(template: string, values: Record<string, string>): unknown {
  const filled = template.replace(/\$\{\{(\w+)\}\}/g, (placeholder, name: string) => {
    const value = values[name];
    if (value === undefined) throw new PackageError(`manifest.json: unknown placeholder ${placeholder}`);
    return JSON.stringify(value).slice(1, -1);
  });
  return JSON.parse(filled);
}

export function buildTeamsPackage(env: NodeJS.ProcessEnv): { zip: Uint8Array; warnings: string[] } {
  const { values, warnings } = placeholderValues(env);
  const manifest = fillManifest(readFileSync(path.join(APP_PACKAGE, "manifest.json"), "utf8"), values);
  const zip = zipSync(
    {
      "manifest.json": strToU8(`${JSON.stringify(manifest, null, 2)}\n`),
      // English strings for Teams clients set to English; the manifest's own strings are German.
      "en.json": readFileSync(path.join(APP_PACKAGE, "en.json")),
      "color.png": readFileSync(path.join(APP_PACKAGE, "color.png")),
      "outline.png": readFileSync(path.join(APP_PACKAGE, "outline.png")),
    },
    { level: 9 },
  );
  return { zip, warnings };
}

function main(): void {
  const output = path.resolve(process.argv[2] ?? DEFAULT_OUTPUT);
  try {
    const { zip, warnings } = buildTeamsPackage(process.env);
    for (const warning of warnings) console.warn(`Warning: ${warning}`);
    mkdirSync(path.dirname(output), { recursive: true });
    writeFileSync(output, zip);
    console.log(`Teams app package written to ${path.relative(process.cwd(), output) || output}`);
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    console.error(`The Teams app package was not written:\n${error.message}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
