import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io } from "socket.io-client";
import { DEVICE_COOKIE } from "@/lib/http/device-cookie";
import type { SessionResponse } from "@/lib/contracts/rest";
import { api } from "../support/api";
import { TestClient } from "../support/sockets";
import { startServer, type TestServer } from "../support/server";

// Small budgets, so that each limit shows within a few requests. Tests claim their own client
// addresses (X-Forwarded-For, trusted here) so they do not share budgets.
const LIMITS = {
  TRUST_PROXY: "true",
  JOIN_RATE_PER_MIN: "0.01",
  JOIN_BURST: "5",
  CREATE_CALL_RATE_PER_MIN: "0.01",
  CREATE_CALL_BURST: "3",
  MODERATION_RATE_PER_MIN: "0.01",
  MODERATION_BURST: "6",
  SELF_CHANGE_RATE_PER_MIN: "0.01",
  SELF_CHANGE_BURST: "4",
  CHAT_RATE_PER_SEC: "0.001",
  CHAT_BURST: "3",
  CHAT_ADDRESS_RATE_PER_SEC: "0.001",
  CHAT_ADDRESS_BURST: "6",
  LOOKUP_FAIL_RATE_PER_MIN: "0.01",
  LOOKUP_FAIL_BURST: "5",
};
let server: TestServer;
let untrusting: TestServer;
const clients: TestClient[] = [];
beforeAll(async () => {
  [server, untrusting] = await Promise.all([startServer({ env: LIMITS }), startServer({ env: { ...LIMITS, TRUST_PROXY: "false" } })]);
});
afterAll(async () => {
  for (const c of clients) c.close();
  await Promise.all([server?.stop(), untrusting?.stop()]);
});

let nextAddress = 1;
const newAddress = () => `198.51.100.${nextAddress++}`;
const from = (address: string, extra: Record<string, string> = {}) => ({ "x-forwarded-for": address, ...extra });
/** A new call, opened from an address of its own (call creation is limited too). */
async function createCall(defaultRole: "listener" | "chatter" = "listener"): Promise<SessionResponse> {
  const res = await api<SessionResponse>(server, "POST", "/api/calls", { body: { defaultRole }, headers: from(newAddress()) });
  expect(res.status).toBe(201);
  return res.body;
}
const join = (target: TestServer, callId: string, headers: Record<string, string>) => api(target, "POST", `/api/calls/${callId}/join`, { headers });

function expectLimited(res: { status: number; body: any; headers: Headers }) {
  expect(res.status).toBe(429);
  expect(res.body.error).toEqual({ code: "RATE_LIMITED", message: expect.any(String), retryAfterMs: expect.any(Number) });
  expect(res.body.error.retryAfterMs).toBeGreaterThan(0);
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
}

async function socketFrom(credential: string, address: string) {
  const socket = io(server.url, { auth: { credential }, transports: ["websocket"], reconnection: false, extraHeaders: from(address) });
  const client = new TestClient(socket);
  clients.push(client);
  await client.waitFor("call:state");
  return client;
}

describe("guest joins", () => {
  it("are limited per address, for clients that keep no cookies", async () => {
    const host = await createCall();
    const address = newAddress();
    for (let i = 0; i < 5; i++) expect((await join(server, host.call.id, from(address))).status).toBe(200);
    expectLimited(await join(server, host.call.id, from(address)));
    // Someone else is not held up.
    expect((await join(server, host.call.id, from(newAddress()))).status).toBe(200);
  });

  it("are limited per browser, whatever address it comes from; coming back as yourself is not a new join", async () => {
    const host = await createCall();
    const first = await join(server, host.call.id, from(newAddress()));
    const device = `${DEVICE_COOKIE}=${/earshot_device=([^;]+)/.exec(first.headers.getSetCookie().join(";"))![1]}`;
    for (let i = 0; i < 4; i++) expect((await join(server, host.call.id, from(newAddress(), { cookie: device }))).status).toBe(200);
    expectLimited(await join(server, host.call.id, from(newAddress(), { cookie: device })));
    const back = await api(server, "POST", `/api/calls/${host.call.id}/join`, { credential: first.body.credential, headers: from(newAddress()) });
    expect(back.status).toBe(200);
    expect(back.body.participant.id).toBe(first.body.participant.id);
  });
});

describe("call creation", () => {
  it("is limited per address", async () => {
    const address = newAddress();
    const create = () => api(server, "POST", "/api/calls", { body: { defaultRole: "listener" }, headers: from(address) });
    for (let i = 0; i < 3; i++) expect((await create()).status).toBe(201);
    expectLimited(await create());
  });
});

describe("moderation writes", () => {
  it("are limited per admin, over REST and sockets alike", async () => {
    const host = await createCall();
    const address = newAddress();
    const lock = (locked: boolean) =>
      api(server, "POST", `/api/calls/${host.call.id}/lock`, { credential: host.credential, body: { locked }, headers: from(address) });
    for (let i = 0; i < 4; i++) expect((await lock(i % 2 === 0)).status).toBe(200);
    const socket = await socketFrom(host.credential, newAddress());
    expect(await socket.emit("call:lock", { locked: true })).toMatchObject({ ok: true });
    expect(await socket.emit("call:lock", { locked: false })).toMatchObject({ ok: true });
    expect(await socket.emit("call:lock", { locked: true })).toMatchObject({ ok: false, error: { code: "RATE_LIMITED", retryAfterMs: expect.any(Number) } });
    expectLimited(await lock(true));
  });
});

