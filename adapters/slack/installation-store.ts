import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import type { RecordStore } from "../../src/state/types.js";

/** Where one workspace's (or, for org-wide installs, one organisation's) installation is kept. */
function installationKey(query: {
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
  isEnterpriseInstall?: boolean;
}): string {
  return query.isEnterpriseInstall
    ? `slack:installation:org:${query.enterpriseId ?? ""}`
    : `slack:installation:team:${query.teamId ?? ""}`;
}

/**
 * Installations from Slack's OAuth flow, kept in the state store (Redis in production) so that every
 * instance can answer every workspace. An installation holds the workspace's bot token; it stays until
 * the workspace uninstalls the app (see the app_uninstalled listener).
 */
export class StoredInstallations implements InstallationStore {
  constructor(private readonly records: RecordStore) {}

  async storeInstallation(installation: Installation): Promise<void> {
    const key = installationKey({
      isEnterpriseInstall: installation.isEnterpriseInstall === true,
      enterpriseId: installation.enterprise?.id,
      teamId: installation.team?.id,
    });
    await this.records.putRecord(key, JSON.stringify(installation));
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const stored = await this.records.getRecord(installationKey(query));
    if (!stored) throw new Error("No installation for this workspace; install the app first.");
    return JSON.parse(stored) as Installation;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.records.deleteRecord(installationKey(query));
  }
}
