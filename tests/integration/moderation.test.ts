import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEVICE_COOKIE } from "@/lib/http/device-cookie";
import { api, createCall, joinCall } from "../support/api";
import { CookieJar, signIn, signUp, uniqueEmail } from "../support/auth";
import { connect, type TestClient } from "../support/sockets";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
const clients: TestClient[] = [];
beforeAll(async () => {
  server = await startServer({ env: { TRUST_PROXY: "true" } });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server?.stop();
});

async function open(credential: string) {
  const { client, state } = await connect(server, credential);
  clients.push(client);
  return { client, state };
}
const post = (path: string, credential: string, body?: unknown) => api(server, "POST", path, { credential, body });
const log = async (callId: string, credential: string) =>
  (await api(server, "GET", `/api/calls/${callId}/moderation-log`, { credential })).body.entries as {
    action: string;
    before: string | null;
    after: string | null;
    actorName: string;
    targetName: string | null;
  }[];

describe("hand queue", () => {
  it("keeps raised hands in the order they went up, the same for everyone", async () => {
    const host = await createCall(server, "listener");
    const guests = await Promise.all(Array.from({ length: 6 }, () => joinCall(server, host.call.id)));
    const sockets = await Promise.all(guests.map((g) => open(g.credential)));
    // Three one after another, then three at once.
    for (const s of sockets.slice(0, 3)) expect(await s.client.emit("hand:set", { raised: true })).toMatchObject({ ok: true });
    await Promise.all(sockets.slice(3).map((s) => s.client.emit("hand:set", { raised: true })));
    const admin = await open(host.credential);
    // An admin's call:state carries the queue, in the order hands went up.
    const queue = admin.state.hands!.participants;
    expect(queue.every((p) => p.handRaised)).toBe(true);
    expect(admin.state.audience.count.hands).toBe(6);
    expect(queue).toHaveLength(6);
    expect(queue.slice(0, 3).map((p) => p.id)).toEqual(guests.slice(0, 3).map((g) => g.participant.id));
    const viaRest = (await api(server, "GET", `/api/calls/${host.call.id}`)).body.participants.filter((p: { handRaised: boolean }) => p.handRaised);
    expect(viaRest.map((p: { handRaisedAt: string }) => p.handRaisedAt).sort()).toEqual(queue.map((p) => p.handRaisedAt).sort());
  });

  it("lets admins invite, dismiss and lower all; the person is told; promotion clears the hand", async () => {
    const host = await createCall(server, "listener");
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => joinCall(server, host.call.id)));
    const [sa, sb, sc] = await Promise.all([a!, b!, c!].map((g) => open(g.credential)));
    for (const s of [sa!, sb!, sc!]) await s.client.emit("hand:set", { raised: true });
    const admin = await open(host.credential);

    const invited = await admin.client.emit("hand:invite", { participantId: a!.participant.id, as: "speaker" });
    expect(invited).toMatchObject({ ok: true, participant: { role: "speaker", handRaised: false } });
    await sa!.client.waitFor("notice", (n) => n.code === "HAND_ACCEPTED");

    const asChatter = await post(`/api/calls/${host.call.id}/hands/${b!.participant.id}/invite`, host.credential, { as: "chatter" });
    expect(asChatter.body.participant).toMatchObject({ role: "chatter", handRaised: false });

    const dismissed = await admin.client.emit("hand:dismiss", { participantId: c!.participant.id });
    expect(dismissed).toMatchObject({ ok: true, participant: { role: "listener", handRaised: false } });
    await sc!.client.waitFor("notice", (n) => n.code === "HAND_DISMISSED");

    // Speakers cannot raise a hand; chatters can; lower-all clears them.
    expect(await sa!.client.emit("hand:set", { raised: true })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await sb!.client.emit("hand:set", { raised: true });
    await sc!.client.emit("hand:set", { raised: true });
    expect((await post(`/api/calls/${host.call.id}/hands/lower-all`, host.credential)).status).toBe(204);
    const after = (await api(server, "GET", `/api/calls/${host.call.id}`)).body.participants;
    expect(after.filter((p: { handRaised: boolean }) => p.handRaised)).toEqual([]);

    // Leaving lowers a hand too.
    await sc!.client.emit("hand:set", { raised: true });
    await post(`/api/calls/${host.call.id}/leave`, c!.credential);
    const back = await joinCall(server, host.call.id, c!.credential);
    expect(back.participant.handRaised).toBe(false);
  });
});

