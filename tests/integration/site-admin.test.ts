import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createCall, joinCall } from "../support/api";
import { CookieJar, signIn, signUp, uniqueEmail } from "../support/auth";
import { connect, type TestClient } from "../support/sockets";
import { startServer, type TestServer } from "../support/server";

const ADMIN = uniqueEmail("site-admin");
let server: TestServer;
let admin: CookieJar;
let user: { email: string; jar: CookieJar };
const clients: TestClient[] = [];

beforeAll(async () => {
  server = await startServer({ env: { ADMIN_EMAILS: `someone@else.test, ${ADMIN.toUpperCase()}`, TRUST_PROXY: "true" } });
  await signUp(server, { email: ADMIN, password: "admin password", name: "Sysop" }, "192.0.2.10");
  admin = new CookieJar("192.0.2.11");
  expect((await signIn(server, admin, ADMIN, "admin password")).ok).toBe(true);
  const email = uniqueEmail("member");
  await signUp(server, { email, password: "member password", name: "Member" }, "192.0.2.12");
  user = { email, jar: new CookieJar("192.0.2.13") };
  expect((await signIn(server, user.jar, email, "member password")).ok).toBe(true);
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server?.stop();
});

const asAdmin = (method: string, path: string, body?: unknown) => api(server, method, path, { cookie: admin.header(), body, headers: { origin: server.url } });

describe("site admin API", () => {
  it("is refused to everyone but site admins", async () => {
    expect((await api(server, "GET", "/api/me", { cookie: admin.header() })).body.user.isSiteAdmin).toBe(true);
    expect((await api(server, "GET", "/api/me", { cookie: user.jar.header() })).body.user.isSiteAdmin).toBe(false);
    const call = await createCall(server);
    for (const [method, path] of [
      ["GET", "/api/admin/calls"],
      ["GET", `/api/admin/calls/${call.call.id}`],
      ["GET", `/api/admin/calls/${call.call.id}/moderation-log?before=999`],
      ["POST", `/api/admin/calls/${call.call.id}/end`],
      ["POST", `/api/admin/calls/${call.call.id}/join`],
      ["GET", "/api/admin/users"],
      ["POST", "/api/admin/users/anyone/disable"],
    ]) {
      for (const opts of [{}, { cookie: user.jar.header(), headers: { origin: server.url } }, { credential: call.credential }]) {
        const res = await api(server, method!, path!, { ...opts, body: method === "POST" ? {} : undefined });
        expect(res.status, `${method} ${path}`).toBe(403);
        expect(res.body.error.code).toBe("FORBIDDEN");
      }
    }
  });

  it("lists live calls with counts and hosts, searches all calls, inspects and ends any call", async () => {
    const live = await createCall(server, "chatter", "Admin-visible standup");
    await joinCall(server, live.call.id);
    const ended = await createCall(server, "chatter", "Old admin-visible retro");
    await api(server, "POST", `/api/calls/${ended.call.id}/end`, { credential: ended.credential });

    const liveList = await asAdmin("GET", "/api/admin/calls?status=live&q=admin-visible");
    expect(liveList.body.calls).toEqual([expect.objectContaining({ id: live.call.id, participantCount: 2, hostName: live.participant.displayName })]);
    const all = await asAdmin("GET", "/api/admin/calls?status=all&q=ADMIN-VISIBLE");
    expect(all.body.calls.map((c: { id: string }) => c.id)).toEqual([ended.call.id, live.call.id]);
    const details = await asAdmin("GET", `/api/admin/calls/${ended.call.id}`);
    expect(details.body.moderation.entries.map((e: { action: string }) => e.action)).toEqual(["end"]);
    expect(details.body.participants).toHaveLength(1);

    const { client } = await connect(server, live.credential);
    clients.push(client);
    const endedEvent = client.waitFor("call:ended");
    expect((await asAdmin("POST", `/api/admin/calls/${live.call.id}/end`)).status).toBe(204);
    await endedEvent;
    const log = (await asAdmin("GET", `/api/admin/calls/${live.call.id}`)).body.moderation.entries;
    expect(log[0]).toMatchObject({ action: "end", actorName: "Sysop (site admin)", actorId: null });
  });

  it("pages through any call's moderation log, newest first", async () => {
    const call = await createCall(server, "listener");
    for (const locked of [true, false, true]) await api(server, "POST", `/api/calls/${call.call.id}/lock`, { credential: call.credential, body: { locked } });
    const first = (await asAdmin("GET", `/api/admin/calls/${call.call.id}/moderation-log?limit=2`)).body;
    expect(first.entries.map((e: { action: string }) => e.action)).toEqual(["lock", "unlock"]);
    const older = (await asAdmin("GET", `/api/admin/calls/${call.call.id}/moderation-log?before=${first.nextCursor}`)).body;
    expect(older).toMatchObject({ entries: [expect.objectContaining({ action: "lock" })], nextCursor: null });
    expect((await asAdmin("GET", "/api/admin/calls/no-such-call/moderation-log")).body.error.code).toBe("CALL_NOT_FOUND");
  });

  it("joins any call as an admin of it, locked calls too", async () => {
    const call = await createCall(server, "listener");
    await api(server, "POST", `/api/calls/${call.call.id}/lock`, { credential: call.credential, body: { locked: true } });
    const res = await asAdmin("POST", `/api/admin/calls/${call.call.id}/join`);
    expect(res.status).toBe(200);
    expect(res.body.participant).toMatchObject({ displayName: "Sysop", role: "admin", kind: "user" });
  });

  it("disables an account: removed from live calls, signed out, cannot sign in; enabling restores sign-in", async () => {
    const email = uniqueEmail("to-disable");
    await signUp(server, { email, password: "their password", name: "Trent" }, "192.0.2.20");
    const jar = new CookieJar("192.0.2.21");
    await signIn(server, jar, email, "their password");
    const me = (await api(server, "GET", "/api/me", { cookie: jar.header() })).body.user;
    const call = await createCall(server, "chatter");
    const joined = await api(server, "POST", `/api/calls/${call.call.id}/join`, { cookie: jar.header() });
    const { client } = await connect(server, joined.body.credential);
    clients.push(client);
    const hostSocket = (await connect(server, call.credential)).client;
    clients.push(hostSocket);

    const users = await asAdmin("GET", `/api/admin/users?q=${encodeURIComponent(email)}`);
    expect(users.body.users).toEqual([expect.objectContaining({ id: me.id, email, disabled: false })]);
    const notice = client.waitFor("notice", (n) => n.code === "REMOVED");
    const res = await asAdmin("POST", `/api/admin/users/${me.id}/disable`, { disabled: true });
    expect(res.body.user).toMatchObject({ id: me.id, disabled: true });
    await notice;
    await hostSocket.waitForAudience("left", joined.body.participant.id);
    await expect.poll(() => client.socket.connected).toBe(false);

    expect((await api(server, "GET", "/api/me", { cookie: jar.header() })).status).toBe(401); // signed out
    expect((await signIn(server, new CookieJar("192.0.2.22"), email, "their password")).ok).toBe(false);
    expect((await api(server, "POST", `/api/calls/${call.call.id}/join`, { credential: joined.body.credential })).body.error.code).toBe("REMOVED");

    await asAdmin("POST", `/api/admin/users/${me.id}/disable`, { disabled: false });
    expect((await signIn(server, new CookieJar("192.0.2.23"), email, "their password")).ok).toBe(true);
    expect((await asAdmin("POST", "/api/admin/users/no-such-user/disable", { disabled: true })).status).toBe(404);
  });
});
