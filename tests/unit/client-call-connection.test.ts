import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CallConnection, type CallSocket, type ConnectionState } from "@/lib/client/call-connection";
import type { RoomEvent } from "@/lib/client/call-state";
import { callState, message, participant } from "../support/client-fixtures";

type Handler = (...args: unknown[]) => void;

/** Plays the server's side of a socket.io client socket. */
class FakeSocket {
  connected = false;
  recovered = false;
  active = true;
  connectCalls = 0;
  disconnectCalls = 0;
  emits: { event: string; payload: unknown; ack: Handler }[] = [];
  private handlers = new Map<string, Handler[]>();

  on(event: string, fn: Handler) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), fn]);
    return this;
  }
  fire(event: string, ...args: unknown[]) {
    for (const fn of this.handlers.get(event) ?? []) fn(...args);
  }
  connect() {
    this.connectCalls++;
    return this;
  }
  disconnect() {
    this.disconnectCalls++;
    this.connected = false;
    this.active = false;
    return this;
  }
  timeout() {
    return { emit: (event: string, payload: unknown, ack: Handler) => void this.emits.push({ event, payload, ack }) };
  }
  /** The handshake succeeded. */
  open() {
    this.connected = true;
    this.fire("connect");
  }
  lose(reason: string) {
    this.connected = false;
    this.active = reason !== "io server disconnect";
    this.fire("disconnect", reason);
  }
  refuse(code: string, message?: string, { final = true } = {}) {
    this.active = !final;
    this.fire("connect_error", Object.assign(new Error(code), message ? { data: { code, message } } : {}));
  }
}

