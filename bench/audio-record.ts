/**
 * Recorder benchmark (`npm run bench:audio -- --record`): what recording a
 * call costs. For S = 1, 4 and 8 speakers (rtc-node peers publishing a sine,
 * all of whom said yes) and L listeners, the same call is measured in
 * alternating windows without the recorder (the baseline, same call, same
 * run) and with it, `--rounds` times, because one window of either kind can
 * catch unrelated work on a shared machine:
 * - the recorder's CPU: Earshot's own process (the recorder runs in it) over
 *   the window before it without the recorder, plus the ffmpeg it spawns; per
 *   recorded speaker, and as a real-time factor (CPU seconds per second of
 *   audio); the median of the rounds (one window can catch a garbage
 *   collection of Earshot's whole heap), and the lowest and highest round;
 * - the file's length against the recording's wall-clock time;
 * - the audio packets the listeners received, with and without: per second,
 *   and as the share of the packets the speakers sent in the same window (the
 *   speakers share this machine too, so what they send varies with its load).
 *
 * Runs inside the namespace bench/audio-run.mjs creates.
 * Options: --speakers 1,4,8  --listeners 10  --window 15 (s)  --rounds 3
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { api, createCall, joinCall } from "../tests/support/api";
import { startServer, type TestServer } from "../tests/support/server";
import { BenchPeer } from "./audio-peer";
import { namedCpuSeconds, processCpuSeconds } from "./proc";
import { distribution } from "./stats";

function parseArgs(argv: string[]) {
  const o = { speakers: [1, 4, 8], listeners: 10, windowS: 15, rounds: 3 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split("=", 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? "";
    if (flag === "--speakers") o.speakers = value().split(",").map(Number);
    else if (flag === "--listeners") o.listeners = Number(value());
    else if (flag === "--window") o.windowS = Number(value());
    else if (flag === "--rounds") o.rounds = Number(value());
    else if (flag === "--help" || flag === "-h") {
      console.log(readFileSync(new URL(import.meta.url), "utf8").split("*/")[0]);
      process.exit(0);
    } else throw new Error(`unknown option ${flag} (try --help)`);
  }
  if (o.speakers.some((n) => !Number.isInteger(n) || n < 1) || !(o.listeners >= 0) || !(o.windowS >= 1) || !(Number.isInteger(o.rounds) && o.rounds >= 1))
    throw new Error("bad options (try --help)");
  return o;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const r2 = (v: number) => Math.round(v * 100) / 100;
const r4 = (v: number) => Math.round(v * 10_000) / 10_000;

/** The mean and the median (nearest rank) of a few figures. */
const mean = (xs: number[]) => distribution(Float64Array.from(xs)).mean!;
const median = (xs: number[]) => distribution(Float64Array.from(xs)).p50!;

/**
 * Over `seconds`: CPU (% of one core) of the Earshot process itself and of
 * every ffmpeg; the audio packets each listener received per second, and
 * their share of what the speakers sent (each listener hears every speaker).
 */
async function measure(serverPid: number, speakers: BenchPeer[], listeners: BenchPeer[], seconds: number) {
  const count = async () => {
    const [received, sent] = await Promise.all([Promise.all(listeners.map((l) => l.receivedAudio())), Promise.all(speakers.map((s) => s.sentAudio()))]);
    return { received: received.reduce((n, c) => n + c.received, 0), sent: sent.reduce((n, c) => n + c.sent, 0) };
  };
  const [c0, s0, f0, t0] = [await count(), processCpuSeconds(serverPid)!, namedCpuSeconds("ffmpeg"), performance.now()];
  await sleep(seconds * 1000);
  const [c1, s1, f1, t1] = [await count(), processCpuSeconds(serverPid)!, namedCpuSeconds("ffmpeg"), performance.now()];
  const wall = (t1 - t0) / 1000;
  const perListener = listeners.length ? (c1.received - c0.received) / listeners.length : 0;
  return {
    serverPct: ((s1 - s0) / wall) * 100,
    ffmpegPct: (Math.max(0, f1 - f0) / wall) * 100,
    packetsPerListenerPerS: perListener / wall,
    deliveredShare: c1.sent > c0.sent ? perListener / (c1.sent - c0.sent) : 0,
  };
}

