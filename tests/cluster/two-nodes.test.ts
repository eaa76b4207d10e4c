import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MessageDto } from "@/lib/contracts/dto";
import { emptyPeople, peopleFromState, peopleReducer, type People } from "@/lib/client/people";
import { api, createCall, joinCall } from "../support/api";
import { startCluster, type TestCluster } from "../support/cluster";
import { connect, type TestClient } from "../support/sockets";

let cluster: TestCluster;
const clients: TestClient[] = [];
beforeAll(async () => {
  cluster = await startCluster(2, { env: { CHAT_RATE_PER_SEC: "0.001", CHAT_BURST: "40" } });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await cluster?.stop();
});

const node = (i: number) => cluster.nodes[i]!;
async function open(i: number, credential: string) {
  const { client, state } = await connect(node(i), credential);
  clients.push(client);
  return { client, state };
}
const send = (client: TestClient, clientId: string, body = clientId) => client.emit("chat:send", { clientId, body });

describe("two Earshot nodes sharing Redis and Postgres", () => {
  it("deliver a chat message sent on one node to clients on the other once, in order", async () => {
    const host = await createCall(node(0), "chatter");
    const guests = await Promise.all([0, 1, 2].map(() => joinCall(node(1), host.call.id)));
    const admin = await open(0, host.credential);
    const far = await Promise.all(guests.map((g) => open(1, g.credential)));
    for (let i = 0; i < 30; i++) expect(await send(admin.client, `m${i}`)).toMatchObject({ ok: true });
    for (const { client } of far) {
      await client.waitFor("chat:message", (m) => m.clientId === "m29");
      expect(client.received("chat:message").map((m: MessageDto) => m.clientId)).toEqual(Array.from({ length: 30 }, (_, i) => `m${i}`));
    }
  });

  it("apply a role change made on one node to a socket on the other at once", async () => {
    const host = await createCall(node(0), "listener");
    const guest = await joinCall(node(0), host.call.id);
    const listener = await open(0, guest.credential);
    expect(await send(listener.client, "before")).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const admin = await open(1, host.credential);
    expect(await admin.client.emit("role:set", { participantId: guest.participant.id, role: "chatter" })).toMatchObject({ ok: true });
    await listener.client.waitFor("participant:updated", (p) => p.id === guest.participant.id && p.role === "chatter");
    expect(await send(listener.client, "after")).toMatchObject({ ok: true });
  });

  it("share one chat budget between a person's sockets on both nodes", async () => {
    const host = await createCall(node(0), "chatter");
    const guest = await joinCall(node(0), host.call.id);
    const [a, b] = await Promise.all([open(0, guest.credential), open(1, guest.credential)]);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => send(i % 2 ? a.client : b.client, `x${i}`)));
    expect(results.filter((r) => r.ok)).toHaveLength(40);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === "RATE_LIMITED")).toBe(true);
  });

  it("answer with the same call:state on either node", async () => {
    const host = await createCall(node(0), "chatter");
    const guest = await joinCall(node(1), host.call.id);
    const admin = await open(0, host.credential);
    await send(admin.client, "hello");
    const first = await open(0, guest.credential); // online now: the second snapshot sees the same people
    const second = await open(1, guest.credential);
    const [onA, onB] = [first.state, second.state];
    expect(onB).toEqual(onA);
    expect(onA.audience.count.total).toBe(1);
    expect(onA!.messages.map((m) => m.body)).toEqual(["hello"]);
    const rest = await Promise.all([0, 1].map((i) => api(node(i), "GET", `/api/calls/${host.call.id}`)));
    expect(rest[1]!.body.call).toEqual(rest[0]!.body.call);
  });
});

describe("one person with tabs open through both nodes", () => {
  it("stays online while either tab is open, and turns away when the last one closes", async () => {
    const host = await createCall(node(0), "speaker");
    const admin = await open(0, host.credential);
    const guest = await joinCall(node(0), host.call.id);
    const [first, second] = [await open(0, guest.credential), await open(1, guest.credential)];
    const presence = (p: { id: string; presence: string }) => p.id === guest.participant.id;
    first.client.close(); // node 0's last connection of theirs: node 1 still holds one
    await new Promise((r) => setTimeout(r, 800));
    expect(
      admin.client
        .received("participant:updated")
        .filter(presence)
        .map((p) => p.presence),
    ).not.toContain("away");
    const stage = await api(node(1), "GET", `/api/calls/${host.call.id}`, { credential: host.credential });
    expect(stage.body.participants.find(presence)?.presence).toBe("online");
    second.client.close();
    await admin.client.waitFor("participant:updated", (p) => presence(p) && p.presence === "away", 5000);
  });
});

describe("a crowd spread over both nodes", () => {
  it("gives everyone the right audience count, and the admin batches that add up to it, each once a second", async () => {
    const host = await createCall(node(0), "listener");
    const admin = await open(0, host.credential);
    const watcher = await open(0, (await joinCall(node(0), host.call.id)).credential);
    // Forty guests, joined and connected half on each node, in waves over a few seconds (several windows on each node).
    const guests: Awaited<ReturnType<typeof joinCall>>[] = [];
    for (let wave = 0; wave < 5; wave++) {
      const joined = await Promise.all(Array.from({ length: 8 }, (_, i) => joinCall(node(i % 2), host.call.id)));
      await Promise.all(joined.map((g, i) => open(i % 2, g.credential)));
      guests.push(...joined);
      await new Promise((r) => setTimeout(r, 400));
    }
    await watcher.client.waitFor("audience:count", (c) => c.total === 41 && c.away === 0, 8000);
    await new Promise((r) => setTimeout(r, 1500)); // the last windows close on both nodes
    let people: People = peopleFromState(emptyPeople, admin.state);
    for (const changes of admin.client.received("audience:changes")) people = peopleReducer(people, { type: "audience:changes", changes });
    expect(people.audience.map((p) => p.id).sort()).toEqual([watcher.state.self.id, ...guests.map((g) => g.participant.id)].sort());
    expect(people.audience.every((p) => p.presence === "online")).toBe(true);
    // However many nodes saw the crowd: at most one count a second for a listener, one batch a second for an admin.
    for (const gap of watcher.client.gaps("audience:count")) expect(gap).toBeGreaterThan(800);
    for (const gap of admin.client.gaps("audience:changes")) expect(gap).toBeGreaterThan(800);
    // Listeners hear counts, never who came.
    expect(watcher.client.received("audience:changes")).toEqual([]);
    expect(watcher.client.received("participant:joined")).toEqual([]);
  });
});

describe("cluster mode", () => {
  it("refuses SQLite with a sentence saying why", async () => {
    const { startServer } = await import("../support/server");
    await expect(startServer({ env: { REDIS_URL: cluster.redis.url }, databaseUrl: "file:/tmp/earshot-cluster-refused.db" })).rejects.toThrow(
      /REDIS_URL turns on cluster mode, which needs Postgres/,
    );
  });
});
