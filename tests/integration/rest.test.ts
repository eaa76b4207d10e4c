import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CallResponseSchema, SessionResponseSchema } from "@/lib/contracts/rest";
import { credentialCookieName } from "@/lib/contracts/cookies";
import { api, createCall, joinCall } from "../support/api";
import { connect } from "../support/sockets";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

describe("REST contract", () => {
  it("health reports the database, and LiveKit as down in degraded mode", async () => {
    const res = await api(server, "GET", "/api/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, db: true, livekit: false, draining: false });
  });

  it("creates a call whose creator is the host and an admin, with a credential cookie", async () => {
    const res = await api(server, "POST", "/api/calls", { body: { defaultRole: "chatter", title: "Town hall" } });
    expect(res.status).toBe(201);
    const session = SessionResponseSchema.parse(res.body);
    expect(session.call).toMatchObject({ title: "Town hall", defaultRole: "chatter", endedAt: null, participantCount: 1 });
    expect(session.call.id).toMatch(/^[a-z]+-[a-z]+-[a-z]+$/);
    expect(session.participant).toMatchObject({ role: "admin", kind: "guest", isHost: true });
    expect(session.participant.displayName).toMatch(/^pleb-[a-z]+$/);
    expect(session.call.hostName).toBe(session.participant.displayName);
    // Calls work without a reachable LiveKit; the token is there for when it returns.
    expect(session.livekit).toEqual({ url: "ws://127.0.0.1:9", token: expect.stringMatching(/^ey/) });
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toContain(`${credentialCookieName(session.call.id)}=${session.credential}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it("gives a default title and different IDs", async () => {
    const a = await createCall(server);
    const b = await createCall(server);
    expect(a.call.id).not.toBe(b.call.id);
    expect(a.call.title).toBe(`${a.participant.displayName}'s call`);
  });

  it("gets a call with the people present", async () => {
    const host = await createCall(server, "speaker");
    const guest = await joinCall(server, host.call.id);
    const res = await api(server, "GET", `/api/calls/${host.call.id}`);
    expect(res.status).toBe(200);
    const body = CallResponseSchema.parse(res.body);
    expect(body.participants.map((p) => p.id).sort()).toEqual([host.participant.id, guest.participant.id].sort());
    expect(body.call.participantCount).toBe(2);
  });

  it("joins guests as pleb-<word> with the call's default role, unique within the call", async () => {
    const host = await createCall(server, "chatter");
    const guests = await Promise.all(Array.from({ length: 12 }, () => joinCall(server, host.call.id)));
    const names = [host.participant.displayName, ...guests.map((g) => g.participant.displayName)];
    expect(new Set(names).size).toBe(names.length);
    for (const g of guests) {
      expect(g.participant).toMatchObject({ role: "chatter", kind: "guest", isHost: false });
      expect(g.participant.displayName).toMatch(/^pleb-[a-z0-9]+$/);
    }
  });

  it("brings a returning credential back as the same participant and role (bearer or cookie)", async () => {
    const host = await createCall(server);
    const guest = await joinCall(server, host.call.id);
    await api(server, "POST", `/api/calls/${host.call.id}/roles`, {
      credential: host.credential,
      body: { participantId: guest.participant.id, role: "speaker" },
    });

    const again = await joinCall(server, host.call.id, guest.credential);
    expect(again.participant).toMatchObject({ id: guest.participant.id, displayName: guest.participant.displayName, role: "speaker" });

    const viaCookie = await api(server, "POST", `/api/calls/${host.call.id}/join`, { cookie: `${credentialCookieName(host.call.id)}=${guest.credential}` });
    expect(viaCookie.body.participant.id).toBe(guest.participant.id);
  });

  it("leaves with 204, and a rejoin with the same credential restores the participant", async () => {
    const host = await createCall(server);
    const guest = await joinCall(server, host.call.id);
    expect((await api(server, "POST", `/api/calls/${host.call.id}/leave`, { credential: guest.credential })).status).toBe(204);
    let call = await api(server, "GET", `/api/calls/${host.call.id}`);
    expect(call.body.participants.map((p: { id: string }) => p.id)).not.toContain(guest.participant.id);
    // Leaving twice is harmless.
    expect((await api(server, "POST", `/api/calls/${host.call.id}/leave`, { credential: guest.credential })).status).toBe(204);
    const back = await joinCall(server, host.call.id, guest.credential);
    expect(back.participant.id).toBe(guest.participant.id);
    call = await api(server, "GET", `/api/calls/${host.call.id}`);
    expect(call.body.participants.map((p: { id: string }) => p.id)).toContain(guest.participant.id);
  });

  it("pages messages oldest-first with a cursor, newest page by default", async () => {
    const host = await createCall(server, "chatter");
    const { client } = await connect(server, host.credential);
    for (let i = 0; i < 12; i++) {
      const ack = await client.emit("chat:send", { clientId: `m${i}`, body: `message ${i}` });
      expect(ack.ok).toBe(true);
      if (i === 7) await new Promise((r) => setTimeout(r, 2100)); // stay under the 10-message burst
    }
    client.close();
    const path = `/api/calls/${host.call.id}/messages`;
    const first = await api(server, "GET", `${path}?limit=5`, { credential: host.credential });
    expect(first.status).toBe(200);
    expect(first.body.messages.map((m: { body: string }) => m.body)).toEqual([7, 8, 9, 10, 11].map((i) => `message ${i}`));
    const second = await api(server, "GET", `${path}?limit=5&before=${first.body.nextCursor}`, { credential: host.credential });
    expect(second.body.messages.map((m: { body: string }) => m.body)).toEqual([2, 3, 4, 5, 6].map((i) => `message ${i}`));
    const third = await api(server, "GET", `${path}?limit=5&before=${second.body.nextCursor}`, { credential: host.credential });
    expect(third.body.messages.map((m: { body: string }) => m.body)).toEqual(["message 0", "message 1"]);
    expect(third.body.nextCursor).toBeNull();
    expect(first.body.messages[0]).toMatchObject({
      callId: host.call.id,
      senderId: host.participant.id,
      senderName: host.participant.displayName,
      clientId: "m7",
    });
  });

  it("lets only participants read messages", async () => {
    const host = await createCall(server);
    const res = await api(server, "GET", `/api/calls/${host.call.id}/messages`);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("UNAUTHENTICATED");
  });

  it("changes roles through REST for admins only", async () => {
    const host = await createCall(server);
    const guest = await joinCall(server, host.call.id);
    const denied = await api(server, "POST", `/api/calls/${host.call.id}/roles`, {
      credential: guest.credential,
      body: { participantId: guest.participant.id, role: "admin" },
    });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe("FORBIDDEN");
    const ok = await api(server, "POST", `/api/calls/${host.call.id}/roles`, {
      credential: host.credential,
      body: { participantId: guest.participant.id, role: "admin" },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.participant).toMatchObject({ id: guest.participant.id, role: "admin" });
    // The new admin cannot demote the host ...
    const hostProtected = await api(server, "POST", `/api/calls/${host.call.id}/roles`, {
      credential: guest.credential,
      body: { participantId: host.participant.id, role: "listener" },
    });
    expect(hostProtected.status).toBe(403);
    expect(hostProtected.body.error.code).toBe("HOST_PROTECTED");
    // ... but may step down while the host is still an admin.
    const stepDown = await api(server, "POST", `/api/calls/${host.call.id}/roles`, {
      credential: guest.credential,
      body: { participantId: guest.participant.id, role: "chatter" },
    });
    expect(stepDown.body.participant.role).toBe("chatter");
    // The host is now the last admin and cannot demote themselves.
    const last = await api(server, "POST", `/api/calls/${host.call.id}/roles`, {
      credential: host.credential,
      body: { participantId: host.participant.id, role: "speaker" },
    });
    expect(last.status).toBe(409);
    expect(last.body.error.code).toBe("LAST_ADMIN");
    const unknown = await api(server, "POST", `/api/calls/${host.call.id}/roles`, {
      credential: host.credential,
      body: { participantId: "nobody", role: "speaker" },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("PARTICIPANT_NOT_FOUND");
  });

  it("ends a call for admins only; an ended call is read-only history", async () => {
    const host = await createCall(server, "chatter");
    const guest = await joinCall(server, host.call.id);
    const { client } = await connect(server, guest.credential);
    expect((await client.emit("chat:send", { clientId: "before-end", body: "still here" })).ok).toBe(true);

    const denied = await api(server, "POST", `/api/calls/${host.call.id}/end`, { credential: guest.credential });
    expect(denied.status).toBe(403);
    const ended = client.waitFor("call:ended");
    expect((await api(server, "POST", `/api/calls/${host.call.id}/end`, { credential: host.credential })).status).toBe(204);
    // Who ended it and when, for the ended screen.
    expect(await ended).toEqual({ callId: host.call.id, endedBy: host.participant.displayName, endedAt: expect.any(String) });
    await expect.poll(() => client.socket.connected).toBe(false);

    const join = await api(server, "POST", `/api/calls/${host.call.id}/join`);
    expect(join.status).toBe(410);
    expect(join.body.error.code).toBe("CALL_ENDED");
    const get = await api(server, "GET", `/api/calls/${host.call.id}`);
    expect(get.body.call.endedAt).not.toBeNull();
    expect(get.body.participants).toEqual([]);
    const history = await api(server, "GET", `/api/calls/${host.call.id}/messages`, { credential: guest.credential });
    expect(history.body.messages.map((m: { body: string }) => m.body)).toEqual(["still here"]);
    const roles = await api(server, "POST", `/api/calls/${host.call.id}/roles`, {
      credential: host.credential,
      body: { participantId: guest.participant.id, role: "speaker" },
    });
    expect(roles.status).toBe(410);
  });
});
