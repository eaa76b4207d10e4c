/**
 * bench:crowd: N guests join one call (POST /join + websocket) at R joins/s from
 * worker processes, then the host sends chat; against the same crowd on a bare
 * Socket.IO server (connect + room join + broadcast) measured in the same run.
 * See bench/README.md. Traffic goes to 127.0.0.1 only; every wait is bounded.
 */
import { fork, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { io } from "socket.io-client";
import type { ClientSocket } from "./clients";
import type { StartOrder, WorkerReport } from "./crowd-worker";
import { cpuSince, cpuSnapshot } from "./proc";
import { distribution, fmt, round, type Dist } from "./stats";
import { postgresCluster, root, startBaseline, startEarshotCluster, startEarshotPostgres, startEarshotSqlite, type Target, type TargetName } from "./targets";

/** The lead's per-address limits on joins and call creation, lifted: the whole crowd comes from 127.0.0.1. */
const RAISED_JOIN_LIMITS = { JOIN_RATE_PER_MIN: "1000000", JOIN_BURST: "1000000", CREATE_CALL_RATE_PER_MIN: "1000000", CREATE_CALL_BURST: "1000000" };
const WARM_UP_JOINS = 30;
/** The coalescing window: a listener should get at most about one event per second of storm. */
const GOAL_EVENTS_PER_SEC = 1;

const { values: args } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,2500,5000" },
    rate: { type: "string", default: "100" },
    workers: { type: "string", default: "4" },
    messages: { type: "string", default: "20" },
    "join-timeout": { type: "string", default: "30" },
    "no-baseline": { type: "boolean", default: false },
    cluster: { type: "boolean", default: false },
    "server-cpu-prof": { type: "string" },
    "timeout-minutes": { type: "string", default: "30" },
    help: { type: "boolean", default: false },
  },
  strict: true,
});
if (args.help) {
  console.log(`npm run bench:crowd -- [options]
  --sizes a,b,c        crowd sizes N (1000,2500,5000); e.g. --sizes 200 for a quick look
  --rate R             joins per second, all workers together (100)
  --workers W          worker processes that make the joins (4)
  --messages M         chat messages the host sends after the storm (20)
  --join-timeout S     a join (REST answer + call:state) failing after S seconds (30)
  --no-baseline        skip the bare Socket.IO runs
  --cluster            one node on Postgres against two nodes in cluster mode (Redis), the crowd's
                       workers spread over both (scripts/postgres.sh unless EARSHOT_TEST_POSTGRES_URL)
  --server-cpu-prof D  profile the Earshot server into D (see bench/profile-summary.ts; it slows the server)
  --timeout-minutes X  hard stop for the whole run (30)`);
  process.exit(0);
}
const int = (name: keyof typeof args, min: number) => {
  const v = Number(args[name]);
  if (!Number.isInteger(v) || v < min) throw new Error(`--${name} must be an integer >= ${min}`);
  return v;
};
const sizes = String(args.sizes)
  .split(",")
  .map((s) => Number(s.trim()));
if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 20_000)) throw new Error("--sizes: integers from 1 to 20000");
const rate = int("rate", 1);
const workerCount = int("workers", 1);
const messages = int("messages", 1);
const joinTimeoutMs = int("join-timeout", 1) * 1000;

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const hardStop = setTimeout(
  () => {
    console.error(`bench:crowd: hard stop after ${args["timeout-minutes"]} minutes`);
    process.exit(3);
  },
  int("timeout-minutes", 1) * 60_000,
);
hardStop.unref();

interface RunResult {
  target: TargetName;
  n: number;
  failed: number;
  failures: string[];
  join: Dist;
  stateBytes: Dist;
  eventsPerListener: Dist;
  bytesPerListener: Dist;
  /** Events per listener per second connected during the storm, worst listener (connected ≥ 5 s). */
  maxEventsPerSec: number | null;
  chat: Dist;
  chatMissing: number;
  serverCpuMsPerJoin: number | null;
  serverRssMb: number | null;
  stormSec: number;
}

/** Resident memory of a process and its children, MB (Linux /proc). */
function rssMb(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

function forkWorkers(): ChildProcess[] {
  return Array.from({ length: workerCount }, () =>
    fork(`${root}bench/crowd-worker.ts`, [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] }),
  );
}

