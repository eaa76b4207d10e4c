import type { SessionResponse } from "../contracts/rest";
import { admitParticipant, type Visitor } from "./admit-participant";
import { audioAccess } from "./audio-access";
import type { Deps } from "./deps";
import { callDto, participantDto } from "./dto";
import { bannedError, removalError, requireLiveCall } from "./load";
import { AppError } from "../domain/errors";
import { addressKey, deviceKey, enforce } from "./limits";
import type { ParticipantRecord } from "./ports";

/**
 * Joins a live call. A signed-in user is one participant per call, from any
 * device; a guest whose verified credential names a participant of this call
 * (`returningParticipantId`) comes back as that participant, with their role.
 * A signed-in user with no participant of their own but a guest credential
 * for this call comes back as that guest, so that they can claim it.
 * Everyone else joins with the call's default role.
 */
export async function joinCall(
  deps: Deps,
  callId: string,
  who: { returningParticipantId: string | null; user: Visitor | null; deviceId: string | null; address?: string; bypassLock?: boolean },
  audioUrl: string,
): Promise<SessionResponse> {
  // The count is read once, beside the call: for the names worth trying and for the answer (read
  // again after the insert, a shared read would wait out its spacing twice). Waiting for that one
  // shared read (up to 100 ms in a storm) is kept on purpose: it gathers a storm's joins into
  // groups whose later lookups batch, about 1.6 ms of CPU less per join at 5,000 than taking the
  // last count at once (bench/README.md, "Per-join cost").
  const [call, present] = await Promise.all([requireLiveCall(deps.store, callId), deps.store.countPresentParticipants(callId)]);
  const existing =
    (who.user ? await deps.store.findUserParticipant(callId, who.user.id) : null) ?? (await returningParticipant(deps, who.returningParticipantId, who.user));

  let participant: ParticipantRecord;
  if (existing && existing.callId === callId) {
    if (existing.removedAt) await requireMayReturn(deps, existing);
    participant = existing;
    if (existing.leftAt) {
      // A removal (not a ban) ends with the removal: coming back through the link clears it.
      participant = await deps.store.updateParticipant(existing.id, { leftAt: null, removedAt: null, awaySince: deps.clock.now(), handRaised: false });
      deps.notifier.participantJoined(callId, participantDto(participant, call.hostParticipantId));
    }
  } else {
    // Only newcomers are stopped: people already in a locked call may come back.
    if (await deps.moderation.isBanned(callId, { userId: who.user?.id ?? null, deviceId: who.deviceId })) throw bannedError();
    if (call.locked && !who.bypassLock) throw new AppError("CALL_LOCKED", "This call is locked: an admin has closed it to new people.");
    await enforce(
      deps.limits.join,
      [addressKey(who.address), deviceKey(who.deviceId)],
      "Too many people joined from this address or browser; wait a moment and try again.",
    );
    participant = await admitParticipant(deps, callId, call.defaultRole, who, present);
    deps.notifier.participantJoined(callId, participantDto(participant, call.hostParticipantId));
  }

  if (call.emptySince) await deps.store.setCallEmptySince(callId, null);
  return {
    call: await callDto(deps.store, call, present + (existing?.callId === callId && !existing.leftAt ? 0 : 1)),
    participant: participantDto(participant, call.hostParticipantId),
    credential: deps.issueCredential(callId, participant.id),
    livekit: await audioAccess(deps, participant, audioUrl),
  };
}

/**
 * Remove and Ban are two tools: someone removed may come back through the link, someone banned
 * (their account or browser) may not, nor may an account a site admin disabled.
 */
async function requireMayReturn(deps: Deps, p: ParticipantRecord): Promise<void> {
  const error = await removalError(deps.moderation, p);
  if (error.code === "BANNED") throw error;
  const account = p.userId ? await deps.users.findUser(p.userId) : null;
  if (account?.disabledAt) throw new AppError("REMOVED", "A site admin disabled this account; it cannot rejoin calls.");
}

/** The participant a verified credential names; for a signed-in user, only a guest seat (never another account's). */
async function returningParticipant(deps: Deps, participantId: string | null, user: Visitor | null): Promise<ParticipantRecord | null> {
  if (!participantId) return null;
  const p = await deps.store.findParticipant(participantId);
  return p && (user === null || p.userId === null) ? p : null;
}