function setup(online = true) {
  const socket = new FakeSocket();
  const events: RoomEvent[] = [];
  const states: ConnectionState[] = [];
  const connection = new CallConnection({
    callId: "banana-hello-helicopter",
    socket: socket as unknown as CallSocket,
    storage: null,
    onEvent: (e) => events.push(e),
    onStatus: (s) => states.push(s),
    onChatRejected: () => undefined,
    isOnline: () => online,
  });
  const status = () => connection.connectionState.status;
  return { socket, events, states, connection, status };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("call connection", () => {
  it("starts connecting, becomes connected, and passes server events on", () => {
    const { socket, events, status } = setup();
    expect(status()).toBe("connecting");
    socket.open();
    expect(status()).toBe("connected");
    socket.fire("call:state", callState());
    socket.fire("participant:left", { participantId: "host" });
    expect(events.map((e) => e.type)).toEqual(["call:state", "participant:left"]);
  });

  it("applies events that beat a connection's call:state after it, in order, on every (re)connect", () => {
    const { socket, events } = setup();
    const types = () => events.map((e) => e.type);
    socket.open();
    socket.fire("chat:message", message(51));
    socket.fire("participant:updated", participant("guest", { role: "speaker" }));
    expect(events).toEqual([]);
    socket.fire("call:state", callState());
    expect(types()).toEqual(["call:state", "chat:message", "participant:updated"]);

    socket.lose("transport close");
    socket.open();
    socket.fire("participant:left", { participantId: "guest" });
    expect(types()).toHaveLength(3);
    socket.fire("call:state", callState());
    socket.fire("chat:message", message(52));
    expect(types().slice(3)).toEqual(["call:state", "participant:left", "chat:message"]);
  });

  it("applies events at once on a recovered connection, which gets what it missed instead of a call:state", () => {
    const { socket, events } = setup();
    socket.open();
    socket.fire("call:state", callState());
    socket.lose("transport close");
    socket.recovered = true;
    socket.open();
    socket.fire("chat:message", message(52));
    expect(events.map((e) => e.type)).toEqual(["call:state", "chat:message"]);
  });

  it("shows reconnecting after a dropped transport, or offline when the browser has no network", () => {
    const a = setup(true);
    a.socket.open();
    a.socket.lose("transport close");
    expect(a.status()).toBe("reconnecting");

    const b = setup(false);
    b.socket.open();
    b.socket.lose("ping timeout");
    expect(b.status()).toBe("offline");
  });

  it("sends chat typed while disconnected once the socket is back", () => {
    const { socket, connection } = setup();
    connection.sendChat("typed offline");
    expect(socket.emits).toHaveLength(0);
    socket.open();
    expect(socket.emits.map((e) => [e.event, (e.payload as { body: string }).body])).toEqual([["chat:send", "typed offline"]]);
  });

  it("treats a CALL_ENDED handshake refusal as the call's end", () => {
    const { socket, events, connection } = setup();
    socket.refuse("CALL_ENDED", "This call has ended; its history is read-only.");
    expect(events.map((e) => e.type)).toEqual(["call:ended"]);
    expect(connection.connectionState).toMatchObject({ status: "closed", code: "CALL_ENDED" });
    expect(socket.disconnectCalls).toBe(1);
  });

  for (const code of ["INVALID_CREDENTIAL", "WRONG_CALL", "PARTICIPANT_NOT_FOUND"]) {
    it(`stops for good on a ${code} handshake refusal and says why`, () => {
      const { socket, connection, status } = setup();
      socket.refuse(code, `server says ${code}`);
      expect(status()).toBe("closed");
      expect(connection.connectionState).toMatchObject({ reason: `server says ${code}`, code });
      expect(socket.disconnectCalls).toBe(1);
      vi.advanceTimersByTime(60_000);
      expect(socket.connectCalls).toBe(0);
    });
  }

  it("retries a refused handshake that is not final itself, since socket.io does not", () => {
    const { socket, status } = setup();
    socket.refuse("INTERNAL", "Something went wrong on our side; please try again.");
    expect(status()).toBe("reconnecting");
    vi.advanceTimersByTime(5_000);
    expect(socket.connectCalls).toBe(1);
  });

  it("leaves transport failures to socket.io's own reconnection", () => {
    const { socket, status } = setup();
    socket.refuse("xhr poll error", undefined, { final: false });
    expect(status()).toBe("reconnecting");
    vi.advanceTimersByTime(60_000);
    expect(socket.connectCalls).toBe(0);
  });

  it("closes with 'call ended' when the call ends", () => {
    const { socket, events, connection } = setup();
    socket.open();
    socket.fire("call:ended", { callId: "banana-hello-helicopter" });
    socket.lose("io server disconnect");
    expect(events.map((e) => e.type)).toContain("call:ended");
    expect(connection.connectionState).toMatchObject({ status: "closed", code: "CALL_ENDED" });
  });

  it("says who removed you when an admin did", () => {
    const { socket, connection } = setup();
    socket.open();
    socket.fire("notice", { code: "REMOVED", message: "pleb-host (admin) removed you from this call." });
    socket.lose("io server disconnect");
    expect(connection.connectionState).toMatchObject({ status: "closed", code: "REMOVED", reason: "pleb-host (admin) removed you from this call." });
  });

  it("passes notices (but not a removal), call updates and moderation entries on as room events", () => {
    const { socket, events } = setup();
    socket.open();
    socket.fire("call:state", callState());
    events.length = 0;
    socket.fire("notice", { code: "HAND_ACCEPTED", message: "pleb-host (admin) accepted your raised hand: you can speak now." });
    socket.fire("notice", { code: "REMOVED", message: "pleb-host (admin) removed you from this call." });
    socket.fire("call:updated", callState().call);
    socket.fire("moderation:entry", { id: "1" });
    expect(events.map((e) => e.type)).toEqual(["notice", "call:updated", "moderation:entry"]);
  });

  it("sends any admin action with an ack and reports success or the refusal", async () => {
    const { socket, connection } = setup();
    socket.open();
    const invited = connection.act("hand:invite", { participantId: "p2", as: "chatter" });
    const locked = connection.act("call:lock", { locked: true });
    expect(socket.emits.map((e) => [e.event, e.payload])).toEqual([
      ["hand:invite", { participantId: "p2", as: "chatter" }],
      ["call:lock", { locked: true }],
    ]);
    socket.emits[0]!.ack(null, { ok: true, participant: {} });
    socket.emits[1]!.ack(null, { ok: false, error: { code: "FORBIDDEN", message: "You are a speaker; only admins can do that." } });
    await expect(invited).resolves.toEqual({ ok: true });
    await expect(locked).resolves.toEqual({ ok: false, message: "You are a speaker; only admins can do that." });
  });

  it("closes, not reconnects, when the server hangs up for another reason", () => {
    const { socket, status } = setup();
    socket.open();
    socket.lose("io server disconnect");
    expect(status()).toBe("closed");
  });

  it("answers role:set with the server's refusal sentence", async () => {
    const { socket, connection } = setup();
    socket.open();
    const result = connection.setRole("p2", "chatter");
    const emit = socket.emits.find((e) => e.event === "role:set")!;
    expect(emit.payload).toEqual({ participantId: "p2", role: "chatter" });
    emit.ack(null, { ok: false, error: { code: "HOST_PROTECTED", message: "The host's role can only be changed by the host." } });
    await expect(result).resolves.toEqual({ ok: false, message: "The host's role can only be changed by the host." });
  });

  it("refuses role:set at once while disconnected", async () => {
    const { connection, socket } = setup();
    await expect(connection.setRole("p2", "chatter")).resolves.toMatchObject({ ok: false });
    expect(socket.emits).toHaveLength(0);
  });

  it("asks for a fresh audio token over the socket and hands back the server's", async () => {
    const { socket, connection } = setup();
    socket.open();
    const access = connection.audioAccess();
    expect(socket.emits.map((e) => [e.event, e.payload])).toEqual([["audio:token", {}]]);
    socket.emits[0]!.ack(null, { ok: true, livekit: { url: "ws://media", token: "ey.fresh" } });
    await expect(access).resolves.toEqual({ url: "ws://media", token: "ey.fresh" });
  });

  it("fails an audio token request that cannot be answered, so the audio client retries later", async () => {
    const { socket, connection } = setup();
    // Not connected: nothing is sent.
    await expect(connection.audioAccess()).rejects.toThrow(/not connected/);
    expect(socket.emits).toHaveLength(0);
    socket.open();
    const ended = connection.audioAccess();
    socket.emits[0]!.ack(null, { ok: false, error: { code: "CALL_ENDED", message: "This call has ended; its history is read-only." } });
    await expect(ended).rejects.toThrow("This call has ended; its history is read-only.");
    const late = connection.audioAccess();
    socket.emits[1]!.ack(new Error("operation has timed out"), undefined);
    await expect(late).rejects.toThrow(/did not answer in time/);
  });
});
