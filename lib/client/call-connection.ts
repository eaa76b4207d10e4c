import { io, type Socket } from "socket.io-client";
import type { Role } from "../contracts/roles";
import type { LiveKitAccess } from "../contracts/dto";
import type { ReactionBurst } from "../contracts/reactions";
import type { AckFn, CallEnded, ClientToServerEvents, ServerToClientEvents } from "../contracts/socket";
import { backoffDelay } from "./backoff";
import type { RoomEvent } from "./call-state";
import { type ChatRejection, Outbox, type OutboxStorage, outboxStorageKey } from "./outbox";

export type ConnectionStatus = "connecting" | "connected" | "reconnecting" | "offline" | "closed";

export interface ConnectionState {
  status: ConnectionStatus;
  /** For "closed": why, as a sentence. */
  reason: string | null;
  /** The error code behind a "closed", when there is one. */
  code: string | null;
}

export type ActionResult = { ok: true } | { ok: false; message: string };

/** A client event that carries a payload and an ack (all of them do). */
export type ActionEvent = keyof ClientToServerEvents;
export type ActionPayload<E extends ActionEvent> = Parameters<ClientToServerEvents[E]>[0];
/** The ack an event's server handler answers with. */
type AckOf<E extends ActionEvent> = Parameters<ClientToServerEvents[E]>[1] extends AckFn<infer T> ? Parameters<AckFn<T>>[0] : never;
/** An event that got no answer: the socket was down, or the server did not answer in time. */
type Unanswered = { ok: false; error: { code: "NOT_CONNECTED" | "TIMEOUT"; message: string } };
const unanswered = (code: Unanswered["error"]["code"], message: string): Unanswered => ({ ok: false, error: { code, message } });
/** What components get to send actions with: props in, callbacks out. */
export type Act = <E extends ActionEvent>(event: E, payload: ActionPayload<E>) => Promise<ActionResult>;

/** The socket.io client surface CallConnection uses; tests pass a fake. */
export type CallSocket = Pick<Socket<ServerToClientEvents, ClientToServerEvents>, "on" | "connect" | "disconnect" | "connected" | "active" | "recovered"> & {
  /** Every command of the table, with its payload and its ack typed by its name (or the timeout's error). */
  timeout(ms: number): { emit<E extends ActionEvent>(event: E, payload: ActionPayload<E>, ack: (err: Error | null, res: AckOf<E>) => void): void };
};

/** A refused handshake with one of these codes will not succeed by retrying. */
const FINAL_CONNECT_ERRORS: Record<string, string> = {
  CALL_NOT_FOUND: "This call does not exist.",
  INVALID_CREDENTIAL: "Your pass for this call is no longer valid; join the call again.",
  WRONG_CALL: "Your pass is for a different call; join this call again.",
  PARTICIPANT_NOT_FOUND: "This call no longer knows you; join it again.",
  REMOVED: "An admin removed you from this call. You can join it again with its link.",
  BANNED: "An admin banned you from this call. You cannot join it again.",
  UNAUTHENTICATED: "Join the call first.",
  INVALID_INPUT: "This page sent a malformed connection request; reload it.",
};

const ACTION_TIMEOUT_MS = 8000;

export interface CallConnectionOptions {
  callId: string;
  socket: CallSocket;
  storage: OutboxStorage | null;
  onEvent(event: RoomEvent): void;
  onStatus(state: ConnectionState): void;
  onChatRejected(body: string, error: ChatRejection): void;
  /** The call's coalesced reactions, as they come (a moment on screen, not room state). */
  onReactions?(burst: ReactionBurst): void;
  /** navigator.onLine, read when the connection drops to tell "offline" from "reconnecting". */
  isOnline?: () => boolean;
}

/** Opens the browser's Socket.IO connection for a call, reconnecting with backoff on its own. */
export function openCallSocket(credential: string): CallSocket {
  return io({
    auth: { credential },
    reconnectionDelay: 1000,
    reconnectionDelayMax: 5000,
    randomizationFactor: 0.5,
  });
}

