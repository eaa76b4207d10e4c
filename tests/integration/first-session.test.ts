import { beforeAll, describe, expect, it } from "vitest";
import { credentialCookieName } from "@/lib/contracts/cookies";
import { api, createCall, joinCall } from "../support/api";
import { CookieJar, signIn, signUp, uniqueEmail } from "../support/auth";
import { freeTcpPort } from "../support/netns";
import { fileServer } from "../support/file-server";
import { connectError } from "../support/sockets";
import { startServer, type TestServer } from "../support/server";

// The server-side bugs a first session found (issue 10's "Bugs found on the way").
const file = fileServer({ env: { TRUST_PROXY: "true" } });
const open = file.open;
let server: TestServer;
beforeAll(() => {
  server = file.server();
});

const post = (path: string, credential: string, body?: unknown) => api(server, "POST", path, { credential, body });

describe("Remove and Ban are two tools", () => {
  it("a removed guest is out now and comes back through the link, as the same participant", async () => {
    const host = await createCall(server, "chatter");
    const guest = await joinCall(server, host.call.id);
    const { client } = await open(guest.credential);
    const notice = client.waitFor("notice", (n) => n.code === "REMOVED");
    expect((await post(`/api/calls/${host.call.id}/participants/${guest.participant.id}/remove`, host.credential, {})).status).toBe(204);
    expect((await notice).message).toMatch(/removed you from this call\. You can join it again with its link\./);
    // Out now: the old connection cannot come straight back.
    expect(await connectError(server, { credential: guest.credential })).toBe("REMOVED");

    const back = await api(server, "POST", `/api/calls/${host.call.id}/join`, { credential: guest.credential });
    expect(back.status).toBe(200);
    expect(back.body.participant).toMatchObject({ id: guest.participant.id, role: "chatter" });
    const { state } = await open(back.body.credential);
    expect(state.self.id).toBe(guest.participant.id);
    // The log says what happened, once.
    const log = (await api(server, "GET", `/api/calls/${host.call.id}/moderation-log`, { credential: host.credential })).body.entries;
    expect(log.map((e: { action: string }) => e.action)).toEqual(["remove"]);
  });

  it("a banned guest is kept out, told so, and the log says ban", async () => {
    const host = await createCall(server, "chatter");
    const guest = await joinCall(server, host.call.id);
    const { client } = await open(guest.credential);
    const notice = client.waitFor("notice", (n) => n.code === "BANNED");
    expect((await post(`/api/calls/${host.call.id}/participants/${guest.participant.id}/remove`, host.credential, { ban: true })).status).toBe(204);
    expect((await notice).message).toMatch(/banned you from this call\. You cannot join it again\./);
    const back = await api(server, "POST", `/api/calls/${host.call.id}/join`, { credential: guest.credential });
    expect(back.status).toBe(403);
    expect(back.body.error.code).toBe("BANNED");
  });

  it("a guest removed and then banned stays out", async () => {
    const host = await createCall(server, "chatter");
    const guest = await joinCall(server, host.call.id);
    await post(`/api/calls/${host.call.id}/participants/${guest.participant.id}/remove`, host.credential, {});
    const path = `/api/calls/${host.call.id}/participants/${guest.participant.id}/remove`;
    // They have left (removed), so a ban afterwards is what keeps them out.
    expect((await post(path, host.credential, { ban: true })).status).toBe(204);
    expect((await api(server, "POST", `/api/calls/${host.call.id}/join`, { credential: guest.credential })).body.error.code).toBe("BANNED");
  });
});

describe("a role change from the role menu", () => {
  it("tells the person, in a sentence, what they can do now", async () => {
    const host = await createCall(server, "listener");
    const guest = await joinCall(server, host.call.id);
    const { client } = await open(guest.credential);
    expect((await post(`/api/calls/${host.call.id}/roles`, host.credential, { participantId: guest.participant.id, role: "speaker" })).status).toBe(200);
    const notice = await client.waitFor("notice", (n) => n.code === "ROLE_CHANGED");
    expect(notice.message).toBe(`${host.participant.displayName} (admin) made you a speaker: unmute your microphone when you are ready to talk.`);
  });

  it("an accepted hand is told once, in its own words", async () => {
    const host = await createCall(server, "listener");
    const guest = await joinCall(server, host.call.id);
    const { client } = await open(guest.credential);
    await client.emit("hand:set", { raised: true });
    await post(`/api/calls/${host.call.id}/hands/${guest.participant.id}/invite`, host.credential, { as: "speaker" });
    await client.waitFor("notice", (n) => n.code === "HAND_ACCEPTED");
    await new Promise((r) => setTimeout(r, 300));
    expect(client.received("notice").map((n) => n.code)).toEqual(["HAND_ACCEPTED"]);
  });
});

