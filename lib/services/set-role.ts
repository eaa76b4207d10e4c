import type { ParticipantDto } from "../contracts/dto";
import type { Role } from "../contracts/roles";
import { enforce } from "../domain/decision";
import { roleChangeDecision, roleChangeLowersHand, roleChangeRefusal } from "../domain/role-change";
import { bestEffort } from "./audio-access";
import type { Caller, Deps } from "./deps";
import { participantDto } from "./dto";
import { requireActiveParticipant, requireTarget } from "./load";
import { enforceModeration } from "./limits";
import { announceEntries } from "./moderation-log";
import type { Actor, CallRecord, ParticipantRecord } from "./ports";

/**
 * An admin gives a participant a role: every client hears of it at once, the
 * audio room's permissions follow, a promotion lowers a raised hand, and the
 * change goes on the moderation log.
 */
export async function setRole(deps: Deps, caller: Caller, input: { participantId: string; role: Role }): Promise<ParticipantDto> {
  const { call, self } = await requireActiveParticipant(deps.store, caller);
  await enforceModeration(deps.limits, caller);
  const target = input.participantId === self.id ? self : await requireTarget(deps.store, call.id, input.participantId);
  enforce(
    roleChangeDecision({
      actor: self,
      target: { id: target.id, role: target.role, left: target.leftAt !== null },
      newRole: input.role,
      hostId: call.hostParticipantId,
      presentAdminCount: await deps.store.countPresentAdmins(call.id),
    }),
  );
  const changed = await changeRole(deps, call, { id: self.id, name: self.displayName }, target, input.role);
  // The person hears it from the admin, as an accepted hand does (that path tells them in its own words).
  if (changed.role !== target.role && target.id !== self.id)
    deps.notifier.notice(target.id, { code: "ROLE_CHANGED", message: roleChangeNotice(self.displayName, changed.role) });
  return participantDto(changed, call.hostParticipantId);
}

const ROLE_NEWS: Record<Role, string> = {
  admin: "made you an admin: you can moderate this call and use your microphone.",
  speaker: "made you a speaker: unmute your microphone when you are ready to talk.",
  chatter: "made you a chatter: you can write in the chat.",
  listener: "made you a listener: you hear the stage and read the chat.",
};

/** What the person whose role changed is told. */
export const roleChangeNotice = (adminName: string, role: Role) => `${adminName} (admin) ${ROLE_NEWS[role]}`;

/**
 * The one way a role changes once the rules allowed it (setRole, inviteToSpeak, a site admin
 * joining): the store re-checks at the moment of writing, and when the change applied everyone
 * hears of it, the audio room's permissions follow and the log records it.
 */
export async function changeRole(
  deps: Pick<Deps, "moderation" | "notifier" | "audio" | "clock">,
  call: Pick<CallRecord, "id" | "hostParticipantId">,
  actor: Actor,
  target: ParticipantRecord,
  to: Role,
): Promise<ParticipantRecord> {
  if (target.role === to) return target;
  const { participant, entry, refused } = await deps.moderation.changeRole(call.id, actor, target.id, to, deps.clock.now(), roleChangeLowersHand);
  if (refused) enforce(roleChangeRefusal(refused));
  if (entry) {
    deps.notifier.participantUpdated(call.id, participantDto(participant, call.hostParticipantId), target.role);
    // The audio room need not wait for the admins' log to be told.
    await Promise.all([
      bestEffort("role change", () => deps.audio.applyRole(call.id, participant.id, participant.role, target.role)),
      announceEntries(deps, call.id, [entry]),
    ]);
  }
  return participant;
}
