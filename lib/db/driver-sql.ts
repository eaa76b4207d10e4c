import { ColumnTypeEnum, type ArgType, type SqlDriverAdapter, type SqlDriverAdapterFactory, type SqlResultSet } from "@prisma/driver-adapter-utils";
import type { Prisma } from "./generated/sqlite/client";

/** Runs one raw statement and answers its rows as objects, with booleans, dates and counts as JavaScript has them. */
export type SqlRunner = <T>(query: Prisma.Sql) => Promise<T[]>;

/**
 * Raw SQL straight on the driver adapter Prisma itself uses, past Prisma's client. A raw statement
 * through `$queryRaw` still pays the client's query compiler (WASM) and result mapping, about
 * 0.35 ms of CPU each on this machine; a join runs several (bench/README.md, "Per-join cost"). The
 * adapter is the same instance, so it is the same connection and lock: on SQLite a statement here
 * waits for a Prisma transaction under way, exactly as a `$queryRaw` would.
 */
export function driverSql(adapter: SqlDriverAdapter): SqlRunner {
  const numbered = adapter.provider === "postgres"; // $1, $2… there; ? for SQLite
  return async <T>(query: Prisma.Sql) => {
    const result = await adapter.queryRaw({ sql: numbered ? query.text : query.sql, args: query.values, argTypes: query.values.map(argType) });
    return result.rows.map((row) => rowObject(result, row)) as T[];
  };
}

/** A factory that hands Prisma an adapter already connected, so that it and `driverSql` share it. */
export function connectedFactory(factory: SqlDriverAdapterFactory, adapter: SqlDriverAdapter): SqlDriverAdapterFactory {
  return { provider: factory.provider, adapterName: factory.adapterName, connect: () => Promise.resolve(adapter) };
}

function argType(value: unknown): ArgType {
  return { scalarType: scalarType(value), arity: "scalar" };
}

function scalarType(value: unknown): ArgType["scalarType"] {
  if (value instanceof Date) return "datetime";
  switch (typeof value) {
    case "boolean":
      return "boolean";
    case "bigint":
      return "bigint";
    case "string":
      return "string";
    case "number":
      return Number.isInteger(value) ? "int" : "float";
    default:
      return "unknown";
  }
}

/**
 * The adapters answer dates as ISO strings, SQLite's booleans as 0/1 and Postgres' counts (int8)
 * as strings: each becomes what Prisma's own queries return.
 */
function rowObject({ columnNames, columnTypes }: SqlResultSet, row: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < columnNames.length; i++) out[columnNames[i]!] = fromColumn(columnTypes[i], row[i]);
  return out;
}

function fromColumn(type: SqlResultSet["columnTypes"][number] | undefined, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case ColumnTypeEnum.Boolean:
      return Boolean(value);
    case ColumnTypeEnum.DateTime:
      return new Date(value as string);
    case ColumnTypeEnum.Int64:
      return Number(value);
    default:
      return value;
  }
}
