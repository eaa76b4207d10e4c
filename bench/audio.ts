/**
 * Audio benchmark: one speaker and N listeners (rtc-node peers) in one call on
 * one local LiveKit node supervised by the real Earshot production server.
 * Each N runs twice in the same LiveKit node: "baseline" (tokens minted
 * directly with lib/livekit/tokens.ts, role changes by a direct
 * RoomServiceClient.updateParticipant) and "earshot" (REST join, REST role
 * change), so the ratios show what Earshot adds.
 *
 * Run through `npm run bench:audio` (bench/audio-run.mjs), which creates the
 * private network namespace this needs (EARSHOT_NETNS_ADDR) and deletes it.
 * Options: --listeners 50,100,200  --window 10 (s)  --batch 10  --promote 20
 *          --workers auto|N  --join-timeout 30 (s)  --no-warmup
 *          --compare-hidden: at the largest N, also run Earshot with *visible*
 *          listeners (a call whose newcomers are speakers who never publish) and
 *          report LiveKit's CPU per listener, hidden (the audience as Earshot
 *          joins it) against visible.
 */
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, setPriority, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { RoomServiceClient } from "livekit-server-sdk";
import { roomPermission } from "../lib/livekit/audio-room";
import { LIVEKIT_VERSION } from "../lib/livekit/provision";
import { mintToken } from "../lib/livekit/tokens";
import { api, createCall, joinCall } from "../tests/support/api";
import { localLiveKitEnv } from "../tests/support/netns";
import { startServer, type TestServer } from "../tests/support/server";
import { BenchPeer, now, type RtpCount, withTimeout } from "./audio-peer";
import type { JoinArgs, JoinResult } from "./audio-worker";

// ---------------------------------------------------------------- options

function parseArgs(argv: string[]) {
  const o = { listeners: [50, 100, 200], windowS: 10, batch: 10, promote: 20, workers: "auto", joinTimeoutS: 30, warmup: true, compareHidden: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes("=") ? (a.split("=", 2) as [string, string]) : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const num = (v: string, min: number) => {
      const n = Number(v);
      if (!Number.isFinite(n) || n < min) throw new Error(`${flag}: ${v} is not a number >= ${min}`);
      return n;
    };
    switch (flag) {
      case "--listeners":
        o.listeners = value()
          .split(",")
          .map((s) => Math.round(num(s.trim(), 1)));
        break;
      case "--window":
        o.windowS = num(value(), 1);
        break;
      case "--batch":
        o.batch = Math.round(num(value(), 1));
        break;
      case "--promote":
        o.promote = Math.round(num(value(), 0));
        break;
      case "--workers":
        o.workers = value();
        if (o.workers !== "auto") num(o.workers, 1);
        break;
      case "--join-timeout":
        o.joinTimeoutS = num(value(), 1);
        break;
      case "--no-warmup":
        o.warmup = false;
        break;
      case "--compare-hidden":
        o.compareHidden = true;
        break;
      case "--help":
      case "-h":
        console.log(readFileSync(fileURLToPath(import.meta.url), "utf8").split("*/")[0]);
        process.exit(0);
      default:
        throw new Error(`unknown option ${a} (try --help)`);
    }
  }
  return o;
}

// ---------------------------------------------------------------- small helpers

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function pct(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
const dist = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, p50: pct(s, 0.5), p95: pct(s, 0.95), max: s.length ? s[s.length - 1]! : null };
};
const r1 = (v: number | null | undefined) => (v == null || !Number.isFinite(v) ? null : Math.round(v * 10) / 10);
const r3 = (v: number | null | undefined) => (v == null || !Number.isFinite(v) ? null : Math.round(v * 1000) / 1000);

// ---------------------------------------------------------------- CPU from /proc

const CLK_TCK = 100; // USER_HZ on mainstream Linux builds (getconf CLK_TCK)

