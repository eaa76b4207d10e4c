import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RoomEvent } from "@livekit/rtc-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Replays } from "@/lib/contracts/recording";
import { api, createCall, joinCall } from "../support/api";
import { decodePcm, probeDurationSec, toneAmplitude } from "../support/audio-file";
import { namespaceAddress } from "../support/netns";
import { connectPeer, type Peer } from "../support/peers";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
const peers: Peer[] = [];
const work = mkdtempSync(join(tmpdir(), "earshot-recording-test-"));
beforeAll(async () => {
  const host = namespaceAddress();
  server = await startServer({ host, localLiveKit: true });
});
afterAll(async () => {
  await Promise.all(peers.map((p) => p.close()));
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

const peer = (session: Parameters<typeof connectPeer>[1]) => connectPeer(peers, session);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const RATE = 16_000;
/** Half a second: both test tones fall on exact DFT bins. */
const WINDOW = 0.5;
/**
 * The tones are sent at amplitude 8000. A tone counts as there above 1000 in
 * every window (a busy machine can cost a window part of its packets) and as
 * absent below 200 (Opus leaves a few tens at other frequencies).
 */
const AUDIBLE = 1000;

/** The tone's smallest and largest amplitude over half-second windows between two times. */
function toneRange(pcm: Int16Array, frequency: number, fromSec: number, toSec: number) {
  const levels: number[] = [];
  for (let t = fromSec; t + WINDOW <= toSec; t += WINDOW) levels.push(toneAmplitude(pcm, RATE, frequency, t, t + WINDOW));
  return { min: Math.min(...levels), max: Math.max(...levels) };
}

describe("recording a call's consenting speakers", () => {
  it("records only those who said yes, from the moment they do, for as long as it ran", async () => {
    const host = await createCall(server, "speaker");
    const callId = host.call.id;
    const a = await joinCall(server, callId);
    const b = await joinCall(server, callId);
    const listener = await joinCall(server, callId);
    expect(
      (
        await api(server, "POST", `/api/calls/${callId}/roles`, {
          credential: host.credential,
          body: { participantId: listener.participant.id, role: "listener" },
        })
      ).status,
    ).toBe(200);

    expect(
      (await api(server, "POST", `/api/calls/${callId}/recording/consent`, { credential: a.credential, body: { consent: "yes" } })).body.participant
        .recordingConsent,
    ).toBe("yes");
    expect(
      (await api(server, "POST", `/api/calls/${callId}/recording/consent`, { credential: b.credential, body: { consent: "no" } })).body.participant
        .recordingConsent,
    ).toBe("no");

    const speakerA = await peer(a);
    const speakerB = await peer(b);
    const hostPeer = await peer(host);
    await speakerA.publishSine(440);
    await speakerB.publishSine(880);
    await hostPeer.waitFor(RoomEvent.TrackSubscribed, (_t, _p, participant) => participant.identity === b.participant.id);

    // A listener may not start a recording.
    const refused = await api(server, "POST", `/api/calls/${callId}/recording`, { credential: listener.credential, body: { on: true } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("FORBIDDEN");

    const startedAt = Date.now();
    const started = await api(server, "POST", `/api/calls/${callId}/recording`, { credential: host.credential, body: { on: true } });
    expect(started.status).toBe(200);
    expect(started.body.call.recording).toBe(true);
    await sleep(7500);
    const consentAt = Date.now();
    expect((await api(server, "POST", `/api/calls/${callId}/recording/consent`, { credential: b.credential, body: { consent: "yes" } })).status).toBe(200);
    await sleep(7500);
    const stopped = await api(server, "POST", `/api/calls/${callId}/recording`, { credential: host.credential, body: { on: false } });
    const stoppedAt = Date.now();
    expect(stopped.status).toBe(200);
    expect(stopped.body.call.recording).toBe(false);

    const replays = await api<Replays>(server, "GET", `/api/calls/${callId}/replays`, { credential: a.credential });
    expect(replays.status).toBe(200);
    const [replay] = replays.body.replays;
    expect(replay!.recording.status).toBe("stopped");
    const speech = replay!.timeline.filter((i) => i.kind === "speech");
    expect(speech.some((s) => s.participantId === a.participant.id && s.atMs < 1500)).toBe(true);
    expect(speech.some((s) => s.participantId === b.participant.id && s.atMs < consentAt - startedAt)).toBe(false);
    expect(speech.some((s) => s.participantId === b.participant.id)).toBe(true);

    const audio = await fetch(`${server.url}${replay!.recording.audioUrl}`, { headers: { authorization: `Bearer ${a.credential}` } });
    expect(audio.status).toBe(200);
    const file = join(work, "recording.ogg");
    writeFileSync(file, Buffer.from(await audio.arrayBuffer()));

    // The recording time, as the server stored it and as this test measured it around the two requests
    // (which adds the requests' own latency: 15 s keep that well inside the 2%).
    const storedSec = (Date.parse(replay!.recording.endedAt!) - Date.parse(replay!.recording.startedAt)) / 1000;
    const wallSec = (stoppedAt - startedAt) / 1000;
    const fileSec = probeDurationSec(file);
    expect(Math.abs(fileSec - storedSec) / storedSec).toBeLessThan(0.02);
    expect(Math.abs(fileSec - wallSec) / wallSec).toBeLessThan(0.02);

    const pcm = decodePcm(file, RATE);
    const consentSec = (consentAt - startedAt) / 1000;
    // Before B's yes (leaving a second for the recorder to join): A throughout, never B.
    const before = { a: toneRange(pcm, 440, 1, consentSec - 0.5), b: toneRange(pcm, 880, 1, consentSec - 0.5) };
    // After it (a second to subscribe): both.
    const after = { a: toneRange(pcm, 440, consentSec + 1.5, fileSec - 0.5), b: toneRange(pcm, 880, consentSec + 1.5, fileSec - 0.5) };
    expect(before.a.min).toBeGreaterThan(AUDIBLE);
    expect(before.b.max).toBeLessThan(200);
    expect(after.a.min).toBeGreaterThan(AUDIBLE);
    expect(after.b.min).toBeGreaterThan(AUDIBLE);
  });

  it("keeps recording a speaker who reconnects to the media server", async () => {
    const host = await createCall(server, "speaker");
    const callId = host.call.id;
    const a = await joinCall(server, callId);
    await api(server, "POST", `/api/calls/${callId}/recording/consent`, { credential: a.credential, body: { consent: "yes" } });
    const first = await peer(a);
    await first.publishSine(440);
    const startedAt = Date.now();
    expect((await api(server, "POST", `/api/calls/${callId}/recording`, { credential: host.credential, body: { on: true } })).status).toBe(200);
    await sleep(2500);
    await first.close();
    const back = await peer(await joinCall(server, callId, a.credential));
    await back.publishSine(440);
    const reconnectedSec = (Date.now() - startedAt) / 1000;
    await sleep(3500);
    expect((await api(server, "POST", `/api/calls/${callId}/recording`, { credential: host.credential, body: { on: false } })).status).toBe(200);

    const { body } = await api<Replays>(server, "GET", `/api/calls/${callId}/replays`, { credential: host.credential });
    const audio = await fetch(`${server.url}${body.replays[0]!.recording.audioUrl}`, { headers: { authorization: `Bearer ${host.credential}` } });
    const file = join(work, "reconnect.ogg");
    writeFileSync(file, Buffer.from(await audio.arrayBuffer()));
    const pcm = decodePcm(file, RATE);
    expect(toneRange(pcm, 440, 1, 2).min).toBeGreaterThan(AUDIBLE);
    expect(toneRange(pcm, 440, reconnectedSec + 1.5, probeDurationSec(file) - 0.5).min).toBeGreaterThan(AUDIBLE);
  });
});
