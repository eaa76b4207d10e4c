import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Outbox, outboxStorageKey, type ChatAck, type ChatRejection, type ChatSocket, type PendingMessage } from "@/lib/client/outbox";
import type { MessageDto } from "@/lib/contracts/dto";
import type { ChatSend } from "@/lib/contracts/socket";
import { message } from "../support/client-fixtures";

/** A socket.io socket reduced to what the outbox touches: tests answer each emit by hand. */
class FakeSocket implements ChatSocket {
  connected = true;
  sent: { payload: ChatSend; timeoutMs: number; answer: (err: Error | null, res?: ChatAck) => void }[] = [];
  timeout(ms: number) {
    return {
      emit: (_event: "chat:send", payload: ChatSend, ack: (err: Error | null, res: ChatAck) => void) => {
        this.sent.push({ payload, timeoutMs: ms, answer: (err, res) => ack(err, res as ChatAck) });
      },
    };
  }
  /** Answers the oldest unanswered emit. */
  reply(err: Error | null, res?: ChatAck) {
    const next = this.sent.shift();
    if (!next) throw new Error("nothing was sent");
    next.answer(err, res);
  }
}

class MemoryStorage {
  data = new Map<string, string>();
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => void this.data.set(k, v);
  removeItem = (k: string) => void this.data.delete(k);
}

const stored = (clientId: string, body: string, id = 1): ChatAck => ({
  ok: true,
  message: message(id, { clientId, body, senderId: "me" }),
  duplicate: false,
});
const refused = (code: string, msg: string, retryAfterMs?: number) =>
  ({ ok: false, error: { code, message: msg, ...(retryAfterMs ? { retryAfterMs } : {}) } }) as ChatAck;