function procTicks(path: string): number | null {
  try {
    const text = readFileSync(path, "utf8");
    const rest = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return Number(rest[11]) + Number(rest[12]); // utime + stime
  } catch {
    return null;
  }
}
function ppidOf(pid: number): number | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(text.slice(text.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}
function machineTicks(): { busy: number; total: number } {
  const f = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = f.slice(0, 8).reduce((a, b) => a + b, 0); // user..steal (guest is inside user)
  const idle = (f[3] ?? 0) + (f[4] ?? 0);
  return { busy: total - idle, total };
}

/** Who to watch: process totals (all threads) and, for node processes, the main (JS) thread. */
interface Watched {
  livekit: number;
  server: number;
  coordinator: number;
  workers: number[];
}
function cpuSample(w: Watched) {
  const proc = (pid: number) => procTicks(`/proc/${pid}/stat`);
  const main = (pid: number) => procTicks(`/proc/${pid}/task/${pid}/stat`);
  return {
    at: now(),
    livekit: proc(w.livekit),
    server: proc(w.server),
    serverMain: main(w.server),
    coordinator: proc(w.coordinator),
    workers: w.workers.map(proc),
    workersMain: w.workers.map(main),
    machine: machineTicks(),
  };
}
type CpuSample = ReturnType<typeof cpuSample>;
/** % of one core per process over the interval; machine busy in % of all cores. */
function cpuBetween(a: CpuSample, b: CpuSample) {
  const secs = (b.at - a.at) / 1000;
  const p = (x: number | null, y: number | null) => (x == null || y == null ? null : r1(((y - x) / CLK_TCK / secs) * 100));
  const workers = a.workers.map((x, i) => p(x, b.workers[i] ?? null));
  const workersMain = a.workersMain.map((x, i) => p(x, b.workersMain[i] ?? null));
  return {
    livekitPct: p(a.livekit, b.livekit),
    serverPct: p(a.server, b.server),
    serverMainThreadPct: p(a.serverMain, b.serverMain),
    coordinatorPct: p(a.coordinator, b.coordinator),
    workersPct: workers,
    workersTotalPct: r1(workers.reduce<number>((s, v) => s + (v ?? 0), 0)),
    workersMainThreadPct: workersMain,
    machineBusyPct: r1(((b.machine.busy - a.machine.busy) / Math.max(1, b.machine.total - a.machine.total)) * 100),
  };
}
/** CPU the machine spent on anything but this benchmark's processes (other work sharing the machine), in % of one core. */
function otherLoad(c: ReturnType<typeof cpuBetween>, cores: number) {
  const ours = (c.livekitPct ?? 0) + (c.serverPct ?? 0) + (c.coordinatorPct ?? 0) + (c.workersTotalPct ?? 0);
  return r1(Math.max(0, (c.machineBusyPct ?? 0) * cores - ours));
}

// ---------------------------------------------------------------- worker processes

class PeerWorker {
  private seq = 0;
  private pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  readonly ready: Promise<void>;
  pid = 0;

  constructor(readonly child: ChildProcess) {
    this.ready = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("a peer worker did not start in 30 s")), 30_000);
      child.on("message", (m: any) => {
        if (m?.ready) {
          clearTimeout(timer);
          this.pid = m.pid;
          resolve();
          return;
        }
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        clearTimeout(p.timer);
        if (m.ok) p.resolve(m.result);
        else p.reject(new Error(m.error));
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`peer worker exited (${signal ?? code})`));
        for (const p of this.pending.values()) (clearTimeout(p.timer), p.reject(new Error(`peer worker exited (${signal ?? code})`)));
        this.pending.clear();
      });
    });
    this.ready.catch(() => undefined);
  }

  call<T>(cmd: string, args: unknown, timeoutMs: number): Promise<T> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.reject(new Error("peer worker is gone"));
    const id = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => (this.pending.delete(id), reject(new Error(`worker ${cmd} timed out after ${timeoutMs} ms`))), timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.child.send({ id, cmd, args });
    });
  }

  /** Lets the worker close its peers (it does so when the channel closes), then makes sure it is gone. */
  async stop() {
    const child = this.child;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once("exit", () => r()));
    if (child.connected) child.disconnect();
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------- one phase

interface Ctx {
  server: TestServer;
  liveKitUrl: string;
  keys: { apiKey: string; apiSecret: string };
  rooms: RoomServiceClient;
  workers: PeerWorker[];
  watched: Watched;
  o: ReturnType<typeof parseArgs>;
}

/** "visible": Earshot with listeners the media server announces (newcomers are speakers who never publish). */
type Mode = "baseline" | "earshot" | "visible";

