import type { Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { Server } from "socket.io";
import { recoveryGapCloser } from "../cluster/recovery-gap";
import type { RedisClient } from "../cluster/redis";
import { bearerToken, parseCookies } from "../http/headers";
import { requireParticipantCaller, type Secrets } from "../adapters/identify-request";
import { SocketAuthSchema } from "../contracts/socket";
import { AppError } from "../domain/errors";
import { clientAddress } from "../auth/client-address";
import { carriesOurCookies, csrfError, isCrossSite, type OriginPolicy } from "../http/csrf";
import { toErrorBody } from "../http/errors";
import { checkLookupBudget, countFailedLookup } from "../services/limits";
import type { Caller, Deps } from "../services/deps";
import { callState, connectParticipant, disconnectParticipant } from "../services/presence";
import { registerHandlers } from "./handlers";
import { InFlight } from "./in-flight";
import { PresenceTracker } from "./presence-tracker";
import { adminRoom, callRoom, participantRoom } from "./rooms";
import type { EarshotServer, EarshotSocket } from "./types";

export const MAX_SOCKET_PAYLOAD_BYTES = 64 * 1024;

/** How long a dropped connection's rooms and missed events are kept for it in cluster mode. */
export const RECOVERY_WINDOW_MS = 2 * 60_000;

/**
 * The Socket.IO server. With `redis` (cluster mode) its rooms span every node through Redis
 * streams, and a client that reconnects within the recovery window, to any node, gets the
 * events it missed instead of a fresh call:state (a crashed node's clients cannot: they resync).
 */
export function createSocketServer(
  httpServer: HttpServer,
  opts: { dev: boolean; redis?: RedisClient | null },
): { io: EarshotServer; recovery: RecoveryGap | null } {
  const recovery = opts.redis ? recoveryGapCloser(opts.redis, STREAM) : null;
  const io: EarshotServer = new Server(httpServer, {
    maxHttpBufferSize: MAX_SOCKET_PAYLOAD_BYTES,
    // In dev, Next's hot-reload websocket shares the HTTP server: leave upgrades that are not ours alone.
    destroyUpgrade: !opts.dev,
    ...(opts.redis && recovery
      ? {
          adapter: recovery.wrap(createAdapter(opts.redis, { streamName: STREAM, sessionKeyPrefix: "earshot:sio-session:" })),
          // The handshake runs again on recovery: the credential and the participant are checked anew.
          connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS, skipMiddlewares: false },
        }
      : {}),
  });
  return { io, recovery };
}

const STREAM = "earshot:socket.io";
type RecoveryGap = ReturnType<typeof recoveryGapCloser>;

/**
 * Authenticates every connection (credential in `auth`, a bearer header, or the
 * per-call cookie with `auth.callId`), marks the participant online and sends
 * `call:state`, then serves the call's events. A refused connection gets a
 * connect_error whose message is the error code.
 */
export function serveRealtime(
  { io, recovery }: { io: EarshotServer; recovery: RecoveryGap | null },
  deps: Deps,
  secrets: Secrets,
  origin: OriginPolicy,
): { inFlight: InFlight } {
  const presence = new PresenceTracker();
  const inFlight = new InFlight();

  io.use(async (socket, next) => {
    let caller: Caller | null = null;
    const address = clientAddress(socket.request, origin.trustProxy);
    try {
      await checkLookupBudget(deps.limits, address);
      caller = { ...(await identifySocket(socket, deps, secrets, origin)), address };
      const { role } = await presence.connected(caller.participantId, () => connectParticipant(deps, caller!));
      socket.data.caller = caller;
      socket.data.admin = role === "admin";
      socket.data.node = deps.nodes.self;
      next();
    } catch (e) {
      if (caller) void presence.disconnected(caller.participantId, async () => undefined);
      const { error } = toErrorBody(e, "socket handshake");
      await countFailedLookup(deps.limits, address, error);
      next(Object.assign(new Error(error.code), { data: { code: error.code, message: error.message } }));
    }
  });

  io.on("connection", (socket) => {
    const { caller } = socket.data;
    registerHandlers(socket, deps, inFlight);
    socket.on("disconnect", () => {
      presence
        .disconnected(caller.participantId, async () => disconnectParticipant(deps, caller, await stillConnectedOn(io, caller.participantId)))
        .catch((e) => toErrorBody(e, "socket disconnect"));
    });
    // In the rooms before the snapshot is read: whatever changes after the read reaches this
    // socket as an event (possibly just before call:state; the client applies those after it).
    socket.join([callRoom(caller.callId), participantRoom(caller.participantId), ...(socket.data.admin ? [adminRoom(caller.callId)] : [])]);
    // A recovered connection was sent what it missed: it has the state already (and its old rooms:
    // the admins' room only if still an admin).
    if (socket.recovered) {
      if (!socket.data.admin) socket.leave(adminRoom(caller.callId));
      return void recovery?.close(socket).catch((e) => toErrorBody(e, "socket recovery"));
    }
    callState(deps, caller).then(
      (state) => socket.emit("call:state", state),
      (e) => {
        // Ended, removed or a database hiccup since the handshake: dropping the transport makes
        // the client reconnect, and the next handshake answers with the reason.
        toErrorBody(e, "socket call:state");
        socket.conn.close();
      },
    );
  });
  return { inFlight };
}

/**
 * The node where the participant still has a connection (a tab open through another node, in
 * cluster mode), or null. Asked when this node's last one closed; a closed socket has left its
 * rooms already, so of two tabs closing at once on two nodes the later one finds none.
 */
async function stillConnectedOn(io: EarshotServer, participantId: string): Promise<string | null> {
  const [other] = await io.in(participantRoom(participantId)).fetchSockets();
  return other?.data.node ?? null;
}

/**
 * The connection's caller: a credential (auth, bearer header or per-call cookie) or a signed-in session with auth.callId.
 * A connection that relies on cookies must come from this site, as a cookie-authenticated REST write must.
 */
async function identifySocket(socket: EarshotSocket, deps: Deps, secrets: Secrets, origin: OriginPolicy): Promise<Caller> {
  const auth = SocketAuthSchema.safeParse(socket.handshake.auth ?? {});
  if (!auth.success) throw new AppError("INVALID_INPUT", "The connection's auth payload is malformed.");
  const { headers } = socket.handshake;
  const bearer = auth.data.credential ?? bearerToken(headers.authorization);
  if (bearer === null && carriesOurCookies(headers.cookie ?? null)) {
    const header = (name: string) => (typeof headers[name] === "string" ? (headers[name] as string) : null);
    if (isCrossSite(header, socket.handshake.secure ? "https" : "http", origin)) throw csrfError();
  }
  const callId = auth.data.callId ?? callIdOf(bearer);
  if (!callId) throw new AppError("UNAUTHENTICATED", "Connect with your participant credential.");
  return requireParticipantCaller(deps, secrets, callId, { bearer, cookies: parseCookies(socket.handshake.headers.cookie) });
}

/** The call a credential names, read without trusting it: requireParticipantCaller verifies it next. */
function callIdOf(credential: string | null): string | null {
  try {
    const payload = JSON.parse(Buffer.from(credential?.split(".")[1] ?? "", "base64url").toString("utf8"));
    return typeof payload?.c === "string" ? payload.c : null;
  } catch {
    return null;
  }
}
