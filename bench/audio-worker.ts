/**
 * A child process of bench/audio.ts holding a share of the listeners (rtc-node
 * peers), so that 200 peers' audio events are not all handled by one JS
 * thread. Driven over the IPC channel: {id, cmd, args} -> {id, ok, result|error}.
 * Runs inside the bench's network namespace like its parent.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { mintToken } from "../lib/livekit/tokens";
import { BenchPeer, now, type RtpCount, withTimeout } from "./audio-peer";

export interface JoinArgs {
  key: string;
  mode: "baseline" | "earshot";
  /** Earshot's HTTP base URL (earshot mode: the REST join). */
  serverUrl: string;
  callId: string;
  speakerIdentity: string;
  /** baseline mode: the LiveKit URL and the pre-registered participant the token is minted for. */
  liveKitUrl?: string;
  participantId?: string;
  displayName?: string;
  timeoutMs: number;
}

export interface JoinResult {
  key: string;
  ok: boolean;
  participantId: string | null;
  /** REST join (earshot) or mintToken (baseline). */
  tokenMs: number | null;
  /** Room.connect resolved. */
  connectMs: number | null;
  /** From the start (REST request sent / token minting started) to the first audible frame of the speaker. */
  joinMs: number | null;
  error?: string;
}

const peers = new Map<string, { peer: BenchPeer; speaker: string; participantId: string | null }>();
const keys = { apiKey: process.env.BENCH_LIVEKIT_KEY ?? "", apiSecret: process.env.BENCH_LIVEKIT_SECRET ?? "" };
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

async function join(a: JoinArgs): Promise<JoinResult> {
  const peer = new BenchPeer(a.speakerIdentity);
  const entry = { peer, speaker: a.speakerIdentity, participantId: null as string | null };
  peers.set(a.key, entry);
  const started = now();
  const res: JoinResult = { key: a.key, ok: false, participantId: null, tokenMs: null, connectMs: null, joinMs: null };
  const deadline = started + a.timeoutMs;
  const left = () => Math.max(1, Math.ceil(deadline - now()));
  try {
    let url: string;
    let token: string;
    if (a.mode === "earshot") {
      const r = await fetch(`${a.serverUrl}/api/calls/${a.callId}/join`, { method: "POST", signal: AbortSignal.timeout(left()) });
      const body = (await r.json()) as { participant?: { id: string }; livekit?: { url: string; token: string } | null };
      if (r.status !== 200 || !body.livekit || !body.participant) throw new Error(`REST join: ${r.status} ${JSON.stringify(body).slice(0, 200)}`);
      url = body.livekit.url;
      token = body.livekit.token;
      entry.participantId = body.participant.id;
    } else {
      url = a.liveKitUrl!;
      token = await mintToken(keys, { callId: a.callId, participantId: a.participantId!, displayName: a.displayName!, role: "listener" });
      entry.participantId = a.participantId!;
    }
    res.participantId = entry.participantId;
    res.tokenMs = now() - started;
    await peer.connect(url, token, left());
    res.connectMs = now() - started;
    const heardAt = await peer.firstAudible(a.speakerIdentity, left());
    res.joinMs = heardAt - started;
    res.ok = true;
  } catch (e) {
    res.error = (e as Error).message;
  }
  return res;
}

type Handler = (args: any) => Promise<unknown>;
const handlers: Record<string, Handler> = {
  join: (a: JoinArgs) => join(a),
  /** Per listener: audio packets received so far, each read with its own time. */
  received: async (): Promise<Record<string, RtpCount>> => {
    // A peer whose connection is gone has no statistics: it is left out, and counts as having received nothing.
    const counts = await Promise.all([...peers].map(async ([k, e]) => [k, await e.peer.receivedAudio().catch(() => null)] as const));
    return Object.fromEntries(counts.filter((c): c is readonly [string, RtpCount] => c[1] !== null));
  },
  publish: async (a: { key: string; timeoutMs: number }) => {
    const e = peers.get(a.key);
    if (!e) throw new Error(`no peer ${a.key}`);
    await e.peer.publishBare(a.timeoutMs);
    return now();
  },
  unpublish: async (a: { key: string }) => peers.get(a.key)?.peer.unpublishBare(),
  closeAll: async () => {
    const all = [...peers.values()];
    peers.clear();
    // Bounded: 20 disconnects at a time, each with its own timeout.
    for (let i = 0; i < all.length; i += 20) await Promise.all(all.slice(i, i + 20).map((e) => e.peer.close(5_000)));
    return all.length;
  },
  /** This process's CPU and event-loop delay since the last call (or start). */
  load: async () => {
    const r = {
      cpu: process.cpuUsage(),
      loopP99Ms: loopDelay.percentile(99) / 1e6,
      loopMaxMs: loopDelay.max / 1e6,
      rssMb: process.memoryUsage().rss / 2 ** 20,
    };
    loopDelay.reset();
    return r;
  },
};

process.on("message", (msg: { id: number; cmd: string; args: unknown }) => {
  const h = handlers[msg.cmd];
  const run = h ? h(msg.args) : Promise.reject(new Error(`unknown command ${msg.cmd}`));
  run.then(
    (result) => process.send!({ id: msg.id, ok: true, result }),
    (e: Error) => process.send!({ id: msg.id, ok: false, error: e.message }),
  );
});
// The parent going away (crash, Ctrl-C) ends this process too.
process.on("disconnect", () => {
  void withTimeout(handlers.closeAll!(undefined), 8_000, "closeAll")
    .catch(() => undefined)
    .finally(() => process.exit(0));
});
// A native handle that vanished under an event handler must not take 100 peers down with it.
process.on("uncaughtException", (e) => console.error(`[bench worker ${process.pid}] ${e.message}`));
process.on("SIGINT", () => undefined); // the parent decides; it disconnects us when it is done
process.send!({ ready: true, pid: process.pid });
