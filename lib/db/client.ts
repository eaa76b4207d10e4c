import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { connectedFactory, driverSql, type SqlRunner } from "./driver-sql";
import { SingleConnectionLibSQL } from "./sqlite-connection";

/** Both generated clients have the same models; code is written against the SQLite one's types. */
export type Db = SqliteClient;
export type DbKind = "sqlite" | "postgres";

export function dbKind(url: string): DbKind {
  return /^postgres(ql)?:\/\//.test(url) ? "postgres" : "sqlite";
}

/**
 * The SQLite file a file: URL names, made absolute so every module agrees on
 * it, with its folder created (a fresh clone has no data/ yet).
 */
export function sqliteFilePath(url: string): string {
  const file = resolve(url.replace(/^file:/, "").replace(/\?.*$/, ""));
  mkdirSync(dirname(file), { recursive: true });
  return file;
}

const runners = new WeakMap<Db, SqlRunner>();

export async function openDb(url: string): Promise<Db> {
  const postgres = dbKind(url) === "postgres";
  const factory = postgres ? new PrismaPg({ connectionString: url, max: 20 }) : new SingleConnectionLibSQL({ url: `file:${sqliteFilePath(url)}` });
  // Connected here, not lazily by Prisma, so the raw statements (sqlRunner) run on the very same adapter.
  const adapter = await factory.connect();
  const options = { adapter: connectedFactory(factory, adapter) };
  const db = postgres ? (new PostgresClient(options) as unknown as Db) : new SqliteClient(options);
  runners.set(db, driverSql(adapter));
  return db;
}

/** Raw SQL on `db`'s own connection without Prisma's query compiler: the hot path's statements (hot-path-sql.ts). */
export function sqlRunner(db: Db): SqlRunner {
  const run = runners.get(db);
  if (!run) throw new Error("sqlRunner needs a database opened with openDb");
  return run;
}
