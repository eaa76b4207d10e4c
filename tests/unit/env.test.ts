import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

const secrets = { EARSHOT_SECRET: "x".repeat(32), NEXTAUTH_SECRET: "y".repeat(32) };

describe("environment", () => {
  it("fills defaults", () => {
    const env = parseEnv(secrets);
    expect(env).toMatchObject({ PORT: 3000, DATABASE_URL: "file:./data/earshot.db", CALL_GRACE_MS: 600_000, CHAT_BURST: 10, LIVEKIT_PORT: 7880 });
    expect(env.LIVEKIT_URL).toBeUndefined();
  });

  it("names every bad setting in a sentence", () => {
    expect(() => parseEnv({ PORT: "abc", DATABASE_URL: "mysql://x" })).toThrow(
      /PORT .*\n- DATABASE_URL must be a file: URL \(SQLite\) or a postgres:\/\/ URL\.\n- EARSHOT_SECRET is required\.\n- NEXTAUTH_SECRET is required\./,
    );
    expect(() => parseEnv({ ...secrets, EARSHOT_SECRET: "short" })).toThrow(/EARSHOT_SECRET must be at least 32 characters/);
  });

  it("wants an external LiveKit's keys with its URL", () => {
    expect(() => parseEnv({ ...secrets, LIVEKIT_URL: "wss://lk.example" })).toThrow(
      /LIVEKIT_URL is set, so LIVEKIT_API_KEY and LIVEKIT_API_SECRET must be set too/,
    );
    expect(parseEnv({ ...secrets, LIVEKIT_URL: "wss://lk.example", LIVEKIT_API_KEY: "k", LIVEKIT_API_SECRET: "s".repeat(32) }).LIVEKIT_URL).toBe(
      "wss://lk.example",
    );
  });
});
