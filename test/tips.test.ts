import { afterEach, describe, expect, it } from "vitest";
import { detectIntent } from "../src/core/intents.js";
import { findScheduleWords, parseScheduleSetting } from "../src/core/schedule-words.js";
import { BullmqTipScheduler } from "../src/proactive/bullmq-scheduler.js";
import { rotationOrder, nextInRotation } from "../src/proactive/rotation.js";
import type { TipScheduler } from "../src/proactive/scheduler.js";
import { cronPattern, momentInWeekOf, weekOf } from "../src/proactive/schedule.js";
import { DeliveryError } from "../src/proactive/sender.js";
import { findRedis, testServices } from "./helpers.js";
import { channelPlace, RecordingSender, TestClock, testPrefix, tipInstances } from "./tips-fakes.js";

const FRIDAY_2PM = { weekday: 5, hour: 14, minute: 0 };
const BERLIN = "Europe/Berlin";
/** A Monday 09:05 in Berlin (winter time), and the Monday after. */
const MONDAY = "2030-01-07T08:05:00Z";
const NEXT_MONDAY = "2030-01-14T08:05:00Z";

describe("Weekly tip: the words for it", () => {
  it.each([
    ["Tipp abonnieren", "subscribe"],
    ["tipp abonnieren", "subscribe"],
    ["Tipp der Woche abonnieren", "subscribe"],
    ["subscribe to the weekly tip", "subscribe"],
    ["Tipp abonnieren freitags 14 Uhr", "subscribe"],
    ["subscribe weekly tip friday 2pm", "subscribe"],
    ["Tipp abbestellen", "unsubscribe"],
    ["unsubscribe", "unsubscribe"],
    ["Abo beenden", "unsubscribe"],
    ["Tipp Status", "subscription-status"],
    ["tip status", "subscription-status"],
  ])("reads %s as %s", (text, command) => {
    expect(detectIntent(text)).toMatchObject({ type: "subscription", command });
  });

  it("leaves other messages alone", () => {
    expect(detectIntent("Tipp").type).toBe("tip");
    expect(detectIntent("Noch ein Tipp").type).toBe("tip");
    expect(detectIntent("Was ist der Status eines Bürgerrats?").type).not.toBe("subscription");
    expect(detectIntent("2").type).toBe("choice");
  });

  it("finds weekday and time in German and English", () => {
    expect(findScheduleWords("Tipp abonnieren freitags 14 Uhr")).toMatchObject({
      weekday: 5,
      hour: 14,
      minute: 0,
    });
    expect(findScheduleWords("subscribe weekly tip friday 2pm")).toMatchObject({ weekday: 5, hour: 14 });
    expect(findScheduleWords("Tipp abonnieren dienstags um 8:30")).toMatchObject({
      weekday: 2,
      hour: 8,
      minute: 30,
    });
    expect(findScheduleWords("subscribe on wednesdays at 10:15 am")).toMatchObject({
      weekday: 3,
      hour: 10,
      minute: 15,
    });
    expect(findScheduleWords("Tipp abonnieren 25 Uhr").invalid).toBe("25 Uhr");
    expect(findScheduleWords("Tipp abonnieren 2").hour).toBeUndefined();
    expect(parseScheduleSetting("monday 09:00")).toEqual({ weekday: 1, hour: 9, minute: 0 });
    expect(parseScheduleSetting("sometime")).toBeUndefined();
  });
});

describe("Weekly tip: schedule", () => {
  it("is a cron pattern of minute, hour and weekday", () => {
    expect(cronPattern({ weekday: 1, hour: 9, minute: 0 })).toBe("0 9 * * 1");
    expect(cronPattern({ weekday: 7, hour: 18, minute: 30 })).toBe("30 18 * * 0");
  });

  it("counts weeks from Monday 00:00 local time", () => {
    expect(weekOf(new Date("2030-01-06T22:59:00Z"), BERLIN)).toBe("2029-12-31"); // Sunday 23:59
    expect(weekOf(new Date("2030-01-06T23:00:00Z"), BERLIN)).toBe("2030-01-07"); // Monday 00:00
  });

  it.each([
    // Before and after the change to summer time (29 March 2026) and back (25 October 2026).
    ["2026-03-25T10:00:00Z", "2026-03-27T13:00:00.000Z"],
    ["2026-04-01T10:00:00Z", "2026-04-03T12:00:00.000Z"],
    ["2026-10-21T10:00:00Z", "2026-10-23T12:00:00.000Z"],
    ["2026-10-28T10:00:00Z", "2026-10-30T13:00:00.000Z"],
  ])("puts Friday 14:00 Berlin in the week of %s at %s", (at, moment) => {
    expect(momentInWeekOf(FRIDAY_2PM, BERLIN, new Date(at)).toISOString()).toBe(moment);
  });
});

