import type { Server, Socket } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents } from "../contracts/socket";
import type { Caller } from "../services/deps";

export type SocketData = { caller: Caller };
export type InterServerEvents = Record<string, never>;
export type EarshotServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type EarshotSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
