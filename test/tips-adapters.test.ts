import type { Activity } from "botbuilder";
import { describe, expect, it } from "vitest";
import { slackPlace } from "../adapters/slack/place.js";
import { slackFailure } from "../adapters/slack/sender.js";
import { teamsPlace, withoutThread } from "../adapters/teams/place.js";
import { teamsFailure } from "../adapters/teams/sender.js";

describe("Weekly tip places and platform errors", () => {
  it("subscribes a Teams channel, not the thread a message was in, ending with its team", () => {
    const thread = "19:abc@thread.tacv2;messageid=1700000000000";
    const activity = {
      type: "message",
      serviceUrl: "https://smba.trafficmanager.net/emea/",
      channelId: "msteams",
      from: { id: "29:user", name: "Max" },
      recipient: { id: "28:bot", name: "Beteiligungslotse" },
      conversation: { id: thread, conversationType: "channel", isGroup: true, tenantId: "t1" },
      channelData: { team: { id: "19:team@thread.tacv2" }, tenant: { id: "t1" } },
    } as unknown as Activity;
    const place = teamsPlace(activity);
    expect(withoutThread(thread)).toBe("19:abc@thread.tacv2");
    expect(place).toMatchObject({
      id: "19:abc@thread.tacv2",
      kind: "channel",
      scope: "team:19:team@thread.tacv2",
    });
    expect(place.address).toMatchObject({ conversation: { id: "19:abc@thread.tacv2" } });
    expect(JSON.stringify(place.address)).not.toContain("Max");
  });

  it("tells Slack channels from direct messages", () => {
    expect(slackPlace({ teamId: "T1", channel: "C100" })).toMatchObject({
      kind: "channel",
      scope: "team:T1",
    });
    expect(slackPlace({ teamId: "T1", channel: "D100" }).kind).toBe("personal");
    expect(
      slackPlace({ teamId: "T1", channel: "C1", enterpriseId: "E1", isEnterpriseInstall: true }).scope,
    ).toBe("org:E1");
  });

  it("reads Slack's errors as gone for good or worth another try", () => {
    const platform = (error: string) => ({ code: "slack_webapi_platform_error", data: { ok: false, error } });
    expect(slackFailure(platform("not_in_channel")).failure).toEqual({
      kind: "gone",
      reason: "not_in_channel",
    });
    expect(slackFailure(platform("is_archived")).failure.kind).toBe("gone");
    expect(slackFailure(platform("internal_error")).failure.kind).toBe("retry");
    expect(slackFailure({ code: "slack_webapi_rate_limited_error", retryAfter: 7 }).failure).toEqual({
      kind: "retry",
      reason: "ratelimited",
      retryAfterMs: 7000,
    });
    expect(slackFailure({ code: "slack_webapi_http_error", statusCode: 503 }).failure.kind).toBe("retry");
  });

  it("reads the Bot Connector's 403 and 404 as gone, 429 with Retry-After and 5xx as passing", () => {
    expect(teamsFailure({ statusCode: 403 }).failure).toEqual({ kind: "gone", reason: "forbidden" });
    expect(teamsFailure({ statusCode: 404 }).failure.kind).toBe("gone");
    const limited = { statusCode: 429, response: { headers: { get: () => "3" } } };
    expect(teamsFailure(limited).failure).toEqual({ kind: "retry", reason: "http_429", retryAfterMs: 3000 });
    expect(teamsFailure({ statusCode: 502 }).failure.kind).toBe("retry");
  });
});
