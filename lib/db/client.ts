import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
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

export async function openDb(url: string): Promise<Db> {
  if (dbKind(url) === "postgres") {
    const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: url, max: 20 }) });
    return client as unknown as Db;
  }
  return new SqliteClient({ adapter: new SingleConnectionLibSQL({ url: `file:${sqliteFilePath(url)}` }) });
}