describe("moderation actions and the log", () => {
  it("logs every action once, newest first, and shows new entries to admins live", async () => {
    const host = await createCall(server, "listener");
    const guest = await joinCall(server, host.call.id);
    const other = await joinCall(server, host.call.id);
    const bystander = await joinCall(server, host.call.id);
    const admin = await open(host.credential);
    const g = await open(guest.credential);
    const id = host.call.id;
    await post(`/api/calls/${id}/roles`, host.credential, { participantId: guest.participant.id, role: "speaker" });
    await g.client.emit("mute:set", { muted: false });
    expect((await post(`/api/calls/${id}/participants/${guest.participant.id}/mute`, host.credential)).body.participant.muted).toBe(true);
    await g.client.waitFor("notice", (n) => n.code === "MUTED_BY_ADMIN");
    // Muting again changes nothing and logs nothing.
    await post(`/api/calls/${id}/participants/${guest.participant.id}/mute`, host.credential);
    expect((await post(`/api/calls/${id}/lock`, host.credential, { locked: true })).body.call.locked).toBe(true);
    await post(`/api/calls/${id}/lock`, host.credential, { locked: true });
    await post(`/api/calls/${id}/lock`, host.credential, { locked: false });
    expect((await post(`/api/calls/${id}/default-role`, host.credential, { role: "chatter" })).body.call.defaultRole).toBe("chatter");
    await post(`/api/calls/${id}/participants/${other.participant.id}/remove`, host.credential, {});
    await post(`/api/calls/${id}/participants/${guest.participant.id}/remove`, host.credential, { ban: true });

    const entries = await log(id, host.credential);
    expect(entries.map((e) => e.action)).toEqual(["ban", "remove", "default-role", "unlock", "lock", "mute", "role"]);
    expect(entries.at(-1)).toMatchObject({
      before: "listener",
      after: "speaker",
      actorName: host.participant.displayName,
      targetName: guest.participant.displayName,
    });
    expect(entries.find((e) => e.action === "default-role")).toMatchObject({ before: "listener", after: "chatter" });
    const live = admin.client.received("moderation:entry").map((e) => e.action);
    expect(live).toEqual(["role", "mute", "lock", "unlock", "default-role", "remove", "ban"]);

    await post(`/api/calls/${id}/end`, host.credential);
    const afterEnd = await log(id, bystander.credential); // every past participant reads it once the call has ended
    expect(afterEnd[0]).toMatchObject({ action: "end", actorName: host.participant.displayName });
  });
});

