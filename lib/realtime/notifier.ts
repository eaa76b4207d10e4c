import type { Notifier } from "../services/ports";
import { callRoom, participantRoom } from "./rooms";
import type { EarshotServer } from "./types";

/** Services' events, delivered to the sockets of a call (through the adapter, so across nodes too). */
export function socketNotifier(io: EarshotServer): Notifier {
  return {
    participantJoined: (callId, p) => io.to(callRoom(callId)).emit("participant:joined", p),
    participantUpdated: (callId, p) => io.to(callRoom(callId)).emit("participant:updated", p),
    participantLeft: (callId, participantId) => io.to(callRoom(callId)).emit("participant:left", { participantId }),
    chatMessage: (callId, m) => io.to(callRoom(callId)).emit("chat:message", m),
    callEnded(callId) {
      io.to(callRoom(callId)).emit("call:ended", { callId });
      io.in(callRoom(callId)).disconnectSockets(true);
    },
    callUpdated: (callId, call) => io.to(callRoom(callId)).emit("call:updated", call),
    moderationLogged(participantIds, entry) {
      if (participantIds.length) io.to(participantIds.map(participantRoom)).emit("moderation:entry", entry);
    },
    notice: (participantId, notice) => io.to(participantRoom(participantId)).emit("notice", notice),
    disconnectParticipant: (participantId) => io.in(participantRoom(participantId)).disconnectSockets(true),
  };
}
