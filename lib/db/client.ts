import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";

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

export async function openDb(url: string): Promise<Db> {
  if (dbKind(url) === "postgres") {
    const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: url, max: 20 }) });
    return client as unknown as Db;
  }
  const file = sqliteFilePath(url);
  const client = new SqliteClient({ adapter: new PrismaLibSQL({ url: `file:${file}` }) });
  // WAL with synchronous=NORMAL roughly doubles insert throughput and stays
  // durable across process crashes (only an OS crash can lose the last commits).
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await client.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
  await client.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  return client;
}

