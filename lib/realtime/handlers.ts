import type { z } from "zod";
import type { CallDto, ParticipantDto } from "../contracts/dto";
import {
  ChatSendSchema,
  DefaultRoleSetSchema,
  EmptySchema,
  HandSetSchema,
  InviteSchema,
  LockSchema,
  MuteSetSchema,
  ParticipantTargetSchema,
  RemoveSchema,
  RoleSetSchema,
  type Ack,
  type AckFn,
} from "../contracts/socket";
import { ConsentSetSchema, RecordingSetSchema } from "../contracts/recording";
import { StageAnswerSchema, StageInviteSchema } from "../contracts/stage-invite";
import { ReactionSendSchema } from "../contracts/reactions";
import { MessageRemoveSchema } from "../contracts/remove-message";
import { removeMessage } from "../services/remove-message";
import { sendReaction } from "../services/send-reaction";
import type { AppContext } from "../context";
import { invalidInput, toErrorBody } from "../http/errors";
import { renewAudioAccess } from "../services/audio-access";
import type { Caller, Deps } from "../services/deps";
import { setDefaultRole, setLocked } from "../services/call-controls";
import { endCall } from "../services/end-call";
import { dismissHand, inviteToSpeak, lowerAllHands, setHandRaised } from "../services/hands";
import { muteAllSpeakers, muteParticipant, removeParticipant } from "../services/moderate-participant";
import { setRecording, setRecordingConsent } from "../services/recording-control";
import { sendMessage } from "../services/send-message";
import { setMuted } from "../services/set-self-state";
import { setRole } from "../services/set-role";
import { answerStageInvite, inviteToStage } from "../services/stage-invite";
import type { InFlight } from "./in-flight";
import type { EarshotSocket } from "./types";

/**
 * Binds a client event to one service call: validate the payload with its
 * contract schema, run the service as the socket's verified caller, ack the
 * result or the error. Nothing thrown escapes to crash the process.
 */
function bind<S extends z.ZodType, R extends object>(
  socket: EarshotSocket,
  inFlight: InFlight,
  event: string,
  schema: S,
  run: (caller: Caller, input: z.infer<S>) => Promise<R>,
) {
  socket.on(event as "chat:send", async (payload: unknown, ack: unknown) => {
    const reply: AckFn<R> = typeof ack === "function" ? (ack as AckFn<R>) : () => undefined;
    try {
      const parsed = schema.safeParse(payload);
      if (!parsed.success) throw invalidInput(parsed.error);
      reply({ ok: true, ...(await inFlight.track(run(socket.data.caller, parsed.data))) } as Ack<R>);
    } catch (e) {
      const { error } = toErrorBody(e, `socket ${event}`);
      reply({ ok: false, error: { code: error.code, message: error.message, ...error.details } });
    }
  });
}

/** Where this connection's browser reaches the media server: the same answer /join gives a request from its page. */
function audioUrlOf(socket: EarshotSocket, audioUrl: AppContext["audioUrl"]): string {
  const { headers, secure } = socket.handshake;
  const forwardedProto = headers["x-forwarded-proto"];
  return audioUrl(new URL(`${secure ? "https" : "http"}://${headers.host ?? "localhost"}`), typeof forwardedProto === "string" ? forwardedProto : null);
}

export function registerHandlers(socket: EarshotSocket, deps: Deps, audioUrl: AppContext["audioUrl"], inFlight: InFlight): void {
  const participant = async (p: Promise<ParticipantDto>) => ({ participant: await p });
  const call = async (p: Promise<CallDto>) => ({ call: await p });
  const done = async (p: Promise<void>) => (await p, {});
  bind(socket, inFlight, "chat:send", ChatSendSchema, (caller, input) => sendMessage(deps, caller, input));
  bind(socket, inFlight, "mute:set", MuteSetSchema, (caller, { muted }) => participant(setMuted(deps, caller, muted)));
  bind(socket, inFlight, "hand:set", HandSetSchema, (caller, { raised }) => participant(setHandRaised(deps, caller, raised)));
  bind(socket, inFlight, "role:set", RoleSetSchema, (caller, input) => participant(setRole(deps, caller, input)));
  bind(socket, inFlight, "participant:mute", ParticipantTargetSchema, (caller, { participantId }) => participant(muteParticipant(deps, caller, participantId)));
  bind(socket, inFlight, "participant:remove", RemoveSchema, (caller, { participantId, ban }) => done(removeParticipant(deps, caller, participantId, ban)));
  bind(socket, inFlight, "participants:mute-all", EmptySchema, (caller) => done(muteAllSpeakers(deps, caller)));
  bind(socket, inFlight, "hand:invite", InviteSchema, (caller, { participantId, as }) => participant(inviteToSpeak(deps, caller, participantId, as)));
  bind(socket, inFlight, "hand:dismiss", ParticipantTargetSchema, (caller, { participantId }) => participant(dismissHand(deps, caller, participantId)));
  bind(socket, inFlight, "hands:lower-all", EmptySchema, (caller) => done(lowerAllHands(deps, caller)));
  bind(socket, inFlight, "call:lock", LockSchema, (caller, { locked }) => call(setLocked(deps, caller, locked)));
  bind(socket, inFlight, "call:default-role", DefaultRoleSetSchema, (caller, { role }) => call(setDefaultRole(deps, caller, role)));
  bind(socket, inFlight, "call:end", EmptySchema, (caller) => done(endCall(deps, caller)));
  bind(socket, inFlight, "stage:invite", StageInviteSchema, (caller, { participantId }) => participant(inviteToStage(deps, caller, participantId)));
  bind(socket, inFlight, "stage:answer", StageAnswerSchema, (caller, { accept }) => participant(answerStageInvite(deps, caller, accept)));
  bind(socket, inFlight, "chat:remove", MessageRemoveSchema, async (caller, { messageId }) => ({ message: await removeMessage(deps, caller, messageId) }));
  bind(socket, inFlight, "reaction:send", ReactionSendSchema, (caller, { emoji }) => done(sendReaction(deps, caller, emoji)));
  bind(socket, inFlight, "recording:set", RecordingSetSchema, (caller, { on }) => call(setRecording(deps, caller, on)));
  bind(socket, inFlight, "recording:consent", ConsentSetSchema, (caller, { consent }) => participant(setRecordingConsent(deps, caller, consent)));
  bind(socket, inFlight, "audio:token", EmptySchema, async (caller) => ({ livekit: await renewAudioAccess(deps, caller, audioUrlOf(socket, audioUrl)) }));
}