type Window = Awaited<ReturnType<typeof measure>>;

async function runCase(server: TestServer, serverPid: number, speakers: number, o: ReturnType<typeof parseArgs>, work: string, warmUp: boolean) {
  const host = await createCall(server, "listener");
  const callId = host.call.id;
  const peers: BenchPeer[] = [];
  try {
    for (let i = 0; i < speakers; i++) {
      const s = await joinCall(server, callId);
      await api(server, "POST", `/api/calls/${callId}/roles`, { credential: host.credential, body: { participantId: s.participant.id, role: "speaker" } });
      await api(server, "POST", `/api/calls/${callId}/recording/consent`, { credential: s.credential, body: { consent: "yes" } });
      const fresh = await joinCall(server, callId, s.credential); // a token with the speaker's grants
      const peer = new BenchPeer();
      peers.push(peer);
      await peer.connect(fresh.livekit!.url, fresh.livekit!.token);
      await peer.publishSine();
    }
    const listeners: BenchPeer[] = [];
    for (let i = 0; i < o.listeners; i++) {
      const l = await joinCall(server, callId);
      const peer = new BenchPeer("(counts packets only)");
      listeners.push(peer);
      await peer.connect(l.livekit!.url, l.livekit!.token);
    }
    const speakerPeers = [...peers];
    peers.push(...listeners);
    await sleep(2000);
    const setRecording = (on: boolean) => api(server, "POST", `/api/calls/${callId}/recording`, { credential: host.credential, body: { on } });

    if (warmUp) {
      // The first recording of a server loads the media library and compiles its code: not the steady cost measured here.
      await setRecording(true);
      await sleep(3000);
      await setRecording(false);
      await sleep(5000);
    }
    const without: Window[] = [];
    const withRecorder: Window[] = [];
    let wallS = 0;
    for (let round = 0; round < o.rounds; round++) {
      without.push(await measure(serverPid, speakerPeers, listeners, o.windowS));
      const startedAt = Date.now();
      const on = await setRecording(true);
      if (on.status !== 200) throw new Error(`recording did not start: ${JSON.stringify(on.body)}`);
      await sleep(2000);
      withRecorder.push(await measure(serverPid, speakerPeers, listeners, o.windowS));
      await setRecording(false);
      wallS = (Date.now() - startedAt) / 1000;
      // The stop's own work (closing the room and the file, the last saves, collecting what the session left) stays out of the next baseline.
      await sleep(5000);
    }

    // The last round's file (replays come oldest first).
    const { body } = await api(server, "GET", `/api/calls/${callId}/replays`, { credential: host.credential });
    const res = await fetch(`${server.url}${body.replays.at(-1).recording.audioUrl}`, { headers: { authorization: `Bearer ${host.credential}` } });
    const file = join(work, `${speakers}.ogg`);
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const fileS = Number(execFileSync("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", file], { encoding: "utf8" }));

    // Each round against the baseline window just before it.
    const rounds = withRecorder.map((w, i) => Math.max(0, w.serverPct - without[i]!.serverPct) + w.ffmpegPct);
    const recorderPct = median(rounds);
    const shareWithout = mean(without.map((w) => w.deliveredShare));
    const shareWith = mean(withRecorder.map((w) => w.deliveredShare));
    return {
      speakers,
      listeners: o.listeners,
      rounds: o.rounds,
      serverPctWithout: r2(mean(without.map((w) => w.serverPct))),
      serverPctWith: r2(mean(withRecorder.map((w) => w.serverPct))),
      ffmpegPct: r2(mean(withRecorder.map((w) => w.ffmpegPct))),
      recorderPct: r2(recorderPct),
      recorderPctPerSpeaker: r2(recorderPct / speakers),
      /** The cheapest and the dearest round, per speaker. */
      recorderPctPerSpeakerRange: [r2(Math.min(...rounds) / speakers), r2(Math.max(...rounds) / speakers)],
      recorderPctPerRound: rounds.map(r2),
      /** CPU seconds the recorder spends per second of audio (1 = it would need a whole core). */
      realTimeFactor: r2(recorderPct / 100),
      fileS: r2(fileS),
      wallS: r2(wallS),
      durationError: r2(Math.abs(fileS - wallS) / wallS),
      packetsPerListenerPerSWithout: r2(mean(without.map((w) => w.packetsPerListenerPerS))),
      packetsPerListenerPerSWith: r2(mean(withRecorder.map((w) => w.packetsPerListenerPerS))),
      /** Share of the speakers' sent packets each listener received, without and with the recorder. */
      deliveredShareWithout: r4(shareWithout),
      deliveredShareWith: r4(shareWith),
      deliveredRatio: shareWithout ? r4(shareWith / shareWithout) : null,
    };
  } finally {
    await Promise.all(peers.map((p) => p.close()));
    await api(server, "POST", `/api/calls/${callId}/end`, { credential: host.credential }).catch(() => undefined);
  }
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const host = process.env.EARSHOT_NETNS_ADDR;
  if (!host) throw new Error("run through `npm run bench:audio -- --record` (it creates the network namespace)");
  const work = mkdtempSync(join(tmpdir(), "earshot-bench-record-"));
  let server: TestServer | null = null;
  try {
    server = await startServer({ host, localLiveKit: true, env: { PRESENCE_TIMEOUT_MS: String(3_600_000) } });
    const serverPid = server.pid();
    const rows = [];
    for (const s of o.speakers) {
      console.log(`[bench] ${s} speaker(s), ${o.listeners} listeners, ${o.rounds} rounds of ${o.windowS} s without and ${o.windowS} s with the recorder`);
      rows.push(await runCase(server, serverPid, s, o, work, rows.length === 0));
    }
    console.log("");
    console.log(`Recorder benchmark (${cpus().length} cores, ${cpus()[0]?.model}); baseline = the same call without the recorder, same run`);
    const line = (cells: (string | number | null)[]) => console.log(cells.map((c, i) => String(c ?? "-").padStart(i === 0 ? 9 : 12)).join(""));
    line([
      "speakers",
      "Earshot %",
      "+recorder %",
      "ffmpeg %",
      "rec %/spk",
      "lo-hi",
      "RTF",
      "file/wall s",
      "pkts/s w/o",
      "pkts/s with",
      "share w/o",
      "share with",
      "ratio",
    ]);
    for (const r of rows) {
      line([
        r.speakers,
        r.serverPctWithout,
        r.serverPctWith,
        r.ffmpegPct,
        r.recorderPctPerSpeaker,
        r.recorderPctPerSpeakerRange.join("-"),
        r.realTimeFactor,
        `${r.fileS}/${r.wallS}`,
        r.packetsPerListenerPerSWithout,
        r.packetsPerListenerPerSWith,
        r.deliveredShareWithout,
        r.deliveredShareWith,
        r.deliveredRatio,
      ]);
    }
    console.log(
      "(% = percent of one core, means over the rounds; rec %/spk = (Earshot with − without + ffmpeg) / speakers, the median round, lo-hi its cheapest and dearest;\n" +
        " pkts/s = audio packets each listener received per second; share = of the packets the speakers sent, ratio = share with / share without)",
    );
    console.log("");
    console.log("Goals:");
    for (const r of rows) {
      console.log(
        `  [${r.recorderPctPerSpeaker <= 5 ? "MET" : "NOT MET"}] ${r.speakers} speaker(s): <= 5% of a core per recorded speaker: ${r.recorderPctPerSpeaker}%`,
      );
      const drop = r.deliveredRatio === null ? null : 1 - r.deliveredRatio;
      console.log(
        `  [${drop === null ? "n/a" : Math.abs(drop) <= 0.005 ? "MET" : "NOT MET"}] ${r.speakers} speaker(s): listeners' delivered packets unchanged within 0.5%: ratio ${r.deliveredRatio}`,
      );
    }
    console.log("BENCH_AUDIO_RECORD_JSON " + JSON.stringify({ options: o, results: rows }));
  } finally {
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