async function runPhase(ctx: Ctx, mode: Mode, n: number, opts: { windowS: number; promote: number; quiet?: boolean }) {
  const { server, workers, o } = ctx;
  const log = (s: string) => !opts.quiet && console.log(`  [${mode} N=${n}] ${s}`);
  const host = await createCall(server, mode === "visible" ? "speaker" : "listener");
  const callId = host.call.id;
  const speakerIdentity = host.participant.id;
  const speaker = new BenchPeer("(nobody: the speaker only talks)");
  const keysInUse = [] as string[];
  try {
    // The speaker: the call's host (admin). Earshot: the token from the REST create; baseline: minted here.
    const speakerToken =
      mode !== "baseline"
        ? host.livekit!.token
        : await mintToken(ctx.keys, { callId, participantId: host.participant.id, displayName: host.participant.displayName, role: "admin" });
    await speaker.connect(mode !== "baseline" ? host.livekit!.url : ctx.liveKitUrl, speakerToken);
    await speaker.publishSine();
    await sleep(300);

    // ---- joins, in batches of o.batch; listener i lives in worker i % W
    const joinStarted = now();
    const joinCpu0 = cpuSample(ctx.watched);
    const results: JoinResult[] = [];
    for (let b = 0; b < n; b += o.batch) {
      const idx = Array.from({ length: Math.min(o.batch, n - b) }, (_, k) => b + k);
      // Baseline listeners must exist in Earshot too: its participant_joined
      // webhook kicks unknown identities out of the room (lib/services/audio-events.ts).
      // Registered here through REST, untimed, just before their timed join.
      const registered = mode === "baseline" ? await Promise.all(idx.map(() => joinCall(server, callId))) : idx.map(() => null);
      const batch = await Promise.all(
        idx.map((i, k) => {
          const key = `${mode}-${n}-${i}`;
          keysInUse.push(key);
          const args: JoinArgs = {
            key,
            mode: mode === "baseline" ? "baseline" : "earshot",
            serverUrl: server.url,
            callId,
            speakerIdentity,
            liveKitUrl: ctx.liveKitUrl,
            participantId: registered[k]?.participant.id,
            displayName: registered[k]?.participant.displayName,
            timeoutMs: o.joinTimeoutS * 1000,
          };
          return workers[workerIndex(key, workers.length)]!.call<JoinResult>("join", args, o.joinTimeoutS * 1000 + 5_000).catch((e: Error): JoinResult => ({
            key,
            ok: false,
            participantId: null,
            tokenMs: null,
            connectMs: null,
            joinMs: null,
            error: e.message,
          }));
        }),
      );
      results.push(...batch);
    }
    const joinPhaseS = (now() - joinStarted) / 1000;
    // What the joins cost the media server: where a visible audience pays (everyone is told of everyone).
    const joinCpu = cpuBetween(joinCpu0, cpuSample(ctx.watched));
    const ok = results.filter((r) => r.ok);
    const failed = results.filter((r) => !r.ok);
    const joinDist = dist(ok.map((r) => r.joinMs!));
    log(
      `${ok.length}/${n} joined and heard the speaker in ${joinPhaseS.toFixed(1)} s (join to first audible frame p50 ${r1(joinDist.p50)} ms, p95 ${r1(joinDist.p95)} ms)` +
        (failed.length ? `; first failure: ${failed[0]!.error}` : ""),
    );

    // ---- delivery window
    await sleep(1000); // jitter buffers settle after the last join
    // Delivery from RTP statistics: packets each listener received against what the speaker sent
    // at the same time. Each count carries the time it was read, so a worker that answers late
    // (a busy event loop) does not stretch or shrink the window its counts cover.
    const receivedAll = async () =>
      Object.assign({}, ...(await Promise.all(workers.map((w) => w.call<Record<string, RtpCount>>("received", null, 20_000))))) as Record<string, RtpCount>;
    await Promise.all(workers.map((w) => w.call("load", null, 10_000))); // resets event-loop delay stats
    const [c0, s0] = await Promise.all([receivedAll(), speaker.sentAudio()]);
    const cpu0 = cpuSample(ctx.watched);
    await sleep(opts.windowS * 1000);
    const cpu1 = cpuSample(ctx.watched);
    const [c1, s1] = await Promise.all([receivedAll(), speaker.sentAudio()]);
    const loads = await Promise.all(workers.map((w) => w.call<{ loopP99Ms: number; loopMaxMs: number; rssMb: number }>("load", null, 10_000)));
    const windowMs = cpu1.at - cpu0.at;
    const sentPerMs = (s1.sent - s0.sent) / (s1.at - s0.at);
    const shares = results.map((r) => {
      const a = c0[r.key];
      const b = c1[r.key];
      // A listener whose join failed counts with nothing received over the whole window.
      if (!a || !b) return { received: 0, lost: 0, expected: sentPerMs * windowMs };
      return { received: b.received - a.received, lost: b.lost - a.lost, expected: sentPerMs * (b.at - a.at) };
    });
    const expectedTotal = shares.reduce((s, x) => s + x.expected, 0);
    const receivedTotal = shares.reduce((s, x) => s + x.received, 0);
    const lostTotal = shares.reduce((s, x) => s + x.lost, 0);
    const perListener = shares.map((x) => (x.expected > 0 ? x.received / x.expected : 0));
    const delivered = {
      windowMs: Math.round(windowMs),
      speakerPacketsPerS: r1(sentPerMs * 1000),
      /** received / sent, over every listener (capped at 1 per listener: a count read late holds packets sent after the window) */
      share: r3(shares.reduce((s, x) => s + Math.min(x.received, x.expected), 0) / expectedTotal),
      worst: r3(Math.min(...perListener)),
      uncapped: r3(receivedTotal / expectedTotal),
      /** packets the listeners' receivers counted as lost (sequence gaps) */
      lostShare: r3(lostTotal / Math.max(1, receivedTotal + lostTotal)),
    };
    const cpu = { ...cpuBetween(cpu0, cpu1), otherPct: 0 as number | null };
    cpu.otherPct = otherLoad(cpu, cpus().length);
    log(
      `window ${(windowMs / 1000).toFixed(1)} s: ${(100 * (delivered.share ?? 0)).toFixed(2)}% of the speaker's audio packets received, worst ${(100 * (delivered.worst ?? 0)).toFixed(1)}%; ` +
        `CPU % of a core: LiveKit ${cpu.livekitPct}, Earshot ${cpu.serverPct}, peers ${cpu.workersTotalPct} (${cpu.workersPct.join("+")}), machine busy ${cpu.machineBusyPct}% of ${cpus().length} cores (other work ${cpu.otherPct})`,
    );

    // ---- role change: listener -> speaker, until that listener's publish is accepted
    const promoted: Array<{ actMs: number; permMs: number | null; publishMs: number | null; error?: string }> = [];
    const candidates = ok.filter((r) => r.participantId);
    const k = Math.min(opts.promote, candidates.length);
    for (let j = 0; j < k; j++) {
      const r = candidates[Math.floor((j * candidates.length) / k)]!;
      const worker = workers[workerIndex(r.key, workers.length)]!;
      const pid = r.participantId!;
      const t0 = now();
      const act =
        mode === "earshot"
          ? api(server, "POST", `/api/calls/${callId}/roles`, { credential: host.credential, body: { participantId: pid, role: "speaker" } }).then((res) => {
              if (res.status !== 200) throw new Error(`REST role change: ${res.status} ${JSON.stringify(res.body)}`);
            })
          : ctx.rooms.updateParticipant(callId, pid, { permission: roomPermission("speaker") }).then(() => undefined);
      const actDone = act.then(() => now() - t0);
      actDone.catch(() => undefined);
      // A refused publish is not rejected by rtc-node: it waits ~10 s for an answer
      // the server never sends. So the publish is attempted only once LiveKit itself
      // reports the permission (RoomService.GetParticipant polled every 20 ms).
      const entry: (typeof promoted)[number] = { actMs: NaN, permMs: null, publishMs: null };
      try {
        let permAt: number | null = null;
        const deadline = t0 + 10_000;
        while (permAt === null && now() < deadline) {
          const info = await ctx.rooms.getParticipant(callId, pid).catch(() => null);
          if (info?.permission?.canPublish) permAt = now();
          else await sleep(20);
        }
        if (permAt === null) throw new Error("permission not granted within 10 s");
        entry.permMs = permAt - t0;
        let publishedAt: number | null = null;
        for (let attempt = 0; attempt < 2 && publishedAt === null; attempt++) {
          publishedAt = await worker.call<number>("publish", { key: r.key, timeoutMs: 12_000 }, 15_000).catch(() => null);
        }
        if (publishedAt === null) throw new Error("publish not accepted");
        entry.publishMs = publishedAt - t0;
        entry.actMs = await withTimeout(actDone, 10_000, "role change request");
      } catch (e) {
        entry.error = (e as Error).message;
      }
      promoted.push(entry);
      // Back to listener (untimed) so the next promotion starts from the same room.
      await worker.call("unpublish", { key: r.key }, 10_000).catch(() => undefined);
      await act.catch(() => undefined);
      if (mode !== "baseline")
        await api(server, "POST", `/api/calls/${callId}/roles`, { credential: host.credential, body: { participantId: pid, role: "listener" } }).catch(
          () => undefined,
        );
      else await ctx.rooms.updateParticipant(callId, pid, { permission: roomPermission("listener") }).catch(() => undefined);
      await sleep(100);
    }
    const promoteOk = promoted.filter((p) => p.publishMs !== null);
    if (k) log(`role change: ${promoteOk.length}/${k} promoted listeners published; p95 ${r1(dist(promoteOk.map((p) => p.publishMs!)).p95)} ms`);

    return {
      mode,
      n,
      joined: ok.length,
      joinFailures: failed.slice(0, 5).map((f) => f.error),
      joinPhaseS: r1(joinPhaseS),
      joinMs: mapDist(dist(ok.map((r) => r.joinMs!))),
      tokenMs: mapDist(dist(ok.map((r) => r.tokenMs!))),
      connectMs: mapDist(dist(ok.map((r) => r.connectMs!))),
      firstAudioAfterConnectMs: mapDist(dist(ok.map((r) => r.joinMs! - r.connectMs!))),
      delivered,
      cpu,
      joinCpu,
      peerWorkers: loads.map((l) => ({ loopDelayP99Ms: r1(l.loopP99Ms), loopDelayMaxMs: r1(l.loopMaxMs), rssMb: Math.round(l.rssMb) })),
      roleChange: {
        k,
        ok: promoteOk.length,
        errors: promoted
          .filter((p) => p.error)
          .slice(0, 3)
          .map((p) => p.error),
        publishMs: mapDist(dist(promoteOk.map((p) => p.publishMs!))),
        permissionVisibleMs: mapDist(dist(promoteOk.map((p) => p.permMs!))),
        requestMs: mapDist(dist(promoteOk.map((p) => p.actMs))),
      },
    };
  } finally {
    await Promise.all(workers.map((w) => w.call("closeAll", null, 60_000).catch(() => undefined)));
    await speaker.close();
    await api(server, "POST", `/api/calls/${callId}/end`, { credential: host.credential }).catch(() => undefined);
  }
}
/** Listener i (the key's last part) lives in worker i % W. */
const workerIndex = (key: string, workerCount: number) => Number(key.split("-").pop()) % workerCount;
const mapDist = (d: ReturnType<typeof dist>) => ({ n: d.n, p50: r1(d.p50), p95: r1(d.p95), max: r1(d.max) });
type Phase = Awaited<ReturnType<typeof runPhase>>;

