import { io, type Socket } from "socket.io-client";
import type { ParticipantDto } from "@/lib/contracts/dto";
import type { Ack, CallState, ClientToServerEvents, ServerToClientEvents } from "@/lib/contracts/socket";
import type { TestServer } from "./server";

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type EventName = keyof ServerToClientEvents;
type Payload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

/** A real socket.io client that records every event it receives, for asserting broadcasts. */
export class TestClient {
  readonly events: { name: EventName; payload: unknown; at: number }[] = [];
  private waiters: { name: EventName; match: (p: any) => boolean; resolve: (p: any) => void }[] = [];

  constructor(readonly socket: ClientSocket) {
    socket.onAny((name: EventName, payload: unknown) => {
      this.events.push({ name, payload, at: performance.now() });
      this.waiters = this.waiters.filter((w) => {
        if (w.name !== name || !w.match(payload)) return true;
        w.resolve(payload);
        return false;
      });
    });
  }

  /** Resolves with the first event (already received or future) that matches. */
  waitFor<E extends EventName>(name: E, match: (p: Payload<E>) => boolean = () => true, timeoutMs = 5000): Promise<Payload<E>> {
    const seen = this.events.find((e) => e.name === name && match(e.payload as Payload<E>));
    if (seen) return Promise.resolve(seen.payload as Payload<E>);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${name}`)), timeoutMs);
      this.waiters.push({ name, match, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  /**
   * An admin's coalesced audience news: resolves with the first batch holding a matching join
   * ("updated" also matches a join: a join and an update in one window arrive as the join) or, for "left", the id.
   */
  waitForAudience(kind: "joined" | "updated", match: (p: ParticipantDto) => boolean, timeoutMs?: number): Promise<Payload<"audience:changes">>;
  waitForAudience(kind: "left", participantId: string, timeoutMs?: number): Promise<Payload<"audience:changes">>;
  waitForAudience(kind: "joined" | "updated" | "left", match: ((p: ParticipantDto) => boolean) | string, timeoutMs = 5000) {
    return this.waitFor(
      "audience:changes",
      (ch) => (typeof match === "string" ? ch.left.includes(match) : (kind === "joined" ? ch.joined : [...ch.joined, ...ch.updated]).some(match)),
      timeoutMs,
    );
  }

  received<E extends EventName>(name: E): Payload<E>[] {
    return this.events.filter((e) => e.name === name).map((e) => e.payload as Payload<E>);
  }

  /** Milliseconds between consecutive arrivals of an event (for rate limits such as one count a second). */
  gaps(name: EventName): number[] {
    const at = this.events.filter((e) => e.name === name).map((e) => e.at);
    return at.slice(1).map((t, i) => t - at[i]!);
  }

  emit<E extends keyof ClientToServerEvents>(name: E, payload: unknown): Promise<Ack<any>> {
    return (this.socket.timeout(5000) as any).emitWithAck(name, payload);
  }

  close() {
    this.socket.close();
  }
}

/** Connects with a credential and waits for the first call:state. */
export async function connect(server: Pick<TestServer, "url">, credential: string): Promise<{ client: TestClient; state: CallState }> {
  const socket: ClientSocket = io(server.url, {
    auth: { credential },
    transports: ["websocket"],
    reconnection: true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
  });
  const client = new TestClient(socket);
  const state = await client.waitFor("call:state");
  return { client, state };
}

/** Attempts a connection expected to be refused; resolves with the connect_error message (the error code). */
export function connectError(server: TestServer, auth: Record<string, unknown>, extra: { headers?: Record<string, string> } = {}): Promise<string> {
  const socket = io(server.url, { auth, transports: ["websocket"], reconnection: false, extraHeaders: extra.headers });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (socket.close(), reject(new Error("no connect_error"))), 5000);
    socket.on("connect", () => (clearTimeout(timer), socket.close(), reject(new Error("connection was accepted"))));
    socket.on("connect_error", (err) => (clearTimeout(timer), socket.close(), resolve(err.message)));
  });
}

/** The sockets a test file opens (each waits for its call:state), closed together when the file is done. */
export function socketPool(server: () => Pick<TestServer, "url">) {
  const clients: TestClient[] = [];
  return {
    async open(credential: string): Promise<{ client: TestClient; state: CallState }> {
      const opened = await connect(server(), credential);
      clients.push(opened.client);
      return opened;
    },
    closeAll: () => clients.forEach((c) => c.close()),
  };
}
