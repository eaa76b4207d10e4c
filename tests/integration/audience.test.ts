import { createHash } from "node:crypto";
import { AccessToken } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyPeople, type People, peopleFromState, peopleReducer } from "@/lib/client/people";
import type { ParticipantDto, ParticipantPage } from "@/lib/contracts/dto";
import type { SessionResponse } from "@/lib/contracts/rest";
import { api, createCall, joinCall } from "../support/api";
import { startServer, TEST_LIVEKIT_KEY, TEST_LIVEKIT_SECRET, type TestServer } from "../support/server";
import { connect, type TestClient } from "../support/sockets";

/** The lead's per-address join and create limits (and chat's) out of the way: one test address joins hundreds. */
const NO_LIMITS = {
  JOIN_RATE_PER_MIN: "1000000",
  JOIN_BURST: "1000000",
  CREATE_CALL_RATE_PER_MIN: "1000000",
  CREATE_CALL_BURST: "1000000",
  CHAT_RATE_PER_SEC: "1000000",
  CHAT_BURST: "1000000",
};
const CROWD = 300;
/** The server's window for audience counts and admin batches. */
const INTERVAL_MS = 1000;

let server: TestServer;
const clients: TestClient[] = [];
beforeAll(async () => {
  server = await startServer({ env: NO_LIMITS });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server?.stop();
});

async function open(credential: string) {
  const r = await connect(server, credential);
  clients.push(r.client);
  return r;
}

/** Runs `fn` over `items`, `width` at a time. */
async function inBatches<T, R>(items: T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width) out.push(...(await Promise.all(items.slice(i, i + width).map(fn))));
  return out;
}

/** Guests join through REST and open their socket, as browsers do. */
async function crowd(callId: string, n: number): Promise<SessionResponse[]> {
  return inBatches(Array.from({ length: n }), 25, async () => {
    const guest = await joinCall(server, callId);
    await open(guest.credential);
    return guest;
  });
}

/** Every page of a participant list through REST, following nextCursor (bounded). */
async function allPages(callId: string, credential: string, query: string): Promise<ParticipantDto[]> {
  const out: ParticipantDto[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 200; i++) {
    const res: { status: number; body: ParticipantPage } = await api<ParticipantPage>(
      server,
      "GET",
      `/api/calls/${callId}/participants?${query}${cursor ? `&cursor=${cursor}` : ""}`,
      { credential },
    );
    expect(res.status).toBe(200);
    out.push(...res.body.participants);
    cursor = res.body.nextCursor;
    if (!cursor) return out;
  }
  throw new Error("paging did not end");
}

