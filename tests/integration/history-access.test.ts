import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createCall, joinCall } from "../support/api";
import { CookieJar, signIn, signUp, uniqueEmail } from "../support/auth";
import { connect, type TestClient } from "../support/sockets";
import { startServer, type TestServer } from "../support/server";

const SITE_ADMIN = uniqueEmail("sysop");
let server: TestServer;
let sysop: CookieJar;
const clients: TestClient[] = [];
beforeAll(async () => {
  server = await startServer({ env: { ADMIN_EMAILS: SITE_ADMIN, TRUST_PROXY: "true" } });
  await signUp(server, { email: SITE_ADMIN, password: "sysop password", name: "Sysop" });
  sysop = new CookieJar();
  expect((await signIn(server, sysop, SITE_ADMIN, "sysop password")).ok).toBe(true);
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server?.stop();
});

async function say(credential: string, body: string) {
  const { client } = await connect(server, credential);
  clients.push(client);
  expect(await client.emit("chat:send", { clientId: `m-${Math.random().toString(36).slice(2)}`, body })).toMatchObject({ ok: true });
}
const history = (callId: string, opts: { credential?: string; cookie?: string }) => api(server, "GET", `/api/calls/${callId}/history`, opts);
const bodies = (res: { body: { messages: { body: string }[] } }) => res.body.messages.map((m) => m.body);

describe("a call's history after a removal", () => {
  it("a removed guest reads only what was said before the removal", async () => {
    const host = await createCall(server, "chatter");
    const guest = await joinCall(server, host.call.id);
    await say(guest.credential, "before, from the guest");
    await say(host.credential, "before, from the host");
    await new Promise((r) => setTimeout(r, 20)); // the removal is later than every message above, to the millisecond
    const removed = await api(server, "POST", `/api/calls/${host.call.id}/participants/${guest.participant.id}/remove`, {
      credential: host.credential,
      body: {},
    });
    expect(removed.status).toBe(204);
    const late = await joinCall(server, host.call.id);
    await say(host.credential, "after the removal");

    const res = await history(host.call.id, { credential: guest.credential });
    expect(res.status).toBe(200);
    expect(bodies(res)).toEqual(["before, from the guest", "before, from the host"]);
    expect(res.body.participants.map((p: { id: string }) => p.id)).not.toContain(late.participant.id);
    // Everyone else still reads all of it.
    expect(bodies(await history(host.call.id, { credential: host.credential }))).toContain("after the removal");
  });

  it("a banned guest reads nothing: the call does not exist for them", async () => {
    const host = await createCall(server, "chatter");
    const guest = await joinCall(server, host.call.id);
    await say(host.credential, "said while they were here");
    await api(server, "POST", `/api/calls/${host.call.id}/participants/${guest.participant.id}/remove`, { credential: host.credential, body: { ban: true } });
    const res = await history(host.call.id, { credential: guest.credential });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("CALL_NOT_FOUND");
  });

  it("a disabled account reads nothing, by its session or by its call credential", async () => {
    const email = uniqueEmail("disabled");
    const signup = await signUp(server, { email, password: "member password", name: "Member" });
    const jar = new CookieJar();
    expect((await signIn(server, jar, email, "member password")).ok).toBe(true);
    const host = await createCall(server, "chatter");
    const joined = await api(server, "POST", `/api/calls/${host.call.id}/join`, {
      cookie: jar.header(),
      headers: { origin: server.url, "x-forwarded-for": jar.address },
    });
    expect(joined.status).toBe(200);
    expect((await history(host.call.id, { credential: joined.body.credential })).status).toBe(200);

    const disabled = await api(server, "POST", `/api/admin/users/${signup.body.user.id}/disable`, {
      cookie: sysop.header(),
      body: { disabled: true },
      headers: { origin: server.url },
    });
    expect(disabled.status).toBe(200);
    expect((await history(host.call.id, { credential: joined.body.credential })).status).toBe(404);
    expect((await history(host.call.id, { cookie: jar.header() })).status).toBe(404);
    // A site admin still reads it whole.
    expect((await history(host.call.id, { cookie: sysop.header() })).status).toBe(200);
  });
});
