import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

/** Which database the integration suite runs on: set per vitest project (vitest.config.ts). */
export const testDbKind = (): "sqlite" | "postgres" => (process.env.EARSHOT_TEST_DB === "postgres" ? "postgres" : "sqlite");

/** A fresh, empty database for one test server: a new SQLite file, or a new Postgres database. */
export async function freshDatabaseUrl(): Promise<string> {
  if (testDbKind() === "sqlite") return `file:${join(mkdtempSync(join(tmpdir(), "earshot-test-")), "earshot.db")}`;
  const base = process.env.EARSHOT_TEST_POSTGRES_URL;
  if (!base) throw new Error("EARSHOT_TEST_POSTGRES_URL is not set");
  const name = `earshot_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}
