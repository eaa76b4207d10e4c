import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

const secret = "x".repeat(32);

describe("environment", () => {
  it("fills defaults", () => {
    const env = parseEnv({ EARSHOT_SECRET: secret });
    expect(env).toMatchObject({ PORT: 3000, DATABASE_URL: "file:./data/earshot.db", CALL_GRACE_MS: 600_000, CHAT_BURST: 10 });
  });

  it("names every bad setting in a sentence", () => {
    expect(() => parseEnv({ PORT: "abc", DATABASE_URL: "mysql://x" })).toThrow(
      /PORT .*\n- DATABASE_URL must be a file: URL \(SQLite\) or a postgres:\/\/ URL\.\n- EARSHOT_SECRET is required\./,
    );
    expect(() => parseEnv({ EARSHOT_SECRET: "short" })).toThrow(/EARSHOT_SECRET must be at least 32 characters/);
  });
});
