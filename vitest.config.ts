import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * The integration suite runs twice: on SQLite, and on Postgres when one is
 * available (EARSHOT_TEST_POSTGRES_URL, or a local server started from
 * Debian's postgresql package by scripts/postgres.sh).
 */
function postgresUrl(): string | null {
  if (process.env.EARSHOT_TEST_POSTGRES_URL) return process.env.EARSHOT_TEST_POSTGRES_URL;
  const hasServer = existsSync("/usr/lib/postgresql") && readdirSync("/usr/lib/postgresql").length > 0;
  if (!hasServer) {
    console.warn("[vitest] no PostgreSQL server here: the Postgres integration run is left out (CI installs one).");
    return null;
  }
  const url = execFileSync(`${root}scripts/postgres.sh`, ["start"], { encoding: "utf8" }).trim();
  process.env.EARSHOT_TEST_POSTGRES_URL = url;
  return url;
}

const pgUrl = postgresUrl();
const integration = (name: string, db: "sqlite" | "postgres") => ({
  extends: true as const,
  test: {
    name,
    include: ["tests/integration/**/*.test.ts"],
    env: { EARSHOT_TEST_DB: db, ...(pgUrl ? { EARSHOT_TEST_POSTGRES_URL: pgUrl } : {}) },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    reporters: ["default", "./tests/support/summary-reporter.ts"],
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      integration("integration-sqlite", "sqlite"),
      ...(pgUrl ? [integration("integration-postgres", "postgres")] : []),
      {
        extends: true,
        test: { name: "audio", include: ["tests/audio/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 90_000 },
      },
      { extends: true, test: { name: "e2e", include: ["tests/e2e/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 90_000 } },
    ],
  },
});
