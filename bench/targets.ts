/**
 * The servers the chat benchmark runs against, behind one interface: the bare
 * Socket.IO baseline, and the real Earshot server (production build, started by
 * tests/support/server.ts) on SQLite or Postgres.
 */
import { execFileSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { freshDatabaseUrl } from "../tests/support/database";
import { startRedis } from "../tests/support/redis";
import { startServer, type TestServer } from "../tests/support/server";
import { childPids } from "./proc";

export const root = fileURLToPath(new URL("..", import.meta.url));

export type TargetName = "baseline" | "earshot-sqlite" | "earshot-postgres" | "earshot-cluster";

/** The credentials of one benchmark call: who sends, who receives. */
export interface BenchCall {
  callId: string | null;
  senders: { auth: Record<string, string> }[];
  receivers: { auth: Record<string, string> }[];
  /** Counts the messages stored for the call (null: the target stores nothing). */
  countStored: (() => Promise<number>) | null;
}

export interface Target {
  name: TargetName;
  url: string;
  /** Where receivers connect, spread evenly (a cluster's nodes); else `url`. */
  receiverUrls?: string[];
  /** The server process (for CPU accounting), when known. */
  pid: number | null;
  /** What the target was started with, for the report. */
  notes: string[];
  createCall(opts: { senders: number; receivers: number }): Promise<BenchCall>;
  /** Server output so far (for failures). */
  logs(): string;
  stop(): Promise<void>;
}

/** The per-participant chat limit (5/s, burst 10) would throttle one fast sender: the bench lifts it. */
export const RAISED_CHAT_LIMIT = { CHAT_RATE_PER_SEC: "100000", CHAT_BURST: "100000" };

const withTimeout = <T>(p: Promise<T>, ms: number, what: string): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e) => (clearTimeout(t), reject(e)),
    );
  });

const killQuietly = (pid: number | null, signal: NodeJS.Signals) => {
  if (pid === null) return;
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
};

// ---------------------------------------------------------------- baseline

export async function startBaseline(): Promise<Target> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/baseline-server.ts"], {
    cwd: root,
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`baseline server did not start in 20 s:\n${output}`)), 20_000);
    child.stdout!.on("data", (c: Buffer) => {
      output += c.toString();
      const m = /BASELINE_LISTENING port=(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`baseline server exited with ${code}:\n${output}`));
    });
  }).catch((e) => {
    child.kill("SIGKILL");
    throw e;
  });
  const pid = child.pid ?? null;
  return {
    name: "baseline",
    url: `http://127.0.0.1:${port}`,
    pid,
    notes: ["bare Socket.IO broadcast + immediate ack; no auth, no validation, no persistence"],
    async createCall({ senders, receivers }) {
      return {
        callId: null,
        senders: Array.from({ length: senders }, () => ({ auth: {} })),
        receivers: Array.from({ length: receivers }, () => ({ auth: {} })),
        countStored: null,
      };
    },
    logs: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((r) => child.once("exit", () => r()));
      child.stdin!.end();
      child.kill("SIGTERM");
      await withTimeout(exited, 5_000, "baseline shutdown").catch(() => killQuietly(pid, "SIGKILL"));
    },
  };
}

// ---------------------------------------------------------------- earshot