describe("locks and bans", () => {
  it("refuses newcomers to a locked call, but not people already in it", async () => {
    const host = await createCall(server, "listener");
    const guest = await joinCall(server, host.call.id);
    await post(`/api/calls/${host.call.id}/lock`, host.credential, { locked: true });
    const newcomer = await api(server, "POST", `/api/calls/${host.call.id}/join`);
    expect(newcomer.status).toBe(423);
    expect(newcomer.body.error).toEqual({ code: "CALL_LOCKED", message: "This call is locked: an admin has closed it to new people." });
    expect((await api(server, "POST", `/api/calls/${host.call.id}/join`, { credential: guest.credential })).status).toBe(200);
    await post(`/api/calls/${host.call.id}/lock`, host.credential, { locked: false });
    expect((await api(server, "POST", `/api/calls/${host.call.id}/join`)).status).toBe(200);
  });

  it("keeps a banned guest out even with a new guest credential from the same browser", async () => {
    const host = await createCall(server, "listener");
    const first = await api(server, "POST", `/api/calls/${host.call.id}/join`);
    const device = /earshot_device=([^;]+)/.exec(first.headers.getSetCookie().join(";"))![1]!;
    const banned = await post(`/api/calls/${host.call.id}/participants/${first.body.participant.id}/remove`, host.credential, { ban: true });
    expect(banned.status).toBe(204);
    // Same credential: banned.
    const again = await api(server, "POST", `/api/calls/${host.call.id}/join`, { credential: first.body.credential });
    expect(again.status).toBe(403);
    expect(again.body.error.code).toBe("BANNED");
    // Call cookie deleted, same browser (device cookie): still banned.
    const fresh = await api(server, "POST", `/api/calls/${host.call.id}/join`, { cookie: `${DEVICE_COOKIE}=${device}` });
    expect(fresh.status).toBe(403);
    expect(fresh.body.error.code).toBe("BANNED");
    // Another browser is another guest.
    expect((await api(server, "POST", `/api/calls/${host.call.id}/join`)).status).toBe(200);
  });

  it("keeps a banned user out from any device", async () => {
    const email = uniqueEmail("banned");
    await signUp(server, { email, password: "long password", name: "Mallory" }, "192.0.2.77");
    const laptop = new CookieJar("192.0.2.78");
    await signIn(server, laptop, email, "long password");
    const host = await createCall(server, "listener");
    const joined = await api(server, "POST", `/api/calls/${host.call.id}/join`, { cookie: laptop.header() });
    await post(`/api/calls/${host.call.id}/participants/${joined.body.participant.id}/remove`, host.credential, { ban: true });
    const phone = new CookieJar("192.0.2.79");
    await signIn(server, phone, email, "long password");
    const res = await api(server, "POST", `/api/calls/${host.call.id}/join`, { cookie: phone.header() });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("BANNED");
  });

  it("protects the host from co-admins", async () => {
    const host = await createCall(server, "listener");
    const co = await joinCall(server, host.call.id);
    await post(`/api/calls/${host.call.id}/roles`, host.credential, { participantId: co.participant.id, role: "admin" });
    const { client } = await open(co.credential);
    expect(await client.emit("role:set", { participantId: host.participant.id, role: "listener" })).toMatchObject({
      ok: false,
      error: { code: "HOST_PROTECTED" },
    });
    expect(await client.emit("participant:remove", { participantId: host.participant.id })).toMatchObject({ ok: false, error: { code: "HOST_PROTECTED" } });
    expect((await post(`/api/calls/${host.call.id}/participants/${host.participant.id}/remove`, co.credential, { ban: true })).body.error.code).toBe(
      "HOST_PROTECTED",
    );
    // Co-admins can be removed by the host, and add and remove other co-admins.
    const third = await joinCall(server, host.call.id);
    expect(await client.emit("role:set", { participantId: third.participant.id, role: "admin" })).toMatchObject({ ok: true });
    expect(await client.emit("role:set", { participantId: third.participant.id, role: "listener" })).toMatchObject({ ok: true });
  });

  it("refuses an action on someone who has left with a clear error", async () => {
    const host = await createCall(server, "speaker");
    const guest = await joinCall(server, host.call.id);
    await post(`/api/calls/${host.call.id}/leave`, guest.credential);
    const res = await post(`/api/calls/${host.call.id}/participants/${guest.participant.id}/mute`, host.credential);
    expect(res.status).toBe(409);
    expect(res.body.error).toEqual({ code: "PARTICIPANT_LEFT", message: "That person has already left the call." });
  });
});

describe("races between admins", () => {
  it("leave one consistent state and one log entry per applied action", async () => {
    const host = await createCall(server, "listener");
    const co = await joinCall(server, host.call.id);
    await post(`/api/calls/${host.call.id}/roles`, host.credential, { participantId: co.participant.id, role: "admin" });
    const target = await joinCall(server, host.call.id);
    const [a, b] = [await open(host.credential), await open(co.credential)];
    const id = host.call.id;

    // Conflicting role changes at once.
    const roles = await Promise.all([
      a.client.emit("role:set", { participantId: target.participant.id, role: "speaker" }),
      b.client.emit("role:set", { participantId: target.participant.id, role: "chatter" }),
    ]);
    expect(roles.every((r) => r.ok)).toBe(true);
    const final = (await api(server, "GET", `/api/calls/${id}`)).body.participants.find((p: { id: string }) => p.id === target.participant.id).role;
    let entries = (await log(id, host.credential)).filter((e) => e.action === "role" && e.targetName === target.participant.displayName);
    expect(entries.length).toBeGreaterThanOrEqual(1);
    expect(entries[0]!.after).toBe(final); // the newest entry is the state that stands
    for (let i = 1; i < entries.length; i++) expect(entries[i - 1]!.before).toBe(entries[i]!.after); // a chain, no lost update

    // Both lock at once: locked, one entry.
    await Promise.all([a.client.emit("call:lock", { locked: true }), b.client.emit("call:lock", { locked: true })]);
    entries = await log(id, host.credential);
    expect(entries.filter((e) => e.action === "lock")).toHaveLength(1);

    // Both ban the same person at once: banned once.
    await Promise.all([
      a.client.emit("participant:remove", { participantId: target.participant.id, ban: true }),
      b.client.emit("participant:remove", { participantId: target.participant.id, ban: true }),
    ]);
    entries = await log(id, host.credential);
    expect(entries.filter((e) => e.action === "ban")).toHaveLength(1);
    expect((await api(server, "POST", `/api/calls/${id}/join`, { credential: target.credential })).body.error.code).toBe("BANNED");
  });
});

