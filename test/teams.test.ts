import { execFile } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { promisify } from "node:util";
import { strFromU8, unzipSync } from "fflate";
import { Redis } from "ioredis";
import { pino } from "pino";
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  vi,
  type MockInstance,
} from "vitest";
import { MAX_CARD_BYTES, renderCard } from "../adapters/teams/card.js";
import { loadTeamsConfig } from "../adapters/teams/config.js";
import type { Activity } from "botbuilder";
import { createTeamsAdapter } from "../adapters/teams/index.js";
import { teamsPlace } from "../adapters/teams/place.js";
import { withoutLibraryConsole } from "../adapters/teams/quiet-console.js";
import { messageTextOf, plainTextOf } from "../adapters/teams/text.js";
import { ConfigError } from "../src/config.js";
import { emptyReply, feedbackFor } from "../src/core/replies.js";
import type { Reply, Turn } from "../src/core/types.js";
import { startServer, type RunningServer } from "../src/server.js";
import { createServices, type Services } from "../src/services.js";
import { MemoryStateStore } from "../src/state/memory.js";
import { RedisStateStore } from "../src/state/redis.js";
import type { StateStore } from "../src/state/types.js";
import { FakeBotConnector, type SentActivity } from "./fake-bot-connector.js";
import {
  ROOT,
  captureLogs,
  deleteKeys,
  findRedis,
  silentLogger,
  testConfig,
  testServices,
} from "./helpers.js";

const APP_ID = "00000000-0000-0000-0000-000000000000";
const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const BOT = { id: "28:c9e8c047-2a74-40a2-b28a-b162d5f5327c", name: "Beteiligungslotse" };
const USER = {
  id: "29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ-NJWi7me2kHTL3Bw",
  name: "Megan Bowen",
  aadObjectId: "7faf080b-d7b1-4b4b-9b76-6b9b0b9d4a40",
};
const TEAM = "19:033451497ea84fcc83d17ed7fb08a1b6@thread.skype";
const EMPTY_QUESTION = "Ich habe keine Frage erkannt";

type JsonObject = Record<string, unknown>;

const fake = new FakeBotConnector();
let counter = 0;

function nextId(): string {
  counter++;
  return `14859834${String(counter).padStart(5, "0")}`;
}

function personalChat(): JsonObject {
  return { conversationType: "personal", id: `a:personal-${randomUUID()}`, tenantId: TENANT };
}

/** What every activity from Teams carries: where to answer, who wrote, to whom, in which conversation. */
function activityOf(type: string, conversation: JsonObject, fields: JsonObject): JsonObject {
  return {
    type,
    id: nextId(),
    timestamp: new Date().toISOString(),
    serviceUrl: fake.serviceUrl,
    channelId: "msteams",
    from: USER,
    recipient: BOT,
    conversation,
    locale: "de-DE",
    channelData: { tenant: { id: TENANT } },
    ...fields,
  };
}

/** A 1:1 message as Teams delivers it (clientInfo entity, tenant in channelData). */
function personalMessage(text: string | undefined, overrides: JsonObject = {}): JsonObject {
  return activityOf("message", personalChat(), {
    textFormat: "plain",
    text,
    entities: [{ type: "clientInfo", locale: "de-DE", country: "DE", platform: "Web" }],
    ...overrides,
  });
}

function mention(id: string, name: string, shown = name) {
  return { type: "mention", mentioned: { id, name }, text: `<at>${shown}</at>` };
}

/** A channel post that @mentions someone, in a thread of its own. */
function channelMessage(text: string, mentions: JsonObject[]): JsonObject {
  const post = activityOf(
    "message",
    {},
    {
      textFormat: "plain",
      text,
      entities: [...mentions, { type: "clientInfo", locale: "de-DE", country: "DE", platform: "Windows" }],
      channelData: {
        teamsChannelId: TEAM,
        teamsTeamId: TEAM,
        channel: { id: TEAM },
        team: { id: TEAM },
        tenant: { id: TENANT },
      },
    },
  );
  const thread = `${TEAM};messageid=${String(post.id)}`;
  return {
    ...post,
    conversation: { isGroup: true, conversationType: "channel", id: thread, tenantId: TENANT },
  };
}

/** The bot, or someone else, added to a team (conversationUpdate, eventType teamMemberAdded). */
function membersAdded(members: JsonObject[], overrides: JsonObject = {}): JsonObject {
  const team = {
    isGroup: true,
    conversationType: "channel",
    tenantId: TENANT,
    id: `${TEAM}-${randomUUID()}`,
  };
  return activityOf("conversationUpdate", team, {
    id: `f:${randomUUID()}`,
    locale: undefined,
    from: { id: USER.id, aadObjectId: USER.aadObjectId },
    membersAdded: members,
    channelData: {
      team: { aadGroupId: randomUUID(), name: "Bürgerbeteiligung", id: TEAM },
      eventType: "teamMemberAdded",
      tenant: { id: TENANT },
    },
    ...overrides,
  });
}