async function api<T>(base: string, path: string, init: { method?: string; body?: unknown; credential?: string } = {}): Promise<T> {
  const res = await fetch(base + path, {
    method: init.method ?? "GET",
    headers: {
      ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
      ...(init.credential ? { authorization: `Bearer ${init.credential}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? "GET"} ${path} -> ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** Runs `fn` over 0..n-1 with at most `concurrency` at a time. */
async function pool<T>(n: number, concurrency: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out = new Array<T>(n);
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      out[i] = await fn(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
  return out;
}

interface Session {
  call: { id: string };
  participant: { id: string };
  credential: string;
}

function earshotCall(url: string) {
  return async ({ senders, receivers }: { senders: number; receivers: number }): Promise<BenchCall> => {
    const host = await api<Session>(url, "/api/calls", { method: "POST", body: { defaultRole: "chatter", title: "chat bench" } });
    const callId = host.call.id;
    const join = () => api<Session>(url, `/api/calls/${callId}/join`, { method: "POST", body: {} });
    const extraSenders = await pool(senders - 1, 8, join);
    const joined = await pool(receivers, 8, join);
    return {
      callId,
      senders: [host, ...extraSenders].map((s) => ({ auth: { credential: s.credential } })),
      receivers: joined.map((s) => ({ auth: { credential: s.credential } })),
      async countStored() {
        // Page through GET /messages (the public history API) from newest to oldest.
        let count = 0;
        let before: string | null = null;
        for (let page = 0; page < 100_000; page++) {
          const q: string = `?limit=200${before ? `&before=${before}` : ""}`;
          const res: { messages: unknown[]; nextCursor: string | null } = await api(url, `/api/calls/${callId}/messages${q}`, {
            credential: host.credential,
          });
          count += res.messages.length;
          if (!res.nextCursor) return count;
          before = res.nextCursor;
        }
        throw new Error("message history did not end after 100,000 pages");
      },
    };
  };
}

/** The newest child process of ours that was not there before `start` ran: the server we just spawned. */
async function spawnedPid<T>(start: () => Promise<T>): Promise<{ value: T; pid: number | null }> {
  const before = new Set(childPids());
  const value = await start();
  const fresh = childPids().filter((p) => !before.has(p));
  return { value, pid: fresh.length === 1 ? fresh[0]! : null };
}

/** Extra settings for the Earshot servers (from the bench's options). */
export interface EarshotOptions {
  /** Write a V8 CPU profile of the server here (node --cpu-prof), for finding its hot spots. */
  cpuProfDir?: string;
  /** More settings for the server (bench:crowd lifts the per-address join limits). */
  env?: Record<string, string>;
}

async function startEarshot(name: TargetName, databaseUrl: string, notes: string[], cleanup: () => Promise<void>, o: EarshotOptions): Promise<Target> {
  let server: TestServer;
  let pid: number | null;
  const env: Record<string, string> = { ...RAISED_CHAT_LIMIT, ...o.env };
  if (o.cpuProfDir) {
    const dir = join(o.cpuProfDir, name);
    // node refuses --cpu-prof in NODE_OPTIONS: a preload starts the inspector's profiler instead.
    env.NODE_OPTIONS = [process.env.NODE_OPTIONS, `--import=${join(root, "bench/cpu-profile-preload.mjs")}`].filter(Boolean).join(" ");
    env.EARSHOT_BENCH_CPU_PROF_DIR = dir;
    notes = [...notes, `CPU profile written to ${dir}/ when the server stops; profiling slows the server`];
  }
  try {
    ({ value: server, pid } = await spawnedPid(() => startServer({ databaseUrl, env })));
  } catch (e) {
    await cleanup().catch(() => undefined);
    throw e;
  }
  return {
    name,
    url: server.url,
    pid,
    notes: [
      `CHAT_RATE_PER_SEC=${RAISED_CHAT_LIMIT.CHAT_RATE_PER_SEC} CHAT_BURST=${RAISED_CHAT_LIMIT.CHAT_BURST} (default 5/s burst 10)`,
      ...Object.entries(o.env ?? {}).map(([k, v]) => `${k}=${v}`),
      ...notes,
    ],
    createCall: earshotCall(server.url),
    logs: () => server.logs(),
    async stop() {
      await withTimeout(server.stop(), 10_000, "earshot shutdown").catch(() => killQuietly(pid, "SIGKILL"));
      await cleanup().catch((e) => console.error(`  (cleanup of ${name} failed: ${(e as Error).message})`));
    },
  };
}

export async function startEarshotSqlite(o: EarshotOptions = {}): Promise<Target> {
  const saved = process.env.EARSHOT_TEST_DB;
  process.env.EARSHOT_TEST_DB = "sqlite";
  const databaseUrl = await freshDatabaseUrl().finally(() => restoreEnv("EARSHOT_TEST_DB", saved));
  const dir = dirname(databaseUrl.replace(/^file:/, ""));
  return startEarshot(
    "earshot-sqlite",
    databaseUrl,
    ["SQLite in a temp dir: WAL, synchronous=NORMAL (lib/db/client.ts)"],
    async () => rmSync(dir, { recursive: true, force: true }),
    o,
  );
}

/** A fresh database on the Postgres at `baseUrl`, and how to drop it again. */
async function freshPostgresDatabase(baseUrl: string): Promise<{ databaseUrl: string; name: string; drop: () => Promise<void> }> {
  const saved = { db: process.env.EARSHOT_TEST_DB, url: process.env.EARSHOT_TEST_POSTGRES_URL };
  process.env.EARSHOT_TEST_DB = "postgres";
  process.env.EARSHOT_TEST_POSTGRES_URL = baseUrl;
  const databaseUrl = await freshDatabaseUrl().finally(() => {
    restoreEnv("EARSHOT_TEST_DB", saved.db);
    restoreEnv("EARSHOT_TEST_POSTGRES_URL", saved.url);
  });
  const name = new URL(databaseUrl).pathname.slice(1);
  const drop = async () => {
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    } finally {
      await admin.end();
    }
  };
  return { databaseUrl, name, drop };
}

export async function startEarshotPostgres(baseUrl: string, clusterNote: string, o: EarshotOptions = {}): Promise<Target> {
  const db = await freshPostgresDatabase(baseUrl);
  return startEarshot("earshot-postgres", db.databaseUrl, [clusterNote, `fresh database ${db.name}, dropped afterwards`], db.drop, o);
}

/**
 * Two Earshot nodes in cluster mode (a Redis of their own, one fresh Postgres database): the
 * sender and half the receivers on node A, the other half on node B. CPU figures are node A's.
 */
export async function startEarshotCluster(baseUrl: string, clusterNote: string, o: Pick<EarshotOptions, "env"> = {}): Promise<Target> {
  const db = await freshPostgresDatabase(baseUrl);
  const redis = await startRedis();
  const env = { ...RAISED_CHAT_LIMIT, ...o.env, REDIS_URL: redis.url };
  const { value: a, pid } = await spawnedPid(() => startServer({ databaseUrl: db.databaseUrl, env: { ...env, NODE_ID: "bench-a" } }));
  const b = await startServer({ databaseUrl: db.databaseUrl, env: { ...env, NODE_ID: "bench-b" } });
  return {
    name: "earshot-cluster",
    url: a.url,
    receiverUrls: [a.url, b.url],
    pid,
    notes: [
      clusterNote,
      `2 nodes (Redis streams adapter), receivers split between them; server cpu is node A's; fresh database ${db.name}, dropped afterwards`,
    ],
    createCall: earshotCall(a.url),
    logs: () => `${a.logs()}\n--- node B ---\n${b.logs()}`,
    async stop() {
      await Promise.all([a, b].map((s) => withTimeout(s.stop(), 10_000, "earshot shutdown").catch(() => undefined)));
      await redis.stop();
      await db.drop();
    },
  };
}

function restoreEnv(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

// ---------------------------------------------------------------- postgres cluster

/**
 * The Postgres to use: EARSHOT_TEST_POSTGRES_URL if set (left alone), else the
 * throwaway cluster of scripts/postgres.sh, stopped again afterwards if this
 * run started it.
 */
export async function postgresCluster(): Promise<{ url: string; note: string; stop: () => void }> {
  const given = process.env.EARSHOT_TEST_POSTGRES_URL;
  if (given) return { url: given, note: "Postgres from EARSHOT_TEST_POSTGRES_URL (settings as found)", stop: () => undefined };
  const script = `${root}scripts/postgres.sh`;
  const wasRunning = await canConnect(`postgresql://earshot:earshot@127.0.0.1:${process.env.EARSHOT_PG_PORT ?? "54329"}/postgres`);
  const url = execFileSync(script, ["start"], { encoding: "utf8", timeout: 120_000 }).trim().split("\n").pop()!;
  return {
    url,
    note: "Postgres from scripts/postgres.sh: local cluster with fsync=off (durability figures are optimistic)",
    stop: () => {
      if (!wasRunning) execFileSync(script, ["stop"], { stdio: "ignore", timeout: 60_000 });
    },
  };
}

async function canConnect(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}
