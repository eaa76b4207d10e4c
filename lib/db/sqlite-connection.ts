import type { Client, Config, InStatement, InValue, ResultSet, Row, Transaction } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import Database from "libsql";

/**
 * Settings every SQLite connection needs. WAL with synchronous=NORMAL roughly
 * doubles insert throughput and stays durable across process crashes (only an
 * OS crash can lose the last commits); busy_timeout waits out another writer;
 * foreign_keys makes the cascades in the schema real.
 */
export const SQLITE_PRAGMAS = ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA busy_timeout = 5000", "PRAGMA foreign_keys = ON"];

/** Distinct statements kept prepared: the app has a few dozen, times the lengths of its batched IN lists. */
const MAX_PREPARED = 500;

interface Prepared {
  statement: Database.Statement;
  /** Column names and declared types, for statements that return rows; null for the others. */
  columns: { names: string[]; types: string[] } | null;
}

/**
 * The libsql client Prisma's adapter runs on: ONE connection for its whole life, and every statement
 * prepared once.
 *
 * `@libsql/client` prepares each statement anew and reads its columns twice per run, about a third of
 * SQLite's CPU on a join storm (bench/README.md, "Per-join cost"); and its local `transaction()` hands
 * its connection to the transaction and opens a fresh one (without the PRAGMAs) that nothing closes
 * until garbage collection, which exhausted `ulimit -n`. Prisma's adapter already runs one statement
 * or one transaction at a time (its mutex is held from BEGIN to COMMIT), so one connection loses
 * nothing. Values cross as `@libsql/client` converts them (booleans as 0/1, dates as epoch ms,
 * integers as numbers), so Prisma sees what it saw before.
 */
export function singleConnectionClient(config: Config, pragmas: readonly string[] = SQLITE_PRAGMAS): Client {
  const db = new Database(config.url.replace(/^file:/, ""));
  const prepared = new Map<string, Prepared>();

  const prepare = (sql: string): Prepared => {
    let p = prepared.get(sql);
    if (p) return p;
    const statement = db.prepare(sql).safeIntegers(true);
    let columns: Prepared["columns"] = null;
    try {
      statement.raw(true); // refused by statements that return no rows
      const defs = statement.columns();
      columns = { names: defs.map((c) => c.name), types: defs.map((c) => c.type ?? "") };
    } catch {
      columns = null;
    }
    if (prepared.size >= MAX_PREPARED) prepared.delete(prepared.keys().next().value!);
    prepared.set(sql, (p = { statement, columns }));
    return p;
  };

  const executeNow = (stmt: InStatement): ResultSet => {
    const { sql, args } = typeof stmt === "string" ? { sql: stmt, args: [] } : stmt;
    if (!Array.isArray(args)) throw new Error("named SQL arguments are not supported here");
    const { statement, columns } = prepare(sql);
    const values = args.map(toSql);
    if (columns) return resultSet(columns.names, columns.types, (statement.all(values) as unknown[][]).map(fromSqlRow), 0, undefined);
    const info = statement.run(values);
    return resultSet([], [], [], info.changes, BigInt(info.lastInsertRowid));
  };
  const execute = async (stmt: InStatement) => executeNow(stmt);
  for (const pragma of pragmas) executeNow(pragma);

  const transaction = async (mode: "write" | "read" | "deferred" = "write"): Promise<Transaction> => {
    executeNow(mode === "deferred" ? "BEGIN DEFERRED" : mode === "read" ? "BEGIN TRANSACTION READONLY" : "BEGIN IMMEDIATE");
    let open = true;
    const finish = async (sql: "COMMIT" | "ROLLBACK") => {
      if (!open) return;
      open = false;
      executeNow(sql);
    };
    return {
      execute,
      batch: async (stmts) => stmts.map(executeNow),
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
    execute,
    batch: async (stmts, mode) => {
      const tx = await transaction(mode ?? "deferred");
      try {
        const results = stmts.map(executeNow);
        await tx.commit();
        return results;
      } catch (e) {
        await tx.rollback();
        throw e;
      }
    },
    transaction,
    executeMultiple: async (sql) => void db.exec(sql),
    sync: () => Promise.reject(new Error("a local SQLite file has nothing to sync")),
    close: () => {
      prepared.clear();
      db.close();
    },
    get closed() {
      return !db.open;
    },
    protocol: "file",
  };
}

function toSql(value: InValue): unknown {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.valueOf();
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (typeof value === "number" && !Number.isFinite(value)) throw new RangeError("Only finite numbers can be stored");
  return value;
}

function fromSqlRow(row: unknown[]): Row {
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (typeof v === "bigint") {
      if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) throw new RangeError("An integer too large for a JavaScript number");
      row[i] = Number(v);
    } else if (v instanceof Buffer) row[i] = v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength);
  }
  // Prisma's adapter reads rows by position only; the names libsql's Row also carries go unused.
  return row as unknown as Row;
}

function resultSet(columns: string[], columnTypes: string[], rows: Row[], rowsAffected: number, lastInsertRowid: bigint | undefined): ResultSet {
  return { columns, columnTypes, rows, rowsAffected, lastInsertRowid, toJSON: () => ({ columns, columnTypes, rows, rowsAffected }) };
}

/** Prisma's libsql adapter over `singleConnectionClient`. */
export class SingleConnectionLibSQL extends PrismaLibSQL {
  override createClient(config: Config): Client {
    return singleConnectionClient(config);
  }
}
