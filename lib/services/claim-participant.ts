import type { ParticipantDto } from "../contracts/dto";
import { AppError } from "../domain/errors";
import { uniqueDisplayName } from "../domain/names";
import type { Visitor } from "./admit-participant";
import type { Caller, Deps } from "./deps";
import { participantDto } from "./dto";
import { requireActiveParticipant } from "./load";

/**
 * A guest who signs in during a call makes their guest participant theirs:
 * same participant, role and messages, now under their account and name.
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
  const updated = await deps.store.updateParticipant(self.id, { userId: user.id, kind: "user", displayName: uniqueDisplayName(user.name, taken) });
  if (call.hostParticipantId === self.id) await deps.store.setCallHostUser(call.id, user.id);
  const dto = participantDto(updated, call.hostParticipantId);
  deps.notifier.participantUpdated(call.id, dto);
  return dto;
}