/** What Teams sends when someone types into the message extension's search box. */
function extensionQuery(
  parameters: { name: string; value: string }[],
  overrides: JsonObject = {},
): JsonObject {
  return activityOf("invoke", personalChat(), {
    name: "composeExtension/query",
    id: `f:${randomUUID()}`,
    value: { commandId: "searchMethods", parameters, queryOptions: { skip: 0, count: 25 } },
    channelData: { tenant: { id: TENANT }, source: { name: "compose" } },
    ...overrides,
  });
}

async function post(server: RunningServer, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

function conversationOf(activity: JsonObject): string {
  return (activity.conversation as { id: string }).id;
}

/** Posts an activity and returns what the bot sent to its conversation in that turn. */
async function send(server: RunningServer, activity: JsonObject): Promise<SentActivity[]> {
  const before = fake.sent.length;
  const response = await post(server, activity);
  expect(response.status).toBe(200);
  return fake.sent.slice(before).filter((sent) => sent.conversationId === conversationOf(activity));
}

interface Card {
  type: string;
  version: string;
  body: { type: string; [property: string]: unknown }[];
  fallbackText: string;
}

function cardOf(sent: SentActivity | undefined): Card {
  const attachments = sent?.activity.attachments as { contentType: string; content: Card }[] | undefined;
  const attachment = attachments?.[0];
  expect(attachment?.contentType).toBe("application/vnd.microsoft.card.adaptive");
  return attachment?.content as Card;
}

function textsOf(card: Card): string[] {
  return card.body.filter((element) => element.type === "TextBlock").map((element) => element.text as string);
}

function factsOf(card: Card): { title: string; value: string }[] {
  return card.body
    .filter((element) => element.type === "FactSet")
    .flatMap((element) => element.facts as { title: string; value: string }[]);
}

function actionsOf(card: Card): { type: string; title: string; data?: { lotse: unknown }; url?: string }[] {
  return card.body
    .filter((element) => element.type === "ActionSet")
    .flatMap((element) => element.actions as { type: string; title: string }[]);
}

beforeAll(() => fake.start());
afterAll(() => fake.stop());

describe("Teams settings", () => {
  it("run without authentication when no app id is given", () => {
    expect(loadTeamsConfig({})).toEqual({
      auth: undefined,
      allowUnauthenticated: false,
      enabled: true,
    });
    expect(loadTeamsConfig({ TEAMS_ENABLED: "false" }).enabled).toBe(false);
  });

  it("take the app type from MicrosoftAppType, MultiTenant by default", () => {
    expect(loadTeamsConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: "pw" }).auth).toEqual({
      MicrosoftAppId: APP_ID,
      MicrosoftAppType: "MultiTenant",
      MicrosoftAppPassword: "pw",
      MicrosoftAppTenantId: undefined,
    });
    const singleTenant = loadTeamsConfig({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: "pw",
      MicrosoftAppType: "singletenant",
      MicrosoftAppTenantId: TENANT,
    });
    expect(singleTenant.auth?.MicrosoftAppType).toBe("SingleTenant");
    const managedIdentity = loadTeamsConfig({
      MicrosoftAppId: APP_ID,
      MicrosoftAppType: "UserAssignedMSI",
      MicrosoftAppTenantId: TENANT,
    });
    expect(managedIdentity.auth?.MicrosoftAppType).toBe("UserAssignedMSI");
  });

  it("name the variable that is missing or wrong", () => {
    const cases: [NodeJS.ProcessEnv, RegExp][] = [
      [{ MicrosoftAppId: APP_ID }, /MicrosoftAppPassword: required for MultiTenant/],
      [
        { MicrosoftAppId: APP_ID, MicrosoftAppPassword: "pw", MicrosoftAppType: "SingleTenant" },
        /MicrosoftAppTenantId: required for SingleTenant/,
      ],
      [{ MicrosoftAppId: APP_ID, MicrosoftAppType: "SingleTenant" }, /MicrosoftAppPassword: required/],
      [
        { MicrosoftAppId: APP_ID, MicrosoftAppType: "UserAssignedMSI", MicrosoftAppPassword: "pw" },
        /MicrosoftAppPassword: must not be set[\s\S]*MicrosoftAppTenantId: required/,
      ],
      [{ MicrosoftAppId: APP_ID, MicrosoftAppType: "Anonymous" }, /MicrosoftAppType: must be one of/],
      [{ MicrosoftAppId: "my-bot" }, /MicrosoftAppId: must be the Application \(client\) ID/],
      [{ MicrosoftAppPassword: "pw" }, /MicrosoftAppPassword: set MicrosoftAppId as well/],
      [{ TEAMS_ALLOW_UNAUTHENTICATED: "yes" }, /TEAMS_ALLOW_UNAUTHENTICATED: must be true or false/],
    ];
    for (const [env, message] of cases) {
      expect(() => loadTeamsConfig(env)).toThrow(ConfigError);
      expect(() => loadTeamsConfig(env)).toThrow(message);
    }
  });

  it("stop the start when incomplete", async () => {
    const services = await testServices();
    await expect(startServer(services, [createTeamsAdapter({ MicrosoftAppId: APP_ID })])).rejects.toThrow(
      /MicrosoftAppPassword/,
    );
  });
});

