import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { credentialCookieName } from "@/lib/contracts/cookies";
import { api, createCall, joinCall } from "../support/api";
import { CookieJar, signIn, signUp, uniqueEmail } from "../support/auth";
import { connect, TestClient } from "../support/sockets";
import { startServer, type TestServer } from "../support/server";

/** The per-email and per-address sign-in ceiling here: above the per-(email, address) burst of 10, and quick to reach. */
const CEILING = 16;
let server: TestServer;
const clients: TestClient[] = [];
beforeAll(async () => {
  // Each test "browser" comes from its own address (X-Forwarded-For), as real users would.
  // A ceiling that does not refill during the test: the attempts take seconds on a loaded machine.
  server = await startServer({ env: { TRUST_PROXY: "true", SIGNIN_CEILING_BURST: String(CEILING), SIGNIN_CEILING_RATE_PER_MIN: "0.01" } });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server?.stop();
});

let accounts = 0;
async function account(name = "Ada Lovelace") {
  const email = uniqueEmail("user");
  const password = "correct horse battery";
  expect((await signUp(server, { email, password, name }, `192.0.2.${++accounts}`)).status).toBe(201);
  const jar = new CookieJar();
  expect((await signIn(server, jar, email, password)).ok).toBe(true);
  return { email, password, jar, cookie: () => jar.header() };
}

/** A socket that authenticates with cookies only (session), as a browser tab would. */
async function sessionSocket(cookie: string, callId: string) {
  const socket = io(server.url, { auth: { callId }, extraHeaders: { cookie }, transports: ["websocket"], reconnection: false });
  const client = new TestClient(socket as never);
  clients.push(client);
  return { client, state: await client.waitFor("call:state") };
}

