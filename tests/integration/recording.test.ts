import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Replays } from "@/lib/contracts/recording";
import { openDb } from "@/lib/db/client";
import { api, createCall, joinCall } from "../support/api";
import { probeDurationSec } from "../support/audio-file";
import { namespaceAddress } from "../support/netns";
import { connectPeer, type Peer } from "../support/peers";
import { startServer, type TestServer } from "../support/server";
import { storesOn } from "../support/stores";
import { connect, type TestClient } from "../support/sockets";

let server: TestServer;
const clients: TestClient[] = [];
const peers: Peer[] = [];
const work = mkdtempSync(join(tmpdir(), "earshot-recording-it-"));
beforeAll(async () => {
  const host = namespaceAddress();
  // A fast sweep and a one-day retention, so a recording backdated by two days goes at once.
  server = await startServer({ host, localLiveKit: true, env: { RECORDING_RETENTION_DAYS: "1", SWEEP_INTERVAL_MS: "200" } });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await Promise.all(peers.map((p) => p.close()));
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

async function open(credential: string) {
  const { client, state } = await connect(server, credential);
  clients.push(client);
  return { client, state };
}
const post = (path: string, credential: string, body?: unknown) => api(server, "POST", path, { credential, body });
const replays = (callId: string, credential?: string) => api<Replays>(server, "GET", `/api/calls/${callId}/replays`, { credential });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A call with a finished recording of about `ms`; returns the sessions and the recording. */
async function recordedCall(ms = 1500) {
  const host = await createCall(server, "speaker");
  const guest = await joinCall(server, host.call.id);
  expect((await post(`/api/calls/${host.call.id}/recording`, host.credential, { on: true })).status).toBe(200);
  await sleep(ms);
  expect((await post(`/api/calls/${host.call.id}/recording`, host.credential, { on: false })).status).toBe(200);
  const { body } = await replays(host.call.id, host.credential);
  return { host, guest, recording: body.replays[0]!.recording };
}

describe("recording controls and consent", () => {
  it("lets admins start and stop over the socket, tells everyone, logs it, and refuses everyone else", async () => {
    const host = await createCall(server, "speaker");
    const speaker = await joinCall(server, host.call.id);
    const admin = await open(host.credential);
    const other = await open(speaker.credential);

    const refused = await other.client.emit("recording:set", { on: true });
    expect(refused).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect((await post(`/api/calls/${host.call.id}/recording`, speaker.credential, { on: true })).status).toBe(403);
    expect(await admin.client.emit("recording:set", { on: "yes" })).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    expect((await post(`/api/calls/${host.call.id}/recording`, host.credential, { on: true, extra: 1 })).body.error.code).toBe("INVALID_INPUT");

    expect(await admin.client.emit("recording:set", { on: true })).toMatchObject({ ok: true, call: { recording: true } });
    await other.client.waitFor("call:updated", (c) => c.recording);
    // The join page's source says so before anyone joins.
    expect((await api(server, "GET", `/api/calls/${host.call.id}`)).body.call.recording).toBe(true);
    // Starting twice changes nothing and logs once.
    expect(await admin.client.emit("recording:set", { on: true })).toMatchObject({ ok: true, call: { recording: true } });
    expect(await admin.client.emit("recording:set", { on: false })).toMatchObject({ ok: true, call: { recording: false } });
    await other.client.waitFor("call:updated", (c) => !c.recording);

    const log = (await api(server, "GET", `/api/calls/${host.call.id}/moderation-log`, { credential: host.credential })).body.entries.map(
      (e: { action: string }) => e.action,
    );
    expect(log).toEqual(["recording-off", "recording-on"]);
    await admin.client.waitFor("moderation:entry", (e) => e.action === "recording-off");
  });

  it("keeps each participant's answer, changeable, and shows it to everyone", async () => {
    const host = await createCall(server, "speaker");
    const speaker = await joinCall(server, host.call.id);
    const admin = await open(host.credential);
    const self = await open(speaker.credential);
    expect(self.state.self.recordingConsent).toBeNull();

    expect(await self.client.emit("recording:consent", { consent: "maybe" })).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    expect(await self.client.emit("recording:consent", { consent: "yes" })).toMatchObject({ ok: true, participant: { recordingConsent: "yes" } });
    await admin.client.waitFor("participant:updated", (p) => p.id === speaker.participant.id && p.recordingConsent === "yes");
    const no = await post(`/api/calls/${host.call.id}/recording/consent`, speaker.credential, { consent: "no" });
    expect(no.body.participant.recordingConsent).toBe("no");
    await admin.client.waitFor("participant:updated", (p) => p.id === speaker.participant.id && p.recordingConsent === "no");
    // Identity is the credential's: nobody answers for someone else.
    expect(
      (await post(`/api/calls/${host.call.id}/recording/consent`, speaker.credential, { consent: "yes", participantId: host.participant.id })).status,
    ).toBe(400);
    expect((await post(`/api/calls/${host.call.id}/recording/consent`, "", { consent: "yes" })).status).toBe(401);
  });
});

describe("replays", () => {
  it("are for people who were in the call only: outsiders get 404 for the list and the file", async () => {
    const { host, guest, recording } = await recordedCall();
    const outsider = await createCall(server, "speaker");
    for (const credential of [undefined, outsider.credential]) {
      expect((await replays(host.call.id, credential)).status).toBe(404);
      expect((await api(server, "GET", recording.audioUrl!, { credential })).status).toBe(404);
    }
    expect((await replays(host.call.id, guest.credential)).body.replays).toHaveLength(1);
    expect((await api(server, "GET", `/api/calls/${host.call.id}/recordings/..%2F..%2Fetc/audio`, { credential: host.credential })).status).toBe(404);

    // Someone removed reads the history up to their removal only; the audio runs past it.
    expect((await post(`/api/calls/${host.call.id}/participants/${guest.participant.id}/remove`, host.credential)).status).toBe(204);
    expect((await replays(host.call.id, guest.credential)).body).toEqual({ replays: [], canManage: false });
    expect((await api(server, "GET", recording.audioUrl!, { credential: guest.credential })).status).toBe(404);
  });

  it("serves the file with range requests, and downloads for the call's admins only", async () => {
    const { host, guest, recording } = await recordedCall();
    const url = `${server.url}${recording.audioUrl}`;
    const auth = (c: string, range?: string) => ({ headers: { authorization: `Bearer ${c}`, ...(range ? { range } : {}) } });

    const whole = await fetch(url, auth(guest.credential));
    expect(whole.status).toBe(200);
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    expect(whole.headers.get("content-type")).toBe("audio/ogg");
    const bytes = Buffer.from(await whole.arrayBuffer());
    expect(bytes.subarray(0, 4).toString()).toBe("OggS");

    const part = await fetch(url, auth(guest.credential, "bytes=10-109"));
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 10-109/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(10, 110))).toBe(true);
    const tail = await fetch(url, auth(guest.credential, "bytes=-50"));
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(bytes.length - 50))).toBe(true);
    const beyond = await fetch(url, auth(guest.credential, `bytes=${bytes.length}-`));
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe(`bytes */${bytes.length}`);
    expect((await beyond.json()).error.code).toBe("RANGE_NOT_SATISFIABLE");

    expect((await fetch(`${url}?download=1`, auth(guest.credential))).status).toBe(403);
    const download = await fetch(`${url}?download=1`, auth(host.credential));
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.ogg"$/);
    expect((await fetch(`${url}?download=maybe`, auth(host.credential))).status).toBe(400);
  });

  it("lets the call's admins delete a recording now: the file goes and the history says so", async () => {
    const { host, guest, recording } = await recordedCall();
    const path = `/api/calls/${host.call.id}/recordings/${recording.id}`;
    expect((await api(server, "DELETE", path, { credential: guest.credential })).status).toBe(403);
    expect((await api(server, "DELETE", path, { credential: host.credential })).status).toBe(204);
    expect((await api(server, "GET", recording.audioUrl!, { credential: host.credential })).body.error.code).toBe("RECORDING_NOT_FOUND");
    const after = (await replays(host.call.id, guest.credential)).body.replays[0]!.recording;
    expect(after).toMatchObject({ status: "deleted", audioUrl: null });
    expect(after.deletedAt).not.toBeNull();
    const log = (await api(server, "GET", `/api/calls/${host.call.id}/moderation-log`, { credential: host.credential })).body.entries;
    expect(log[0]).toMatchObject({ action: "recording-deleted", after: recording.id, actorName: host.participant.displayName });
  });

  it("removes recordings past RECORDING_RETENTION_DAYS on the sweep, and keeps newer ones", async () => {
    const old = await recordedCall(500);
    const recent = await recordedCall(500);
    const db = await openDb(server.databaseUrl);
    try {
      await db.recording.update({ where: { id: old.recording.id }, data: { endedAt: new Date(Date.now() - 2 * 86_400_000) } });
    } finally {
      await db.$disconnect();
    }
    await expect.poll(async () => (await replays(old.host.call.id, old.host.credential)).body.replays[0]!.recording.status, { timeout: 5000 }).toBe("deleted");
    expect((await api(server, "GET", old.recording.audioUrl!, { credential: old.host.credential })).status).toBe(404);
    expect((await replays(recent.host.call.id, recent.host.credential)).body.replays[0]!.recording.status).toBe("stopped");
  });

  it("puts hands and role changes on the timeline, and stops the recording when the call ends", async () => {
    const host = await createCall(server, "listener");
    const guest = await joinCall(server, host.call.id);
    const listener = await open(guest.credential);
    expect((await post(`/api/calls/${host.call.id}/recording`, host.credential, { on: true })).status).toBe(200);
    expect(await listener.client.emit("hand:set", { raised: true })).toMatchObject({ ok: true });
    expect((await post(`/api/calls/${host.call.id}/hands/${guest.participant.id}/dismiss`, host.credential)).status).toBe(200);
    expect((await post(`/api/calls/${host.call.id}/roles`, host.credential, { participantId: guest.participant.id, role: "chatter" })).status).toBe(200);
    expect((await post(`/api/calls/${host.call.id}/end`, host.credential)).status).toBe(204);
    const { body } = await replays(host.call.id, host.credential);
    expect(body.replays[0]!.recording.status).toBe("stopped");
    const timeline = body.replays[0]!.timeline;
    const name = guest.participant.displayName;
    expect(timeline.filter((i) => i.kind === "hand")).toMatchObject([
      { participantId: guest.participant.id, name, raised: true, by: null },
      { participantId: guest.participant.id, name, raised: false, by: host.participant.displayName },
    ]);
    expect(timeline.filter((i) => i.kind === "event").map((i) => i.kind === "event" && i.entry.action)).toEqual([
      "recording-on",
      "role",
      "end",
      "recording-off",
    ]);
    expect(timeline.every((i, k) => k === 0 || timeline[k - 1]!.atMs <= i.atMs)).toBe(true);
  });
});

