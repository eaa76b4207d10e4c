import { RoomEvent } from "@livekit/rtc-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionResponse } from "@/lib/contracts/rest";
import { api, createCall, joinCall } from "../support/api";
import { startBalancer, type TestBalancer } from "../support/balancer";
import { startCluster, type TestCluster } from "../support/cluster";
import { startLiveKitNode, type LiveKitNode } from "../support/livekit-cluster";
import { namespaceAddress } from "../support/netns";
import { connectPeer, type Peer } from "../support/peers";
import { startRedis, type TestRedis } from "../support/redis";
import type { TestServer } from "../support/server";

// Two LiveKit nodes sharing a Redis, two Earshot nodes (one per LiveKit node) sharing another
// Redis and Postgres, and HAProxy on 127.0.0.1:8080, where deploy/livekit.yaml sends webhooks.
let liveKitRedis: TestRedis;
let liveKit: LiveKitNode[] = [];
let cluster: TestCluster;
let balancer: TestBalancer;
const peers: Peer[] = [];
beforeAll(async () => {
  const host = namespaceAddress();
  liveKitRedis = await startRedis();
  const redisAddress = new URL(liveKitRedis.url).host;
  liveKit = await Promise.all([startLiveKitNode(host, redisAddress), startLiveKitNode(host, redisAddress)]);
  cluster = await startCluster(2, { envOf: (i) => ({ LIVEKIT_URL: liveKit[i]!.url, TRUST_PROXY: "true" }) });
  balancer = await startBalancer(cluster.nodes, "127.0.0.1", 8080);
});
afterAll(async () => {
  await Promise.all(peers.map((p) => p.close()));
  await balancer?.stop();
  await cluster?.stop();
  await Promise.all(liveKit.map((n) => n.stop()));
  await liveKitRedis?.stop();
});

const peer = (session: Parameters<typeof connectPeer>[1]) => connectPeer(peers, session);

/** Which LiveKit node runs a call's room: the one that logged it starting. */
const roomNode = (callId: string) => liveKit.findIndex((n) => new RegExp(`"room": "${callId}"`).test(n.logs()));

/**
 * Calls until two have rooms on different LiveKit nodes. Where a room lives is LiveKit's choice:
 * among the nodes whose load reports are fresh, so on a busy machine one node can be passed over for a while.
 */
async function callsOnBothNodes(): Promise<{ host: SessionResponse; node: number }[]> {
  const found = new Map<number, SessionResponse>();
  for (let i = 0; i < 30 && found.size < 2; i++) {
    if (i >= 2) await new Promise((r) => setTimeout(r, 300));
    const host = await createCall(cluster.nodes[i % 2]!, "listener");
    await peer(host); // the room starts when its first participant arrives
    for (const until = Date.now() + 5000; roomNode(host.call.id) < 0 && Date.now() < until;) await new Promise((r) => setTimeout(r, 100));
    if (roomNode(host.call.id) < 0) throw new Error(`no LiveKit node logged the room of ${host.call.id}`);
    found.set(roomNode(host.call.id), host);
  }
  if (found.size < 2) throw new Error("30 calls' rooms all landed on one LiveKit node");
  return [...found].map(([node, host]) => ({ host, node }));
}

describe("audio on a LiveKit cluster", () => {
  let calls: { host: SessionResponse; node: number }[];
  beforeAll(async () => {
    calls = await callsOnBothNodes();
  }, 60_000);

  it("a promotion through either Earshot node lets the listener publish, and a removal kicks, wherever the room is", async () => {
    for (const [i, { host }] of calls.entries()) {
      const via: TestServer = cluster.nodes[i]!; // promote through one Earshot node for one call, the other for the other
      const guest = await joinCall(via, host.call.id);
      const listener = await peer(guest);
      await expect(listener.publishSine()).rejects.toThrow();
      const promoted = await api(via, "POST", `/api/calls/${host.call.id}/roles`, {
        credential: host.credential,
        body: { participantId: guest.participant.id, role: "speaker" },
      });
      expect(promoted.status).toBe(200);
      await expect.poll(() => listener.publishes(), { timeout: 8000, interval: 250 }).toBe(true);

      const other = cluster.nodes[1 - i]!;
      const kicked = listener.waitFor(RoomEvent.Disconnected, () => true, 10_000);
      const removed = await api(other, "POST", `/api/calls/${host.call.id}/participants/${guest.participant.id}/remove`, {
        credential: host.credential,
        body: {},
      });
      expect(removed.status).toBe(204);
      await kicked;
    }
  });

  it("webhooks from either LiveKit node reach Earshot through the balancer", async () => {
    for (const { host } of calls) {
      await expect.poll(async () => (await api(balancer, "GET", `/api/calls/${host.call.id}`)).body.participants[0].inAudio, { timeout: 8000 }).toBe(true);
    }
  });
});