// ---------------------------------------------------------------- report

function report(o: ReturnType<typeof parseArgs>, machine: Record<string, unknown>, rows: Array<{ n: number; baseline: Phase; earshot: Phase }>) {
  const f = (v: number | null | undefined, unit = "") => (v == null ? "-" : `${v}${unit}`);
  const pctS = (v: number | null | undefined, d = 2) => (v == null ? "-" : `${(v * 100).toFixed(d)}%`);
  const ratio = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null || b === 0 ? null : Math.round((a / b) * 100) / 100);
  const line = (label: string, b: string, e: string, r = "") => console.log(`  ${label.padEnd(44)}${b.padStart(14)}${e.padStart(14)}${r.padStart(10)}`);

  console.log("");
  console.log("=".repeat(86));
  console.log(`Earshot audio benchmark: 1 speaker, N listeners, one call on one local LiveKit v${LIVEKIT_VERSION} node`);
  console.log(`machine: ${machine.cores} cores (${machine.cpuModel}), node ${machine.node}, @livekit/rtc-node ${machine.rtcNode}`);
  console.log(
    `method: listeners joined ${o.batch} at a time (a batch waits for all of its members), peers spread over ${machine.workers} child process(es)` +
      ` inside a private network namespace; delivery = RTP audio packets each listener received / packets the speaker sent, over a ${o.windowS} s window after all joined; role change measured on ${o.promote} listeners` +
      ` one after another, publish attempted once LiveKit reports canPublish (GetParticipant polled every 20 ms).`,
  );
  for (const { n, baseline: b, earshot: e } of rows) {
    console.log("");
    console.log(`N = ${n} listeners`);
    line("", "baseline", "earshot", "ratio");
    line("listeners joined & hearing the speaker", `${b.joined}/${n}`, `${e.joined}/${n}`);
    line("join -> first audible frame p50 (ms)", f(b.joinMs.p50), f(e.joinMs.p50), f(ratio(e.joinMs.p50, b.joinMs.p50), "x"));
    line("join -> first audible frame p95 (ms)", f(b.joinMs.p95), f(e.joinMs.p95), f(ratio(e.joinMs.p95, b.joinMs.p95), "x"));
    line("  of which token (REST join | mint) p50 (ms)", f(b.tokenMs.p50), f(e.tokenMs.p50));
    line("  of which token (REST join | mint) p95 (ms)", f(b.tokenMs.p95), f(e.tokenMs.p95));
    line("  connect resolved p50 (ms, from start)", f(b.connectMs.p50), f(e.connectMs.p50));
    line("all joins took (s)", f(b.joinPhaseS), f(e.joinPhaseS));
    line("audio frames delivered (all listeners)", pctS(b.delivered.share), pctS(e.delivered.share));
    line("worst listener", pctS(b.delivered.worst, 1), pctS(e.delivered.worst, 1));
    line("  received/sent uncapped (read-time jitter)", pctS(b.delivered.uncapped), pctS(e.delivered.uncapped));
    line("  reported lost by the receivers", pctS(b.delivered.lostShare), pctS(e.delivered.lostShare));
    line("  speaker packets per second", f(b.delivered.speakerPacketsPerS), f(e.delivered.speakerPacketsPerS));
    line("LiveKit CPU (% of one core)", f(b.cpu.livekitPct), f(e.cpu.livekitPct), f(ratio(e.cpu.livekitPct, b.cpu.livekitPct), "x"));
    line("Earshot server CPU (% of one core)", f(b.cpu.serverPct), f(e.cpu.serverPct));
    line("bench peer processes CPU (% of one core)", f(b.cpu.workersTotalPct), f(e.cpu.workersTotalPct));
    line(
      "  busiest peer JS thread (% of one core)",
      f(Math.max(...b.cpu.workersMainThreadPct.map((v) => v ?? 0))),
      f(Math.max(...e.cpu.workersMainThreadPct.map((v) => v ?? 0))),
    );
    line(
      "  worst peer event-loop delay p99 (ms)",
      f(Math.max(...b.peerWorkers.map((w) => w.loopDelayP99Ms ?? 0))),
      f(Math.max(...e.peerWorkers.map((w) => w.loopDelayP99Ms ?? 0))),
    );
    line("machine busy (% of all cores)", f(b.cpu.machineBusyPct), f(e.cpu.machineBusyPct));
    line("  not in bench processes (% of one core)*", f(b.cpu.otherPct), f(e.cpu.otherPct));
    line(
      `role change -> publish accepted p50 (ms)`,
      f(b.roleChange.publishMs.p50),
      f(e.roleChange.publishMs.p50),
      f(ratio(e.roleChange.publishMs.p50, b.roleChange.publishMs.p50), "x"),
    );
    line(
      `role change -> publish accepted p95 (ms)`,
      f(b.roleChange.publishMs.p95),
      f(e.roleChange.publishMs.p95),
      f(ratio(e.roleChange.publishMs.p95, b.roleChange.publishMs.p95), "x"),
    );
    line("  of which canPublish visible p95 (ms)", f(b.roleChange.permissionVisibleMs.p95), f(e.roleChange.permissionVisibleMs.p95));
    line("  role request itself p95 (ms)", f(b.roleChange.requestMs.p95), f(e.roleChange.requestMs.p95));
    line("  promotions that published", `${b.roleChange.ok}/${b.roleChange.k}`, `${e.roleChange.ok}/${e.roleChange.k}`);
    for (const p of [b, e]) if (p.joinFailures.length) console.log(`  ${p.mode} join failures (first ${p.joinFailures.length}): ${p.joinFailures.join(" | ")}`);
    for (const p of [b, e]) if (p.roleChange.errors.length) console.log(`  ${p.mode} role change errors: ${p.roleChange.errors.join(" | ")}`);
  }

  // Goals
  console.log("");
  console.log("Goals:");
  const goals: Array<{ goal: string; met: boolean | null; detail: string }> = [];
  const at200 = rows.find((r) => r.n === 200);
  goals.push({
    goal: "200 listeners: >= 99% of audio frames delivered (Earshot)",
    met: at200 ? (at200.earshot.delivered.share ?? 0) >= 0.99 : null,
    detail: at200
      ? `${pctS(at200.earshot.delivered.share)} (worst listener ${pctS(at200.earshot.delivered.worst, 1)}; baseline ${pctS(at200.baseline.delivered.share)})`
      : "N=200 not run",
  });
  for (const r of rows) {
    const q = ratio(r.earshot.joinMs.p95, r.baseline.joinMs.p95);
    goals.push({
      goal: `N=${r.n}: join p95 <= 1.2x baseline`,
      met: q == null ? null : q <= 1.2,
      detail: `${f(r.earshot.joinMs.p95)} vs ${f(r.baseline.joinMs.p95)} ms = ${f(q, "x")}`,
    });
  }
  for (const r of rows) {
    const p95 = r.earshot.roleChange.publishMs.p95;
    const allOk = r.earshot.roleChange.ok === r.earshot.roleChange.k;
    goals.push({
      goal: `N=${r.n}: role change -> publish allowed p95 < 300 ms`,
      met: p95 == null || r.earshot.roleChange.k === 0 ? null : p95 < 300 && allOk,
      detail: `${f(p95)} ms (${r.earshot.roleChange.ok}/${r.earshot.roleChange.k} published; baseline ${f(r.baseline.roleChange.publishMs.p95)} ms)`,
    });
  }
  for (const g of goals) console.log(`  [${g.met === null ? "n/a" : g.met ? "MET" : "NOT MET"}] ${g.goal}: ${g.detail}`);
  return goals;
}

