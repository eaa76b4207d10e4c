import { AppError } from "../domain/errors";
import type { Caller } from "./deps";
import type { CallRecord, ModerationStore, ParticipantRecord, Store } from "./ports";

export async function requireCall(store: Store, callId: string): Promise<CallRecord> {
  const call = await store.findCall(callId);
  if (!call) throw new AppError("CALL_NOT_FOUND", `There is no call called "${callId}".`);
  return call;
}

export async function requireLiveCall(store: Store, callId: string): Promise<CallRecord> {
  const call = await requireCall(store, callId);
  if (call.endedAt) throw new AppError("CALL_ENDED", "This call has ended; its history is read-only.");
  return call;
}

/**
 * The caller's participant record, present or past: for reading history.
 * With `moderation`, a removed caller who is also banned is told BANNED (as a rejoin would be), not REMOVED.
 */
export async function requireMember(store: Store, caller: Caller, moderation?: ModerationStore): Promise<ParticipantRecord> {
  const p = await store.findParticipant(caller.participantId);
  if (!p || p.callId !== caller.callId) throw new AppError("INVALID_CREDENTIAL", "Your credential does not match anyone in this call.");
  if (p.removedAt) throw moderation ? await removalError(moderation, p) : removedError();
  return p;
}

/** The caller, who must be in a live call and not have left it: for acting in it. */
export async function requireActiveParticipant(
  store: Store,
  caller: Caller,
  moderation?: ModerationStore,
): Promise<{ call: CallRecord; self: ParticipantRecord }> {
  const [call, self] = await Promise.all([requireLiveCall(store, caller.callId), requireMember(store, caller, moderation)]);
  if (self.leftAt) throw new AppError("PARTICIPANT_LEFT", "You have left this call; join it again to take part.");
  return { call, self };
}

export async function requireTarget(store: Store, callId: string, participantId: string): Promise<ParticipantRecord> {
  const p = await store.findParticipant(participantId);
  if (!p || p.callId !== callId) throw new AppError("PARTICIPANT_NOT_FOUND", "There is no such participant in this call.");
  return p;
}

export const bannedError = () => new AppError("BANNED", "An admin banned you from this call; you cannot rejoin it.");
export const removedError = () => new AppError("REMOVED", "An admin removed you from this call. You can join it again with its link.");

/** Why a removed participant may not come back: banned (their account or browser) or removed. */
export async function removalError(moderation: ModerationStore, p: ParticipantRecord): Promise<AppError> {
  return (await moderation.isBanned(p.callId, { userId: p.userId, deviceId: p.deviceId })) ? bannedError() : removedError();
}