describe("Teams message text", () => {
  it("drops markup and decodes entities once", () => {
    expect(
      plainTextOf("<p>Was&nbsp;ist ein <b>B&uuml;rgerrat</b>?<br/>Kosten &lt;5000&nbsp;&euro;</p>"),
    ).toBe("Was ist ein Bürgerrat? Kosten <5000 €");
    expect(plainTextOf("a &amp;lt; b &#228;&#x1F44D; &bogus; <script>alert(1)</script><!-- x -->c")).toBe(
      "a &lt; b ä👍 &bogus; c",
    );
    expect(plainTextOf("Kosten < 5000 und > 100")).toBe("Kosten < 5000 und > 100");
  });

  it("removes only the bot's own mention, whatever name it shows, and keeps other people's names", () => {
    const activity = {
      text: "<at>Lotse</at> Was meint <at>Anna Schmidt</at> mit <at>Lotse</at>?",
      recipient: BOT,
      entities: [mention(BOT.id, BOT.name, "Lotse"), mention("29:anna", "Anna Schmidt")],
    };
    expect(messageTextOf(activity)).toBe("Was meint Anna Schmidt mit ?");
    expect(messageTextOf({ ...activity, entities: [] })).toBe("Lotse Was meint Anna Schmidt mit Lotse?");
  });
});

describe("Teams cards", () => {
  function bigReply(): Reply {
    const long = "Bürgerbeteiligung braucht Zeit, Geld und klare Ziele. ".repeat(120);
    return {
      ...emptyReply("ask", "answered", "de"),
      entryId: "planungszelle",
      title: "Ein sehr langer Titel",
      body: [
        ...Array.from({ length: 8 }, () => ({ type: "paragraph" as const, text: long })),
        { type: "list", ordered: false, items: ["eins", "zwei"] },
        {
          type: "facts",
          facts: Array.from({ length: 10 }, (_, i) => ({ label: `Fakt ${i}`, value: long.slice(0, 500) })),
        },
        {
          type: "sources",
          sources: Array.from({ length: 20 }, (_, i) => ({ title: `Quelle ${i} ${long.slice(0, 200)}` })),
        },
      ],
      suggestions: Array.from({ length: 9 }, (_, i) => ({
        label: `Weiter ${i}`,
        action: { type: "entry" as const, entryId: "buergerrat" },
      })),
      feedback: feedbackFor("planungszelle", "de"),
    };
  }

  it("stay below Teams' size limit by cutting text, never buttons", () => {
    const card = renderCard(bigReply());
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(card).toMatchObject({
      type: "AdaptiveCard",
      version: "1.5",
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    });
    const actions = actionsOf(card);
    expect(actions.filter((action) => action.title.startsWith("Weiter"))).toHaveLength(9);
    expect(actions.map((action) => action.title)).toEqual(
      expect.arrayContaining(["👍 Hilfreich", "👎 Nicht hilfreich"]),
    );
    const sets = card.body.filter((element) => element.type === "ActionSet");
    expect(sets.every((set) => (set.actions as unknown[]).length <= 6)).toBe(true);
    expect(textsOf(card)[0]).toBe("Ein sehr langer Titel");
    expect(textsOf(card).some((text) => text.endsWith("…"))).toBe(true);
    expect(card.fallbackText.length).toBeGreaterThan(100);
  });

  it("show lists as markdown lines", () => {
    const card = renderCard({
      ...emptyReply("list", "info", "de"),
      body: [
        { type: "list", ordered: false, items: ["Bürgerrat", "Planungszelle"] },
        { type: "list", ordered: true, items: ["erstens", "zweitens"] },
      ],
    });
    expect(textsOf(card)).toEqual(["- Bürgerrat\n- Planungszelle", "1. erstens\n2. zweitens"]);
    expect(card.fallbackText).toBe("- Bürgerrat\n- Planungszelle\n1. erstens\n2. zweitens");
  });
});

