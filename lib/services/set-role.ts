import type { ParticipantDto } from "../contracts/dto";
import type { Role } from "../contracts/roles";
import { checkRoleChange, roleChangeRefused } from "../domain/role-change";
import { bestEffort } from "./audio-access";
import type { Caller, Deps } from "./deps";
import { participantDto } from "./dto";
import { requireActiveParticipant, requireTarget } from "./load";
import { enforceModeration } from "./limits";
import { announceEntries } from "./moderation-log";
import type { ModerationRecord } from "./ports";

/**
 * An admin gives a participant a role: every client hears of it at once, the
 * audio room's permissions follow, a promotion lowers a raised hand, and the
 * change goes on the moderation log.
 */
export async function setRole(deps: Deps, caller: Caller, input: { participantId: string; role: Role }, opts: { tell?: boolean } = {}): Promise<ParticipantDto> {
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
    // The person hears it from the admin, as an accepted hand does (that path tells them in its own words).
    if (opts.tell !== false && target.id !== self.id) deps.notifier.notice(target.id, { code: "ROLE_CHANGED", message: roleChangeNotice(self.displayName, participant.role) });
    await announceRoleChange(deps, call.id, dto, target.role, entry);
  }
  return dto;
}

/** A role change that applied: everyone sees it at once, the audio room's permissions follow, and the admins' log gets the entry. */
export async function announceRoleChange(deps: Deps, callId: string, dto: ParticipantDto, before: Role, entry: ModerationRecord): Promise<void> {
  deps.notifier.participantUpdated(callId, dto, before);
  // The audio room need not wait for the admins' log to be told.
  await Promise.all([bestEffort("role change", () => deps.audio.applyRole(callId, dto.id, dto.role, before)), announceEntries(deps, callId, [entry])]);
}

const ROLE_NEWS: Record<Role, string> = {
  admin: "made you an admin: you can moderate this call and use your microphone.",
  speaker: "made you a speaker: unmute your microphone when you are ready to talk.",
  chatter: "made you a chatter: you can write in the chat.",
  listener: "made you a listener: you hear the stage and read the chat.",
};

/** What the person whose role changed is told. */
export const roleChangeNotice = (adminName: string, role: Role) => `${adminName} (admin) ${ROLE_NEWS[role]}`;
