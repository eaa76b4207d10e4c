import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueCredential } from "@/lib/auth/credentials";
import { api, createCall, joinCall } from "../support/api";
import { connect, connectError } from "../support/sockets";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

const SECRET = "test-secret-test-secret-test-secret-0123"; // tests/support/server.ts

function expectError(res: { status: number; body: any }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
  expect(res.body.error.message.length).toBeGreaterThan(10);
}

describe("bad input gets the error shape and a 4xx", () => {
  it("malformed JSON", async () => {
    expectError(await api(server, "POST", "/api/calls", { raw: "{defaultRole:" }), 400, "INVALID_JSON");
  });

  it("wrong types, missing and unknown fields", async () => {
    expectError(await api(server, "POST", "/api/calls", { body: { defaultRole: 7 } }), 400, "INVALID_INPUT");
    expectError(await api(server, "POST", "/api/calls", { body: {} }), 400, "INVALID_INPUT");
    expectError(await api(server, "POST", "/api/calls", { body: { defaultRole: "admin" } }), 400, "INVALID_INPUT");
    expectError(await api(server, "POST", "/api/calls", { body: { defaultRole: "listener", hostId: "me" } }), 400, "INVALID_INPUT");
    expectError(await api(server, "POST", "/api/calls", { body: ["listener"] }), 400, "INVALID_INPUT");
    expectError(await api(server, "POST", "/api/calls", { raw: "null" }), 400, "INVALID_INPUT");
  });

  it("oversized bodies", async () => {
    const huge = JSON.stringify({ defaultRole: "listener", title: "x".repeat(100_000) });
    expectError(await api(server, "POST", "/api/calls", { raw: huge }), 413, "PAYLOAD_TOO_LARGE");
    // The join is served beside Next's router (lib/adapters/fast-lane.ts): its body is read the same way.
    const { call } = (await api(server, "POST", "/api/calls", { body: { defaultRole: "listener" } })).body;
    expectError(await api(server, "POST", `/api/calls/${call.id}/join`, { raw: huge }), 413, "PAYLOAD_TOO_LARGE");
    expectError(await api(server, "POST", `/api/calls/${call.id}/join`, { raw: "{" }), 400, "INVALID_JSON");
    const chunked = await fetch(`${server.url}/api/calls/${call.id}/join`, { method: "POST", body: new Blob([huge]).stream(), duplex: "half" } as RequestInit);
    expect([chunked.status, (await chunked.json()).error.code]).toEqual([413, "PAYLOAD_TOO_LARGE"]); // no length said: counted as read
    expect(chunked.headers.get("connection")).toBe("close"); // the rest was never read: the connection is not reused
  });

  it("unknown and malformed call IDs", async () => {
    expectError(await api(server, "GET", "/api/calls/no-such-call"), 404, "CALL_NOT_FOUND");
    expectError(await api(server, "POST", "/api/calls/no-such-call/join"), 404, "CALL_NOT_FOUND");
    expectError(await api(server, "GET", "/api/calls/NOT_A_CALL"), 400, "INVALID_CALL_ID");
    expectError(await api(server, "GET", `/api/calls/${"a".repeat(70)}-b-c`), 400, "INVALID_CALL_ID");
  });

  it("bad query parameters", async () => {
    const host = await createCall(server);
    expectError(await api(server, "GET", `/api/calls/${host.call.id}/messages?limit=9999`, { credential: host.credential }), 400, "INVALID_INPUT");
    expectError(await api(server, "GET", `/api/calls/${host.call.id}/messages?before=x`, { credential: host.credential }), 400, "INVALID_INPUT");
    expectError(await api(server, "GET", `/api/calls/${host.call.id}/messages?sort=asc`, { credential: host.credential }), 400, "INVALID_INPUT");
  });

  it("forged, expired and other calls' credentials", async () => {
    const a = await createCall(server);
    const b = await createCall(server);
    const path = `/api/calls/${a.call.id}/roles`;
    const body = { participantId: a.participant.id, role: "listener" };
    const forged = issueCredential("another-secret-another-secret-another", a.call.id, a.participant.id, 60_000);
    const expired = issueCredential(SECRET, a.call.id, a.participant.id, 1, Date.now() - 10_000);
    expectError(await api(server, "POST", path, { credential: forged, body }), 401, "INVALID_CREDENTIAL");
    expectError(await api(server, "POST", path, { credential: expired, body }), 401, "INVALID_CREDENTIAL");
    expectError(await api(server, "POST", path, { credential: "garbage", body }), 401, "INVALID_CREDENTIAL");
    expectError(await api(server, "POST", path, { credential: b.credential, body }), 403, "WRONG_CALL");
    expectError(await api(server, "POST", `/api/calls/${a.call.id}/join`, { credential: b.credential }), 403, "WRONG_CALL");
    // A well-signed credential naming a participant of another call.
    const crossed = issueCredential(SECRET, a.call.id, b.participant.id, 60_000);
    expectError(await api(server, "POST", path, { credential: crossed, body }), 401, "INVALID_CREDENTIAL");
    expect(await connectError(server, { credential: forged })).toBe("INVALID_CREDENTIAL");
    expect(await connectError(server, { credential: expired })).toBe("INVALID_CREDENTIAL");
    expect(await connectError(server, { credential: crossed })).toBe("INVALID_CREDENTIAL");
    expect(await connectError(server, {})).toBe("UNAUTHENTICATED");
    expect(await connectError(server, { credential: 42 })).toBe("INVALID_INPUT");
    expect(await connectError(server, { callId: a.call.id }, { headers: { cookie: "earshot_x=1" } })).toBe("UNAUTHENTICATED");
  });

  it("never takes identity from the body", async () => {
    const host = await createCall(server);
    const guest = await joinCall(server, host.call.id);
    // A guest naming the host as themselves in the body is still the guest.
    const res = await api(server, "POST", `/api/calls/${host.call.id}/roles`, {
      credential: guest.credential,
      body: { participantId: guest.participant.id, role: "admin", requesterId: host.participant.id },
    });
    expectError(res, 400, "INVALID_INPUT");
    const plain = await api(server, "POST", `/api/calls/${host.call.id}/roles`, {
      credential: guest.credential,
      body: { participantId: guest.participant.id, role: "admin" },
    });
    expectError(plain, 403, "FORBIDDEN");
    // Names come from the account or are pleb-<word>: a join body naming someone is refused.
    const join = await api(server, "POST", `/api/calls/${host.call.id}/join`, { body: { displayName: "The Host" } });
    expectError(join, 400, "INVALID_INPUT");
  });

  it("validates a path's participant ID as the socket validates a payload's, and takes the target only from the path", async () => {
    const host = (await api(server, "POST", "/api/calls", { body: { defaultRole: "listener" } })).body;
    const guest = (await api(server, "POST", `/api/calls/${host.call.id}/join`, {})).body;
    const base = `/api/calls/${host.call.id}`;
    for (const path of [
      `/participants/${"p".repeat(65)}/mute`,
      `/participants/not%20an%20id/remove`,
      `/hands/${"p".repeat(65)}/invite`,
      `/hands/${"p".repeat(65)}/dismiss`,
    ]) {
      const res = await api(server, "POST", `${base}${path}`, { credential: host.credential, body: {} });
      expectError(res, 400, "INVALID_INPUT");
      expect(res.body.error.message).toContain("participantId");
    }
    const twice = await api(server, "POST", `${base}/hands/${guest.participant.id}/invite`, {
      credential: host.credential,
      body: { participantId: host.participant.id },
    });
    expectError(twice, 400, "INVALID_INPUT");
    // Invite's `as` is optional on both transports: a speaker unless said otherwise.
    const invited = await api(server, "POST", `${base}/hands/${guest.participant.id}/invite`, { credential: host.credential, body: {} });
    expect(invited.body.participant.role).toBe("speaker");
  });

  it("text that cannot be stored as sent (lone surrogates, NUL) is refused, never cut or changed", async () => {
    expectError(await api(server, "POST", "/api/calls", { body: { defaultRole: "listener", title: "town \ud800 hall" } }), 400, "INVALID_INPUT");
    expectError(await api(server, "POST", "/api/calls", { body: { defaultRole: "listener", title: "a\u0000b" } }), 400, "INVALID_INPUT");
    const party = await api(server, "POST", "/api/calls", { body: { defaultRole: "listener", title: "🎉 party" } });
    expect(party.body.call.title).toBe("🎉 party");
    const { client } = await connect(server, party.body.credential);
    try {
      for (const body of ["a\u0000b", "lone \udc00 half", "\ud83c"]) {
        expect(await client.emit("chat:send", { clientId: `bad-${body.length}`, body })).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
      }
      expect(await client.emit("chat:send", { clientId: "good", body: "fine 🎉" })).toMatchObject({ ok: true, message: { body: "fine 🎉" } });
    } finally {
      client.close();
    }
    const messages = await api(server, "GET", `/api/calls/${party.body.call.id}/messages`, { credential: party.body.credential });
    expect(messages.body.messages.map((m: { body: string }) => m.body)).toEqual(["fine 🎉"]);
    for (const name of ["\ud800", "x\u0000y"]) {
      expectError(
        await api(server, "POST", "/api/accounts", { body: { email: `s-${name.length}-${Date.now()}@example.test`, password: "long enough", name } }),
        400,
        "INVALID_INPUT",
      );
    }
  });

  it("names that would read as a guest's are refused, invisible characters or look-alike letters aside", async () => {
    for (const name of ["pleb-otter", "PLEB-otter", "\u200bpleb-otter", "\u2066pleb-otter", "p\u200dleb-otter", "ｐｌｅｂ-otter", "\u200b\u200b"]) {
      const res = await api(server, "POST", "/api/accounts", {
        body: { email: `g-${Math.random().toString(36).slice(2)}@example.test`, password: "long enough", name },
      });
      expectError(res, 400, "INVALID_INPUT");
    }
  });

  it("malformed percent-encoding in a path is a 400 in the error shape, for the API and pages", async () => {
    for (const path of ["/api/calls/%E0%A4%A", "/api/calls/%ED%A0%80/join", "/call/%E0%A4%A"]) {
      const res = await api(server, path.endsWith("join") ? "POST" : "GET", path);
      expectError(res, 400, "INVALID_INPUT");
    }
  });

  it("keeps serving everyone after all of that", async () => {
    const res = await api(server, "GET", "/api/health");
    expect(res.status).toBe(200);
    const call = await createCall(server);
    expect(call.call.id).toBeTruthy();
    expect(server.logs()).not.toMatch(/unexpected error/);
  });
});

describe("a stale credential cookie", () => {
  it("does not lock a browser out of joining", async () => {
    const host = await createCall(server);
    const forged = issueCredential("another-secret-another-secret-another", host.call.id, host.participant.id, 60_000);
    const res = await api(server, "POST", `/api/calls/${host.call.id}/join`, { cookie: `earshot_${host.call.id.replace(/-/g, "_")}=${forged}` });
    expect(res.status).toBe(200);
    expect(res.body.participant.id).not.toBe(host.participant.id);
  });
});