/**
 * One participant's live link to a call: turns socket events into RoomEvents
 * and a ConnectionState, owns the chat outbox, and retries refused handshakes
 * itself (socket.io does not) unless the refusal is final.
 */
export class CallConnection {
  private readonly outbox: Outbox;
  private readonly socket: CallSocket;
  private state: ConnectionState = { status: "connecting", reason: null, code: null };
  private ended = false;
  /** An admin's removal or ban notice arrives just before the server hangs up; it is the reason to show. */
  private removal: { message: string; code: "REMOVED" | "BANNED" } | null = null;
  private handshakeFailures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /**
   * Events that arrive on a new connection before its call:state: the server joins the socket
   * to the call before reading the snapshot, so these may be newer than it. Applied after it.
   */
  private beforeState: RoomEvent[] | null = null;

  constructor(private readonly opts: CallConnectionOptions) {
    const socket = opts.socket;
    this.socket = socket;
    this.outbox = new Outbox({
      socket,
      storage: opts.storage,
      storageKey: outboxStorageKey(opts.callId),
      onChange: (pending) => opts.onEvent({ type: "outbox", pending }),
      onStored: (message) => opts.onEvent({ type: "chat:message", message }),
      onRejected: opts.onChatRejected,
    });
    // Messages a reload left behind show at once, greyed, before the socket is even up.
    if (this.outbox.pending.length > 0) opts.onEvent({ type: "outbox", pending: this.outbox.pending });

    socket.on("connect", () => {
      this.handshakeFailures = 0;
      // A recovered connection (cluster mode: Socket.IO's connection state recovery) was sent what it
      // missed instead of a new call:state; everything else starts from a call:state.
      this.beforeState = socket.recovered ? null : [];
      this.setState({ status: "connected", reason: null, code: null });
      this.outbox.flush();
    });
    socket.on("disconnect", (reason) => this.onDisconnect(reason));
    socket.on("connect_error", (err) => this.onConnectError(err));

    socket.on("call:state", (state) => {
      const held = this.beforeState ?? [];
      this.beforeState = null;
      opts.onEvent({ type: "call:state", state });
      for (const event of held) opts.onEvent(event);
    });
    socket.on("chat:message", (message) => this.live({ type: "chat:message", message }));
    socket.on("participant:joined", (participant) => this.live({ type: "participant:joined", participant }));
    socket.on("participant:updated", (participant) => this.live({ type: "participant:updated", participant }));
    socket.on("participant:left", ({ participantId }) => this.live({ type: "participant:left", participantId }));
    socket.on("audience:count", (count) => this.live({ type: "audience:count", count }));
    socket.on("audience:changes", (changes) => this.live({ type: "audience:changes", changes }));
    socket.on("call:ended", (ended) => this.callEnded(ended));
    socket.on("call:updated", (call) => this.live({ type: "call:updated", call }));
    socket.on("reactions", (burst) => opts.onReactions?.(burst));
    // A removed message comes again, removed: merged by id, it replaces the original.
    socket.on("chat:removed", (message) => this.live({ type: "chat:message", message }));
    socket.on("moderation:entry", (entry) => this.live({ type: "moderation:entry", entry }));
    socket.on("notice", (notice) => {
      // A removal or ban is told by the final screen of the closed connection instead.
      if (notice.code === "REMOVED" || notice.code === "BANNED") this.removal = { message: notice.message, code: notice.code };
      else opts.onEvent({ type: "notice", notice });
    });
  }

  get connectionState(): ConnectionState {
    return this.state;
  }

  sendChat(body: string): void {
    this.outbox.add(body);
  }

  setRole(participantId: string, role: Role): Promise<ActionResult> {
    return this.act("role:set", { participantId, role });
  }

  /** Own microphone state, shown to everyone. */
  setMuted(muted: boolean): Promise<ActionResult> {
    return this.act("mute:set", { muted });
  }

