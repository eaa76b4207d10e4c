import type { z } from "zod";
import { ChatSendSchema, HandSetSchema, MuteSetSchema, ParticipantTargetSchema, RoleSetSchema, type Ack, type AckFn } from "../contracts/socket";
import { invalidInput, toErrorBody } from "../http/errors";
import type { Caller, Deps } from "../services/deps";
import { muteParticipant, removeParticipant } from "../services/moderate-participant";
import { sendMessage } from "../services/send-message";
import { setHandRaised, setMuted } from "../services/set-self-state";
import { setRole } from "../services/set-role";
import type { EarshotSocket } from "./types";

/**
 * Binds a client event to one service call: validate the payload with its
 * contract schema, run the service as the socket's verified caller, ack the
 * result or the error. Nothing thrown escapes to crash the process.
 */
function bind<S extends z.ZodType, R extends object>(
  socket: EarshotSocket,
  event: string,
  schema: S,
  run: (caller: Caller, input: z.infer<S>) => Promise<R>,
) {
  socket.on(event as "chat:send", async (payload: unknown, ack: unknown) => {
    const reply: AckFn<R> = typeof ack === "function" ? (ack as AckFn<R>) : () => undefined;
    try {
      const parsed = schema.safeParse(payload);
      if (!parsed.success) throw invalidInput(parsed.error);
      reply({ ok: true, ...(await run(socket.data.caller, parsed.data)) } as Ack<R>);
    } catch (e) {
      const { error } = toErrorBody(e, `socket ${event}`);
      reply({ ok: false, error: { code: error.code, message: error.message, ...error.details } });
    }
  });
}

export function registerHandlers(socket: EarshotSocket, deps: Deps): void {
  bind(socket, "chat:send", ChatSendSchema, (caller, input) => sendMessage(deps, caller, input));
  bind(socket, "mute:set", MuteSetSchema, async (caller, { muted }) => ({ participant: await setMuted(deps, caller, muted) }));
  bind(socket, "hand:set", HandSetSchema, async (caller, { raised }) => ({ participant: await setHandRaised(deps, caller, raised) }));
  bind(socket, "role:set", RoleSetSchema, async (caller, input) => ({ participant: await setRole(deps, caller, input) }));
  bind(socket, "participant:mute", ParticipantTargetSchema, async (caller, { participantId }) => ({
    participant: await muteParticipant(deps, caller, participantId),
  }));
  bind(socket, "participant:remove", ParticipantTargetSchema, async (caller, { participantId }) => {
    await removeParticipant(deps, caller, participantId);
    return {};
  });
}