function setup(opts: { storage?: MemoryStorage; connected?: boolean } = {}) {
  const socket = new FakeSocket();
  socket.connected = opts.connected ?? true;
  const storage = opts.storage ?? new MemoryStorage();
  const changes: PendingMessage[][] = [];
  const storedMessages: MessageDto[] = [];
  const rejections: { body: string; error: ChatRejection }[] = [];
  let n = 0;
  const outbox = new Outbox({
    socket,
    storage,
    storageKey: outboxStorageKey("banana-hello-helicopter"),
    onChange: (p) => changes.push(p),
    onStored: (m) => storedMessages.push(m),
    onRejected: (body, error) => rejections.push({ body, error }),
    newClientId: () => `client-${++n}`,
  });
  return { socket, storage, outbox, changes, storedMessages, rejections };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("outbox", () => {
  it("sends at once while connected, with an ack timeout, and drops the message on ok", () => {
    const { socket, outbox, storedMessages } = setup();
    outbox.add("hello");
    expect(socket.sent).toHaveLength(1);
    expect(socket.sent[0]!.payload).toEqual({ clientId: "client-1", body: "hello" });
    expect(socket.sent[0]!.timeoutMs).toBeGreaterThan(0);
    expect(outbox.pending[0]!.sending).toBe(true);
    socket.reply(null, stored("client-1", "hello"));
    expect(outbox.pending).toEqual([]);
    expect(storedMessages.map((m) => m.clientId)).toEqual(["client-1"]);
  });

  it("ignores a blank message", () => {
    const { socket, outbox } = setup();
    expect(outbox.add("   \n ")).toBeNull();
    expect(socket.sent).toHaveLength(0);
  });

  it("holds messages typed while offline, each with its own clientId, and sends them in order on reconnect", () => {
    const { socket, outbox } = setup({ connected: false });
    outbox.add("one");
    outbox.add("two");
    expect(socket.sent).toHaveLength(0);
    expect(outbox.pending.map((p) => [p.clientId, p.sending])).toEqual([
      ["client-1", false],
      ["client-2", false],
    ]);

    socket.connected = true;
    outbox.flush();
    expect(socket.sent.map((s) => s.payload.clientId)).toEqual(["client-1"]); // one at a time keeps the order
    socket.reply(null, stored("client-1", "one", 1));
    expect(socket.sent.map((s) => s.payload.clientId)).toEqual(["client-2"]);
    socket.reply(null, stored("client-2", "two", 2));
    expect(outbox.pending).toEqual([]);
  });

  it("keeps a message whose ack timed out and resends it with the SAME clientId", () => {
    const { socket, outbox } = setup();
    outbox.add("are you there");
    socket.reply(new Error("operation has timed out"));
    expect(outbox.pending).toHaveLength(1);
    expect(outbox.pending[0]!.sending).toBe(false);

    vi.advanceTimersByTime(10_000);
    expect(socket.sent).toHaveLength(1);
    expect(socket.sent[0]!.payload.clientId).toBe("client-1");
    // The first attempt had been stored after all: the server acks the original as a duplicate.
    socket.reply(null, { ...stored("client-1", "are you there"), duplicate: true } as ChatAck);
    expect(outbox.pending).toEqual([]);
  });

  it("waits for the reconnect, not a timer, when the attempt died with the connection", () => {
    const { socket, outbox } = setup();
    outbox.add("hi");
    socket.connected = false;
    socket.reply(new Error("socket has been disconnected"));
    vi.advanceTimersByTime(60_000);
    expect(socket.sent).toHaveLength(0);
    socket.connected = true;
    outbox.flush();
    expect(socket.sent[0]!.payload.clientId).toBe("client-1");
  });

  it("never sends while disconnected, even when asked to", () => {
    const { socket, outbox } = setup({ connected: false });
    outbox.add("hi");
    outbox.flush();
    vi.advanceTimersByTime(60_000);
    expect(socket.sent).toHaveLength(0);
  });

  it("on RATE_LIMITED keeps the message, shows why, and retries after retryAfterMs with the same clientId", () => {
    const { socket, outbox, rejections } = setup();
    outbox.add("spam");
    socket.reply(null, refused("RATE_LIMITED", "You are sending messages too fast; wait a moment.", 1500));
    expect(rejections).toEqual([]);
    expect(outbox.pending[0]!.note).toBe("You are sending messages too fast; wait a moment.");
    vi.advanceTimersByTime(1499);
    expect(socket.sent).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(socket.sent[0]!.payload.clientId).toBe("client-1");
  });

  it("drops a message the server refuses for good and reports why, then sends the next", () => {
    const { socket, outbox, rejections } = setup({ connected: false });
    outbox.add("first");
    outbox.add("second");
    socket.connected = true;
    outbox.flush();
    socket.reply(null, refused("FORBIDDEN", "You are a listener; only chatters, speakers and admins can do that."));
    expect(rejections).toEqual([
      { body: "first", error: { code: "FORBIDDEN", message: "You are a listener; only chatters, speakers and admins can do that." } },
    ]);
    expect(outbox.pending.map((p) => p.body)).toEqual(["second"]);
    expect(socket.sent[0]!.payload.body).toBe("second");
  });

  it("treats INVALID_INPUT as final", () => {
    const { socket, outbox, rejections } = setup();
    outbox.add("x".repeat(3000));
    socket.reply(null, refused("INVALID_INPUT", "body: a message can be at most 2000 characters"));
    expect(outbox.pending).toEqual([]);
    expect(rejections[0]!.error.code).toBe("INVALID_INPUT");
  });

  it("keeps typed-but-unsent messages in storage so a reload resends them with the same clientId", () => {
    const storage = new MemoryStorage();
    const first = setup({ storage, connected: false });
    first.outbox.add("survives a reload");
    expect(storage.data.size).toBe(1);
    first.outbox.dispose();

    const second = setup({ storage, connected: true });
    expect(second.outbox.pending.map((p) => [p.clientId, p.body, p.sending])).toEqual([["client-1", "survives a reload", false]]);
    second.outbox.flush();
    expect(second.socket.sent[0]!.payload).toEqual({ clientId: "client-1", body: "survives a reload" });
    second.socket.reply(null, stored("client-1", "survives a reload"));
    expect(storage.data.size).toBe(0);
  });

  it("ignores storage it cannot read", () => {
    const storage = new MemoryStorage();
    storage.setItem(outboxStorageKey("banana-hello-helicopter"), "{not json");
    expect(setup({ storage }).outbox.pending).toEqual([]);
  });

  it("after dispose, late acks and timers do nothing", () => {
    const { socket, outbox, storedMessages } = setup();
    outbox.add("hi");
    outbox.dispose();
    socket.reply(null, stored("client-1", "hi"));
    expect(storedMessages).toEqual([]);
  });
});