describe("a guest who claims their seat under an account", () => {
  it("is one name in the history: the account's, with the guest name noted; messages follow", async () => {
    const host = await createCall(server, "chatter");
    const guest = await joinCall(server, host.call.id);
    const { client } = await open(guest.credential);
    await client.emit("chat:send", { clientId: "before-claim", body: "hello as a guest" });
    const email = uniqueEmail("claim");
    expect((await signUp(server, { email, password: "correct horse battery", name: "Grace" }, "192.0.2.77")).status).toBe(201);
    const jar = new CookieJar();
    expect((await signIn(server, jar, email, "correct horse battery")).ok).toBe(true);
    const cookie = `${jar.header()}; ${credentialCookieName(host.call.id)}=${guest.credential}`;
    expect((await api(server, "POST", `/api/calls/${host.call.id}/claim`, { cookie, headers: { origin: server.url } })).status).toBe(200);

    const history = (await api(server, "GET", `/api/calls/${host.call.id}/history`, { cookie: jar.header() })).body;
    expect(history.messages.map((m: { senderName: string }) => m.senderName)).toEqual(["Grace"]);
    expect(history.participants.find((p: { id: string }) => p.id === guest.participant.id)).toMatchObject({
      displayName: "Grace",
      guestName: guest.participant.displayName,
      kind: "user",
    });
    // The live chat page agrees.
    const live = (await api(server, "GET", `/api/calls/${host.call.id}/messages`, { credential: host.credential })).body;
    expect(live.messages.map((m: { senderName: string }) => m.senderName)).toEqual(["Grace"]);
    // And My calls lists the call for the account.
    const mine = (await api(server, "GET", "/api/me/calls", { cookie: jar.header() })).body;
    expect(mine.calls.map((c: { call: { id: string } }) => c.call.id)).toEqual([host.call.id]);
  });
});

describe("the call page", () => {
  it("answers 404 for a call that does not exist, 200 for one that does", async () => {
    const missing = await fetch(`${server.url}/call/no-such-call`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("No such call");
    const host = await createCall(server, "listener");
    expect((await fetch(`${server.url}/call/${host.call.id}`)).status).toBe(200);
  });
});

describe("the media server's address for the browser", () => {
  it("is the host the page was loaded from when the server listens on all addresses", async () => {
    const livekitPort = await freeTcpPort("127.0.0.1");
    // A server on 0.0.0.0 supervising a local LiveKit; none need run (the binary named does not exist):
    // the address is decided either way.
    const wide = await startServer({
      host: "0.0.0.0",
      env: { LIVEKIT_URL: "", LIVEKIT_BIN: "/nonexistent/livekit-server", LIVEKIT_BIND: "127.0.0.1", LIVEKIT_PORT: String(livekitPort) },
    });
    try {
      const local = { url: `http://127.0.0.1:${wide.port}` };
      const created = await api(local, "POST", "/api/calls", { body: { defaultRole: "listener" } });
      expect(created.body.livekit.url).toBe(`ws://127.0.0.1:${livekitPort}`);
      const joined = await api(local, "POST", `/api/calls/${created.body.call.id}/join`, {});
      expect(joined.body.livekit.url).toBe(`ws://127.0.0.1:${livekitPort}`);
    } finally {
      await wide.stop();
    }
  });
});

describe("after the call: the transcript export", () => {
  it("gives the whole transcript as Markdown and JSON to those who may read the history, 404 to others", async () => {
    const host = await createCall(server, "chatter", "Export *night*");
    const guest = await joinCall(server, host.call.id);
    const { client } = await open(guest.credential);
    await client.emit("chat:send", { clientId: "one", body: "first, with a link https://example.org" });
    await client.emit("chat:send", { clientId: "two", body: "# not a heading\nsecond line *not bold*" });
    await post(`/api/calls/${host.call.id}/end`, host.credential);

    const json = await api(server, "GET", `/api/calls/${host.call.id}/transcript?format=json`, { credential: guest.credential });
    expect(json.status).toBe(200);
    expect(json.headers.get("content-disposition")).toBe(`attachment; filename="${host.call.id}-transcript.json"`);
    expect(json.body.call).toMatchObject({ id: host.call.id, title: "Export *night*", endedAt: expect.any(String) });
    expect(json.body.messages.map((m: { body: string }) => m.body)).toEqual([
      "first, with a link https://example.org",
      "# not a heading\nsecond line *not bold*",
    ]);

    const md = await api(server, "GET", `/api/calls/${host.call.id}/transcript`, { credential: guest.credential });
    expect(md.status).toBe(200);
    expect(md.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    const text = md.body as string;
    expect(text.split("\n")[0]).toBe("# Export \\*night\\*");
    expect(text).toContain(`- **${guest.participant.displayName}** (`);
    expect(text).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\): first, with a link https:\/\/example\.org/);
    expect(text).toContain("\\# not a heading  \n  second line \\*not bold\\*");

    // A stranger (a credential of another call) learns nothing: the history's 404.
    const other = await createCall(server, "listener");
    expect((await api(server, "GET", `/api/calls/${host.call.id}/transcript`, { credential: other.credential })).status).toBe(404);
    expect((await api(server, "GET", `/api/calls/${host.call.id}/transcript?format=pdf`, { credential: guest.credential })).status).toBe(400);
  });
});

