/**
 * The benchmark's Socket.IO clients (socket.io-client, websocket transport,
 * no reconnection so a failure ends the run instead of retrying forever) and
 * the delivery recorder every receiver reports into.
 */
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../lib/contracts/socket";

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Connects and resolves once the server's `call:state` arrives. */
export function connectClient(url: string, auth: Record<string, string>, timeoutMs = 20_000): Promise<ClientSocket> {
  const socket: ClientSocket = io(url, {
    auth,
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    timeout: timeoutMs,
  });
  return new Promise((resolve, reject) => {
    const fail = (e: Error) => {
      clearTimeout(timer);
      socket.close();
      reject(e);
    };
    const timer = setTimeout(() => fail(new Error(`no call:state within ${timeoutMs} ms`)), timeoutMs);
    socket.once("call:state", () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once("connect_error", (e) => fail(new Error(`connect_error: ${e.message}`)));
  });
}

/** Connects all, `concurrency` handshakes at a time; on any failure closes what opened and throws. */
export async function connectAll(url: string, auths: Record<string, string>[], concurrency = 16): Promise<ClientSocket[]> {
  const sockets: (ClientSocket | undefined)[] = new Array(auths.length);
  let next = 0;
  let failure: Error | null = null;
  const worker = async () => {
    while (next < auths.length && !failure) {
      const i = next++;
      try {
        sockets[i] = await connectClient(url, auths[i]!);
      } catch (e) {
        failure ??= new Error(`client ${i}: ${(e as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, auths.length) }, worker));
  if (failure) {
    for (const s of sockets) s?.close();
    throw failure;
  }
  return sockets as ClientSocket[];
}

/**
 * Message bodies carry `<tag>:<seq>:<sendTimeMs>:` then padding, so a receiver
 * can compute its latency with no lookup (sender and receivers share this
 * process's monotonic clock, performance.now()).
 */
export function messageBody(tag: string, seq: number, sentAt: number, bytes: number): string {
  return `${tag}:${seq}:${sentAt.toFixed(3)}:`.padEnd(bytes, "x");
}

/**
 * What every receiver got during the current phase: one latency sample per
 * (message, receiver) pair, deduplicated. Messages of another phase are strays.
 */
export class DeliveryRecorder {
  tag = "";
  capacity = 0;
  count = 0;
  duplicates = 0;
  strays = 0;
  private seen = new Uint8Array(0);
  latencies = new Float64Array(0);

  constructor(readonly receivers: number) {}

  /** Starts a phase whose sequence numbers are 0..capacity-1. */
  start(tag: string, capacity: number): void {
    this.tag = tag;
    this.capacity = capacity;
    this.count = 0;
    this.duplicates = 0;
    this.strays = 0;
    this.seen = new Uint8Array(this.receivers * capacity);
    this.latencies = new Float64Array(this.receivers * capacity);
  }

  onMessage(receiver: number, body: string, now: number): void {
    const a = body.indexOf(":");
    const b = body.indexOf(":", a + 1);
    const c = body.indexOf(":", b + 1);
    if (a < 0 || b < 0 || c < 0 || body.slice(0, a) !== this.tag) {
      this.strays++;
      return;
    }
    const seq = Number(body.slice(a + 1, b));
    if (!(seq >= 0 && seq < this.capacity)) {
      this.strays++;
      return;
    }
    const k = receiver * this.capacity + seq;
    if (this.seen[k]) {
      this.duplicates++;
      return;
    }
    this.seen[k] = 1;
    this.latencies[this.count++] = now - Number(body.slice(b + 1, c));
  }
}

/** Emits `chat:send` with an ack timeout; `done` gets ok=false on an error ack or a timeout. */
export function sendChat(socket: ClientSocket, clientId: string, body: string, ackTimeoutMs: number, done: (ok: boolean, error?: string) => void): void {
  socket.timeout(ackTimeoutMs).emit("chat:send", { clientId, body }, (err, res) => {
    if (err) done(false, "ACK_TIMEOUT");
    else if (!res.ok) done(false, res.error.code);
    else done(true);
  });
}

/** Polls `cond` every `everyMs` until it holds or `timeoutMs` passes; resolves whether it held. */
export async function waitFor(cond: () => boolean, timeoutMs: number, everyMs = 20): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!cond()) {
    if (performance.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return true;
}
