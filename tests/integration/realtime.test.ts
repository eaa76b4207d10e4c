import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createCall, joinCall } from "../support/api";
import { storesOn } from "../support/stores";
import { connect, type TestClient } from "../support/sockets";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
const clients: TestClient[] = [];
beforeAll(async () => {
  server = await startServer({ env: { PRESENCE_TIMEOUT_MS: "800", CALL_GRACE_MS: "600", SWEEP_INTERVAL_MS: "100" } });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server?.stop();
});

/** A LiveKit token's claims (its payload, unverified: the server signed it, the test only reads the grants). */
const claims = (jwt: string | false) => JSON.parse(Buffer.from(String(jwt).split(".")[1] ?? "", "base64url").toString("utf8"));

async function open(credential: string) {
  const r = await connect(server, credential);
  clients.push(r.client);
  return r;
}

describe("Socket.IO contract", () => {
  it("sends call:state on connect", async () => {
    const host = await createCall(server, "chatter", "State");
    const { state } = await open(host.credential);
    expect(state.call).toMatchObject({ id: host.call.id, title: "State" });
    expect(state.self).toMatchObject({ id: host.participant.id, role: "admin", presence: "online" });
    expect(state.stage.map((p) => p.id)).toEqual([host.participant.id]);
    expect(state.audience).toEqual({ count: { total: 0, away: 0, hands: 0 }, participants: [], nextCursor: null });
    expect(state.hands).toEqual({ participants: [], nextCursor: null });
    expect(state.messages).toEqual([]);
  });

  it("acks the sender after storing and broadcasts to everyone else", async () => {
    const host = await createCall(server, "chatter");
    const guests = await Promise.all([joinCall(server, host.call.id), joinCall(server, host.call.id)]);
    const a = await open(host.credential);
    const b = await open(guests[0]!.credential);
    const c = await open(guests[1]!.credential);
    const ack = await b.client.emit("chat:send", { clientId: "hello-1", body: "  hello all  " });
    expect(ack).toMatchObject({ ok: true, duplicate: false, message: { body: "hello all", senderId: guests[0]!.participant.id, clientId: "hello-1" } });
    for (const x of [a, b, c]) {
      const m = await x.client.waitFor("chat:message", (m) => m.clientId === "hello-1");
      expect(m.id).toBe(ack.ok && ack.message.id);
    }
    const stored = await api(server, "GET", `/api/calls/${host.call.id}/messages`, { credential: host.credential });
    expect(stored.body.messages.map((m: { body: string }) => m.body)).toEqual(["hello all"]);
  });

  it("stores a resend with the same clientId once and acks the original", async () => {
    const host = await createCall(server, "chatter");
    const guest = await joinCall(server, host.call.id);
    const sender = await open(host.credential);
    const watcher = await open(guest.credential);
    const first = await sender.client.emit("chat:send", { clientId: "dup-1", body: "once" });
    const again = await sender.client.emit("chat:send", { clientId: "dup-1", body: "once" });
    const concurrent = await Promise.all([1, 2, 3].map(() => sender.client.emit("chat:send", { clientId: "dup-2", body: "racing" })));
    expect(first).toMatchObject({ ok: true, duplicate: false });
    expect(again).toMatchObject({ ok: true, duplicate: true });
    expect(again.ok && first.ok && again.message.id).toBe(first.ok && first.message.id);
    expect(new Set(concurrent.map((r) => r.ok && r.message.id)).size).toBe(1);
    expect(concurrent.filter((r) => r.ok && !r.duplicate)).toHaveLength(1);
    await watcher.client.waitFor("chat:message", (m) => m.clientId === "dup-2");
    await new Promise((r) => setTimeout(r, 200));
    expect(watcher.client.received("chat:message").map((m) => m.clientId)).toEqual(["dup-1", "dup-2"]);
    const stored = await api(server, "GET", `/api/calls/${host.call.id}/messages`, { credential: host.credential });
    expect(stored.body.messages).toHaveLength(2);
  });

  it("stores bursts from many senders at once (resends and refusals among them) exactly once each, in send order", async () => {
    const host = await createCall(server, "chatter");
    const seats = await Promise.all([1, 2, 3, 4].map(() => joinCall(server, host.call.id)));
    const admin = await open(host.credential);
    const chatters = [admin, ...(await Promise.all(seats.slice(0, 3).map((s) => open(s.credential))))];
    const listener = await open(seats[3]!.credential);
    await admin.client.emit("role:set", { participantId: seats[3]!.participant.id, role: "listener" });

    // Sent without waiting, so they reach the server together and share statements.
    const burst = (indexes: number[]) =>
      Promise.all(
        chatters.map((c, who) => Promise.all(indexes.map((i) => c.client.emit("chat:send", { clientId: `${who}-${i}`, body: `from ${who}: ${i}` })))),
      );
    const [fresh, refused] = await Promise.all([burst([0, 1, 2, 3, 4, 5]), listener.client.emit("chat:send", { clientId: "l-0", body: "not allowed" })]);
    // Then resends of stored messages mixed with a new one.
    const mixed = await burst([0, 6, 1]);

    expect(refused).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const ids = (acks: (typeof fresh)[number]) => acks.map((r) => (r.ok ? Number(r.message.id) : NaN));
    for (const [who, acks] of fresh.entries()) {
      expect(acks.map((r) => r.ok && !r.duplicate)).toEqual([true, true, true, true, true, true]);
      expect(ids(acks)).toEqual([...ids(acks)].sort((x, y) => x - y));
      expect(mixed[who]!.map((r) => r.ok && r.duplicate)).toEqual([true, false, true]);
      expect([ids(mixed[who]!)[0], ids(mixed[who]!)[2]]).toEqual(ids(acks).slice(0, 2));
    }

    const stored = await api(server, "GET", `/api/calls/${host.call.id}/messages?limit=200`, { credential: host.credential });
    const keys: string[] = stored.body.messages.map((m: { clientId: string }) => m.clientId);
    expect(keys).toHaveLength(4 * 7);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => k.startsWith("2-"))).toEqual(["2-0", "2-1", "2-2", "2-3", "2-4", "2-5", "2-6"]);
    await listener.client.waitFor("chat:message", (m) => m.clientId === "3-6");
    await new Promise((r) => setTimeout(r, 200));
    expect(listener.client.received("chat:message")).toHaveLength(4 * 7);
  });

  it("refuses chat from listeners and lets them chat the moment they are promoted", async () => {
    const host = await createCall(server, "listener");
    const guest = await joinCall(server, host.call.id);
    const admin = await open(host.credential);
    const listener = await open(guest.credential);
    const refused = await listener.client.emit("chat:send", { clientId: "l-1", body: "can I talk?" });
    expect(refused).toEqual({ ok: false, error: { code: "FORBIDDEN", message: "You are a listener; only chatters, speakers and admins can do that." } });

    const promoted = await admin.client.emit("role:set", { participantId: guest.participant.id, role: "chatter" });
    expect(promoted).toMatchObject({ ok: true, participant: { id: guest.participant.id, role: "chatter" } });
    // The person hears of it at once; admins in the next audience batch (chatters are still the audience).
    await listener.client.waitFor("participant:updated", (p) => p.id === guest.participant.id && p.role === "chatter");
    await admin.client.waitForAudience("updated", (p) => p.id === guest.participant.id && p.role === "chatter");
    expect(await listener.client.emit("chat:send", { clientId: "l-2", body: "thanks" })).toMatchObject({ ok: true });

    await admin.client.emit("role:set", { participantId: guest.participant.id, role: "listener" });
    expect(await listener.client.emit("chat:send", { clientId: "l-3", body: "again?" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const stored = await api(server, "GET", `/api/calls/${host.call.id}/messages`, { credential: host.credential });
    expect(stored.body.messages.map((m: { clientId: string }) => m.clientId)).toEqual(["l-2"]);
  });

  it("validates every payload and answers with the error shape", async () => {
    const host = await createCall(server, "chatter");
    const { client } = await open(host.credential);
    const bad = [
      ["chat:send", { clientId: "x", body: "" }],
      ["chat:send", { clientId: "x", body: "a".repeat(2001) }],
      ["chat:send", { clientId: "x" }],
      ["chat:send", "just a string"],
      ["chat:send", { clientId: "x", body: "hi", senderId: host.participant.id }],
      ["role:set", { participantId: host.participant.id, role: "overlord" }],
      ["mute:set", { muted: "yes" }],
      ["hand:set", null],
      // The token is always for the connection's own participant: nobody can name another.
      ["audio:token", { participantId: host.participant.id }],
      ["audio:token", "now"],
      ["audio:token", null],
    ] as const;
    for (const [event, payload] of bad) {
      const res = await client.emit(event, payload);
      expect(res, `${event} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { code: "INVALID_INPUT", message: expect.any(String) } });
    }
    // The connection survives and keeps working.
    expect(await client.emit("chat:send", { clientId: "ok-1", body: "still fine" })).toMatchObject({ ok: true });
  });

  it("rate limits a fast sender with RATE_LIMITED, and stores only what it acked", async () => {
    const host = await createCall(server, "chatter");
    const { client } = await open(host.credential);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => client.emit("chat:send", { clientId: `burst-${i}`, body: `b${i}` })));
    const ok = results.filter((r) => r.ok);
    const limited = results.filter((r) => !r.ok);
    expect(ok.length).toBeGreaterThanOrEqual(10);
    expect(ok.length).toBeLessThan(14);
    for (const r of limited) expect(r).toMatchObject({ ok: false, error: { code: "RATE_LIMITED", retryAfterMs: expect.any(Number) } });
    const stored = await api(server, "GET", `/api/calls/${host.call.id}/messages?limit=50`, { credential: host.credential });
    expect(stored.body.messages).toHaveLength(ok.length);
  });

  it("shares a speaker's mute state with everyone, and an audience member's hand with the admins", async () => {
    const host = await createCall(server, "speaker");
    const guest = await joinCall(server, host.call.id);
    const a = await open(host.credential);
    const b = await open(guest.credential);
    const other = await open((await joinCall(server, host.call.id)).credential);
    expect(await b.client.emit("mute:set", { muted: false })).toMatchObject({ ok: true, participant: { muted: false } });
    for (const x of [a, other]) await x.client.waitFor("participant:updated", (p) => p.id === guest.participant.id && !p.muted);
    expect(await a.client.emit("role:set", { participantId: guest.participant.id, role: "chatter" })).toMatchObject({ ok: true });
    expect(await b.client.emit("hand:set", { raised: true })).toMatchObject({ ok: true, participant: { handRaised: true } });
    await a.client.waitForAudience("updated", (p) => p.id === guest.participant.id && p.handRaised);
    await other.client.waitFor("audience:count", (c) => c.hands === 1);
  });

  it("announces the stage's joins and leaves, keeps a second tab as the same participant", async () => {
    const host = await createCall(server, "speaker");
    const a = await open(host.credential);
    const guest = await joinCall(server, host.call.id);
    await a.client.waitFor("participant:joined", (p) => p.id === guest.participant.id);
    const tab1 = await open(guest.credential);
    const tab2 = await open(guest.credential);
    expect(tab2.state.self.id).toBe(tab1.state.self.id);
    const ack = await tab1.client.emit("chat:send", { clientId: "tab-1", body: "from tab one" });
    expect(ack.ok).toBe(true);
    await tab2.client.waitFor("chat:message", (m) => m.clientId === "tab-1");
    // Closing one tab does not make them away.
    tab1.client.close();
    await new Promise((r) => setTimeout(r, 300));
    expect(a.client.received("participant:updated").filter((p) => p.id === guest.participant.id && p.presence === "away")).toEqual([]);

    const left = a.client.waitFor("participant:left", (p) => p.participantId === guest.participant.id);
    await api(server, "POST", `/api/calls/${host.call.id}/leave`, { credential: guest.credential });
    await left;
    await expect.poll(() => tab2.client.socket.connected).toBe(false);
  });

  it("shows someone on stage whose connections all drop as away, then as left after the timeout", async () => {
    const host = await createCall(server, "speaker");
    const guest = await joinCall(server, host.call.id);
    const a = await open(host.credential);
    const b = await open(guest.credential);
    b.client.close();
    await a.client.waitFor("participant:updated", (p) => p.id === guest.participant.id && p.presence === "away");
    await a.client.waitFor("participant:left", (p) => p.participantId === guest.participant.id, 4000);
    // Their credential still brings them back as the same participant.
    const back = await open(guest.credential);
    expect(back.state.self).toMatchObject({ id: guest.participant.id, presence: "online" });
    await a.client.waitFor("participant:joined", (p) => p.id === guest.participant.id);
  });

  it("keeps an empty call joinable for the grace period, then ends it", async () => {
    const host = await createCall(server, "chatter");
    await api(server, "POST", `/api/calls/${host.call.id}/leave`, { credential: host.credential });
    const during = await api(server, "POST", `/api/calls/${host.call.id}/join`);
    expect(during.status).toBe(200);
    await api(server, "POST", `/api/calls/${host.call.id}/leave`, { credential: during.body.credential });
    await expect.poll(async () => (await api(server, "GET", `/api/calls/${host.call.id}`)).body.call.endedAt, { timeout: 5000, interval: 200 }).not.toBeNull();
    expect((await api(server, "POST", `/api/calls/${host.call.id}/join`)).status).toBe(410);
  });

  it("answers audio:token with a fresh token for the connection's own participant, grants from the role held now", async () => {
    const host = await createCall(server, "listener");
    const guest = await joinCall(server, host.call.id);
    const admin = await open(host.credential);
    const listener = await open(guest.credential);
    const tokenNow = async () => {
      const ack = await listener.client.emit("audio:token", {});
      expect(ack).toMatchObject({ ok: true, livekit: { url: "ws://127.0.0.1:9", token: expect.stringMatching(/^ey/) } });
      return claims(ack.ok && ack.livekit.token);
    };

    const before = await tokenNow();
    expect(before).toMatchObject({ sub: guest.participant.id, name: guest.participant.displayName, attributes: { role: "listener" } });
    expect(before.video).toMatchObject({ roomJoin: true, room: host.call.id, canSubscribe: true, canPublish: false, canPublishData: false });

    expect(await admin.client.emit("role:set", { participantId: guest.participant.id, role: "speaker" })).toMatchObject({ ok: true });
    const promoted = await tokenNow();
    expect(promoted).toMatchObject({ sub: guest.participant.id, attributes: { role: "speaker" } });
    expect(promoted.video).toMatchObject({ room: host.call.id, canPublish: true, canPublishSources: ["microphone"], canPublishData: false });
    expect(promoted.video.roomAdmin).toBeUndefined();

    expect(await admin.client.emit("role:set", { participantId: guest.participant.id, role: "chatter" })).toMatchObject({ ok: true });
    expect((await tokenNow()).video).toMatchObject({ canPublish: false });
  });

  it("refuses audio:token to someone removed or banned and on an ended call, even before their socket is told", async () => {
    const host = await createCall(server, "listener");
    const [removed, banned] = await Promise.all([joinCall(server, host.call.id), joinCall(server, host.call.id)]);
    const sockets = await Promise.all([host, removed, banned].map((s) => open(s.credential)));
    const [hostSocket, removedSocket, bannedSocket] = sockets.map((s) => s.client);
    // Committed, but not yet acted on by the server: the race a retry's token request can meet.
    const elsewhere = await storesOn(server.databaseUrl);
    try {
      const actor = { id: host.participant.id, name: host.participant.displayName };
      await elsewhere.moderation.remove(host.call.id, actor, removed.participant.id, false, new Date());
      await elsewhere.moderation.remove(host.call.id, actor, banned.participant.id, true, new Date());
      expect(await removedSocket!.emit("audio:token", {})).toMatchObject({ ok: false, error: { code: "REMOVED", message: expect.any(String) } });
      expect(await bannedSocket!.emit("audio:token", {})).toMatchObject({ ok: false, error: { code: "BANNED", message: expect.any(String) } });
      expect(await hostSocket!.emit("audio:token", {})).toMatchObject({ ok: true });

      await elsewhere.store.endCall(host.call.id, new Date());
      expect(await hostSocket!.emit("audio:token", {})).toMatchObject({ ok: false, error: { code: "CALL_ENDED", message: expect.any(String) } });
    } finally {
      await elsewhere.close();
    }
  });

  it("refuses a connection to an ended call", async () => {
    const host = await createCall(server, "chatter");
    await api(server, "POST", `/api/calls/${host.call.id}/end`, { credential: host.credential });
    const { connectError } = await import("../support/sockets");
    expect(await connectError(server, { credential: host.credential })).toBe("CALL_ENDED");
  });
});