describe("the recording store", () => {
  it("saves a segment once, however often it is saved as it grows, and keeps saved ones when the recording ends", async () => {
    const { host, recording } = await recordedCall(300);
    const stores = await storesOn(server.databaseUrl);
    try {
      const a = host.participant.id;
      await stores.recordings.saveSegments(recording.id, [{ participantId: a, startMs: 10_000, endMs: 11_000 }]);
      await stores.recordings.saveSegments(recording.id, [
        { participantId: a, startMs: 10_000, endMs: 12_000 },
        { participantId: "someone-else", startMs: 10_200, endMs: 10_500 },
      ]);
      await stores.recordings.complete(recording.id, {
        status: "stopped",
        endedAt: new Date(),
        durationMs: 14_000,
        segments: [
          { participantId: a, startMs: 10_000, endMs: 12_500 },
          { participantId: a, startMs: 13_000, endMs: 13_500 },
        ],
      });
      expect(await stores.recordings.listSegments(recording.id)).toEqual([
        { participantId: a, startMs: 10_000, endMs: 12_500 },
        { participantId: "someone-else", startMs: 10_200, endMs: 10_500 },
        { participantId: a, startMs: 13_000, endMs: 13_500 },
      ]);
    } finally {
      await stores.close();
    }
  });
});