describe("going on stage: an invitation asks first", () => {
  it("asks the person, who may say not now or accept; the inviting admin is told; the log records the promotion", async () => {
    const host = await createCall(server, "listener");
    const guest = await joinCall(server, host.call.id);
    const [{ client: admin }, { client: person }] = [await open(host.credential), await open(guest.credential)];
    const invite = () => admin.emit("stage:invite", { participantId: guest.participant.id });

    expect(await invite()).toMatchObject({ ok: true, participant: { role: "listener", stageInvited: true } });
    expect((await person.waitFor("notice", (n) => n.code === "STAGE_INVITE")).message).toBe(
      `${host.participant.displayName} (admin) invites you to join the stage as a speaker.`,
    );
    await person.waitFor("participant:updated", (p) => p.id === guest.participant.id && p.stageInvited);

    expect(await person.emit("stage:answer", { accept: false })).toMatchObject({ ok: true, participant: { role: "listener", stageInvited: false } });
    expect((await admin.waitFor("notice", (n) => n.code === "STAGE_INVITE_ANSWERED")).message).toBe(
      `${guest.participant.displayName} said not now to joining the stage.`,
    );
    // No invitation to answer now.
    expect(await person.emit("stage:answer", { accept: true })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    await invite();
    expect(await person.emit("stage:answer", { accept: true })).toMatchObject({ ok: true, participant: { role: "speaker", stageInvited: false } });
    await admin.waitFor("notice", (n) => n.code === "STAGE_INVITE_ANSWERED" && /accepted/.test(n.message));
    const log = (await api(server, "GET", `/api/calls/${host.call.id}/moderation-log`, { credential: host.credential })).body.entries;
    expect(log[0]).toMatchObject({
      action: "role",
      before: "listener",
      after: "speaker",
      actorName: host.participant.displayName,
      targetName: guest.participant.displayName,
    });
    // Someone on the stage cannot be invited onto it.
    expect(await invite()).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
  });

  it("a raised hand is consent: the invitation promotes at once; only admins invite; REST works the same", async () => {
    const host = await createCall(server, "listener");
    const [hand, other] = await Promise.all([joinCall(server, host.call.id), joinCall(server, host.call.id)]);
    const { client: handClient } = await open(hand.credential);
    await handClient.emit("hand:set", { raised: true });
    const promoted = await post(`/api/calls/${host.call.id}/participants/${hand.participant.id}/stage-invite`, host.credential);
    expect(promoted.status).toBe(200);
    expect(promoted.body.participant).toMatchObject({ role: "speaker", handRaised: false, stageInvited: false });
    await handClient.waitFor("notice", (n) => n.code === "HAND_ACCEPTED");

    const refused = await post(`/api/calls/${host.call.id}/participants/${hand.participant.id}/stage-invite`, other.credential);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("FORBIDDEN");
    expect((await post(`/api/calls/${host.call.id}/stage-invite/answer`, other.credential, { accept: "yes" })).status).toBe(400);
    expect((await post(`/api/calls/${host.call.id}/stage-invite/answer`, other.credential, { accept: true })).body.error.code).toBe("FORBIDDEN");
  });

  it("an admin demoted before the answer cannot put anyone on stage through an old invitation", async () => {
    const host = await createCall(server, "listener");
    const [coAdmin, guest] = await Promise.all([joinCall(server, host.call.id), joinCall(server, host.call.id)]);
    await post(`/api/calls/${host.call.id}/roles`, host.credential, { participantId: coAdmin.participant.id, role: "admin" });
    expect((await post(`/api/calls/${host.call.id}/participants/${guest.participant.id}/stage-invite`, coAdmin.credential)).status).toBe(200);
    await post(`/api/calls/${host.call.id}/roles`, host.credential, { participantId: coAdmin.participant.id, role: "listener" });
    const answer = await post(`/api/calls/${host.call.id}/stage-invite/answer`, guest.credential, { accept: true });
    expect(answer.status).toBe(403);
    expect(answer.body.error.message).toMatch(/no longer an admin/);
  });
});

describe("reactions", () => {
  it("reach everyone coalesced with counts, are limited per person, refuse other emoji, and never enter the chat", async () => {
    const host = await createCall(server, "listener");
    const guests = await Promise.all([1, 2, 3].map(() => joinCall(server, host.call.id)));
    const { client: watcher } = await open(host.credential);
    const senders = await Promise.all(guests.map((g) => open(g.credential)));

    // Three people clap five times each, at once: fewer events than claps, and every clap counted.
    await Promise.all(senders.flatMap(({ client }) => Array.from({ length: 5 }, () => client.emit("reaction:send", { emoji: "👏" }))));
    await expect.poll(() => watcher.received("reactions").reduce((n, b) => n + (b.counts["👏"] ?? 0), 0), { timeout: 3000 }).toBe(15);
    expect(watcher.received("reactions").length).toBeLessThan(15);

    // Past the burst (6), one person is refused for a moment.
    const results = await Promise.all(Array.from({ length: 4 }, () => senders[0]!.client.emit("reaction:send", { emoji: "🎉" })));
    expect(results.some((r) => !r.ok && r.error.code === "RATE_LIMITED")).toBe(true);

    expect(await senders[1]!.client.emit("reaction:send", { emoji: "💩" as never })).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    const chat = (await api(server, "GET", `/api/calls/${host.call.id}/messages`, { credential: host.credential })).body;
    expect(chat.messages).toEqual([]);
  });
});

describe("an admin removes a message", () => {
  it("disappears for everyone at once, the log records it once, the history and export say removed by an admin", async () => {
    const host = await createCall(server, "chatter");
    const guest = await joinCall(server, host.call.id);
    const [{ client: admin }, { client: writer }] = [await open(host.credential), await open(guest.credential)];
    const sent = await writer.emit("chat:send", { clientId: "oops", body: "something regrettable" });
    if (!sent.ok) throw new Error("not sent");
    const id = sent.message.id;

    // Only admins may; the writer cannot remove it themselves either.
    expect(await writer.emit("chat:remove", { messageId: id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await admin.emit("chat:remove", { messageId: "abc" })).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    const missing = await api(server, "DELETE", `/api/calls/${host.call.id}/messages/999999`, { credential: host.credential });
    expect([missing.status, missing.body.error.code]).toEqual([404, "MESSAGE_NOT_FOUND"]);

    expect(await admin.emit("chat:remove", { messageId: id })).toMatchObject({ ok: true, message: { id, removed: true, body: "" } });
    expect(await writer.waitFor("chat:removed", (m) => m.id === id)).toMatchObject({ removed: true, body: "" });
    // Again: nothing new (REST this time).
    expect((await api(server, "DELETE", `/api/calls/${host.call.id}/messages/${id}`, { credential: host.credential })).status).toBe(200);
    const log = (await api(server, "GET", `/api/calls/${host.call.id}/moderation-log`, { credential: host.credential })).body.entries;
    expect(log.filter((e: { action: string }) => e.action === "message-removed")).toEqual([
      expect.objectContaining({ actorName: host.participant.displayName, targetName: guest.participant.displayName, after: id }),
    ]);

    const page = (await api(server, "GET", `/api/calls/${host.call.id}/messages`, { credential: guest.credential })).body;
    expect(page.messages).toEqual([expect.objectContaining({ id, removed: true, body: "" })]);
    const md = (await api(server, "GET", `/api/calls/${host.call.id}/transcript`, { credential: guest.credential })).body as string;
    expect(md).toContain("_(removed by an admin)_");
    expect(md).not.toContain("regrettable");
  });
});
