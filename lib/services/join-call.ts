import type { SessionResponse } from "../contracts/rest";
import { AppError } from "../domain/errors";
import { newGuestName } from "../domain/names";
import type { Deps } from "./deps";
import { audioAccess } from "./audio-access";
import { callDto, participantDto } from "./dto";
import { removedError, requireLiveCall } from "./load";
import type { ParticipantRecord } from "./ports";

const MAX_NAME_ATTEMPTS = 5;

/**
 * Joins a live call. `returningParticipantId` comes from a verified credential
 * for this call: that person comes back as the same participant and role.
 */
export async function joinCall(deps: Deps, callId: string, returningParticipantId: string | null, audioUrl: string): Promise<SessionResponse> {
  const call = await requireLiveCall(deps.store, callId);
  const now = deps.clock.now();
  let participant: ParticipantRecord | null = null;

  if (returningParticipantId) {
    const existing = await deps.store.findParticipant(returningParticipantId);
    if (existing && existing.callId === callId) {
      if (existing.removedAt) throw removedError();
      participant = existing;
      if (existing.leftAt) {
        participant = await deps.store.updateParticipant(existing.id, { leftAt: null, awaySince: now, handRaised: false });
        deps.notifier.participantJoined(callId, participantDto(participant, call.hostParticipantId));
      }
    }
  }

  if (!participant) {
    for (let attempt = 0; attempt < MAX_NAME_ATTEMPTS && !participant; attempt++) {
      const candidate: ParticipantRecord = {
        id: deps.newId(),
        callId,
        kind: "guest",
        displayName: newGuestName(await deps.store.listDisplayNames(callId), deps.randomInt),
        role: call.defaultRole,
        muted: true,
        handRaised: false,
        joinedAt: now,
        leftAt: null,
        awaySince: now,
        removedAt: null,
        inAudio: false,
        publishing: false,
      };
      // Two joins can draw the same free name at once; the unique index decides.
      if (await deps.store.createParticipant(candidate)) participant = candidate;
    }
    if (!participant) throw new AppError("INTERNAL", "Could not pick a free guest name; try again.");
    deps.notifier.participantJoined(callId, participantDto(participant, call.hostParticipantId));
  }

  if (call.emptySince) await deps.store.setCallEmptySince(callId, null);
  return {
    call: await callDto(deps.store, call),
    participant: participantDto(participant, call.hostParticipantId),
    credential: deps.issueCredential(callId, participant.id),
    livekit: await audioAccess(deps, participant, audioUrl),
  };
}