describe("Teams over HTTP without authentication (Emulator mode)", () => {
  let services: Services;
  let running: RunningServer;
  let handled: Turn[];
  let handle: MockInstance<Services["bot"]["handle"]>;
  const logLines: string[] = [];

  beforeAll(async () => {
    const logger = pino(
      { level: "info" },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          logLines.push(chunk.toString());
          done();
        },
      }),
    );
    services = await createServices(testConfig(), logger, new MemoryStateStore({ ttlSeconds: 3600 }));
    running = await startServer(services, [createTeamsAdapter({})]);
  });
  afterAll(async () => {
    await running.close();
  });
  beforeEach(() => {
    fake.reset();
    handled = [];
    const answer = services.bot.handle.bind(services.bot);
    handle = vi.spyOn(services.bot, "handle").mockImplementation((turn) => {
      handled.push(turn);
      return answer(turn);
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("says at start-up that it accepts unauthenticated requests", () => {
    const warning = logLines.find((line) => line.includes("no MicrosoftAppId set"));
    expect(warning).toContain('"level":40');
    expect(warning).toContain("/api/messages accepts unauthenticated requests");
  });

  it("answers a personal message with an Adaptive Card in reply to it", async () => {
    const activity = personalMessage("Was ist eine Planungszelle?");
    const [reply, ...more] = await send(running, activity);
    expect(more).toHaveLength(0);
    expect(reply?.replyTo).toBe(activity.id);
    expect(reply?.authorization).toBeUndefined();
    expect(reply?.activity).toMatchObject({
      type: "message",
      recipient: { id: USER.id },
      from: { id: BOT.id },
    });
    expect(reply?.activity.summary).toMatch(/^Planungszelle \/ Bürgergutachten: Die Planungszelle ist/);

    const card = cardOf(reply);
    expect(card.version).toBe("1.5");
    expect(textsOf(card)[0]).toBe("Planungszelle / Bürgergutachten");
    expect(factsOf(card)).toContainEqual({ title: "Teilnehmende", value: "25–100" });
    expect(textsOf(card).some((text) => text.startsWith("**Quellen:**"))).toBe(true);
    const actions = actionsOf(card);
    expect(actions).toContainEqual({
      type: "Action.Submit",
      title: "Ablauf",
      data: { lotse: { type: "section", entryId: "planungszelle", section: "process" } },
    });
    expect(actions).toContainEqual({
      type: "Action.Submit",
      title: "👍 Hilfreich",
      data: { lotse: { type: "feedback", entryId: "planungszelle", helpful: true } },
    });
    expect(card.fallbackText).toContain("Teilnehmende: 25–100");

    expect(handled[0]).toMatchObject({
      text: "Was ist eine Planungszelle?",
      platform: "teams",
      userId: `${TENANT}:${USER.aadObjectId}`,
      conversationId: conversationOf(activity),
      locale: "de-DE",
    });
  });

  it("answers a channel @mention in its thread, with only the bot's mention removed", async () => {
    const activity = channelMessage("<at>Beteiligungslotse</at> Was ist <at>Anna</at> eine Planungszelle?", [
      mention(BOT.id, BOT.name),
      mention("29:anna", "Anna Schmidt", "Anna"),
    ]);
    const [reply] = await send(running, activity);
    expect(reply?.conversationId).toBe(`${TEAM};messageid=${String(activity.id)}`);
    expect(reply?.replyTo).toBe(activity.id);
    expect(handled[0]?.text).toBe("Was ist Anna eine Planungszelle?");
    expect(textsOf(cardOf(reply))[0]).toBe("Planungszelle / Bürgergutachten");
  });

  it("welcomes once when the bot itself is added, in German unless the locale says otherwise", async () => {
    const added = membersAdded([{ id: BOT.id }]);
    const [welcome, ...more] = await send(running, added);
    expect(more).toHaveLength(0);
    const card = cardOf(welcome);
    expect(textsOf(card)[0]).toBe("Beteiligungslotse");
    expect(textsOf(card).join("\n")).toContain("Ich beantworte Fragen zu Methoden");
    expect(actionsOf(card).some((action) => action.type === "Action.OpenUrl")).toBe(true);

    const english = membersAdded([{ id: BOT.id }], { locale: "en-US" });
    const [welcomeEn] = await send(running, english);
    expect(textsOf(cardOf(welcomeEn)).join("\n")).toContain("I answer questions about methods");
  });

  it("sends nothing when someone else joins, and asks Teams for nobody's profile", async () => {
    const sent = await send(running, membersAdded([{ id: "29:newcolleague", aadObjectId: randomUUID() }]));
    expect(sent).toHaveLength(0);
    expect(fake.other).toEqual([]);
    expect(handled).toHaveLength(0);
  });

  it("ends the conversation's weekly tip subscription when the bot is removed from it", async () => {
    const added = membersAdded([{ id: BOT.id }]);
    await send(running, added);
    const place = teamsPlace(added as unknown as Activity);
    await services.tips.subscribe("teams", place, { weekday: 1, hour: 9, minute: 0 }, "de");
    expect(await services.tips.status("teams", place)).toBeDefined();
    await send(running, {
      ...added,
      membersAdded: undefined,
      membersRemoved: [{ id: BOT.id }],
      id: "f:removed",
    });
    expect(await services.tips.status("teams", place)).toBeUndefined();
  });

  it("answers a card's buttons with what they carry", async () => {
    const question = personalMessage("Was ist eine Planungszelle?");
    const [reply] = await send(running, question);
    const process = actionsOf(cardOf(reply)).find((action) => action.title === "Ablauf");
    const click = personalMessage(undefined, {
      conversation: question.conversation,
      replyToId: "sent-1",
      value: process?.data,
    });
    const [answer] = await send(running, click);
    expect(reply?.replyTo).toBe(question.id);
    expect(answer?.replyTo).toBe(click.id);
    expect(textsOf(cardOf(answer))[0]).toBe("Planungszelle / Bürgergutachten – Ablauf");
    expect(handled[1]).toMatchObject({
      text: "",
      action: { type: "section", entryId: "planungszelle", section: "process" },
    });
  });

  it("answers in the language of the user's locale", async () => {
    const click = personalMessage(undefined, {
      locale: "en-US",
      value: { lotse: { type: "entry", entryId: "planungszelle" } },
    });
    const card = cardOf((await send(running, click))[0]);
    expect(textsOf(card)[0]).toBe("Planning cell / citizens' report");
    expect(factsOf(card)).toContainEqual({ title: "Participants", value: "25–100" });
    expect(handled[0]?.locale).toBe("en-US");
  });

  it("counts 👍 and thanks for it", async () => {
    const vote = personalMessage(undefined, {
      value: { lotse: { type: "feedback", entryId: "buergerrat", helpful: true } },
    });
    const [thanks] = await send(running, vote);
    expect(textsOf(cardOf(thanks))).toEqual(["Danke für Ihre Rückmeldung!"]);
    expect(await services.store.feedbackFor("buergerrat")).toEqual({ helpful: 1, unhelpful: 0 });
  });

  it("treats an unknown card value as an empty message", async () => {
    for (const value of [{ lotse: { type: "entry", entryId: "../../etc/passwd" } }, { other: 1 }, "text"]) {
      const [reply] = await send(running, personalMessage(undefined, { value }));
      expect(textsOf(cardOf(reply)).join(" ")).toContain(EMPTY_QUESTION);
    }
    expect(handled.every((turn) => turn.text === "" && turn.action === undefined)).toBe(true);
  });

  it("finds methods for the message extension and returns them as cards to insert", async () => {
    const response = await post(running, extensionQuery([{ name: "searchQuery", value: "Zukunft" }]));
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      composeExtension: {
        type: string;
        attachmentLayout: string;
        attachments: {
          contentType: string;
          content: Card;
          preview: { contentType: string; content: JsonObject };
        }[];
      };
    };
    expect(body.composeExtension).toMatchObject({ type: "result", attachmentLayout: "list" });
    const titles = body.composeExtension.attachments.map((attachment) => attachment.preview.content.title);
    expect(titles.slice(0, 2).sort()).toEqual(["Zukunftskonferenz (Future Search)", "Zukunftswerkstatt"]);
    for (const attachment of body.composeExtension.attachments) {
      expect(attachment.contentType).toBe("application/vnd.microsoft.card.adaptive");
      expect(attachment.preview.contentType).toBe("application/vnd.microsoft.card.thumbnail");
      expect(factsOf(attachment.content).length).toBeGreaterThan(0);
      // An inserted card belongs to the conversation: no buttons that would answer only the bot.
      expect(JSON.stringify(attachment.content)).not.toContain("Action.Submit");
    }
    expect(fake.sent).toHaveLength(0);
  });

  it("lists every method, a page at a time, when the extension opens", async () => {
    const methods = services.knowledge.ofKind("method");
    const titlesOf = async (activity: JsonObject) => {
      const body = (await (await post(running, activity)).json()) as {
        composeExtension: { attachments: { preview: { content: { title: string } } }[] };
      };
      return body.composeExtension.attachments.map((attachment) => attachment.preview.content.title);
    };
    const initialRun = [{ name: "initialRun", value: "true" }];
    const first = await titlesOf(extensionQuery(initialRun));
    expect(first).toHaveLength(Math.min(25, methods.length));
    expect(first).toEqual([...first].sort((a, b) => a.localeCompare(b, "de")));
    const query = extensionQuery(initialRun);
    const second = await titlesOf({
      ...query,
      value: { ...(query.value as JsonObject), queryOptions: { skip: 25, count: 25 } },
    });
    expect(second).toHaveLength(Math.max(0, methods.length - 25));
    expect(new Set([...first, ...second]).size).toBe(methods.length);

    const english = await titlesOf(
      extensionQuery([{ name: "searchQuery", value: "planning cell" }], { locale: "en-GB" }),
    );
    expect(english[0]).toBe("Planning cell / citizens' report");
    expect(await titlesOf(extensionQuery([{ name: "searchQuery", value: "Reisepass beantragen" }]))).toEqual(
      [],
    );
    const otherCommand = extensionQuery([{ name: "searchQuery", value: "Bürgerrat" }]);
    const other = await titlesOf({ ...otherCommand, value: { commandId: "somethingElse", parameters: [] } });
    expect(other).toEqual([]);
  });

  describe("bad input", () => {
    it("answers a mention without a question", async () => {
      const [reply] = await send(
        running,
        channelMessage("<at>Beteiligungslotse</at>&nbsp;", [mention(BOT.id, BOT.name)]),
      );
      expect(handled[0]?.text).toBe("");
      expect(textsOf(cardOf(reply)).join(" ")).toContain(EMPTY_QUESTION);
    });

    it("answers a message that is only an image", async () => {
      const image = personalMessage(undefined, {
        attachments: [
          { contentType: "image/png", contentUrl: "https://teams.example/bild.png", name: "bild.png" },
        ],
      });
      const [reply] = await send(running, image);
      expect(textsOf(cardOf(reply)).join(" ")).toContain(EMPTY_QUESTION);
    });

    it("answers 40 KB of text", async () => {
      const [reply] = await send(running, personalMessage("Bürgerrat ".repeat(4_000)));
      expect(textsOf(cardOf(reply))[0]).toBe("Bürgerrat");
      expect(handled[0]?.text.length).toBeLessThanOrEqual(4_000);
    });

    it("reads the words of HTML and passes no markup on", async () => {
      const html = '<p>Was ist ein <b>B&uuml;rgerrat</b>?<br/><script>alert("x")</script></p>';
      const [reply] = await send(running, personalMessage(html, { textFormat: "xml" }));
      expect(handled[0]?.text).toBe("Was ist ein Bürgerrat?");
      expect(textsOf(cardOf(reply))[0]).toBe("Bürgerrat");
      expect(JSON.stringify(reply?.activity)).not.toContain("alert");
    });

    it("refuses what is not an activity", async () => {
      expect((await post(running, "{not json")).status).toBe(400);
      expect((await post(running, { text: "Hallo" })).status).toBe(400);
      expect(
        (await post(running, { ...personalMessage("Hallo"), serviceUrl: "file:///etc/passwd" })).status,
      ).toBe(400);
      expect(handled).toHaveLength(0);
    });

    it.each([
      ["another host", () => "http://10.0.0.5:8080/"],
      ["another path of a local service", () => `${fake.serviceUrl}internal/admin/v3/`],
      ["a local address other than 127.0.0.1", () => fake.serviceUrl.replace("127.0.0.1", "127.0.0.2")],
      ["IPv6 loopback", () => "http://[::1]:4102/"],
      ["no port", () => "http://localhost/"],
      ["https", () => fake.serviceUrl.replace("http:", "https:")],
      ["a query", () => `${fake.serviceUrl}?next=http://10.0.0.5/`],
      ["credentials", () => fake.serviceUrl.replace("http://", "http://user:pw@")],
    ])(
      "lets only the Emulator's serviceUrl in while unauthenticated, not %s, so replies go nowhere else",
      async (_name, serviceUrlOf) => {
        const serviceUrl = serviceUrlOf();
        const response = await post(running, { ...personalMessage("Was ist ein Bürgerrat?"), serviceUrl });
        expect(response.status).toBe(403);
        expect(handled).toHaveLength(0);
        expect(fake.sent).toHaveLength(0);
        expect(fake.other).toHaveLength(0);
      },
    );

    it("refuses a reply to an admin path of a local service, e.g. http://127.0.0.1:4102/internal/admin/v3/", async () => {
      const serviceUrl = "http://127.0.0.1:4102/internal/admin/v3/";
      expect((await post(running, { ...personalMessage("Hallo"), serviceUrl })).status).toBe(403);
      expect(handled).toHaveLength(0);
    });

    it.each([
      ["an array", [1, 2]],
      ["conversation null", { ...personalMessage("Hallo"), conversation: null }],
      ["no sender", { ...personalMessage("Hallo"), from: undefined }],
      ["a type that is a number", { ...personalMessage("Hallo"), type: 7 }],
    ])("answers a malformed activity (%s) with 400, not 500", async (_name, body) => {
      const response = await post(running, body);
      expect(response.status).toBe(400);
      expect(await response.text()).not.toMatch(/Error|at \w+ \(/);
      expect(handled).toHaveLength(0);
    });

    it("apologises without details when answering fails", async () => {
      handle.mockRejectedValueOnce(new Error("store exploded at /srv/secret"));
      const [reply] = await send(running, personalMessage("Was ist ein Bürgerrat?", { locale: "en-GB" }));
      expect(reply?.activity.text).toBe("Sorry, something went wrong. Please try again in a moment.");
      expect(JSON.stringify(reply?.activity)).not.toMatch(/exploded|secret|Error|at /);
    });
  });

  it("never logs what users write", () => {
    const logs = logLines.join("");
    expect(logs).toContain('"adapter":"teams"');
    expect(logs).not.toContain("Planungszelle?");
    expect(logs).not.toContain("Anna");
    expect(logs).not.toContain("Megan");
  });
});

/** The one signing key the fake OpenID configuration publishes; nobody signs with it. */
const KNOWN_KEY = {
  kid: "known-key",
  ...generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ format: "jwk" }),
};

