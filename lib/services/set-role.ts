import type { ParticipantDto } from "../contracts/dto";
import type { Role } from "../contracts/roles";
import { checkRoleChange } from "../domain/role-change";
import type { Caller, Deps } from "./deps";
import { bestEffort } from "./audio-access";
import { participantDto } from "./dto";
import { requireActiveParticipant, requireTarget } from "./load";

/** An admin gives a participant a role; every client hears of it at once. */
export async function setRole(deps: Deps, caller: Caller, input: { participantId: string; role: Role }): Promise<ParticipantDto> {
  const { call, self } = await requireActiveParticipant(deps.store, caller);
  const target = input.participantId === self.id ? self : await requireTarget(deps.store, call.id, input.participantId);
  const { changed } = checkRoleChange({
    actor: self,
    target: { id: target.id, role: target.role, left: target.leftAt !== null },
    newRole: input.role,
    hostId: call.hostParticipantId,
    presentAdminCount: self.role === "admin" && self.id === target.id ? await deps.store.countPresentAdmins(call.id) : 2,
  });
  if (!changed) return participantDto(target, call.hostParticipantId);
  const updated = await deps.store.changeRole({ callId: call.id, actorId: self.id, targetId: target.id, to: input.role, at: deps.clock.now() });
  const dto = participantDto(updated, call.hostParticipantId);
  deps.notifier.participantUpdated(call.id, dto);
  await bestEffort("role change", () => deps.audio.applyRole(call.id, updated.id, updated.role));
  return dto;
}
