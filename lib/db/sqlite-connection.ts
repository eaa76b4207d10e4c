import { createClient, type Client, type Config, type InStatement, type Transaction } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";

/**
 * Settings every SQLite connection needs. WAL with synchronous=NORMAL roughly
 * doubles insert throughput and stays durable across process crashes (only an
 * OS crash can lose the last commits); busy_timeout waits out another writer;
 * foreign_keys makes the cascades in the schema real.
 */
export const SQLITE_PRAGMAS = ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA busy_timeout = 5000", "PRAGMA foreign_keys = ON"];

/**
 * A libsql client that keeps ONE connection for its whole life.
 *
 * `@libsql/client`'s local `transaction()` hands its connection to the
 * transaction and opens a fresh one for the next statement, and nothing closes
 * the old one until garbage collection: every write transaction leaked an open
 * file (hundreds of writes exhausted `ulimit -n`), and the fresh connections
 * lacked the PRAGMAs. Prisma's libsql adapter already runs one statement or one
 * transaction at a time (its mutex is held from BEGIN to COMMIT), so running
 * transactions on the same connection loses nothing.
 */
export function singleConnectionClient(config: Config, pragmas: readonly string[] = SQLITE_PRAGMAS): Client {
  const inner = createClient(config);
  const ready = (async () => {
    for (const pragma of pragmas) await inner.execute(pragma);
  })();
  const run = async (stmt: InStatement) => (await ready, inner.execute(stmt));

  const transaction = async (mode: "write" | "read" | "deferred" = "write"): Promise<Transaction> => {
    await run(mode === "deferred" ? "BEGIN DEFERRED" : mode === "read" ? "BEGIN TRANSACTION READONLY" : "BEGIN IMMEDIATE");
    let open = true;
    const finish = async (sql: "COMMIT" | "ROLLBACK") => {
      if (!open) return;
      open = false;
      await inner.execute(sql);
    };
    return {
      execute: run,
      batch: async (stmts) => {
        const results = [];
        for (const s of stmts) results.push(await run(s));
        return results;
      },
      // libsql's executeMultiple rolls back whatever transaction its connection is in: never inside one here.
      executeMultiple: () => Promise.reject(new Error("executeMultiple cannot run inside a transaction on a shared connection")),
      commit: () => finish("COMMIT"),
      rollback: () => finish("ROLLBACK"),
      close: () => void finish("ROLLBACK").catch(() => undefined),
      get closed() {
        return !open;
      },
    };
  };

  return {
    execute: run,
    batch: async (stmts, mode) => (await ready, inner.batch(stmts, mode)),
    transaction,
    executeMultiple: async (sql) => (await ready, inner.executeMultiple(sql)),
    sync: () => inner.sync(),
    close: () => inner.close(),
    get closed() {
      return inner.closed;
    },
    protocol: inner.protocol,
  };
}

/** Prisma's libsql adapter over `singleConnectionClient`. */
export class SingleConnectionLibSQL extends PrismaLibSQL {
  override createClient(config: Config): Client {
    return singleConnectionClient(config);
  }
}