/** A JWT that claims to come from the Bot Framework, with a signature that no key makes. */
function botFrameworkToken(kid = "no-such-key"): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const header = part({ alg: "RS256", typ: "JWT", kid });
  const payload = part({
    iss: "https://api.botframework.com",
    aud: APP_ID,
    exp: Math.floor(Date.now() / 1000) + 3600,
    nbf: Math.floor(Date.now() / 1000) - 60,
    serviceurl: fake.serviceUrl,
  });
  return `${header}.${payload}.${Buffer.from("forged").toString("base64url")}`;
}

describe("Teams with an app id", () => {
  let services: Services;
  let running: RunningServer;
  /** Microsoft's OpenID configuration and signing keys, or their absence. */
  let openId: Server;
  let openIdOrigin: string;

  beforeAll(async () => {
    openId = createServer((request, response) => {
      // botbuilder caches what it fetched per address: /unavailable stays unavailable.
      if (request.url === "/unavailable") {
        response.writeHead(502).end();
        return;
      }
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end(
        JSON.stringify(
          request.url === "/keys" ? { keys: [KNOWN_KEY] } : { jwks_uri: `${openIdOrigin}/keys` },
        ),
      );
    });
    await new Promise<void>((resolve) => openId.listen(0, "127.0.0.1", resolve));
    openIdOrigin = `http://127.0.0.1:${(openId.address() as AddressInfo).port}`;
    const openIdMetadataUrl = `${openIdOrigin}/openid`;
    services = await testServices();
    running = await startServer(services, [
      createTeamsAdapter(
        { MicrosoftAppId: APP_ID, MicrosoftAppPassword: "app-password" },
        { openIdMetadataUrl },
      ),
    ]);
  });
  afterAll(async () => {
    await running.close();
    await new Promise((resolve) => openId.close(resolve));
  });

  it("refuses requests without a valid token with 401, without details, and processes nothing", async () => {
    fake.reset();
    const handle = vi.spyOn(services.bot, "handle");
    // botbuilder writes refused tokens to the console; none of it may get past the app's log.
    const console_ = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const activity = personalMessage("Was ist ein Bürgerrat?");
      for (const authorization of [
        undefined,
        "Bearer garbage",
        "Basic dXNlcjpwdw==",
        `Bearer ${botFrameworkToken()}`,
        // A known key's id gets as far as the signature check, where botbuilder writes to the console.
        `Bearer ${botFrameworkToken(KNOWN_KEY.kid)}`,
      ]) {
        const response = await post(running, activity, authorization ? { Authorization: authorization } : {});
        expect(response.status).toBe(401);
        expect(await response.json()).toEqual({ error: "The request is not authenticated." });
      }
      expect(handle).not.toHaveBeenCalled();
      expect(fake.sent).toHaveLength(0);
      expect(console_).not.toHaveBeenCalled();
    } finally {
      handle.mockRestore();
      console_.mockRestore();
    }
  });

  it("answers 503, not 500, while the signing keys cannot be fetched", async () => {
    const unavailable = await startServer(await testServices(), [
      createTeamsAdapter(
        { MicrosoftAppId: APP_ID, MicrosoftAppPassword: "app-password" },
        { openIdMetadataUrl: `${openIdOrigin}/unavailable` },
      ),
    ]);
    const console_ = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const response = await post(unavailable, personalMessage("Hallo"), {
        Authorization: `Bearer ${botFrameworkToken()}`,
      });
      expect(response.status).toBe(503);
      expect(JSON.stringify(await response.json())).not.toMatch(/openID|Failed|Error/);
      expect(console_).not.toHaveBeenCalled();
    } finally {
      console_.mockRestore();
      await unavailable.close();
    }
  });
});