describe("changes to one's own state", () => {
  it("are limited per participant, hand and consent together, and a repeat of the same state costs nothing", async () => {
    const host = await createCall("listener");
    const guest = (await join(server, host.call.id, from(newAddress()))).body as SessionResponse;
    const socket = await socketFrom(guest.credential, newAddress());
    expect(await socket.emit("hand:set", { raised: true })).toMatchObject({ ok: true });
    expect(await socket.emit("hand:set", { raised: true })).toMatchObject({ ok: true }); // already up: no change, no cost
    expect(await socket.emit("hand:set", { raised: false })).toMatchObject({ ok: true });
    expect(await socket.emit("recording:consent", { consent: "yes" })).toMatchObject({ ok: true });
    expect(await socket.emit("recording:consent", { consent: "no" })).toMatchObject({ ok: true });
    expect(await socket.emit("hand:set", { raised: true })).toMatchObject({ ok: false, error: { code: "RATE_LIMITED", retryAfterMs: expect.any(Number) } });
    expectLimited(
      await api(server, "POST", `/api/calls/${host.call.id}/recording/consent`, {
        credential: guest.credential,
        body: { consent: "yes" },
        headers: from(newAddress()),
      }),
    );
    // Nobody else was told of the refused changes.
    expect(
      (await api(server, "GET", `/api/calls/${host.call.id}/participants?group=audience`, { credential: host.credential })).body.participants[0],
    ).toMatchObject({ handRaised: false, recordingConsent: "no" });
  });

  it("include the microphone", async () => {
    const created = await api<SessionResponse>(server, "POST", "/api/calls", { body: { defaultRole: "speaker" }, headers: from(newAddress()) });
    const guest = (await join(server, created.body.call.id, from(newAddress()))).body as SessionResponse;
    const socket = await socketFrom(guest.credential, newAddress());
    for (let i = 0; i < 4; i++) expect(await socket.emit("mute:set", { muted: i % 2 === 1 })).toMatchObject({ ok: true });
    expect(await socket.emit("mute:set", { muted: false })).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
  });
});

describe("the chat limit", () => {
  it("does not start again when the same browser joins again as a new guest", async () => {
    const host = await createCall("chatter");
    const address = newAddress();
    const first = await join(server, host.call.id, from(address));
    const device = `${DEVICE_COOKIE}=${/earshot_device=([^;]+)/.exec(first.headers.getSetCookie().join(";"))![1]}`;
    const a = await socketFrom(first.body.credential, address);
    for (let i = 0; i < 3; i++) expect(await a.emit("chat:send", { clientId: `a${i}`, body: "hi" })).toMatchObject({ ok: true });
    expect(await a.emit("chat:send", { clientId: "a9", body: "hi" })).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
    // Dropping the call cookie but keeping the browser's: a new guest, the same budget.
    const again = await join(server, host.call.id, from(newAddress(), { cookie: device }));
    expect(again.body.participant.id).not.toBe(first.body.participant.id);
    const b = await socketFrom(again.body.credential, newAddress());
    expect(await b.emit("chat:send", { clientId: "b0", body: "hi" })).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
  });

  it("does not start again for fresh guests without cookies from the same address", async () => {
    const host = await createCall("chatter");
    const address = newAddress();
    let accepted = 0;
    for (let i = 0; i < 4; i++) {
      const guest = await join(server, host.call.id, from(address));
      const socket = await socketFrom(guest.body.credential, address);
      for (let k = 0; k < 3; k++) if ((await socket.emit("chat:send", { clientId: `g${i}-${k}`, body: "hi" })).ok) accepted++;
    }
    expect(accepted).toBe(6); // CHAT_ADDRESS_BURST, not 4 guests x CHAT_BURST
  });
});

describe("lookups of calls that do not exist", () => {
  it("are limited per address: past the budget every lookup from there waits, sockets too", async () => {
    const host = await createCall();
    const address = newAddress();
    for (let i = 0; i < 5; i++) expect((await api(server, "GET", "/api/calls/no-such-call", { headers: from(address) })).status).toBe(404);
    expectLimited(await api(server, "GET", `/api/calls/${host.call.id}`, { headers: from(address) }));
    expectLimited(await join(server, host.call.id, from(address)));
    const socket = io(server.url, { auth: { credential: host.credential }, transports: ["websocket"], reconnection: false, extraHeaders: from(address) });
    const refused = await new Promise<string>((resolve) => socket.on("connect_error", (e) => (socket.close(), resolve(e.message))));
    expect(refused).toBe("RATE_LIMITED");
    // Anyone else finds the call.
    expect((await api(server, "GET", `/api/calls/${host.call.id}`, { headers: from(newAddress()) })).status).toBe(200);
  });
});

describe("behind no trusted proxy", () => {
  it("X-Forwarded-For is ignored: claiming new addresses does not buy new budgets", async () => {
    const create = () => api(untrusting, "POST", "/api/calls", { body: { defaultRole: "listener" }, headers: from(newAddress()) });
    for (let i = 0; i < 3; i++) expect((await create()).status).toBe(201);
    expectLimited(await create());
  });
});
