import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { secretsOf } from "@/lib/adapters/identify-request";
import { socketNotifier } from "@/lib/realtime/notifier";
import { createSocketServer, serveRealtime } from "@/lib/realtime/server";
import { setHandRaised } from "@/lib/services/hands";
import { connect, type TestClient } from "../support/sockets";
import { callWorld } from "./world";

/**
 * serveRealtime in this process, on the in-memory ports, with real socket.io
 * clients: the command table's socket binding (validation, acks, errors) and
 * the notifier's broadcasts, without a build or a database.
 */
async function realtimeWorld() {
  const w = await callWorld({ defaultRole: "chatter" });
  const http: Server = createServer();
  const realtime = createSocketServer(http, { dev: false });
  w.deps.notifier = socketNotifier(realtime.io, { audienceCount: (callId) => w.deps.store.countAudience(callId), intervalMs: 50, clustered: false });
  serveRealtime(realtime, w.deps, secretsOf(w.env), { trustProxy: false, trustedOrigins: [] });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const clients: TestClient[] = [];
  const open = async (participantId: string) => {
    const { client, state } = await connect({ url }, w.deps.issueCredential(w.callId, participantId));
    clients.push(client);
    return { client, state };
  };
  cleanups.push(async () => {
    for (const c of clients) c.close();
    await new Promise((resolve) => realtime.io.close(resolve));
  });
  return { ...w, open };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe("serveRealtime with real clients", () => {
  it("sends call:state on connect and runs a command: the sender's ack and everyone's broadcast", async () => {
    const w = await realtimeWorld();
    const guest = await w.join();
    const host = await w.open(w.host.participantId);
    const other = await w.open(guest.participantId);
    expect(host.state.self.id).toBe(w.host.participantId);
    const ack = await other.client.emit("chat:send", { clientId: "c1", body: "  hello  " });
    expect(ack).toMatchObject({ ok: true, duplicate: false, message: { body: "hello" } });
    expect((await host.client.waitFor("chat:message")).body).toBe("hello");
  });

  it("validates every payload with the command's schema and answers errors in the API's shape", async () => {
    const w = await realtimeWorld();
    const { client } = await w.open(w.host.participantId);
    expect(await client.emit("role:set", { participantId: "x".repeat(65), role: "speaker" })).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    expect(await client.emit("role:set", { participantId: "p", role: "speaker" })).toMatchObject({ ok: false, error: { code: "PARTICIPANT_NOT_FOUND" } });
    expect(await client.emit("audio:token", { participantId: "someone-else" })).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    expect(await client.emit("call:lock", { locked: "yes" })).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
  });

  it("the server decides permissions: a chatter's moderation is refused with the rule's sentence", async () => {
    const w = await realtimeWorld();
    const guest = await w.join();
    const { client } = await w.open(guest.participantId);
    expect(await client.emit("participants:mute-all", {})).toEqual({
      ok: false,
      error: { code: "FORBIDDEN", message: "You are a chatter; only admins can do that." },
    });
  });

  it("hand:invite defaults to speaker; the promotion reaches everyone and the audio token follows the new role", async () => {
    const w = await realtimeWorld();
    const guest = await w.join();
    await setHandRaised(w.deps, guest, true);
    const host = await w.open(w.host.participantId);
    const invited = await w.open(guest.participantId);
    expect(await host.client.emit("hand:invite", { participantId: guest.participantId })).toMatchObject({
      ok: true,
      participant: { role: "speaker", handRaised: false },
    });
    expect((await invited.client.waitFor("notice")).code).toBe("HAND_ACCEPTED");
    expect((await host.client.waitFor("participant:updated", (p) => p.id === guest.participantId)).role).toBe("speaker");
    expect(await invited.client.emit("audio:token", {})).toEqual({
      ok: true,
      livekit: { url: "ws://127.0.0.1:7880", token: `token:${w.callId}:${guest.participantId}:speaker` },
    });
  });

  it("an empty result acks { ok: true } alone, and call:end closes everyone's call", async () => {
    const w = await realtimeWorld();
    const guest = await w.join();
    const host = await w.open(w.host.participantId);
    const other = await w.open(guest.participantId);
    expect(await host.client.emit("hands:lower-all", {})).toEqual({ ok: true });
    // The server closes every connection of an ended call, the caller's too, so its ack may never come.
    host.client.emit("call:end", {}).catch(() => undefined);
    expect(await other.client.waitFor("call:ended")).toEqual({ callId: w.callId, endedBy: expect.any(String), endedAt: expect.any(String) });
  });
});