describe("Weekly tip: rotation", () => {
  it("sends every recommendation once before the first repeats, mixing topics", async () => {
    const { knowledge } = await testServices();
    const recommendations = knowledge.ofKind("recommendation");
    const order = rotationOrder(recommendations, "seed");
    expect(new Set(order.map((entry) => entry.id)).size).toBe(recommendations.length);
    // Topics take turns: the first round holds one recommendation of each topic.
    const topicCount = new Set(recommendations.map((entry) => entry.topic)).size;
    expect(topicCount).toBeGreaterThan(1);
    const firstRound = order.slice(0, topicCount).map((entry) => entry.topic);
    expect(new Set(firstRound).size).toBe(topicCount);

    let cycle: string[] = [];
    const seen: string[] = [];
    for (let i = 0; i < recommendations.length + 1; i++) {
      const next = nextInRotation(recommendations, "seed", cycle);
      if (!next) throw new Error("no tip");
      seen.push(next.tip.id);
      cycle = next.cycle;
    }
    expect(new Set(seen.slice(0, recommendations.length)).size).toBe(recommendations.length);
    expect(seen.at(-1)).toBe(seen[0]);
  });

  it("takes in recommendations added later and skips removed ones", async () => {
    const { knowledge } = await testServices();
    const all = knowledge.ofKind("recommendation");
    const [removed, ...rest] = all;
    const first = nextInRotation(rest, "seed", []);
    expect(first?.tip.id).not.toBe(removed?.id);
    // A cycle naming an entry that no longer exists carries on with the others.
    const next = nextInRotation(rest, "seed", [removed?.id ?? "", first?.tip.id ?? ""]);
    expect(next?.cycle).not.toContain(removed?.id);
    expect(next?.tip.id).not.toBe(first?.tip.id);
  });
});

const redisUrl = await findRedis();

function bullmqOf(scheduler: TipScheduler | undefined): BullmqTipScheduler {
  if (!(scheduler instanceof BullmqTipScheduler)) throw new Error("expected the BullMQ scheduler");
  return scheduler;
}
/** Memory always; Redis where a server answers (findRedis says so when it does not). */
const backends: [string, string | undefined][] = [
  ["in memory", undefined],
  ...(redisUrl ? [["on Redis", redisUrl] as [string, string]] : []),
];