// ---------------------------------------------------------------- main

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const host = process.env.EARSHOT_NETNS_ADDR;
  if (!host || !/^10\.77\.0\.\d+$/.test(host)) {
    console.error(
      "bench/audio.ts runs inside the private network namespace that `npm run bench:audio` (bench/audio-run.mjs) creates; EARSHOT_NETNS_ADDR is not set to a 10.77.0.x address.",
    );
    process.exit(1);
  }
  const maxN = Math.max(...o.listeners);
  // Spread the peers: one busy JS thread per 25 peers at most, up to four processes.
  const workerCount = o.workers === "auto" ? Math.min(4, Math.max(1, Math.ceil(maxN / 25))) : Number(o.workers);

  const tmp = mkdtempSync(join(tmpdir(), "earshot-bench-audio-"));
  const keys = { apiKey: "earshot_bench", apiSecret: `bench-${Math.random().toString(36).slice(2)}-livekit-secret-0123456789` };
  const lkEnv = await localLiveKitEnv(host);
  const liveKitUrl = `ws://${host}:${lkEnv.LIVEKIT_PORT}`;

  let server: TestServer | null = null;
  const workers: PeerWorker[] = [];
  let cleaning: Promise<void> | null = null;
  const cleanup = () =>
    (cleaning ??= (async () => {
      await Promise.all(workers.map((w) => w.stop().catch(() => undefined)));
      await server?.stop().catch(() => undefined);
      rmSync(tmp, { recursive: true, force: true });
    })());
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(sig, () => {
      console.error(`\n${sig}: stopping peers and the server ...`);
      const hard = setTimeout(() => process.exit(130), 25_000);
      hard.unref();
      void cleanup().finally(() => process.exit(130));
    });
  }

  try {
    server = await startServer({
      host,
      databaseUrl: `file:${join(tmp, "earshot.db")}`,
      env: {
        ...lkEnv,
        EARSHOT_DATA_DIR: join(tmp, "data"),
        LIVEKIT_API_KEY: keys.apiKey,
        LIVEKIT_API_SECRET: keys.apiSecret,
        // Headless peers hold no Socket.IO connection, so Earshot sees them as "away";
        // without this its sweeper would mark them left after 60 s (and the webhook
        // would then kick a late LiveKit join). Real clients keep a socket open.
        PRESENCE_TIMEOUT_MS: String(3_600_000),
      },
    });
    const health = await api(server, "GET", "/api/health");
    if (!health.body?.livekit) throw new Error(`LiveKit is not healthy: ${JSON.stringify(health.body)}\n${server.logs().slice(-3000)}`);
    const livekitPid = Number(readFileSync(join(tmp, "data", "livekit", "livekit.pid"), "utf8"));
    const serverPid = ppidOf(livekitPid);
    if (!serverPid) throw new Error("cannot find the Earshot server process (parent of LiveKit)");

    for (let i = 0; i < workerCount; i++) {
      const child = fork(fileURLToPath(new URL("./audio-worker.ts", import.meta.url)), [], {
        execArgv: ["--import", "tsx"],
        env: { ...process.env, BENCH_LIVEKIT_KEY: keys.apiKey, BENCH_LIVEKIT_SECRET: keys.apiSecret },
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      });
      // The peers are the load, not what is measured: LiveKit and Earshot get the CPU first.
      if (child.pid) setPriority(child.pid, 10);
      workers.push(new PeerWorker(child));
    }
    await Promise.all(workers.map((w) => w.ready));
    const ctx: Ctx = {
      server,
      liveKitUrl,
      keys,
      rooms: new RoomServiceClient(`http://${host}:${lkEnv.LIVEKIT_PORT}`, keys.apiKey, keys.apiSecret),
      workers,
      watched: { livekit: livekitPid, server: serverPid, coordinator: process.pid, workers: workers.map((w) => w.pid) },
      o,
    };
    const rtcNode = JSON.parse(readFileSync(fileURLToPath(new URL("../node_modules/@livekit/rtc-node/package.json", import.meta.url)), "utf8")).version;
    const machine = { cores: cpus().length, cpuModel: cpus()[0]?.model ?? "?", node: process.version, rtcNode, livekit: LIVEKIT_VERSION, workers: workerCount };
    console.log(`[bench] Earshot ${server.url}, LiveKit ${liveKitUrl} (pid ${livekitPid}), ${workerCount} peer process(es), ${machine.cores} cores`);

    if (o.warmup) {
      console.log("[bench] warm-up (not reported): 10 listeners each way");
      for (const mode of ["baseline", "earshot"] as const) await runPhase(ctx, mode, 10, { windowS: 2, promote: 3, quiet: true });
    }
    const rows: Array<{ n: number; baseline: Phase; earshot: Phase }> = [];
    for (const n of o.listeners) {
      console.log(`[bench] N = ${n}`);
      const baseline = await runPhase(ctx, "baseline", n, o);
      await sleep(2000);
      const earshot = await runPhase(ctx, "earshot", n, o);
      await sleep(2000);
      rows.push({ n, baseline, earshot });
    }
    const goals = report(o, machine, rows);
    const hiddenVsVisible = o.compareHidden ? await compareHidden(ctx, rows.at(-1)!) : null;
    console.log("");
    console.log(
      "BENCH_AUDIO_JSON " +
        JSON.stringify({
          machine,
          options: { ...o, workers: workerCount },
          results: rows,
          hiddenVsVisible,
          goals: goals.map((g) => ({ goal: g.goal, met: g.met, detail: g.detail })),
        }),
    );
  } catch (e) {
    console.error(`[bench] failed: ${(e as Error).stack ?? e}`);
    if (server) console.error(`[bench] last server output:\n${server.logs().slice(-2000)}`);
    process.exitCode = 1;
  } finally {
    await cleanup();
  }
}