describe("botbuilder's console output during a token check", () => {
  it("becomes one debug line of the app's log without its text; elsewhere the console is untouched", async () => {
    const console_ = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { logger, lines } = captureLogs("debug");
    try {
      await withoutLibraryConsole(logger, async () => {
        await Promise.resolve();
        console.error("Error finding key for token. Bearer eyJ-secret-token");
      });
      expect(console_).not.toHaveBeenCalled();
      expect(lines.join("")).toContain("the Bot Framework library wrote to the console");
      expect(lines.join("")).not.toContain("secret-token");
      console.error("outside a token check");
      expect(console_).toHaveBeenCalledWith("outside a token check");
    } finally {
      console_.mockRestore();
    }
  });
});

describe("Teams exposure without authentication", () => {
  it("refuses to start on a HOST other than loopback without MicrosoftAppId, and says so", async () => {
    const { logger, lines } = captureLogs("info");
    const services = await createServices(testConfig({ HOST: "0.0.0.0" }), logger);
    await expect(startServer(services, [createTeamsAdapter({})])).rejects.toThrow(
      /HOST=0\.0\.0\.0[\s\S]*TEAMS_ALLOW_UNAUTHENTICATED=true/,
    );
    expect(lines.join("")).toContain("TEAMS_ALLOW_UNAUTHENTICATED");
  });

  it.each([
    ["TEAMS_ALLOW_UNAUTHENTICATED=true", { TEAMS_ALLOW_UNAUTHENTICATED: "true" }],
    ["MicrosoftAppId", { MicrosoftAppId: APP_ID, MicrosoftAppPassword: "app-password" }],
  ])("starts on 0.0.0.0 with %s", async (_name, env) => {
    const services = await createServices(testConfig({ HOST: "0.0.0.0" }), silentLogger);
    const started = await startServer(services, [createTeamsAdapter(env)]);
    await started.close();
  });

  it("starts on 0.0.0.0 without Teams when TEAMS_ENABLED=false, and has no /api/messages", async () => {
    const services = await createServices(testConfig({ HOST: "0.0.0.0" }), silentLogger);
    const started = await startServer(services, [createTeamsAdapter({ TEAMS_ENABLED: "false" })]);
    try {
      const response = await fetch(`${started.url}/api/messages`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ type: "message", text: "Was ist ein Bürgerrat?" }),
      });
      expect(response.status).toBe(404);
    } finally {
      await started.close();
    }
  });
});

