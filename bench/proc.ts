/**
 * CPU accounting from /proc (Linux): the bench process, a server process and
 * its descendants, and the whole machine, so a report can say who was busy.
 * Everything returns null where /proc is not available.
 */
import { readFileSync, readdirSync } from "node:fs";
import { cpus } from "node:os";

const CLK_TCK = 100; // USER_HZ: 100 on every mainstream Linux build

interface ProcStat {
  pid: number;
  ppid: number;
  comm: string;
  cpuSec: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = text.lastIndexOf(")");
    const rest = text.slice(close + 2).split(" ");
    // rest[0] = state (field 3), rest[1] = ppid (4), rest[11] = utime (14), rest[12] = stime (15)
    return { pid, ppid: Number(rest[1]), comm: text.slice(text.indexOf("(") + 1, close), cpuSec: (Number(rest[11]) + Number(rest[12])) / CLK_TCK };
  } catch {
    return null;
  }
}

function allStats(): ProcStat[] {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return [];
  }
  const out: ProcStat[] = [];
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    const s = readStat(Number(e));
    if (s) out.push(s);
  }
  return out;
}

/** CPU seconds used so far by one process (all its threads, not its children); null when it is gone. */
export function processCpuSeconds(pid: number): number | null {
  return readStat(pid)?.cpuSec ?? null;
}

/** Direct child processes of `parent`. */
export function childPids(parent = process.pid): number[] {
  return allStats()
    .filter((s) => s.ppid === parent)
    .map((s) => s.pid);
}

/** CPU seconds used so far by `pid` and its live descendants. */
export function treeCpuSeconds(pid: number): number | null {
  const stats = allStats();
  if (!stats.some((s) => s.pid === pid)) return null;
  const byParent = new Map<number, ProcStat[]>();
  for (const s of stats) byParent.set(s.ppid, [...(byParent.get(s.ppid) ?? []), s]);
  let total = 0;
  const stack = [pid];
  for (let guard = 0; stack.length && guard < 10_000; guard++) {
    const p = stack.pop()!;
    const self = stats.find((s) => s.pid === p);
    if (self) total += self.cpuSec;
    for (const c of byParent.get(p) ?? []) stack.push(c.pid);
  }
  return total;
}

/** CPU seconds used so far by every live process called `comm` (e.g. all "postgres" backends we can see). */
export function namedCpuSeconds(comm: string): number {
  return allStats()
    .filter((s) => s.comm === comm)
    .reduce((sum, s) => sum + s.cpuSec, 0);
}

/** Busy and total jiffies of all cores since boot (first line of /proc/stat). */
export function machineTicks(): { busy: number; total: number } | null {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0]!;
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const total = v.reduce((a, b) => a + b, 0);
    const idle = (v[3] ?? 0) + (v[4] ?? 0); // idle + iowait
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

export interface CpuSnapshot {
  at: number;
  bench: NodeJS.CpuUsage;
  server: number | null;
  postgres: number;
  machine: { busy: number; total: number } | null;
}

export interface CpuReport {
  /** Percent of one core. */
  benchPct: number | null;
  /** Percent of one core (the server process and its children). */
  serverPct: number | null;
  /** Percent of one core: every process named postgres that this namespace can see. */
  postgresPct: number | null;
  /** Percent of all cores together (100 = every core busy). */
  machinePct: number | null;
  /**
   * Percent of one core used by everything else on the machine (machine busy
   * minus bench, server and postgres): other work sharing the cores, e.g.
   * processes in other containers, which /proc here cannot see.
   */
  otherPct: number | null;
}

export function cpuSnapshot(serverPid: number | null): CpuSnapshot {
  return {
    at: performance.now(),
    bench: process.cpuUsage(),
    server: serverPid === null ? null : treeCpuSeconds(serverPid),
    postgres: namedCpuSeconds("postgres"),
    machine: machineTicks(),
  };
}

export function cpuSince(start: CpuSnapshot, serverPid: number | null): CpuReport {
  const end = cpuSnapshot(serverPid);
  const wallSec = (end.at - start.at) / 1000;
  if (wallSec <= 0) return { benchPct: null, serverPct: null, postgresPct: null, machinePct: null, otherPct: null };
  const b = process.cpuUsage(start.bench);
  const benchPct = ((b.user + b.system) / 1e6 / wallSec) * 100;
  const serverPct = start.server !== null && end.server !== null ? ((end.server - start.server) / wallSec) * 100 : null;
  // A backend that exited during the phase takes its CPU time with it: clamp at 0.
  const postgresPct = Math.max(0, ((end.postgres - start.postgres) / wallSec) * 100);
  const machinePct =
    start.machine && end.machine && end.machine.total > start.machine.total
      ? ((end.machine.busy - start.machine.busy) / (end.machine.total - start.machine.total)) * 100
      : null;
  const otherPct = machinePct === null ? null : Math.max(0, machinePct * cpus().length - benchPct - (serverPct ?? 0) - postgresPct);
  return { benchPct, serverPct, postgresPct, machinePct, otherPct };
}