const size = (x: unknown) => Buffer.byteLength(JSON.stringify(x));
const since = (c: TestClient, mark: number) => c.events.slice(mark);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("a large audience", () => {
  let callId: string;
  let host: SessionResponse;
  let admin: Awaited<ReturnType<typeof open>>;
  let listener: Awaited<ReturnType<typeof open>>;
  let guests: SessionResponse[];
  let stormMs: number;
  let stateAt50: number;

  beforeAll(async () => {
    host = await createCall(server, "listener");
    callId = host.call.id;
    admin = await open(host.credential);
    listener = await open((await joinCall(server, callId)).credential);
    const start = Date.now();
    guests = await crowd(callId, 49);
    stateAt50 = size((await open((await joinCall(server, callId)).credential)).state);
    guests.push(...(await crowd(callId, CROWD - 50)));
    stormMs = Date.now() - start;
    // The last window closes.
    await listener.client.waitFor("audience:count", (c) => c.total === CROWD + 1, 5000);
    await sleep(INTERVAL_MS + 200);
  }, 240_000);

  it("tells an existing listener only the count, at most once a second", () => {
    expect(listener.client.received("participant:joined")).toEqual([]);
    expect(listener.client.received("participant:updated")).toEqual([]);
    expect(listener.client.received("audience:changes")).toEqual([]);
    const counts = listener.client.received("audience:count");
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.length).toBeLessThanOrEqual(Math.ceil(stormMs / INTERVAL_MS) + 3);
    expect(counts.at(-1)).toEqual({ total: CROWD + 1, away: 0, hands: 0 });
  });

  it("gives the admin batches that add up to the true audience", async () => {
    const batches = admin.client.received("audience:changes");
    expect(batches.length).toBeLessThanOrEqual(Math.ceil(stormMs / INTERVAL_MS) + 3);
    expect(admin.client.received("participant:joined")).toEqual([]);
    let people: People = peopleFromState(emptyPeople, admin.state);
    for (const changes of batches) people = peopleReducer(people, { type: "audience:changes", changes });
    const truth = await allPages(callId, host.credential, "group=audience&limit=100");
    expect(truth).toHaveLength(CROWD + 1);
    expect(people.audience.map((p) => p.id)).toEqual(truth.map((p) => p.id));
    expect(people.audience.every((p) => p.presence === "online")).toBe(true);
  });

  it("keeps call:state the same size at 50 and at 300, under 16 KB", async () => {
    const { state } = await open((await joinCall(server, callId)).credential);
    expect(state.audience.count.total).toBe(CROWD + 2);
    expect(state.audience.participants).toHaveLength(40);
    expect(size(state)).toBeLessThanOrEqual(16 * 1024);
    // The same first page (the earliest joiners) and the same stage: only the count's digits differ.
    expect(Math.abs(size(state) - stateAt50)).toBeLessThanOrEqual(8);
    const small = await createCall(server, "listener");
    await crowd(small.call.id, 10);
    const { state: atTen } = await open((await joinCall(server, small.call.id)).credential);
    expect(size(atTen)).toBeLessThan(size(state));
  });

  it("pages and searches the audience: each member exactly once, in a stable order", async () => {
    const all = await allPages(callId, guests[0]!.credential, "group=audience&limit=7");
    const ids = all.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(guests.map((g) => g.participant.id)));
    expect(all.every((p) => p.role === "listener" || p.role === "chatter")).toBe(true);
    expect(ids).not.toContain(host.participant.id);

    const needle = guests[17]!.participant.displayName.slice(5, 8).toUpperCase();
    const found = await allPages(callId, guests[0]!.credential, `group=audience&limit=5&q=${needle}`);
    const expected = all.filter((p) => p.displayName.toLowerCase().includes(needle.toLowerCase())).map((p) => p.id);
    expect(found.map((p) => p.id)).toEqual(expected);
    expect(found.map((p) => p.id)).toContain(guests[17]!.participant.id);

    // What people type is matched as text: LIKE's wildcards match only themselves.
    for (const wildcard of ["%", "_", "pleb_"]) {
      expect(await allPages(callId, guests[0]!.credential, `group=audience&limit=50&q=${encodeURIComponent(wildcard)}`), wildcard).toEqual([]);
    }
  });

  it("refuses bad queries with 400, strangers with 401, and the hand queue to non-admins with 403", async () => {
    const guest = guests[0]!.credential;
    const bad = ["limit=1000", "limit=0", "group=everyone", "cursor=!!", "cursor=bm9wZQ", "extra=1", `q=${"x".repeat(61)}`];
    for (const query of bad) {
      const res = await api(server, "GET", `/api/calls/${callId}/participants?${query}`, { credential: guest });
      expect(res.status, query).toBe(400);
      expect(res.body.error.code, query).toBe("INVALID_INPUT");
    }
    expect((await api(server, "GET", `/api/calls/${callId}/participants`)).status).toBe(401);
    const hands = await api(server, "GET", `/api/calls/${callId}/participants?group=hands`, { credential: guest });
    expect(hands.status).toBe(403);
    expect(hands.body.error.code).toBe("FORBIDDEN");
    expect((await api(server, "GET", `/api/calls/${callId}/participants?group=hands`, { credential: host.credential })).status).toBe(200);
  });

  it("moves a promoted person onto the stage for everyone at once, and off again on demotion", async () => {
    const target = guests[5]!.participant.id;
    const mark = listener.client.events.length;
    expect(await admin.client.emit("role:set", { participantId: target, role: "speaker" })).toMatchObject({ ok: true });
    // At once: well before the next audience window could have carried it.
    const promoted = await listener.client.waitFor("participant:updated", (p) => p.id === target && p.role === "speaker", INTERVAL_MS / 2);
    let people = peopleFromState(emptyPeople, listener.state);
    people = peopleReducer(people, { type: "participant:updated", participant: promoted });
    expect(people.stage.map((p) => p.id)).toContain(target);
    expect(people.audience.map((p) => p.id)).not.toContain(target);
    await listener.client.waitFor("audience:count", (c) => c.total === CROWD + 1, 3000);

    expect(await admin.client.emit("role:set", { participantId: target, role: "listener" })).toMatchObject({ ok: true });
    const demoted = await listener.client.waitFor("participant:updated", (p) => p.id === target && p.role === "listener", INTERVAL_MS / 2);
    people = peopleReducer(people, { type: "participant:updated", participant: demoted });
    expect(people.stage.map((p) => p.id)).not.toContain(target);
    await listener.client.waitFor("audience:count", (c) => c.total === CROWD + 2, 3000);
    expect(since(listener.client, mark).filter((e) => e.name === "participant:updated")).toHaveLength(2);
  });

  it("tells a person about themselves at once (their own hand), and everyone else only the count", async () => {
    const { client } = await open(guests[9]!.credential);
    const mark = listener.client.events.length;
    expect(await client.emit("hand:set", { raised: true })).toMatchObject({ ok: true });
    await client.waitFor("participant:updated", (p) => p.id === guests[9]!.participant.id && p.handRaised, INTERVAL_MS / 2);
    await listener.client.waitFor("audience:count", (c) => c.hands === 1, 3000);
    expect(since(listener.client, mark).map((e) => e.name)).not.toContain("participant:updated");
    const batch = await admin.client.waitFor("audience:changes", (ch) => ch.updated.some((p) => p.id === guests[9]!.participant.id && p.handRaised), 3000);
    expect(batch.joined.length + batch.updated.length + batch.left.length).toBeGreaterThan(0);
  });
});