  /** Sends one action over the socket; the result is the server's ack, its refusal sentence, or why there was none. */
  async act<E extends ActionEvent>(event: E, payload: ActionPayload<E>): Promise<ActionResult> {
    const res = await this.request(event, payload);
    return res.ok ? { ok: true } : { ok: false, message: res.error.message };
  }

  /**
   * A fresh media-server token for this participant (grants for the role held now), for the audio
   * client's retries. Throws when there is none to be had right now: not connected, no answer, or
   * refused (the call ended, you were removed); the caller retries later or stops.
   */
  async audioAccess(): Promise<LiveKitAccess | null> {
    const res = await this.request("audio:token", {});
    if (!res.ok) throw new Error(res.error.message);
    return res.livekit;
  }

  /** Sends one event and resolves with its ack, or with a refusal saying why there was none (never rejects). */
  private request<E extends ActionEvent>(event: E, payload: ActionPayload<E>): Promise<AckOf<E> | Unanswered> {
    if (!this.socket.connected) return Promise.resolve(unanswered("NOT_CONNECTED", "You are not connected right now; try again once you are back."));
    return new Promise((resolve) => {
      this.socket
        .timeout(ACTION_TIMEOUT_MS)
        .emit(event, payload, (err, res) => resolve(err ? unanswered("TIMEOUT", "The server did not answer in time; try again.") : res));
    });
  }

  /** The browser's network came back or went away. */
  networkChanged(): void {
    if (this.state.status === "reconnecting" || this.state.status === "offline") this.setState(this.lostState());
  }

  close(reason = "You left the call.", code: string | null = null): void {
    if (this.state.status === "closed") return;
    this.setState({ status: "closed", reason, code });
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.outbox.dispose();
    this.socket.disconnect();
  }

  /** A change the server announced: held until this connection's call:state, then applied in order. */
  private live(event: RoomEvent): void {
    if (this.beforeState) this.beforeState.push(event);
    else this.opts.onEvent(event);
  }

  /** `ended` says who ended it and when; a refused reconnect after the end does not know. */
  private callEnded(ended?: CallEnded): void {
    this.ended = true;
    this.opts.onEvent({ type: "call:ended", endedBy: ended?.endedBy ?? null, endedAt: ended?.endedAt ?? null });
    this.close("This call has ended.", "CALL_ENDED");
  }

  private onDisconnect(reason: string): void {
    if (this.state.status === "closed") return;
    if (reason === "io server disconnect") {
      // The server only hangs up on purpose: the call ended, or this person left or was removed elsewhere.
      if (this.ended) this.close("This call has ended.", "CALL_ENDED");
      else if (this.removal) this.close(this.removal.message, this.removal.code);
      else this.close("The server disconnected you from this call; you may have left it in another tab.", "DISCONNECTED");
      return;
    }
    this.setState(this.lostState());
  }

  private onConnectError(err: Error & { data?: { message?: unknown } }): void {
    if (this.state.status === "closed") return;
    // It ended while we were away: the same news as a call:ended event.
    if (err.message === "CALL_ENDED") return this.callEnded();
    const final = FINAL_CONNECT_ERRORS[err.message];
    if (final !== undefined) {
      this.close(typeof err.data?.message === "string" ? err.data.message : final, err.message);
      return;
    }
    this.setState(this.lostState());
    if (!this.socket.active) {
      // The server refused the handshake (e.g. a database hiccup): socket.io leaves retrying to us.
      this.handshakeFailures++;
      this.retryTimer = setTimeout(
        () => {
          this.retryTimer = null;
          if (this.state.status !== "closed") this.socket.connect();
        },
        backoffDelay(this.handshakeFailures, { maxMs: 5000 }),
      );
    }
  }

  private lostState(): ConnectionState {
    const online = this.opts.isOnline?.() ?? true;
    return { status: online ? "reconnecting" : "offline", reason: null, code: null };
  }

  private setState(next: ConnectionState): void {
    this.state = next;
    this.opts.onStatus(next);
  }
}
