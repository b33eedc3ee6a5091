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

  it("treats empty variables as unset", () => {
    const config = loadConfig({ PORT: "", REDIS_URL: "" });
    expect(config.PORT).toBe(3978);
    expect(config.REDIS_URL).toBeUndefined();
  });
});