describe("non-admins", () => {
  it("are refused every moderation action, on REST and on the socket", async () => {
    const host = await createCall(server, "speaker");
    const guest = await joinCall(server, host.call.id);
    const { client } = await open(guest.credential);
    const id = host.call.id;
    const pid = host.participant.id;
    const rest: [string, unknown][] = [
      [`/api/calls/${id}/roles`, { participantId: pid, role: "listener" }],
      [`/api/calls/${id}/participants/${pid}/mute`, undefined],
      [`/api/calls/${id}/participants/${pid}/remove`, { ban: true }],
      [`/api/calls/${id}/lock`, { locked: true }],
      [`/api/calls/${id}/default-role`, { role: "speaker" }],
      [`/api/calls/${id}/mute-all`, {}],
      [`/api/calls/${id}/hands/lower-all`, {}],
      [`/api/calls/${id}/hands/${pid}/dismiss`, undefined],
      [`/api/calls/${id}/hands/${pid}/invite`, { as: "speaker" }],
      [`/api/calls/${id}/end`, undefined],
    ];
    for (const [path, body] of rest) {
      const res = await post(path, guest.credential, body);
      expect(res.status, path).toBe(403);
      expect(res.body.error.code, path).toBe("FORBIDDEN");
    }
    const socket: [string, unknown][] = [
      ["role:set", { participantId: pid, role: "listener" }],
      ["participant:mute", { participantId: pid }],
      ["participant:remove", { participantId: pid, ban: true }],
      ["participants:mute-all", {}],
      ["hand:invite", { participantId: pid, as: "speaker" }],
      ["hand:dismiss", { participantId: pid }],
      ["hands:lower-all", {}],
      ["call:lock", { locked: true }],
      ["call:default-role", { role: "speaker" }],
      ["call:end", {}],
    ];
    for (const [event, payload] of socket) {
      expect(await client.emit(event as never, payload), event).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
    expect((await api(server, "GET", `/api/calls/${id}`)).body.call).toMatchObject({ endedAt: null, locked: false, defaultRole: "speaker" });
    expect(await log(id, host.credential)).toEqual([]);
  });
});

describe("the last admin", () => {
  it("holds when two admins step down at the same moment", async () => {
    for (let trial = 0; trial < 10; trial++) {
      const host = await createCall(server, "listener");
      const other = await joinCall(server, host.call.id);
      expect((await post(`/api/calls/${host.call.id}/roles`, host.credential, { participantId: other.participant.id, role: "admin" })).status).toBe(200);
      const results = await Promise.all([
        post(`/api/calls/${host.call.id}/roles`, host.credential, { participantId: host.participant.id, role: "speaker" }),
        post(`/api/calls/${host.call.id}/roles`, other.credential, { participantId: other.participant.id, role: "listener" }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.status === 409)!.body.error.code).toBe("LAST_ADMIN");
      const present = (await api(server, "GET", `/api/calls/${host.call.id}`)).body.participants as { role: string }[];
      expect(present.filter((p) => p.role === "admin")).toHaveLength(1);
    }
  });

  it("holds when two admins demote each other at the same moment", async () => {
    for (let trial = 0; trial < 5; trial++) {
      const host = await createCall(server, "listener");
      const [a, b] = await Promise.all([joinCall(server, host.call.id), joinCall(server, host.call.id)]);
      for (const p of [a, b]) await post(`/api/calls/${host.call.id}/roles`, host.credential, { participantId: p.participant.id, role: "admin" });
      await post(`/api/calls/${host.call.id}/roles`, host.credential, { participantId: host.participant.id, role: "speaker" });
      const results = await Promise.all([
        post(`/api/calls/${host.call.id}/roles`, a.credential, { participantId: b.participant.id, role: "listener" }),
        post(`/api/calls/${host.call.id}/roles`, b.credential, { participantId: a.participant.id, role: "listener" }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 403]);
      const present = (await api(server, "GET", `/api/calls/${host.call.id}`)).body.participants as { role: string }[];
      expect(present.filter((p) => p.role === "admin")).toHaveLength(1);
    }
  });
});
