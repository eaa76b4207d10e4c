import type { ParticipantDto } from "../contracts/dto";
import type { Role } from "../contracts/roles";
import { checkRoleChange, roleChangeRefused } from "../domain/role-change";
import { bestEffort } from "./audio-access";
import type { Caller, Deps } from "./deps";
import { participantDto } from "./dto";
import { requireActiveParticipant, requireTarget } from "./load";
import { enforceModeration } from "./limits";
import { announceEntries } from "./moderation-log";

/**
 * An admin gives a participant a role: every client hears of it at once, the
 * audio room's permissions follow, a promotion lowers a raised hand, and the
 * change goes on the moderation log.
 */
export async function setRole(deps: Deps, caller: Caller, input: { participantId: string; role: Role }): Promise<ParticipantDto> {
  const { call, self } = await requireActiveParticipant(deps.store, caller);
  await enforceModeration(deps.limits, caller);
  const target = input.participantId === self.id ? self : await requireTarget(deps.store, call.id, input.participantId);
  const { changed } = checkRoleChange({
    actor: self,
    target: { id: target.id, role: target.role, left: target.leftAt !== null },
    newRole: input.role,
    hostId: call.hostParticipantId,
    presentAdminCount: self.role === "admin" && self.id === target.id ? await deps.store.countPresentAdmins(call.id) : 2,
  });
  if (!changed) return participantDto(target, call.hostParticipantId);
  const { participant, entry, refused } = await deps.moderation.changeRole(call.id, { id: self.id, name: self.displayName }, target.id, input.role, deps.clock.now());
  if (refused) throw roleChangeRefused(refused);
  const dto = participantDto(participant, call.hostParticipantId);
  if (entry) {
    deps.notifier.participantUpdated(call.id, dto, target.role);
    // The audio room need not wait for the admins' log to be told.
    await Promise.all([bestEffort("role change", () => deps.audio.applyRole(call.id, participant.id, participant.role, target.role)), announceEntries(deps, call.id, [entry])]);
  }
  return dto;
}
