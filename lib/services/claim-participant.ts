import type { ParticipantDto } from "../contracts/dto";
import { AppError } from "../domain/errors";
import { uniqueDisplayName } from "../domain/names";
import type { Visitor } from "./admit-participant";
import type { Caller, Deps } from "./deps";
import { participantDto } from "./dto";
import { requireActiveParticipant } from "./load";

/**
 * A guest who signs in during a call makes their guest participant theirs:
 * same participant, role and messages, now under their account and name
 * (their messages too; the guest name is kept as a note for the history).
 */
export async function claimParticipant(deps: Deps, caller: Caller, user: Visitor): Promise<ParticipantDto> {
  const { call, self } = await requireActiveParticipant(deps.store, caller);
  if (self.userId === user.id) return participantDto(self, call.hostParticipantId);
  if (self.userId !== null) throw new AppError("FORBIDDEN", "This participant already belongs to another account.");
  if (await deps.store.findUserParticipant(call.id, user.id)) {
    throw new AppError("ALREADY_IN_CALL", "Your account is already in this call as someone else.");
  }
  const taken = await deps.store.listDisplayNames(call.id);
  taken.delete(self.displayName);
  // The history then shows one name for the person: the account's, with the guest name noted.
  const updated = await deps.history.claimSeat(self.id, { userId: user.id, displayName: uniqueDisplayName(user.name, taken), guestName: self.displayName });
  if (call.hostParticipantId === self.id) await deps.store.setCallHostUser(call.id, user.id);
  const dto = participantDto(updated, call.hostParticipantId);
  deps.notifier.participantUpdated(call.id, dto);
  return dto;
}