describe.each(backends)("Weekly tip delivery %s", (_name, url) => {
  const clock = new TestClock(new Date("2030-01-01T10:00:00Z"));
  const instances = tipInstances(clock, url, testPrefix());
  const instance = instances.create;
  afterEach(instances.closeAll);

  it("sends one tip per week, a different one next week, none after unsubscribing", async () => {
    const { services, sender } = await instance();
    const place = channelPlace();
    clock.set("2030-01-02T10:00:00Z");
    const status = await services.tips.subscribe("slack", place, { weekday: 1, hour: 9, minute: 0 }, "de");
    expect(status.nextAt?.toISOString()).toBe("2030-01-07T08:00:00.000Z");
    const { delivery } = services.tips;

    expect(await delivery.deliverAllDue(new Date("2030-01-07T07:59:00Z"))).toMatchObject({ "not-due": 1 });
    expect(await delivery.deliverAllDue(new Date(MONDAY))).toMatchObject({ sent: 1 });
    expect(await delivery.deliverAllDue(new Date("2030-01-09T12:00:00Z"))).toMatchObject({
      "already-sent": 1,
    });
    expect(await delivery.deliverAllDue(new Date(NEXT_MONDAY))).toMatchObject({ sent: 1 });
    expect(sender.sent).toHaveLength(2);
    const [first, second] = sender.sent;
    expect(first?.reply.title).toMatch(/^Tipp der Woche: /);
    expect(first?.reply.entryId).not.toBe(second?.reply.entryId);
    expect(first?.reply.suggestions.map((s) => s.label)).toContain("Tipp abbestellen");

    clock.set(NEXT_MONDAY);
    expect((await services.tips.status("slack", place))?.tipsSent).toBe(2);
    expect(await services.tips.unsubscribe("slack", place)).toBe(true);
    expect(await delivery.deliverAllDue(new Date("2030-01-21T08:05:00Z"))).toMatchObject({ sent: 0 });
    expect(sender.sent).toHaveLength(2);
  });

  it("starts a new subscription at its next moment, not at once", async () => {
    const { services, sender } = await instance();
    clock.set("2030-01-07T10:00:00Z"); // Monday 11:00, after this week's moment
    const status = await services.tips.subscribe(
      "slack",
      channelPlace(),
      { weekday: 1, hour: 9, minute: 0 },
      "en",
    );
    expect(status.nextAt?.toISOString()).toBe("2030-01-14T08:00:00.000Z");
    expect(await services.tips.delivery.deliverAllDue(clock.current)).toMatchObject({ "already-sent": 1 });
    expect(await services.tips.delivery.deliverAllDue(new Date(NEXT_MONDAY))).toMatchObject({ sent: 1 });
    expect(sender.sent[0]?.reply.title).toMatch(/^Tip of the week: /);
  });

  it("honours a weekday and time in Berlin across the change to and from summer time", async () => {
    const { services, sender } = await instance();
    clock.set("2026-03-16T10:00:00Z");
    await services.tips.subscribe("slack", channelPlace(), FRIDAY_2PM, "de");
    const pass = (iso: string) => services.tips.delivery.deliverAllDue(new Date(iso));
    expect(await pass("2026-03-27T12:59:00Z")).toMatchObject({ "not-due": 1 }); // 13:59 CET
    expect(await pass("2026-03-27T13:00:00Z")).toMatchObject({ sent: 1 }); // 14:00 CET
    expect(await pass("2026-04-03T11:59:00Z")).toMatchObject({ "not-due": 1 }); // 13:59 CEST
    expect(await pass("2026-04-03T12:00:00Z")).toMatchObject({ sent: 1 }); // 14:00 CEST
    expect(await pass("2026-10-23T12:00:00Z")).toMatchObject({ sent: 1 }); // 14:00 CEST
    expect(await pass("2026-10-30T12:30:00Z")).toMatchObject({ "not-due": 1 }); // 13:30 CET
    expect(await pass("2026-10-30T13:00:00Z")).toMatchObject({ sent: 1 }); // 14:00 CET
    expect(sender.sent).toHaveLength(4);
  });

  it("retries passing errors with backoff, honouring Retry-After", async () => {
    const { services, sender, waits } = await instance();
    clock.set("2030-01-02T10:00:00Z");
    await services.tips.subscribe("slack", channelPlace(), { weekday: 1, hour: 9, minute: 0 }, "de");
    sender.failures.push(
      new DeliveryError({ kind: "retry", reason: "http_503" }),
      new DeliveryError({ kind: "retry", reason: "ratelimited", retryAfterMs: 30_000 }),
    );
    expect(await services.tips.delivery.deliverAllDue(new Date(MONDAY))).toMatchObject({ sent: 1 });
    expect(waits).toEqual([1_000, 30_000]);
    expect(sender.sent).toHaveLength(1);
  });

  it("pauses a subscription the platform refuses for good, and resumes it on subscribing again", async () => {
    const { services, sender } = await instance();
    const place = channelPlace();
    clock.set("2030-01-02T10:00:00Z");
    await services.tips.subscribe("slack", place, { weekday: 1, hour: 9, minute: 0 }, "de");
    sender.failures.push(new DeliveryError({ kind: "gone", reason: "channel_not_found" }));
    expect(await services.tips.delivery.deliverAllDue(new Date(MONDAY))).toMatchObject({ paused: 1 });
    expect(await services.tips.delivery.deliverAllDue(new Date(NEXT_MONDAY))).toMatchObject({ paused: 1 });
    expect(await services.tips.status("slack", place)).toMatchObject({
      pausedBecause: "channel_not_found",
      nextAt: undefined,
    });
    clock.set("2030-01-15T10:00:00Z");
    await services.tips.subscribe("slack", place, { weekday: 1, hour: 9, minute: 0 }, "de");
    expect(await services.tips.delivery.deliverAllDue(new Date("2030-01-21T08:05:00Z"))).toMatchObject({
      sent: 1,
    });
  });
});