describe("accounts", () => {
  it("signs up with validation, and refuses a second account for the same email", async () => {
    const email = uniqueEmail("signup");
    const ok = await signUp(server, { email: email.toUpperCase(), password: "long enough", name: "Grace" });
    expect(ok.status).toBe(201);
    expect(ok.body.user).toMatchObject({ email, name: "Grace", isSiteAdmin: false, hasPassword: true });
    expect((await signUp(server, { email, password: "long enough", name: "Grace" })).body.error.code).toBe("EMAIL_TAKEN");
    const short = await signUp(server, { email: uniqueEmail("s"), password: "short", name: "G" });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toMatch(/at least 8 characters/);
    expect((await signUp(server, { email: "not-an-email", password: "long enough", name: "G" })).status).toBe(400);
    expect((await signUp(server, { email: uniqueEmail("s"), password: "long enough", name: "pleb-sneaky" })).status).toBe(400);
  });

  it("signs in with the right password only, with the same answer for unknown emails", async () => {
    const { email, password } = await account();
    const wrong = await signIn(server, new CookieJar(), email, `${password}!`);
    const unknown = await signIn(server, new CookieJar(), uniqueEmail("nobody"), password);
    expect(wrong.ok).toBe(false);
    expect(unknown.ok).toBe(false);
    expect(wrong.url.replace(/csrf[^&]*/, "")).toBe(unknown.url.replace(/csrf[^&]*/, ""));
    expect((await signIn(server, new CookieJar(), email, password)).ok).toBe(true);
  });

  it("stops a password guesser at their address without locking the owner out", async () => {
    const { email, password } = await account();
    const guesser = "198.18.0.1";
    const results = [];
    for (let i = 0; i < 12; i++) results.push(await signIn(server, new CookieJar(guesser), email, "wrong password"));
    expect(results.slice(0, 10).every((r) => r.url.includes("CredentialsSignin"))).toBe(true);
    expect(results.at(-1)!.url).toContain("RATE_LIMITED");
    // The guesser waits even with the right password; the owner, elsewhere, signs in.
    expect((await signIn(server, new CookieJar(guesser), email, password)).ok).toBe(false);
    expect((await signIn(server, new CookieJar("198.18.1.1"), email, password)).ok).toBe(true);
  });

  it("caps guesses at one email from many addresses (SIGNIN_CEILING_BURST)", async () => {
    const { email, password } = await account();
    const results = [];
    for (let i = 0; i < CEILING + 1; i++) results.push(await signIn(server, new CookieJar(`198.18.3.${i + 1}`), email, "wrong password"));
    // account() signed in once already.
    expect(results.slice(0, CEILING - 1).every((r) => r.url.includes("CredentialsSignin"))).toBe(true);
    expect(results.at(-1)!.url).toContain("RATE_LIMITED");
    expect((await signIn(server, new CookieJar("198.18.4.1"), email, password)).ok).toBe(false);
  });

  it("rate limits sign-in attempts per address, across emails", async () => {
    const results = [];
    for (let i = 0; i < CEILING + 1; i++) results.push(await signIn(server, new CookieJar("198.18.2.1"), uniqueEmail("spray"), "whatever password"));
    expect(results.at(-1)!.url).toContain("RATE_LIMITED");
    // Another address is not affected.
    const { email, password } = await account();
    expect((await signIn(server, new CookieJar("198.18.2.2"), email, password)).ok).toBe(true);
  });

  it("signing out ends the session on the server: a copy of the cookie no longer works", async () => {
    const user = await account("Sol");
    const copy = user.cookie();
    expect((await api(server, "GET", "/api/me", { cookie: copy })).status).toBe(200);
    const csrf = await (await fetch(`${server.url}/api/auth/csrf`, { headers: { cookie: user.cookie() } })).json();
    const out = await fetch(`${server.url}/api/auth/signout`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: user.cookie(), origin: server.url },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, json: "true" }),
      redirect: "manual",
    });
    expect(out.status).toBeLessThan(400);
    expect((await api(server, "GET", "/api/me", { cookie: copy })).status).toBe(401);
    const host = await createCall(server);
    expect((await api(server, "POST", `/api/calls/${host.call.id}/join`, { cookie: copy })).body.participant.kind).toBe("guest");
    // Signing in again works, with a new session.
    const again = new CookieJar();
    expect((await signIn(server, again, user.email, user.password)).ok).toBe(true);
    expect((await api(server, "GET", "/api/me", { cookie: again.header() })).status).toBe(200);
  });

  it("hosts a call as the signed-in user, under their name, owning it", async () => {
    const user = await account("Ada");
    const res = await api(server, "POST", "/api/calls", { body: { defaultRole: "chatter", title: "Ada's talk" }, cookie: user.cookie() });
    expect(res.status).toBe(201);
    expect(res.body.participant).toMatchObject({ displayName: "Ada", kind: "user", role: "admin", isHost: true });
    expect(res.body.call.hostName).toBe("Ada");
  });

  it("is one participant from any tab or device, identified by the session alone", async () => {
    const host = await createCall(server, "chatter");
    const user = await account("Bea");
    const first = await api(server, "POST", `/api/calls/${host.call.id}/join`, { cookie: user.cookie() });
    expect(first.body.participant).toMatchObject({ displayName: "Bea", kind: "user", role: "chatter" });
    // Another device: same session, no call cookie.
    const second = await api(server, "POST", `/api/calls/${host.call.id}/join`, { cookie: user.cookie() });
    expect(second.body.participant.id).toBe(first.body.participant.id);
    // Sockets authenticate with the session cookie only.
    const tab1 = await sessionSocket(user.cookie(), host.call.id);
    const tab2 = await sessionSocket(user.cookie(), host.call.id);
    expect(tab1.state.self.id).toBe(first.body.participant.id);
    expect(tab2.state.self.id).toBe(first.body.participant.id);
    const ack = await tab1.client.emit("chat:send", { clientId: "from-session", body: "hello from my account" });
    expect(ack).toMatchObject({ ok: true, message: { senderName: "Bea" } });
    await tab2.client.waitFor("chat:message", (m) => m.clientId === "from-session");
    // REST actions work through the session too.
    const messages = await api(server, "GET", `/api/calls/${host.call.id}/messages`, { cookie: user.cookie() });
    expect(messages.status).toBe(200);
  });

  it("lets a guest who signs in claim their participant, keeping role and messages", async () => {
    const host = await createCall(server, "listener");
    const guest = await joinCall(server, host.call.id);
    await api(server, "POST", `/api/calls/${host.call.id}/roles`, {
      credential: host.credential,
      body: { participantId: guest.participant.id, role: "speaker" },
    });
    const { client } = await connect(server, guest.credential);
    clients.push(client);
    await client.emit("chat:send", { clientId: "as-guest", body: "said as a guest" });

    const user = await account("Cleo");
    const cookie = `${user.cookie()}; ${credentialCookieName(host.call.id)}=${guest.credential}`;
    const claimed = await api(server, "POST", `/api/calls/${host.call.id}/claim`, { cookie, headers: { origin: server.url } });
    expect(claimed.status).toBe(200);
    expect(claimed.body.participant).toMatchObject({ id: guest.participant.id, kind: "user", displayName: "Cleo", role: "speaker" });
    // From now on the session alone finds that participant.
    const again = await api(server, "POST", `/api/calls/${host.call.id}/join`, { cookie: user.cookie() });
    expect(again.body.participant.id).toBe(guest.participant.id);
    const history = await api(server, "GET", `/api/calls/${host.call.id}/history`, { cookie: user.cookie() });
    expect(history.body.messages.map((m: { senderId: string }) => m.senderId)).toEqual([guest.participant.id]);
  });

  it("keeps a guest who signed in on their guest seat until they claim it, and never hands them another account's", async () => {
    const host = await createCall(server, "listener");
    const guest = await joinCall(server, host.call.id);
    const user = await account("Dot");
    const guestCookie = `${credentialCookieName(host.call.id)}=${guest.credential}`;
    const back = await api(server, "POST", `/api/calls/${host.call.id}/join`, { cookie: `${user.cookie()}; ${guestCookie}`, headers: { origin: server.url } });
    expect(back.body.participant).toMatchObject({ id: guest.participant.id, kind: "guest" });
    const claimed = await api(server, "POST", `/api/calls/${host.call.id}/claim`, {
      cookie: `${user.cookie()}; ${guestCookie}`,
      headers: { origin: server.url },
    });
    expect(claimed.body.participant).toMatchObject({ id: guest.participant.id, kind: "user", displayName: "Dot" });

    // Someone else signed in on that browser gets their own seat, not Dot's.
    const other = await account("Flo");
    const own = await api(server, "POST", `/api/calls/${host.call.id}/join`, { cookie: `${other.cookie()}; ${guestCookie}`, headers: { origin: server.url } });
    expect(own.body.participant).toMatchObject({ kind: "user", displayName: "Flo" });
    expect(own.body.participant.id).not.toBe(guest.participant.id);
  });

  it("lists a user's calls newest first with filters, search and pages", async () => {
    const user = await account("Dee");
    const titles = ["Alpha standup", "Beta review", "Gamma standup"];
    const ids: string[] = [];
    for (const title of titles) {
      const res = await api(server, "POST", "/api/calls", { body: { defaultRole: "chatter", title }, cookie: user.cookie(), headers: { origin: server.url } });
      ids.push(res.body.call.id);
      await new Promise((r) => setTimeout(r, 15));
    }
    // Joined (not hosted) a fourth call.
    const other = await createCall(server, "listener", "Someone else's call");
    await api(server, "POST", `/api/calls/${other.call.id}/join`, { cookie: user.cookie(), headers: { origin: server.url } });
    await api(server, "POST", `/api/calls/${ids[0]}/end`, { cookie: user.cookie(), headers: { origin: server.url } });

    const all = await api(server, "GET", "/api/me/calls", { cookie: user.cookie() });
    expect(all.status).toBe(200);
    expect(all.body.calls.map((c: { call: { title: string } }) => c.call.title)).toEqual([
      "Someone else's call",
      "Gamma standup",
      "Beta review",
      "Alpha standup",
    ]);
    expect(all.body.calls[0]).toMatchObject({ role: "listener", live: true, everyoneCount: 2 });
    expect(all.body.calls[3]).toMatchObject({ role: "admin", live: false, call: { hostName: "Dee" } });
    expect(all.body.calls[3].durationMs).toBeGreaterThan(0);

    const ended = await api(server, "GET", "/api/me/calls?status=ended", { cookie: user.cookie() });
    expect(ended.body.calls.map((c: { call: { id: string } }) => c.call.id)).toEqual([ids[0]]);
    const search = await api(server, "GET", "/api/me/calls?q=STANDUP", { cookie: user.cookie() });
    expect(search.body.calls.map((c: { call: { title: string } }) => c.call.title)).toEqual(["Gamma standup", "Alpha standup"]);
    const page1 = await api(server, "GET", "/api/me/calls?limit=3", { cookie: user.cookie() });
    const page2 = await api(server, "GET", `/api/me/calls?limit=3&cursor=${page1.body.nextCursor}`, { cookie: user.cookie() });
    expect(page2.body.calls.map((c: { call: { title: string } }) => c.call.title)).toEqual(["Alpha standup"]);
    expect(page2.body.nextCursor).toBeNull();
    expect((await api(server, "GET", "/api/me/calls")).status).toBe(401);
  });

  it("shows participants the transcript and roles over time, and 404 to anyone else", async () => {
    const host = await createCall(server, "listener", "History");
    const guest = await joinCall(server, host.call.id);
    const { client } = await connect(server, host.credential);
    clients.push(client);
    for (let i = 0; i < 7; i++) await client.emit("chat:send", { clientId: `h${i}`, body: `line ${i}` });
    await api(server, "POST", `/api/calls/${host.call.id}/roles`, {
      credential: host.credential,
      body: { participantId: guest.participant.id, role: "speaker" },
    });
    await api(server, "POST", `/api/calls/${host.call.id}/roles`, {
      credential: host.credential,
      body: { participantId: guest.participant.id, role: "chatter" },
    });
    await api(server, "POST", `/api/calls/${host.call.id}/end`, { credential: host.credential });

    const first = await api(server, "GET", `/api/calls/${host.call.id}/history?limit=4`, { credential: guest.credential });
    expect(first.status).toBe(200);
    expect(first.body.messages.map((m: { body: string }) => m.body)).toEqual(["line 3", "line 4", "line 5", "line 6"]);
    const older = await api(server, "GET", `/api/calls/${host.call.id}/history?limit=4&before=${first.body.nextCursor}`, { credential: guest.credential });
    expect(older.body.messages.map((m: { body: string }) => m.body)).toEqual(["line 0", "line 1", "line 2"]);
    expect(first.body.endedAt).not.toBeNull();
    expect(first.body.durationMs).toBeGreaterThan(0);
    const g = first.body.participants.find((p: { id: string }) => p.id === guest.participant.id);
    expect(g.roles.map((r: { role: string }) => r.role)).toEqual(["listener", "speaker", "chatter"]);
    expect(g.roles.at(-1).until).toBe(first.body.endedAt);
    expect(first.body.participants.find((p: { id: string }) => p.id === host.participant.id)).toMatchObject({ isHost: true, roles: [{ role: "admin" }] });

    const stranger = await account("Eve");
    for (const opts of [{}, { cookie: stranger.cookie() }, { credential: (await createCall(server)).credential }]) {
      const res = await api(server, "GET", `/api/calls/${host.call.id}/history`, opts);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("CALL_NOT_FOUND");
    }
  });

  it("changes display name and password on the profile", async () => {
    const user = await account("Fay");
    const origin = { origin: server.url };
    const renamed = await api(server, "POST", "/api/me/profile", { body: { name: "Fay W." }, cookie: user.cookie(), headers: origin });
    expect(renamed.body.user.name).toBe("Fay W.");
    const wrong = await api(server, "POST", "/api/me/password", {
      body: { currentPassword: "nope", newPassword: "another long one" },
      cookie: user.cookie(),
      headers: origin,
    });
    expect(wrong.status).toBe(403);
    const changed = await api(server, "POST", "/api/me/password", {
      body: { currentPassword: user.password, newPassword: "another long one" },
      cookie: user.cookie(),
      headers: origin,
    });
    expect(changed.status).toBe(204);
    expect((await signIn(server, new CookieJar(), user.email, user.password)).ok).toBe(false);
    expect((await signIn(server, new CookieJar(), user.email, "another long one")).ok).toBe(true);
    expect((await api(server, "GET", "/api/me", { cookie: user.cookie() })).body.user.name).toBe("Fay W.");
  });

  it("refuses cookie-authenticated writes from another site (CSRF)", async () => {
    const host = await createCall(server, "chatter");
    const cookie = `${credentialCookieName(host.call.id)}=${host.credential}`;
    const guest = await joinCall(server, host.call.id);
    const evil = await api(server, "POST", `/api/calls/${host.call.id}/roles`, {
      cookie,
      body: { participantId: guest.participant.id, role: "admin" },
      headers: { origin: "https://evil.example" },
    });
    expect(evil.status).toBe(403);
    expect(evil.body.error.code).toBe("CSRF");
    const user = await account("Gil");
    const evilProfile = await api(server, "POST", "/api/me/profile", {
      body: { name: "pwned" },
      cookie: user.cookie(),
      headers: { origin: "https://evil.example" },
    });
    expect(evilProfile.body.error.code).toBe("CSRF");
    const same = await api(server, "POST", `/api/calls/${host.call.id}/roles`, {
      cookie,
      body: { participantId: guest.participant.id, role: "speaker" },
      headers: { origin: server.url },
    });
    expect(same.status).toBe(200);
  });
});