describe("a restart while recording", () => {
  it("a clean stop (SIGTERM) ends the recording as stopped, with its full length", async () => {
    const host = await createCall(server, "speaker");
    expect((await post(`/api/calls/${host.call.id}/recording`, host.credential, { on: true })).status).toBe(200);
    await sleep(2000);
    await server.restart("SIGTERM");
    const recording = (await replays(host.call.id, host.credential)).body.replays[0]!.recording;
    expect(recording.status).toBe("stopped");
    expect(recording.durationMs).toBeGreaterThan(1800);
    const log = (await api(server, "GET", `/api/calls/${host.call.id}/moderation-log`, { credential: host.credential })).body.entries;
    expect(log[0]).toMatchObject({ action: "recording-off", actorName: "Earshot (server shutting down)" });
  });

  it("a crash (SIGKILL) leaves a playable file up to the kill and an interrupted recording, with who spoke until then", async () => {
    const host = await createCall(server, "speaker");
    const speaker = await joinCall(server, host.call.id);
    expect((await post(`/api/calls/${host.call.id}/recording/consent`, speaker.credential, { consent: "yes" })).status).toBe(200);
    await (await connectPeer(peers, speaker)).publishSine(440);
    expect((await post(`/api/calls/${host.call.id}/recording`, host.credential, { on: true })).status).toBe(200);
    // Past the recorder's first save of its speaking segments (every 5 s).
    await sleep(7000);
    await server.restart(); // SIGKILL: no shutdown code runs
    const { body } = await replays(host.call.id, host.credential);
    const recording = body.replays[0]!.recording;
    expect(recording.status).toBe("interrupted");
    expect(recording.durationMs).toBeGreaterThan(6000);
    expect(recording.durationMs).toBeLessThan(9000);
    expect((await api(server, "GET", `/api/calls/${host.call.id}`)).body.call.recording).toBe(false);
    // The speaker talked throughout: their segment, saved while it was still open, survived the kill.
    const speech = body.replays[0]!.timeline.filter((i) => i.kind === "speech");
    expect(speech).toHaveLength(1);
    expect(speech[0]).toMatchObject({ participantId: speaker.participant.id });
    expect(speech[0]!.kind === "speech" && speech[0]!.endMs - speech[0]!.atMs).toBeGreaterThan(2500);

    const file = join(work, "interrupted.ogg");
    const res = await fetch(`${server.url}${recording.audioUrl}`, { headers: { authorization: `Bearer ${host.credential}` } });
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    expect(probeDurationSec(file)).toBeGreaterThan(2);
    // Decodes to the end without a single error.
    expect(execFileSync("ffmpeg", ["-v", "error", "-i", file, "-f", "null", "-"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })).toBe("");
  });
});