describe.skipIf(!redisUrl)("Weekly tip with several instances on one Redis", () => {
  const clock = new TestClock(new Date("2030-01-02T10:00:00Z"));
  const instances = tipInstances(clock, redisUrl, testPrefix());
  const instance = instances.create;
  afterEach(instances.closeAll);

  it("delivers exactly one tip per subscription per week from three instances at once", async () => {
    const sender = new RecordingSender();
    const three = [await instance({ sender }), await instance({ sender }), await instance({ sender })];
    const schedule = { weekday: 1, hour: 9, minute: 0 };
    for (const channel of ["C100", "C200", "C300"]) {
      await three[0]?.services.tips.subscribe("slack", channelPlace(channel), schedule, "de");
    }
    const all = three.map((one) => one.services.tips.delivery);
    const results = await Promise.all(all.map((d) => d.deliverAllDue(new Date(MONDAY))));
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(3);
    expect(sender.sent.map((s) => s.placeId).sort()).toEqual(["T1:C100", "T1:C200", "T1:C300"]);

    await Promise.all(all.map((d) => d.deliverAllDue(new Date("2030-01-10T12:00:00Z"))));
    expect(sender.sent).toHaveLength(3);
    await Promise.all(all.map((d) => d.deliverAllDue(new Date(NEXT_MONDAY))));
    expect(sender.sent).toHaveLength(6);
  });

  it("loses nothing and sends nothing twice when an instance dies mid-delivery", async () => {
    const hanging = Object.assign(new RecordingSender(), { hang: true });
    const dying = await instance({ sender: hanging, leaseMs: 10 * 60_000 });
    const sender = new RecordingSender();
    const survivor = await instance({ sender, leaseMs: 10 * 60_000 });
    const place = channelPlace();
    await survivor.services.tips.subscribe("slack", place, { weekday: 1, hour: 9, minute: 0 }, "de");
    const id = survivor.services.tips.idOf("slack", place.id);

    // The first instance claims the week and never comes back.
    void dying.services.tips.delivery.deliverDue(id, new Date(MONDAY)).catch(() => undefined);
    await hanging.started;
    await dying.services.tips.close();
    expect(await survivor.services.tips.delivery.deliverDue(id, new Date("2030-01-07T08:10:00Z"))).toBe(
      "busy",
    );
    // Once its lease has run out, the delivery is taken over, once.
    expect(await survivor.services.tips.delivery.deliverDue(id, new Date("2030-01-07T08:16:00Z"))).toBe(
      "sent",
    );
    expect(await survivor.services.tips.delivery.deliverDue(id, new Date("2030-01-07T08:20:00Z"))).toBe(
      "already-sent",
    );
    expect(sender.sent).toHaveLength(1);
  });

  it("keeps one BullMQ job scheduler per subscription with its cron pattern and time zone", async () => {
    const { services } = await instance();
    const place = channelPlace();
    await services.tips.subscribe("slack", place, FRIDAY_2PM, "de");
    await services.tips.subscribe("slack", place, FRIDAY_2PM, "de");
    const scheduler = bullmqOf(services.tips.scheduler);
    const id = services.tips.idOf("slack", place.id);
    const stored = await scheduler.jobScheduler(id);
    expect(stored).toMatchObject({ pattern: "0 14 * * 5", tz: BERLIN });
    expect(stored?.next).toBeGreaterThan(Date.now());
    await services.tips.unsubscribe("slack", place);
    expect(await scheduler.jobScheduler(id)).toBeUndefined();
  });

  it("lets three BullMQ workers run duplicated jobs and still sends once", async () => {
    clock.set(MONDAY);
    const sender = new RecordingSender();
    const workers = [await instance({ sender }), await instance({ sender }), await instance({ sender })];
    clock.set("2030-01-02T10:00:00Z");
    await workers[0]?.services.tips.subscribe(
      "slack",
      channelPlace(),
      { weekday: 1, hour: 9, minute: 0 },
      "de",
    );
    clock.set(MONDAY);
    for (const worker of workers) await worker.services.tips.start();
    const scheduler = bullmqOf(workers[0]?.services.tips.scheduler);
    const id = workers[0]?.services.tips.idOf("slack", channelPlace().id) ?? "";
    for (let i = 0; i < 3; i++) await scheduler.enqueue(id);
    const deadline = Date.now() + 10_000;
    while (sender.sent.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 500));
    expect(sender.sent).toHaveLength(1);
  });
});
