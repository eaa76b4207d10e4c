import { RoomEvent } from "@livekit/rtc-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createCall, joinCall } from "../support/api";
import { namespaceAddress } from "../support/netns";
import { connectPeer, Peer } from "../support/peers";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
const peers: Peer[] = [];
beforeAll(async () => {
  const host = namespaceAddress();
  server = await startServer({ host, localLiveKit: true });
});
afterAll(async () => {
  await Promise.all(peers.map((p) => p.close()));
  await server?.stop();
});

const peer = (session: Parameters<typeof connectPeer>[1]) => connectPeer(peers, session);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const setRole = (callId: string, credential: string, participantId: string, role: string) =>
  api(server, "POST", `/api/calls/${callId}/roles`, { credential, body: { participantId, role } });

describe("audio through the supervised local LiveKit", () => {
  it("reports LiveKit healthy", async () => {
    expect((await api(server, "GET", "/api/health")).body).toEqual({ ok: true, db: true, livekit: true, draining: false });
  });

  it("carries a speaker's sine to a listener with at least 95% of frames", async () => {
    const host = await createCall(server, "listener");
    const listenerSession = await joinCall(server, host.call.id);
    const speaker = await peer(host); // the host is an admin: may publish
    const listener = await peer(listenerSession);
    await speaker.publishSine();
    await listener.waitFor(RoomEvent.TrackSubscribed);
    await sleep(500); // let the jitter buffer settle
    const heard = listener.window(host.participant.id);
    await sleep(3000);
    const { frames, audible } = heard();
    expect(frames).toBeGreaterThan(250);
    expect(audible / frames).toBeGreaterThanOrEqual(0.95);
  });

  it("refuses a listener's publish, and lets them publish without rejoining once promoted", async () => {
    const host = await createCall(server, "listener");
    const guestSession = await joinCall(server, host.call.id);
    const admin = await peer(host);
    const guest = await peer(guestSession);
    await expect(guest.publishSine()).rejects.toThrow();

    expect((await setRole(host.call.id, host.credential, guestSession.participant.id, "speaker")).status).toBe(200);
    // Same connection, no rejoin: the new permission arrives over the signalling channel.
    await expect.poll(() => guest.publishes(), { timeout: 5000, interval: 250 }).toBe(true);
    await admin.waitFor(RoomEvent.TrackSubscribed, (_t, _p, participant) => participant.identity === guestSession.participant.id);
  });

  it("keeps the audience hidden: a listener hears the stage unseen, is shown and publishes once promoted, and is hidden again when demoted", async () => {
    const host = await createCall(server, "listener");
    const listenerSession = await joinCall(server, host.call.id);
    const id = listenerSession.participant.id;
    const admin = await peer(host);
    const other = await peer(await joinCall(server, host.call.id));
    await admin.publishSine();
    const listener = await peer(listenerSession);
    await listener.waitFor(RoomEvent.TrackSubscribed);
    await sleep(500);
    const heard = listener.window(host.participant.id);
    await sleep(2000);
    expect(heard().audible / heard().frames).toBeGreaterThanOrEqual(0.95);
    // Hidden: the stage and the rest of the audience were never told the listener is there.
    expect(admin.room.remoteParticipants.has(id)).toBe(false);
    expect(other.room.remoteParticipants.has(id)).toBe(false);
    // And the listener sees the stage, not the other hidden listener.
    expect([...listener.room.remoteParticipants.keys()]).toEqual([host.participant.id]);

    const shown = admin.waitFor(RoomEvent.ParticipantConnected, (p) => p.identity === id);
    expect((await setRole(host.call.id, host.credential, id, "speaker")).status).toBe(200);
    await shown;
    // One permission update unhid them and allowed publishing: no rejoin.
    await expect.poll(() => listener.publishes(), { timeout: 5000, interval: 250 }).toBe(true);
    await other.waitFor(RoomEvent.TrackSubscribed, (_t, _p, participant) => participant.identity === id);

    // Demoted: everyone sees the microphone go, and the person is hidden again (a newcomer is not told of them).
    const unpublished = other.waitFor(RoomEvent.TrackUnpublished, (_pub, participant) => participant.identity === id, 5000);
    expect((await setRole(host.call.id, host.credential, id, "listener")).status).toBe(200);
    await unpublished;
    await expect(listener.publishSine()).rejects.toThrow();
    await sleep(500);
    const newcomer = await peer(await joinCall(server, host.call.id));
    await sleep(1000);
    expect(newcomer.room.remoteParticipants.has(host.participant.id)).toBe(true);
    expect(newcomer.room.remoteParticipants.has(id)).toBe(false);
    // Still in the room, still hearing the stage.
    const after = listener.window(host.participant.id);
    await sleep(1500);
    expect(after().audible / after().frames).toBeGreaterThanOrEqual(0.95);
  });

  it("unpublishes a demoted speaker's microphone within a second", async () => {
    const host = await createCall(server, "speaker");
    const speakerSession = await joinCall(server, host.call.id);
    const admin = await peer(host);
    const speaker = await peer(speakerSession);
    await speaker.publishSine();
    await admin.waitFor(RoomEvent.TrackSubscribed, (_t, _p, participant) => participant.identity === speakerSession.participant.id);

    const unpublished = admin.waitFor(RoomEvent.TrackUnpublished, (_pub, participant) => participant.identity === speakerSession.participant.id, 5000);
    const started = Date.now();
    expect((await setRole(host.call.id, host.credential, speakerSession.participant.id, "listener")).status).toBe(200);
    await unpublished;
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(speaker.publishSine()).rejects.toThrow();
  });

  it("disconnects a removed participant and keeps a stale token out; through the link they may come back (Remove is not Ban)", async () => {
    const host = await createCall(server, "speaker");
    const guestSession = await joinCall(server, host.call.id);
    await peer(host);
    const guest = await peer(guestSession);
    const disconnected = guest.waitFor(RoomEvent.Disconnected);
    const res = await api(server, "POST", `/api/calls/${host.call.id}/participants/${guestSession.participant.id}/remove`, { credential: host.credential });
    expect(res.status).toBe(204);
    await disconnected;

    // The token from before the removal still verifies at LiveKit; while they are removed, the webhook kicks it out again.
    const stale = new Peer();
    peers.push(stale);
    const kicked = stale.waitFor(RoomEvent.Disconnected, () => true, 10_000);
    await stale.connect(guestSession.livekit!.url, guestSession.livekit!.token).catch(() => undefined);
    await kicked;
    // Opening the link again brings them back, with a fresh token that LiveKit keeps (a ban is what keeps people out).
    const rejoin = await api(server, "POST", `/api/calls/${host.call.id}/join`, { credential: guestSession.credential });
    expect(rejoin.status).toBe(200);
    expect(rejoin.body.participant.id).toBe(guestSession.participant.id);
    const back = await peer(rejoin.body);
    await new Promise((r) => setTimeout(r, 1500)); // a kick would come through the participant_joined webhook by now
    expect(back.room.isConnected).toBe(true);
  });

  it("tracks who is in the audio room and publishing, through webhooks", async () => {
    const host = await createCall(server, "speaker");
    const speaker = await peer(host);
    await expect.poll(async () => (await api(server, "GET", `/api/calls/${host.call.id}`)).body.participants[0].inAudio, { timeout: 5000 }).toBe(true);
    await speaker.publishSine();
    await expect.poll(async () => (await api(server, "GET", `/api/calls/${host.call.id}`)).body.participants[0].publishing, { timeout: 5000 }).toBe(true);
  });

  it("deletes the audio room when the call ends", async () => {
    const host = await createCall(server, "speaker");
    const admin = await peer(host);
    const disconnected = admin.waitFor(RoomEvent.Disconnected);
    expect((await api(server, "POST", `/api/calls/${host.call.id}/end`, { credential: host.credential })).status).toBe(204);
    await disconnected;
  });
});
