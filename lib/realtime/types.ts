import type { Server, Socket } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents } from "../contracts/socket";
import type { Caller } from "../services/deps";

/** `admin`: the role when the connection opened; the notifier moves the socket between rooms as it changes. */
export type SocketData = { caller: Caller; admin: boolean };
export type InterServerEvents = Record<string, never>;
export type EarshotServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type EarshotSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