const redisUrl = await findRedis();

describe.skipIf(!redisUrl)("Teams conversation references in Redis", () => {
  const prefix = `test-teams-${randomUUID()}:`;
  let store: StateStore;
  let running: RunningServer;

  beforeAll(async () => {
    store = await RedisStateStore.connect(redisUrl ?? "", {
      ttlSeconds: 600,
      feedbackTtlSeconds: 600,
      prefix,
    });
    running = await startServer(await testServices(store), [createTeamsAdapter()]);
  });
  afterAll(async () => {
    await running.close();
    await store.close();
    await deleteKeys(redisUrl ?? "", prefix);
  });

  it("keep nothing of a conversation but its pseudonymous state, which expires", async () => {
    const activity = personalMessage("Was ist ein Bürgerrat?");
    await send(running, activity);
    const admin = new Redis(redisUrl ?? "");
    const keys = await admin.keys(`${prefix}*`);
    const values = await Promise.all(keys.map((key) => admin.get(key)));
    const ttls = await Promise.all(keys.map((key) => admin.ttl(key)));
    await admin.quit();
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key).toMatch(new RegExp(`^${prefix}conv:[0-9a-f]{32}$`));
    for (const ttl of ttls) expect(ttl).toBeGreaterThan(0);
    const stored = [...keys, ...values].join("\n");
    for (const id of [conversationOf(activity), USER.id, USER.aadObjectId, TENANT])
      expect(stored).not.toContain(id);
  });
});

