import type { CallDto, MessageDto, ParticipantDto } from "@/lib/contracts/dto";
import type { CallState } from "@/lib/contracts/socket";

const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, n)).toISOString();

export function participant(id: string, over: Partial<ParticipantDto> = {}): ParticipantDto {
  return {
    id,
    displayName: `pleb-${id}`,
    role: "listener",
    kind: "guest",
    muted: true,
    handRaised: false,
    handRaisedAt: null,
    joinedAt: at(0),
    presence: "online",
    isHost: false,
    inAudio: false,
    publishing: false,
    recordingConsent: null,
    stageInvited: false,
    ...over,
  };
}

export function message(id: number, over: Partial<MessageDto> = {}): MessageDto {
  return {
    id: String(id),
    clientId: `c${id}`,
    callId: "banana-hello-helicopter",
    senderId: "host",
    senderName: "pleb-host",
    body: `message ${id}`,
    createdAt: at(id % 60),
    removed: false,
    ...over,
  };
}

export function call(over: Partial<CallDto> = {}): CallDto {
  return {
    id: "banana-hello-helicopter",
    title: "Standup",
    defaultRole: "listener",
    createdAt: at(0),
    endedAt: null,
    hostName: "pleb-host",
    participantCount: 2,
    recording: false,
    locked: false,
    ...over,
  };
}

export function callState(over: Partial<CallState> = {}): CallState {
  const self = participant("me");
  return {
    call: call(),
    self,
    stage: [participant("host", { role: "admin", isHost: true })],
    audience: { count: { total: 1, away: 0, hands: 0 }, participants: [self], nextCursor: null },
    hands: null,
    messages: [],
    nextCursor: null,
    ...over,
  };
}
