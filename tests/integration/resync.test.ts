import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCall, joinCall } from "../support/api";
import { connect, type TestClient } from "../support/sockets";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
const clients: TestClient[] = [];
beforeAll(async () => {
  // The sender is limited by the server, not by the per-person chat limit.
  server = await startServer({ env: { CHAT_RATE_PER_SEC: "1000", CHAT_BURST: "1000" } });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server?.stop();
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
    await receivers.at(-1)!.waitFor("chat:message", (m) => m.clientId === "busy-399").catch(() => undefined);
    await new Promise((r) => setTimeout(r, 300));

    const everyId = (client: TestClient) => new Set([...client.received("call:state").flatMap((s) => s.messages), ...client.received("chat:message")].map((m) => Number(m.id)));
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
