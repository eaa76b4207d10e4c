import type { CommandInput, CommandName, CommandResult } from "../contracts/commands";
import { renewAudioAccess } from "./audio-access";
import { setDefaultRole, setLocked } from "./call-controls";
import type { Caller, Deps } from "./deps";
import { endCall } from "./end-call";
import { dismissHand, inviteToSpeak, lowerAllHands, setHandRaised } from "./hands";
import { muteAllSpeakers, muteParticipant, removeParticipant } from "./moderate-participant";
import { setRecording, setRecordingConsent } from "./recording-control";
import { sendMessage } from "./send-message";
import { setRole } from "./set-role";
import { setMuted } from "./set-self-state";
import { removeMessage } from "./remove-message";
import { sendReaction } from "./send-reaction";
import { answerStageInvite, inviteToStage } from "./stage-invite";

/** What only the transport knows and some command needs: where this caller's browser reaches the media server. */
export interface CommandEdge {
  audioUrl(): string;
}

type Handler<N extends CommandName> = (deps: Deps, caller: Caller, input: CommandInput<N>, edge: CommandEdge) => Promise<CommandResult<N>>;

const participant = async (p: Promise<CommandResult<"mute:set">["participant"]>) => ({ participant: await p });
const call = async (p: Promise<CommandResult<"call:lock">["call"]>) => ({ call: await p });
const done = async (p: Promise<void>): Promise<Record<string, never>> => (await p, {});

/** Each command's service: the one place a command name meets its use-case (the socket and REST both run these). */
const HANDLERS: { [N in CommandName]: Handler<N> } = {
  "chat:send": (deps, caller, input) => sendMessage(deps, caller, input),
  "mute:set": (deps, caller, { muted }) => participant(setMuted(deps, caller, muted)),
  "hand:set": (deps, caller, { raised }) => participant(setHandRaised(deps, caller, raised)),
  "role:set": (deps, caller, input) => participant(setRole(deps, caller, input)),
  "participant:mute": (deps, caller, { participantId }) => participant(muteParticipant(deps, caller, participantId)),
  "participant:remove": (deps, caller, { participantId, ban }) => done(removeParticipant(deps, caller, participantId, ban)),
  "participants:mute-all": (deps, caller) => done(muteAllSpeakers(deps, caller)),
  "hand:invite": (deps, caller, { participantId, as }) => participant(inviteToSpeak(deps, caller, participantId, as)),
  "hand:dismiss": (deps, caller, { participantId }) => participant(dismissHand(deps, caller, participantId)),
  "hands:lower-all": (deps, caller) => done(lowerAllHands(deps, caller)),
  "call:lock": (deps, caller, { locked }) => call(setLocked(deps, caller, locked)),
  "call:default-role": (deps, caller, { role }) => call(setDefaultRole(deps, caller, role)),
  "call:end": (deps, caller) => done(endCall(deps, caller)),
  "audio:token": async (deps, caller, _input, edge) => ({ livekit: await renewAudioAccess(deps, caller, edge.audioUrl()) }),
  "recording:set": (deps, caller, { on }) => call(setRecording(deps, caller, on)),
  "recording:consent": (deps, caller, { consent }) => participant(setRecordingConsent(deps, caller, consent)),
  "stage:invite": (deps, caller, { participantId }) => participant(inviteToStage(deps, caller, participantId)),
  "stage:answer": (deps, caller, { accept }) => participant(answerStageInvite(deps, caller, accept)),
  "chat:remove": async (deps, caller, { messageId }) => ({ message: await removeMessage(deps, caller, messageId) }),
  "reaction:send": (deps, caller, { emoji }) => done(sendReaction(deps, caller, emoji)),
};

/** Runs a parsed command as the verified caller. */
export function runCommand<N extends CommandName>(name: N, deps: Deps, caller: Caller, input: CommandInput<N>, edge: CommandEdge): Promise<CommandResult<N>> {
  return HANDLERS[name](deps, caller, input, edge);
}
