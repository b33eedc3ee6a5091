import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

describe("configuration", () => {
  it("has defaults that run without any service", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3978, STATE_TTL_SECONDS: 86_400 });
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.PUBLICATION_URL).toMatch(/^https:\/\/www\.bertelsmann-stiftung\.de\//);
  });

  it("names each invalid variable", () => {
    try {
      loadConfig({ PORT: "eighty", REDIS_URL: "http://localhost", STATE_TTL_SECONDS: "-1" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect(message).toContain("PORT:");
      expect(message).toContain("REDIS_URL: must be a redis:// or rediss:// address");
      expect(message).toContain("STATE_TTL_SECONDS:");
    }
  });

  it("reads the weekly tip's schedule and time zone, and names them when they are wrong", () => {
    expect(loadConfig({}).TIP_DEFAULT_SCHEDULE).toEqual({ weekday: 1, hour: 9, minute: 0 });
    expect(loadConfig({ TIP_DEFAULT_SCHEDULE: "freitags 14 Uhr" }).TIP_DEFAULT_SCHEDULE).toEqual({
      weekday: 5,
      hour: 14,
      minute: 0,
    });
    expect(() => loadConfig({ TIP_DEFAULT_SCHEDULE: "sometime" })).toThrow(
      /TIP_DEFAULT_SCHEDULE: must be a weekday and a time/,
    );
    expect(() => loadConfig({ TIP_TIMEZONE: "Mars/Base" })).toThrow(
      /TIP_TIMEZONE: must be an IANA time zone/,
    );
  });

  it("treats empty variables as unset", () => {
    const config = loadConfig({ PORT: "", REDIS_URL: "" });
    expect(config.PORT).toBe(3978);
    expect(config.REDIS_URL).toBeUndefined();
  });
});