describe("npm run teams:package", () => {
  const run = promisify(execFile);
  const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
  const script = path.join(ROOT, "scripts", "teams-package.ts");
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "teams-package-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  function pngSize(png: Uint8Array): { width: number; height: number } {
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }

  it("writes the app with the bot's id from the environment", async () => {
    const output = path.join(dir, "app.zip");
    const appId = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    const { stdout, stderr } = await run(tsx, [script, output], {
      env: { ...process.env, MicrosoftAppId: appId, TEAMS_DEVELOPER_URL: "https://verwaltung.example/" },
    });
    expect(stdout).toContain("Teams app package written");
    expect(stderr).toContain("TEAMS_PRIVACY_URL is not set");

    const files = unzipSync(new Uint8Array(await readFile(output)));
    expect(Object.keys(files).sort()).toEqual(["color.png", "en.json", "manifest.json", "outline.png"]);
    const manifestText = strFromU8(files["manifest.json"] ?? new Uint8Array());
    expect(manifestText).not.toContain("${{");
    const manifest = JSON.parse(manifestText) as {
      manifestVersion: string;
      id: string;
      localizationInfo: unknown;
      version: string;
      developer: { websiteUrl: string };
      bots: { botId: string; scopes: string[]; commandLists: { commands: { title: string }[] }[] }[];
      composeExtensions: { botId: string; commands: { id: string; parameters: { name: string }[] }[] }[];
    };
    const { version } = JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8")) as {
      version: string;
    };
    expect(manifest).toMatchObject({ manifestVersion: "1.30", id: appId, version });
    expect(manifest.developer.websiteUrl).toBe("https://verwaltung.example/");
    expect(manifest.bots[0]?.botId).toBe(appId);
    expect(manifest.bots[0]?.scopes).toEqual(["personal", "team", "groupChat"]);
    expect(manifest.bots[0]?.commandLists[0]?.commands.map((command) => command.title)).toContain("Hilfe");
    expect(manifest.composeExtensions[0]).toMatchObject({
      botId: appId,
      commands: [{ id: "searchMethods", parameters: [{ name: "searchQuery" }] }],
    });
    // German is declared as the default; every English string translates one the manifest has.
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: "de",
      additionalLanguages: [{ languageTag: "en", file: "en.json" }],
    });
    const english = JSON.parse(strFromU8(files["en.json"] ?? new Uint8Array())) as Record<string, string>;
    expect(english["name.short"]).toBe("Beteiligungslotse");
    const commands = manifest.bots[0]?.commandLists[0]?.commands ?? [];
    for (const [i, command] of commands.entries()) {
      expect(english[`bots[0].commandLists[0].commands[${i}].title`], command.title).toBeTruthy();
    }
    expect(english[`bots[0].commandLists[0].commands[${commands.length}].title`]).toBeUndefined();
    expect(pngSize(files["color.png"] ?? new Uint8Array(24))).toEqual({ width: 192, height: 192 });
    expect(pngSize(files["outline.png"] ?? new Uint8Array(24))).toEqual({ width: 32, height: 32 });
  });

  it("refuses to write it without MicrosoftAppId", async () => {
    const output = path.join(dir, "missing.zip");
    const env = { ...process.env, MicrosoftAppId: "" };
    await expect(run(tsx, [script, output], { env })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("MicrosoftAppId: required") as unknown,
    });
    await expect(readFile(output)).rejects.toThrow();
  });
});
