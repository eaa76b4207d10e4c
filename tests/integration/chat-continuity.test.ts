import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createCall, joinCall } from "../support/api";
import { connect, type TestClient } from "../support/sockets";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
const clients: TestClient[] = [];
beforeAll(async () => {
  // A high chat rate so senders are limited by the server, not the rate limiter.
  server = await startServer({ env: { CHAT_RATE_PER_SEC: "1000", CHAT_BURST: "1000" } });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server?.stop();
});

describe("a server crash in the middle of a chat", () => {
  it("loses no acknowledged message, duplicates none, and clients resync from call:state", async () => {
    const host = await createCall(server, "chatter");
    const guest = await joinCall(server, host.call.id);
    const sender = (await connect(server, host.credential)).client;
    const receiver = (await connect(server, guest.credential)).client;
    clients.push(sender, receiver);

    const acked = new Set<string>();
    let attempts = 0;
    let crashed = false;
    // Send 60 messages one after another, retrying each with the same clientId
    // until acked (what the browser outbox does); crash the server after 20.
    for (let i = 0; i < 60; i++) {
      const clientId = `restart-${i}`;
      if (i === 20) {
        crashed = true;
        void server.restart();
      }
      for (;;) {
        attempts++;
        if (!sender.socket.connected) {
          await new Promise((r) => setTimeout(r, 50));
          continue;
        }
        const res = await sender.emit("chat:send", { clientId, body: `message ${i}` }).catch(() => null);
        if (res?.ok) {
          acked.add(clientId);
          break;
        }
      }
    }
    expect(crashed).toBe(true);
    expect(acked.size).toBe(60);

    const stored = await api(server, "GET", `/api/calls/${host.call.id}/messages?limit=200`, { credential: host.credential });
    const ids = stored.body.messages.map((m: { clientId: string }) => m.clientId);
    expect(ids).toHaveLength(60);
    expect(new Set(ids)).toEqual(acked);
    expect(ids).toEqual(Array.from({ length: 60 }, (_, i) => `restart-${i}`));

    // The receiver reconnects by itself (on its own backoff, which can outlast the sender's last 40 messages) and gets the full state again.
    await expect.poll(() => receiver.received("call:state").length).toBeGreaterThanOrEqual(2);
    await expect
      .poll(() => {
        const fromStates = receiver.received("call:state").flatMap((s) => s.messages.map((m) => m.clientId));
        const live = receiver.received("chat:message").map((m) => m.clientId);
        return new Set([...fromStates, ...live]);
      })
      .toEqual(acked); // live events plus the resync state (newest 50) cover every acked message
    expect(server.logs()).toContain("--- restart ---");
    expect(attempts).toBeGreaterThanOrEqual(60);
  });
});

describe("connecting in the middle of a busy chat", () => {
  it("misses nothing: the connection's call:state and the live events after it cover every message", async () => {
    const host = await createCall(server, "chatter");
    const seats = await Promise.all(Array.from({ length: 30 }, () => joinCall(server, host.call.id)));
    const sender = (await connect(server, host.credential)).client;
    clients.push(sender);

    // 400 messages, up to 16 in flight, while 30 people connect one after another.
    let sent = 0;
    const sendAll = async () => {
      while (sent < 400) {
        const i = sent++;
        const ack = await sender.emit("chat:send", { clientId: `busy-${i}`, body: `message ${i}` });
        if (!ack.ok) throw new Error(`message ${i} refused: ${JSON.stringify(ack)}`);
      }
    };
    const senders = Promise.all(Array.from({ length: 16 }, sendAll));
    const receivers: TestClient[] = [];
    for (const seat of seats) {
      const { client } = await connect(server, seat.credential);
      clients.push(client);
      receivers.push(client);
    }
    await senders;
    await receivers
      .at(-1)!
      .waitFor("chat:message", (m) => m.clientId === "busy-399")
      .catch(() => undefined);
    await new Promise((r) => setTimeout(r, 300));

    const everyId = (client: TestClient) =>
      new Set([...client.received("call:state").flatMap((s) => s.messages), ...client.received("chat:message")].map((m) => Number(m.id)));
    const allIds = [...everyId(sender)].sort((a, b) => a - b);
    expect(allIds).toHaveLength(400);
    for (const [n, client] of receivers.entries()) {
      // From the oldest message its snapshot shows, this person must have seen every message.
      const [state] = client.received("call:state");
      const from = state!.messages.length ? Number(state!.messages[0]!.id) : 0;
      const seen = everyId(client);
      const missed = allIds.filter((id) => id >= from && !seen.has(id));
      expect({ receiver: n, missed }).toEqual({ receiver: n, missed: [] });
    }
  });
});
