import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueCredential } from "@/lib/auth/credentials";
import { api, createCall, joinCall } from "../support/api";
import { connectError } from "../support/sockets";
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
    const plain = await api(server, "POST", `/api/calls/${host.call.id}/roles`, { credential: guest.credential, body: { participantId: guest.participant.id, role: "admin" } });
    expectError(plain, 403, "FORBIDDEN");
    // A displayName in a guest's join body does not rename them.
    const join = await api(server, "POST", `/api/calls/${host.call.id}/join`, { body: { displayName: "The Host" } });
    expect(join.body.participant.displayName).toMatch(/^pleb-/);
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
