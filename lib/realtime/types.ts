import type { Server, Socket } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents } from "../contracts/socket";
import type { Caller } from "../services/deps";
import type { AudienceNews } from "./audience-coalescer";

/**
 * `admin`: the role when the connection opened; the notifier moves the socket between rooms as it changes.
 * `node`: the node holding the connection (cluster mode: another node can see where a person is still connected).
 */
export type SocketData = { caller: Caller; admin: boolean; node: string };
/** Between nodes (cluster mode): each node's audience news, which the others tell their own sockets. */
export type InterServerEvents = { "audience:news": (callId: string, news: AudienceNews) => void };
export type EarshotServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type EarshotSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