/**
 * LiveKit's CPU per listener with the audience hidden (Earshot's own run at the largest N)
 * against the same N of visible listeners, measured right after it on the same node.
 */
async function compareHidden(ctx: Ctx, row: { n: number; earshot: Phase }) {
  console.log(`[bench] N = ${row.n}, visible listeners (--compare-hidden)`);
  const visible = await runPhase(ctx, "visible", row.n, { ...ctx.o, promote: 0 });
  const perListener = (p: Phase) => (p.cpu.livekitPct === null || p.joined === 0 ? null : r3(p.cpu.livekitPct / p.joined));
  // CPU seconds LiveKit spent while the N joined, per listener (ms).
  const joinMsPerListener = (p: Phase) =>
    p.joinCpu.livekitPct === null || p.joined === 0 ? null : r3(((p.joinCpu.livekitPct / 100) * p.joinPhaseS! * 1000) / p.joined);
  const out = {
    n: row.n,
    hiddenLiveKitPctPerListener: perListener(row.earshot),
    visibleLiveKitPctPerListener: perListener(visible),
    hiddenJoinCpuMsPerListener: joinMsPerListener(row.earshot),
    visibleJoinCpuMsPerListener: joinMsPerListener(visible),
    hiddenJoined: row.earshot.joined,
    visibleJoined: visible.joined,
  };
  console.log(
    `[bench] LiveKit CPU per listener at N=${row.n}: steady state hidden ${out.hiddenLiveKitPctPerListener ?? "-"}% of a core, visible ${out.visibleLiveKitPctPerListener ?? "-"}%; ` +
      `during the joins hidden ${out.hiddenJoinCpuMsPerListener ?? "-"} ms, visible ${out.visibleJoinCpuMsPerListener ?? "-"} ms`,
  );
  return out;
}

await main();
process.exit(process.exitCode ?? 0);