/** The next message of `type` from every worker, or a timeout. */
function fromAll<T>(workers: ChildProcess[], type: string, timeoutMs: number): Promise<T[]> {
  return Promise.all(
    workers.map(
      (w) =>
        new Promise<T>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`worker ${w.pid}: no ${type} within ${timeoutMs} ms`)), timeoutMs);
          const on = (m: { type: string }) => {
            if (m.type !== type) return;
            clearTimeout(timer);
            w.off("message", on);
            resolve(m as T);
          };
          w.on("message", on);
          w.once("exit", (code) => reject(new Error(`worker ${w.pid} exited (${code}) before ${type}`)));
        }),
    ),
  );
}

async function hostSession(url: string): Promise<{ callId: string; credential: string }> {
  const res = await fetch(`${url}/api/calls`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ defaultRole: "listener", title: "crowd bench" }),
  });
  if (!res.ok) throw new Error(`create call: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { call: { id: string }; credential: string };
  return { callId: body.call.id, credential: body.credential };
}

function connectHost(url: string, auth: Record<string, string>): Promise<ClientSocket> {
  const socket: ClientSocket = io(url, { auth, transports: ["websocket"], forceNew: true, reconnection: false });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (socket.close(), reject(new Error("host: no call:state in 20 s"))), 20_000);
    socket.once("call:state", () => (clearTimeout(timer), resolve(socket)));
    socket.once("connect_error", (e) => (clearTimeout(timer), reject(e)));
  });
}

/** Joins a small call first, so the storm does not pay for the server's first requests (JIT, module loading). */
async function warmUp(target: Target): Promise<void> {
  const session = target.name === "baseline" ? null : await hostSession(target.url);
  const sockets: ClientSocket[] = [];
  for (let i = 0; i < WARM_UP_JOINS; i++) {
    let auth: Record<string, string> = {};
    if (session) {
      const res = await fetch(`${target.url}/api/calls/${session.callId}/join`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      auth = { credential: ((await res.json()) as { credential: string }).credential };
    }
    sockets.push(await connectHost(target.url, auth));
  }
  for (const s of sockets) s.close();
}

async function run(target: Target, n: number): Promise<RunResult> {
  const earshot = target.name !== "baseline";
  await warmUp(target);
  const session = earshot ? await hostSession(target.url) : null;
  const host = await connectHost(target.url, session ? { credential: session.credential } : {});
  const workers = forkWorkers();
  try {
    const cpu0 = cpuSnapshot(target.pid);
    const stormStart = now();
    const perWorker = (i: number) => Math.floor(n / workerCount) + (i < n % workerCount ? 1 : 0);
    workers.forEach((w, i) => {
      // A cluster's nodes share the crowd: worker by worker.
      const urls = target.receiverUrls ?? [target.url];
      const order: StartOrder = {
        url: urls[i % urls.length]!,
        callId: session?.callId ?? null,
        count: perWorker(i),
        ratePerSec: rate / workerCount,
        timeoutMs: joinTimeoutMs,
      };
      w.send({ type: "start", ...order });
    });
    await fromAll(workers, "joined", (n / rate) * 1000 + joinTimeoutMs + 30_000);
    // The last coalescing window closes before the storm is over for its listeners.
    await sleep(1500);
    const stormSec = (now() - stormStart) / 1000;
    const cpu = cpuSince(cpu0, target.pid);
    const rss = rssMb(target.pid);
    for (const w of workers) w.send({ type: "storm-end" });

    const reports = fromAll<WorkerReport>(workers, "report", 60_000);
    for (const w of workers) w.send({ type: "collect", messages, timeoutMs: 20_000 });
    for (let i = 0; i < messages; i++) {
      host.emit("chat:send", { clientId: `crowd-${i}`, body: `c:${now().toFixed(3)}:`.padEnd(100, "x") }, () => undefined);
      await sleep(100);
    }
    const all = await reports;
    const cat = (k: keyof WorkerReport) => Float64Array.from(all.flatMap((r) => r[k] as number[]));
    const joined = all.reduce((s, r) => s + r.joinMs.length, 0);
    const rates = all.flatMap((r) => r.stormEvents.map((e, i) => (r.stormSeconds[i]! >= 5 ? e / r.stormSeconds[i]! : 0)));
    const serverCpuSec = cpu.serverPct === null ? null : (cpu.serverPct / 100) * stormSec;
    return {
      target: target.name,
      n,
      failed: n - joined,
      failures: all.flatMap((r) => r.failures).slice(0, 5),
      join: distribution(cat("joinMs")),
      stateBytes: distribution(cat("stateBytes")),
      eventsPerListener: distribution(cat("stormEvents")),
      bytesPerListener: distribution(cat("stormBytes")),
      maxEventsPerSec: rates.length ? Math.max(...rates) : null,
      chat: distribution(cat("chatMs")),
      chatMissing: all.reduce((s, r) => s + r.chatMissing, 0),
      serverCpuMsPerJoin: serverCpuSec === null || joined === 0 ? null : (serverCpuSec * 1000) / joined,
      serverRssMb: rss,
      stormSec,
    };
  } finally {
    host.close();
    for (const w of workers) if (w.connected) w.disconnect();
  }
}

async function main() {
  console.log(
    `bench:crowd  sizes ${sizes.join(", ")}  rate ${rate}/s  workers ${workerCount}  chat ${messages} msgs  (${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB)`,
  );
  const results: RunResult[] = [];
  const pg = args.cluster ? await postgresCluster() : null;
  const earshots: (() => Promise<Target>)[] = pg
    ? [() => startEarshotPostgres(pg.url, pg.note, { env: RAISED_JOIN_LIMITS }), () => startEarshotCluster(pg.url, pg.note, { env: RAISED_JOIN_LIMITS })]
    : [() => startEarshotSqlite({ env: RAISED_JOIN_LIMITS, cpuProfDir: args["server-cpu-prof"] })];
  for (const n of sizes) {
    for (const start of [...earshots, ...(args["no-baseline"] ? [] : [startBaseline])]) {
      const target = await start();
      try {
        console.log(`-- ${target.name}, N=${n}`);
        const r = await run(target, n);
        results.push(r);
        console.log(
          `   failed ${r.failed}  join p50/p95 ${fmt(r.join.p50, 0)}/${fmt(r.join.p95, 0)} ms  state ${fmt(r.stateBytes.max, 0)} B  events/listener ${fmt(r.eventsPerListener.mean)}  chat p99 ${fmt(r.chat.p99, 0)} ms`,
        );
        if (r.failures.length) console.log(`   first failures: ${r.failures.join(" | ")}`);
      } finally {
        await target.stop();
      }
    }
  }
  pg?.stop();
  printTable(results);
}

function printTable(results: RunResult[]) {
  const base = (n: number) => results.find((r) => r.target === "baseline" && r.n === n);
  const ratio = (a: number | null, b: number | null | undefined) => (a !== null && b ? `${fmt(a / b, 2)}x` : "-");
  console.log(
    "\n| target | N | failed | join p50 / p95 (ms) | baseline connect p95 | join p95 ratio | events / listener (mean, max/s) | bytes / listener | call:state max | server CPU / join | server RSS | chat p50 / p99 (ms) | baseline chat p99 | chat p99 ratio |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const r of results.filter((x) => x.target !== "baseline")) {
    const b = base(r.n);
    console.log(
      `| ${r.target} | ${r.n} | ${r.failed} | ${fmt(r.join.p50, 0)} / ${fmt(r.join.p95, 0)} | ${fmt(b?.join.p95, 0)} | ${ratio(r.join.p95, b?.join.p95)} | ${fmt(r.eventsPerListener.mean)}, ${fmt(r.maxEventsPerSec, 2)} | ${fmt(r.bytesPerListener.mean, 0)} B | ${fmt((r.stateBytes.max ?? 0) / 1024, 1)} KB | ${fmt(r.serverCpuMsPerJoin, 1)} ms | ${fmt(r.serverRssMb, 0)} MB | ${fmt(r.chat.p50, 0)} / ${fmt(r.chat.p99, 0)}${r.chatMissing ? ` (${r.chatMissing} missing)` : ""} | ${fmt(b?.chat.p99, 0)} | ${ratio(r.chat.p99, b?.chat.p99)} |`,
    );
  }
  for (const name of new Set(results.map((r) => r.target).filter((t) => t !== "baseline"))) {
    const held = results.filter((r) => r.target === name && r.failed === 0).map((r) => r.n);
    console.log(`\n${name}: largest N held with zero failed joins: ${held.length ? Math.max(...held) : "none"} (of ${sizes.join(", ")})`);
  }
  console.log(`goal: at most ${GOAL_EVENTS_PER_SEC} event per listener per second of storm`);
  console.log(
    `BENCH_CROWD_JSON ${JSON.stringify(results.map((r) => ({ ...r, join: r.join, chat: r.chat, serverCpuMsPerJoin: round(r.serverCpuMsPerJoin, 2) })))}`,
  );
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