/** Signs a webhook body as LiveKit does. */
async function signedWebhook(body: string) {
  const token = new AccessToken(TEST_LIVEKIT_KEY, TEST_LIVEKIT_SECRET);
  token.sha256 = createHash("sha256").update(body).digest("base64");
  return { raw: body, headers: { authorization: await token.toJwt(), "content-type": "application/webhook+json" } };
}
const audioEvent = (event: string, callId: string, identity: string) =>
  JSON.stringify({ event, id: `EV_${Math.random()}`, createdAt: String(Math.floor(Date.now() / 1000)), room: { name: callId }, participant: { identity } });

describe("a participant who left stays gone", () => {
  /** Everything the admin heard about someone after they left. */
  const after = (c: TestClient, mark: number, id: string) =>
    since(c, mark).filter(
      (e) => (e.payload as { id?: string })?.id === id || (e.name === "audience:changes" && JSON.stringify(e.payload).includes(`"id":"${id}"`)),
    );

  it.each(["speaker", "listener"] as const)("a %s whose audio leaves after they did is not brought back by the late webhook", async (role) => {
    const host = await createCall(server, role);
    const admin = await open(host.credential);
    const guest = await joinCall(server, host.call.id);
    const id = guest.participant.id;
    await open(guest.credential);
    const joined = await signedWebhook(audioEvent("participant_joined", host.call.id, id));
    expect((await api(server, "POST", "/api/livekit/webhook", joined)).status).toBe(204);
    expect((await api(server, "POST", `/api/calls/${host.call.id}/leave`, { credential: guest.credential })).status).toBe(204);
    const mark = admin.client.events.length;
    // The media server reports their audio gone after they left.
    const left = await signedWebhook(audioEvent("participant_left", host.call.id, id));
    expect((await api(server, "POST", "/api/livekit/webhook", left)).status).toBe(204);
    await sleep(INTERVAL_MS * 1.5);
    expect(after(admin.client, mark, id)).toEqual([]);
    const { state } = await open(host.credential);
    expect([...state.stage, ...state.audience.participants].map((p) => p.id)).not.toContain(id);
  });

  it.each([false, true])("a removed participant (ban: %s) is gone for everyone, and their closing socket tells nobody they are away", async (ban) => {
    const host = await createCall(server, "speaker");
    const admin = await open(host.credential);
    const guest = await joinCall(server, host.call.id);
    const watcher = await open((await joinCall(server, host.call.id)).credential);
    await open(guest.credential);
    const mark = watcher.client.events.length;
    const adminMark = admin.client.events.length;
    expect(await admin.client.emit("participant:remove", { participantId: guest.participant.id, ban })).toMatchObject({ ok: true });
    await watcher.client.waitFor("participant:left", (p) => p.participantId === guest.participant.id);
    await sleep(INTERVAL_MS * 1.5);
    const stale = (c: TestClient, m: number) =>
      since(c, m).filter((e) => e.name === "participant:updated" && (e.payload as ParticipantDto).id === guest.participant.id);
    expect(stale(watcher.client, mark)).toEqual([]);
    expect(stale(admin.client, adminMark)).toEqual([]);
  });

  it("leaving while the socket closes (a browser's Leave) never re-adds the person as away", async () => {
    const host = await createCall(server, "speaker");
    const admin = await open(host.credential);
    const guests = await Promise.all([1, 2, 3, 4, 5].map(() => joinCall(server, host.call.id)));
    const sockets = await Promise.all(guests.map((g) => open(g.credential)));
    const mark = admin.client.events.length;
    await Promise.all(
      guests.map(async (g, i) => {
        sockets[i]!.client.close();
        await api(server, "POST", `/api/calls/${host.call.id}/leave`, { credential: g.credential });
      }),
    );
    await sleep(INTERVAL_MS * 1.5);
    let people = peopleFromState(emptyPeople, admin.state);
    for (const e of since(admin.client, mark))
      people = peopleReducer(people, { type: e.name, ...(e.name === "participant:left" ? (e.payload as object) : { participant: e.payload }) } as never);
    const ids = new Set(guests.map((g) => g.participant.id));
    expect(people.stage.filter((p) => ids.has(p.id))).toEqual([]);
    // And the server sent nothing that would have re-added them, even to a client without the reducer's guard.
    const lastLeft = new Map<string, number>();
    since(admin.client, mark).forEach((e, i) => e.name === "participant:left" && lastLeft.set((e.payload as { participantId: string }).participantId, i));
    since(admin.client, mark).forEach((e, i) => {
      if (e.name !== "participant:updated") return;
      const p = e.payload as ParticipantDto;
      if (lastLeft.has(p.id)) expect(i, `update for ${p.id} after they left`).toBeLessThan(lastLeft.get(p.id)!);
    });
  });
});
