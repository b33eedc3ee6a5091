import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackAdapter } from "../adapters/slack/index.js";
import { createTeamsAdapter } from "../adapters/teams/index.js";
import { startServer, type RunningServer } from "../src/server.js";
import { createServices, type Services } from "../src/services.js";
import { FakeBotConnector } from "./fake-bot-connector.js";
import { FakeSlack, slackSignature, type SlackCall } from "./fake-slack.js";
import { deleteKeys, findRedis, KNOWLEDGE_DIR, ROOT, silentLogger, testConfig } from "./helpers.js";
import { testPrefix } from "./tips-fakes.js";

const run = promisify(execFile);
const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
/** Monday 09:05 in Berlin, the Wednesday after, and the Mondays of the next two weeks. */
const MONDAY = "2030-01-07T08:05:00Z";
const WEDNESDAY = "2030-01-09T11:00:00Z";
const NEXT_MONDAY = "2030-01-14T08:05:00Z";
const THIRD_MONDAY = "2030-01-21T08:05:00Z";

/** Tests that start `npm run tips` processes: each loads the knowledge base, so they take seconds – more on a busy machine. */
const PROCESS_TIMEOUT_MS = 120_000;

const redisUrl = await findRedis();

describe.skipIf(!redisUrl)(
  "Weekly tip from outside: Slack and Teams over HTTP, npm run tips",
  { timeout: PROCESS_TIMEOUT_MS },
  () => {
    const prefix = testPrefix();
    const slack = new FakeSlack();
    const teams = new FakeBotConnector();
    const personal = `a:personal-${randomUUID()}`;
    let env: Record<string, string>;
    let services: Services;
    let server: RunningServer;

    beforeAll(async () => {
      await slack.start();
      await teams.start();
      env = {
        REDIS_URL: redisUrl ?? "",
        REDIS_KEY_PREFIX: prefix,
        KNOWLEDGE_DIR,
        LOG_LEVEL: "silent",
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_BOT_TOKEN: "xoxb-test-token",
        SLACK_API_URL: slack.apiUrl,
      };
      const adapters = [createSlackAdapter(env), createTeamsAdapter({})];
      services = await createServices(testConfig(env), silentLogger, undefined, { adapters });
      server = await startServer(services, adapters);
    });
    afterAll(async () => {
      await server.close();
      await services.tips.close();
      await services.store.close();
      await slack.stop();
      await teams.stop();
      await deleteKeys(redisUrl ?? "", prefix);
    });

    function signed(body: string, contentType: string) {
      const timestamp = Math.floor(Date.now() / 1000);
      return fetch(`${server.url}/slack/events`, {
        method: "POST",
        headers: {
          "Content-Type": contentType,
          "X-Slack-Request-Timestamp": String(timestamp),
          "X-Slack-Signature": slackSignature(SECRET, timestamp, body),
        },
        body,
      });
    }

    async function slashCommand(text: string, channel = "C200"): Promise<SlackCall> {
      const name = randomUUID();
      const form = new URLSearchParams({
        team_id: "T1",
        channel_id: channel,
        user_id: "U123",
        command: "/beteiligung",
        text,
        api_app_id: "A1",
        response_url: slack.responseUrl(name),
        // Slack gives every command a trigger_id of its own; the bot answers each one once.
        trigger_id: `1.2.${randomUUID()}`,
      }).toString();
      expect((await signed(form, "application/x-www-form-urlencoded")).status).toBe(200);
      const [answer] = await slack.waitFor(`respond/${name}`);
      if (!answer) throw new Error("no answer");
      return answer;
    }

    async function clickInChannel(value: string, channel: string) {
      const before = slack.callsOf("chat.postMessage").length;
      const payload = {
        type: "block_actions",
        user: { id: "U123", team_id: "T1" },
        api_app_id: "A1",
        container: {
          type: "message",
          message_ts: "1700000000.000001",
          channel_id: channel,
          is_ephemeral: false,
        },
        team: { id: "T1" },
        channel: { id: channel },
        message: { type: "message", ts: "1700000000.000001", user: "UBOT", text: "…" },
        response_url: slack.responseUrl("click"),
        trigger_id: "1.2.3",
        actions: [{ action_id: "lotse:0", block_id: "b1", value, type: "button", action_ts: "1.1" }],
      };
      const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
      expect((await signed(body, "application/x-www-form-urlencoded")).status).toBe(200);
      await slack.waitFor("chat.postMessage", before + 1);
    }

    function teamsActivity(type: string, fields: Record<string, unknown>) {
      return {
        type,
        id: randomUUID(),
        timestamp: new Date().toISOString(),
        serviceUrl: teams.serviceUrl,
        channelId: "msteams",
        from: { id: "29:user", name: "Max Beispiel", aadObjectId: randomUUID() },
        recipient: { id: "28:bot", name: "Beteiligungslotse" },
        conversation: { conversationType: "personal", id: personal, tenantId: "tenant" },
        locale: "de-DE",
        channelData: { tenant: { id: "tenant" } },
        ...fields,
      };
    }

    async function teamsPost(activity: unknown) {
      const response = await fetch(`${server.url}/api/messages`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(activity),
      });
      expect(response.status).toBe(200);
    }

    /** `npm run tips -- send-due --at …`, as a cron job would start it. */
    async function sendDue(at: string) {
      const { stdout } = await run(TSX, ["scripts/tips.ts", "send-due", "--at", at], {
        cwd: ROOT,
        env: { ...process.env, ...env },
      });
      return stdout;
    }

    const slackTips = () =>
      slack
        .callsOf("chat.postMessage")
        .filter((call) => call.body.channel === "C200" && headerOf(call).includes("Tipp der Woche"));
    const teamsTips = () => teams.sent.filter((sent) => sent.conversationId === personal);
    function headerOf(call: SlackCall | undefined): string {
      const blocks = call?.body.blocks as { type: string }[] | undefined;
      return JSON.stringify(blocks?.find((block) => block.type === "header") ?? {});
    }

    it("subscribes, sends each tip once from three passes at once, the next week another, and stops", async () => {
      const subscribed = await slashCommand("tipp abonnieren");
      expect(subscribed.body.response_type).toBe("in_channel");
      expect(JSON.stringify(subscribed.body.blocks)).toContain(
        "Maria Muster hat den Tipp der Woche für diesen Kanal abonniert",
      );

      await teamsPost(teamsActivity("message", { text: "Tipp abonnieren", textFormat: "plain" }));
      expect(JSON.stringify(teamsTips().at(-1)?.activity)).toContain("abonniert");
      const teamsBefore = teamsTips().length;

      const passes = await Promise.all([sendDue(MONDAY), sendDue(MONDAY), sendDue(MONDAY)]);
      expect(passes.join("\n")).toMatch(/sent: \d/);
      expect(slackTips()).toHaveLength(1);
      expect(slackTips()[0]?.body.text).toMatch(/Tipp/);
      expect(teamsTips()).toHaveLength(teamsBefore + 1);
      expect(JSON.stringify(teamsTips().at(-1)?.activity)).toContain("Tipp der Woche");

      // "So gehen Sie vor" under the delivered tip answers in the channel.
      const tip = slackTips()[0];
      const buttons = (tip?.body.blocks as { type: string; elements?: { value?: string }[] }[]).flatMap(
        (block) => block.elements ?? [],
      );
      const how = buttons.find((button) => button.value?.includes('"section":"how"'));
      expect(how).toBeDefined();
      await clickInChannel(how?.value ?? "", String(tip?.body.channel));
      const answer = slack.callsOf("chat.postMessage").at(-1);
      expect(answer?.body.channel).toBe("C200");
      expect(JSON.stringify(answer?.body.blocks)).toContain("So gehen Sie vor");

      await sendDue(WEDNESDAY);
      expect(slackTips()).toHaveLength(1);
      expect(teamsTips()).toHaveLength(teamsBefore + 1);

      await sendDue(NEXT_MONDAY);
      expect(slackTips()).toHaveLength(2);
      expect(headerOf(slackTips()[1])).not.toBe(headerOf(slackTips()[0]));
      expect(teamsTips()).toHaveLength(teamsBefore + 2);

      const unsubscribed = await slashCommand("tipp abbestellen");
      expect(JSON.stringify(unsubscribed.body.blocks)).toContain("abbestellt");
      await sendDue(THIRD_MONDAY);
      expect(slackTips()).toHaveLength(2);
    });

    it("tells the status, and the tip's buttons work in the channel", async () => {
      await slashCommand("tipp abonnieren montags 9 Uhr", "C300");
      const status = await slashCommand("tipp status", "C300");
      expect(JSON.stringify(status.body.blocks)).toMatch(/jeden Montag um 09:00 Uhr/);
      const preview = await services.tips.list();
      const subscription = preview.find((one) => one.subscription.place.id === "T1:C300");
      expect(subscription).toBeDefined();
    });

    it("pauses a channel Slack refuses, and ends a workspace's tips when it uninstalls the app", async () => {
      slack.channelErrors.set("C400", "channel_not_found");
      await slashCommand("tipp abonnieren", "C400");
      await sendDue(THIRD_MONDAY);
      const status = await slashCommand("tipp status", "C400");
      expect(JSON.stringify(status.body.blocks)).toContain("der Kanal wurde nicht gefunden");

      const uninstall = JSON.stringify({
        team_id: "T1",
        api_app_id: "A1",
        type: "event_callback",
        event_id: `Ev${randomUUID().slice(0, 8)}`,
        event_time: Math.floor(Date.now() / 1000),
        event: { type: "app_uninstalled", event_ts: "1700000000.1" },
      });
      expect((await signed(uninstall, "application/json")).status).toBe(200);
      const deadline = Date.now() + 5_000;
      while (Date.now() < deadline) {
        const left = (await services.tips.list()).filter((one) => one.subscription.platform === "slack");
        if (left.length === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect((await services.tips.list()).filter((one) => one.subscription.platform === "slack")).toEqual([]);
    });

    it("lists subscriptions for the operator without names, and previews and sends one now", async () => {
      const { stdout: listed } = await run(TSX, ["scripts/tips.ts", "list"], {
        cwd: ROOT,
        env: { ...process.env, ...env },
      });
      expect(listed).toContain("teams\tpersonal");
      expect(listed).not.toContain("Max Beispiel");
      const id =
        listed
          .split("\n")
          .find((line) => line.includes("teams"))
          ?.split("\t")[0] ?? "";
      const { stdout: preview } = await run(TSX, ["scripts/tips.ts", "preview", id], {
        cwd: ROOT,
        env: { ...process.env, ...env },
      });
      expect(preview).toMatch(/^Tipp der Woche: /);
      const before = teamsTips().length;
      const { stdout: sent } = await run(TSX, ["scripts/tips.ts", "send-now", id], {
        cwd: ROOT,
        env: { ...process.env, ...env },
      });
      expect(sent.trim()).toBe("sent");
      expect(teamsTips()).toHaveLength(before + 1);
    });

    it("tells a Teams chat its status and unsubscribes it over HTTP", async () => {
      const chat = `a:personal-${randomUUID()}`;
      const inChat = (text: string) =>
        teamsActivity("message", {
          text,
          textFormat: "plain",
          conversation: { conversationType: "personal", id: chat, tenantId: "tenant" },
        });
      const last = () =>
        JSON.stringify(teams.sent.filter((sent) => sent.conversationId === chat).at(-1)?.activity);
      await teamsPost(inChat("subscribe weekly tip friday 2pm"));
      expect(last()).toContain("subscribed");
      await teamsPost(inChat("Tipp Status"));
      expect(last()).toContain("jeden Freitag um 14:00 Uhr");
      await teamsPost(inChat("Tipp abbestellen"));
      expect(last()).toContain("abbestellt");
      await teamsPost(inChat("Tipp Status"));
      expect(last()).toContain("kein Tipp der Woche abonniert");
    });

    it("ends a Teams chat's tip when the bot is removed", async () => {
      expect((await services.tips.list()).some((one) => one.subscription.platform === "teams")).toBe(true);
      await teamsPost(teamsActivity("conversationUpdate", { membersRemoved: [{ id: "28:bot" }] }));
      expect((await services.tips.list()).some((one) => one.subscription.platform === "teams")).toBe(false);
    });
  },
);
