import type { SessionResponse } from "../contracts/rest";
import { admitParticipant, type Visitor } from "./admit-participant";
import { audioAccess } from "./audio-access";
import type { Deps } from "./deps";
import { callDto, participantDto } from "./dto";
import { bannedError, removedError, requireLiveCall } from "./load";
import { AppError } from "../domain/errors";
import type { ParticipantRecord } from "./ports";

/**
 * Joins a live call. A signed-in user is one participant per call, from any
 * device; a guest whose verified credential names a participant of this call
 * (`returningParticipantId`) comes back as that participant, with their role.
 * Everyone else joins with the call's default role.
 */
export async function joinCall(
  deps: Deps,
  callId: string,
  who: { returningParticipantId: string | null; user: Visitor | null; deviceId: string | null; bypassLock?: boolean },
  audioUrl: string,
): Promise<SessionResponse> {
  const call = await requireLiveCall(deps.store, callId);
  const existing = who.user
    ? await deps.store.findUserParticipant(callId, who.user.id)
    : who.returningParticipantId
      ? await deps.store.findParticipant(who.returningParticipantId)
      : null;

  let participant: ParticipantRecord;
  if (existing && existing.callId === callId) {
    if (existing.removedAt) throw (await deps.moderation.isBanned(callId, { userId: existing.userId, deviceId: existing.deviceId })) ? bannedError() : removedError();
    participant = existing;
    if (existing.leftAt) {
      participant = await deps.store.updateParticipant(existing.id, { leftAt: null, awaySince: deps.clock.now(), handRaised: false });
      deps.notifier.participantJoined(callId, participantDto(participant, call.hostParticipantId));
    }
  } else {
    // Only newcomers are stopped: people already in a locked call may come back.
    if (await deps.moderation.isBanned(callId, { userId: who.user?.id ?? null, deviceId: who.deviceId })) throw bannedError();
    if (call.locked && !who.bypassLock) throw new AppError("CALL_LOCKED", "This call is locked: an admin has closed it to new people.");
    participant = await admitParticipant(deps, callId, call.defaultRole, who);
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
