import { COMMAND_NAMES, type CommandName } from "../contracts/commands";
import type { Ack } from "../contracts/socket";
import { toErrorBody } from "../http/errors";
import { parseCommand } from "../http/parse";
import { runCommand, type CommandEdge } from "../services/commands";
import type { Deps } from "../services/deps";
import type { InFlight } from "./in-flight";
import type { EarshotSocket } from "./types";

/** Where this connection's browser reaches the media server: the same answer /join gives a request from its page. */
function audioUrlOf(socket: EarshotSocket, deps: Deps): string {
  const { headers, secure } = socket.handshake;
  const forwardedProto = headers["x-forwarded-proto"];
  return deps.audio.publicUrl(
    new URL(`${secure ? "https" : "http"}://${headers.host ?? "localhost"}`),
    typeof forwardedProto === "string" ? forwardedProto : null,
  );
}

/**
 * Serves every command of the table on this socket: validate the payload with
 * its schema, run its service as the socket's verified caller, ack the result
 * or the error. Nothing thrown escapes to crash the process.
 */
export function registerHandlers(socket: EarshotSocket, deps: Deps, inFlight: InFlight): void {
  const edge: CommandEdge = { audioUrl: () => audioUrlOf(socket, deps) };
  for (const name of COMMAND_NAMES) {
    socket.on(name, (payload: unknown, ack: unknown) => void answer(name, payload, ack));
  }

  async function answer<N extends CommandName>(name: N, payload: unknown, ack: unknown): Promise<void> {
    // A client that sends no ack gets no answer; the command still runs.
    const reply = (res: Ack) => (typeof ack === "function" ? ack(res) : undefined);
    try {
      const result = await inFlight.track(runCommand(name, deps, socket.data.caller, parseCommand(name, payload), edge));
      reply({ ok: true, ...result });
    } catch (e) {
      const { error } = toErrorBody(e, `socket ${name}`);
      reply({ ok: false, error: { code: error.code, message: error.message, ...error.details } });
    }
  }
}
