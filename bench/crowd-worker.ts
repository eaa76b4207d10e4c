/**
 * One of bench:crowd's worker processes (forked by bench/crowd.ts): it brings
 * its share of the crowd into the call at its share of the join rate, and
 * records what each listener gets. Talks to the parent over IPC only:
 *
 *   parent → {type: "start", ...StartOrder}   join/connect `count` clients
 *   worker → {type: "joined"}                 when every join has finished (ok or not)
 *   parent → {type: "storm-end"}              stop counting storm events
 *   parent → {type: "collect", messages}      wait (bounded) for the chat, then report
 *   worker → {type: "report", ...WorkerReport}
 *
 * Exits when the parent disconnects, so it never outlives the bench.
 */
import { io } from "socket.io-client";
import type { ClientSocket } from "./clients";

export interface StartOrder {
  url: string;
  /** Null for the bare Socket.IO baseline: no REST join, no credential. */
  callId: string | null;
  count: number;
  ratePerSec: number;
  /** Per-join deadline (join answer + call:state). */
  timeoutMs: number;
}

export interface WorkerReport {
  /** Join (or, for the baseline, connect) → call:state, ms, one per successful client. */
  joinMs: number[];
  failures: string[];
  /** JSON size of call:state (bytes), one per successful client. */
  stateBytes: number[];
  /** Per client: events and bytes received between its call:state and the storm's end, and how long that was (s). */
  stormEvents: number[];
  stormBytes: number[];
  stormSeconds: number[];
  /** Chat delivery latency (ms), one per (message, client) received. */
  chatMs: number[];
  chatMissing: number;
}

const now = () => performance.timeOrigin + performance.now();

interface Listener {
  socket: ClientSocket;
  connectedAt: number;
  events: number;
  bytes: number;
  chat: number;
}

const listeners: Listener[] = [];
const report: WorkerReport = { joinMs: [], failures: [], stateBytes: [], stormEvents: [], stormBytes: [], stormSeconds: [], chatMs: [], chatMissing: 0 };
let storm = true;

async function joinOne(o: StartOrder): Promise<void> {
  const started = now();
  let auth: Record<string, string> = {};
  if (o.callId) {
    const res = await fetch(`${o.url}/api/calls/${o.callId}/join`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
      signal: AbortSignal.timeout(o.timeoutMs),
    });
    if (!res.ok) throw new Error(`join ${res.status}: ${(await res.text()).slice(0, 120)}`);
    auth = { credential: ((await res.json()) as { credential: string }).credential };
  }
  const socket: ClientSocket = io(o.url, { auth, transports: ["websocket"], forceNew: true, reconnection: false, timeout: o.timeoutMs });
  const l: Listener = { socket, connectedAt: 0, events: 0, bytes: 0, chat: 0 };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => (socket.close(), reject(new Error("no call:state in time"))), Math.max(1, o.timeoutMs - (now() - started)));
    socket.once("connect_error", (e) => (clearTimeout(timer), socket.close(), reject(new Error(`connect_error: ${e.message}`))));
    socket.onAny((name: string, payload: unknown) => {
      if (name === "call:state") {
        if (l.connectedAt) return;
        clearTimeout(timer);
        l.connectedAt = now();
        report.joinMs.push(l.connectedAt - started);
        report.stateBytes.push(Buffer.byteLength(JSON.stringify(payload)));
        resolve();
        return;
      }
      if (name === "chat:message") {
        const body = (payload as { body: string }).body;
        const sentAt = Number(body.split(":")[1]);
        if (Number.isFinite(sentAt)) report.chatMs.push(now() - sentAt);
        l.chat++;
      }
      if (storm && l.connectedAt) {
        l.events++;
        l.bytes += Buffer.byteLength(JSON.stringify(payload ?? null));
      }
    });
  });
  listeners.push(l);
}

async function start(o: StartOrder): Promise<void> {
  const gapMs = 1000 / o.ratePerSec;
  const t0 = now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < o.count; i++) {
    const wait = t0 + i * gapMs - now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(joinOne(o).catch((e: Error) => void report.failures.push(e.message)));
  }
  await Promise.all(pending);
  process.send!({ type: "joined" });
}

function endStorm(): void {
  storm = false;
  const end = now();
  for (const l of listeners) {
    report.stormEvents.push(l.events);
    report.stormBytes.push(l.bytes);
    report.stormSeconds.push((end - l.connectedAt) / 1000);
  }
}

async function collect(messages: number, timeoutMs: number): Promise<void> {
  const deadline = now() + timeoutMs;
  while (listeners.some((l) => l.chat < messages) && now() < deadline) await new Promise((r) => setTimeout(r, 50));
  report.chatMissing = listeners.reduce((sum, l) => sum + Math.max(0, messages - l.chat), 0);
  for (const l of listeners) l.socket.close();
  process.send!({ type: "report", ...report });
}

process.on("message", (m: { type: string } & Partial<StartOrder> & { messages?: number; timeoutMs?: number }) => {
  if (m.type === "start") void start(m as StartOrder);
  else if (m.type === "storm-end") endStorm();
  else if (m.type === "collect") void collect(m.messages!, m.timeoutMs!);
});
process.on("disconnect", () => process.exit(0));
