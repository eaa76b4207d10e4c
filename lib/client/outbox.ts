import { z } from "zod";
import { ClientIdSchema } from "../contracts/chat";
import type { MessageDto } from "../contracts/dto";
import type { Ack, ChatSend } from "../contracts/socket";
import { backoffDelay } from "./backoff";

/** A message the person typed that the server has not yet confirmed as stored. */
export interface PendingMessage {
  /** Chosen when it was typed and reused for every attempt: the server stores it once. */
  clientId: string;
  body: string;
  createdAt: string;
  /** An attempt is waiting for its ack. */
  sending: boolean;
  /** Why it is still waiting, when the server said so (e.g. sending too fast). */
  note: string | null;
}

export type ChatAck = Ack<{ message: MessageDto; duplicate: boolean }>;
export type ChatRejection = { code: string; message: string };

/** The part of a socket.io client socket the outbox uses. */
export interface ChatSocket {
  readonly connected: boolean;
  timeout(ms: number): {
    emit(event: "chat:send", payload: ChatSend, ack: (err: Error | null, res: ChatAck) => void): void;
  };
}

export type OutboxStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export interface OutboxOptions {
  socket: ChatSocket;
  /** sessionStorage in the browser, so a reload keeps what was typed; null when unavailable. */
  storage: OutboxStorage | null;
  storageKey: string;
  onChange(pending: PendingMessage[]): void;
  /** The server confirmed a message as stored (possibly as a duplicate of an earlier attempt). */
  onStored(message: MessageDto): void;
  /** The server refused a message for good; it has left the outbox. */
  onRejected(body: string, error: ChatRejection): void;
  ackTimeoutMs?: number;
  newClientId?: () => string;
  now?: () => Date;
}

const ACK_TIMEOUT_MS = 10_000;
/** Worth another try with the same clientId; every other refusal is final. */
const RETRYABLE = new Set(["RATE_LIMITED", "INTERNAL"]);

const StoredSchema = z.array(z.object({ clientId: ClientIdSchema, body: z.string(), createdAt: z.string() }));

/**
 * Holds typed chat messages until the server acknowledges them as stored,
 * sending one at a time, in order, and only while connected (socket.io's own
 * buffer would replay stale emits after a reconnect without our retry rules).
 */
export class Outbox {
  private entries: PendingMessage[];
  private inFlight: string | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private disposed = false;

  constructor(private readonly opts: OutboxOptions) {
    this.entries = this.load();
  }

  get pending(): PendingMessage[] {
    return this.entries;
  }

  /** Queues a message and sends it if it can. Returns null for a body that is blank. */
  add(body: string): PendingMessage | null {
    if (body.trim() === "") return null;
    const entry: PendingMessage = {
      clientId: (this.opts.newClientId ?? newClientId)(),
      body,
      createdAt: (this.opts.now?.() ?? new Date()).toISOString(),
      sending: false,
      note: null,
    };
    this.entries = [...this.entries, entry];
    this.changed();
    this.flush();
    return entry;
  }

  /** Sends the oldest waiting message; call it whenever the socket (re)connects. */
  flush(): void {
    const head = this.entries[0];
    if (this.disposed || !head || this.inFlight || this.retryTimer || !this.opts.socket.connected) return;
    this.inFlight = head.clientId;
    this.patch(head.clientId, { sending: true });
    this.opts.socket
      .timeout(this.opts.ackTimeoutMs ?? ACK_TIMEOUT_MS)
      .emit("chat:send", { clientId: head.clientId, body: head.body }, (err, res) => this.settle(head, err, res));
  }

  dispose(): void {
    this.disposed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private settle(entry: PendingMessage, err: Error | null, res: ChatAck | undefined): void {
    this.inFlight = null;
    if (this.disposed) return;
    if (err || !res) {
      // No answer (timeout or disconnect): it may or may not be stored; the same clientId makes a resend safe.
      this.patch(entry.clientId, { sending: false });
      this.failures++;
      if (this.opts.socket.connected) this.retryAfter(backoffDelay(this.failures));
      return;
    }
    if (res.ok) {
      this.failures = 0;
      this.remove(entry.clientId);
      this.opts.onStored(res.message);
      this.flush();
      return;
    }
    if (RETRYABLE.has(res.error.code)) {
      this.failures++;
      this.patch(entry.clientId, { sending: false, note: res.error.message });
      this.retryAfter(res.error.retryAfterMs ?? backoffDelay(this.failures));
      return;
    }
    this.remove(entry.clientId);
    this.opts.onRejected(entry.body, { code: res.error.code, message: res.error.message });
    this.flush();
  }

  private retryAfter(ms: number): void {
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.flush();
    }, ms);
  }

  private patch(clientId: string, change: Partial<PendingMessage>): void {
    this.entries = this.entries.map((e) => (e.clientId === clientId ? { ...e, ...change } : e));
    this.changed();
  }

  private remove(clientId: string): void {
    this.entries = this.entries.filter((e) => e.clientId !== clientId);
    this.changed();
  }

  private changed(): void {
    this.save();
    this.opts.onChange(this.entries);
  }

  private load(): PendingMessage[] {
    try {
      const raw = this.opts.storage?.getItem(this.opts.storageKey);
      const parsed = StoredSchema.safeParse(raw ? JSON.parse(raw) : []);
      return parsed.success ? parsed.data.map((e) => ({ ...e, sending: false, note: null })) : [];
    } catch {
      return [];
    }
  }

  private save(): void {
    const { storage, storageKey } = this.opts;
    try {
      if (this.entries.length === 0) storage?.removeItem(storageKey);
      else storage?.setItem(storageKey, JSON.stringify(this.entries.map(({ clientId, body, createdAt }) => ({ clientId, body, createdAt }))));
    } catch {
      // Storage full or blocked: the outbox still works for this page's lifetime.
    }
  }
}

export const outboxStorageKey = (callId: string) => `earshot:outbox:${callId}`;

/** crypto.randomUUID exists only in secure contexts; a self-hosted server on plain http over a LAN is not one. */
function newClientId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
