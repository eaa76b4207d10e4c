import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * The integration suite runs twice: on SQLite, and on Postgres when
 * EARSHOT_TEST_POSTGRES_URL names one (`npm test` starts a throwaway cluster and sets it).
 */
const pgUrl = process.env.EARSHOT_TEST_POSTGRES_URL ?? null;
const redis = spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;
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
      // The use-cases on in-memory ports (tests/support/memory-ports.ts), and the socket server in-process: seconds, no build.
      { extends: true, test: { name: "services", include: ["tests/services/**/*.test.ts"] } },
      integration("integration-sqlite", "sqlite"),
      ...(pgUrl ? [integration("integration-postgres", "postgres")] : []),
      // Several nodes in cluster mode: Postgres (as above) and a Redis of each test's own (Debian's redis-server).
      ...(pgUrl && redis
        ? [
            {
              extends: true as const,
              test: {
                name: "cluster",
                include: ["tests/cluster/**/*.test.ts"],
                env: { EARSHOT_TEST_DB: "postgres", EARSHOT_TEST_POSTGRES_URL: pgUrl },
                testTimeout: 60_000,
                hookTimeout: 90_000,
              },
            },
          ]
        : []),
      {
        extends: true,
        test: { name: "audio", include: ["tests/audio/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 90_000 },
      },
      { extends: true, test: { name: "e2e", include: ["tests/e2e/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 90_000 } },
    ],
  },
});
