import type { CallDto, MessageDto, ParticipantDto } from "../contracts/dto";
import type { CallRecord, MessageRecord, ParticipantRecord, Store } from "./ports";

export function participantDto(p: ParticipantRecord, hostId: string | null): ParticipantDto {
  return {
    id: p.id,
    displayName: p.displayName,
    role: p.role,
    kind: p.kind,
    muted: p.muted,
    handRaised: p.handRaised,
    handRaisedAt: p.handRaisedAt?.toISOString() ?? null,
    joinedAt: p.joinedAt.toISOString(),
    presence: p.awaySince ? "away" : "online",
    isHost: p.id === hostId,
    inAudio: p.inAudio,
    publishing: p.publishing,
    recordingConsent: p.recordingConsent,
    stageInvited: p.stageInviteFrom !== null,
  };
}

export function messageDto(m: MessageRecord): MessageDto {
  return {
    id: String(m.id),
    clientId: m.clientId,
    callId: m.callId,
    senderId: m.senderId,
    senderName: m.senderName,
    // A removed message's text never leaves the server again.
    body: m.removedAt ? "" : m.body,
    createdAt: m.createdAt.toISOString(),
    removed: m.removedAt !== null,
  };
}

/** A call as the API shows it, given its host's name and how many people are in it. */
export function callDtoOf(call: CallRecord, hostName: string, participantCount: number): CallDto {
  return {
    id: call.id,
    title: call.title,
    defaultRole: call.defaultRole,
    createdAt: call.createdAt.toISOString(),
    endedAt: call.endedAt?.toISOString() ?? null,
    hostName,
    participantCount,
    locked: call.locked,
    recording: call.recordingId !== null,
  };
}

/** The call as clients see it; `present`, when the caller has just counted who is in it, saves counting again. */
export async function callDto(store: Store, call: CallRecord, present?: number): Promise<CallDto> {
  const [host, participantCount] = await Promise.all([
    call.hostParticipantId ? store.findParticipant(call.hostParticipantId) : null,
    call.endedAt ? 0 : (present ?? store.countPresentParticipants(call.id)),
  ]);
  return callDtoOf(call, host?.displayName ?? "", participantCount);
}
