import type { ParticipantDto } from "../contracts/dto";
import { enforce } from "../domain/decision";
import { moderationDecision, stageInviteDecision } from "../domain/moderation";
import { AppError } from "../domain/errors";
import type { Caller, Deps } from "./deps";
import { participantDto } from "./dto";
import { inviteToSpeak } from "./hands";
import { enforceModeration } from "./limits";
import { requireActiveParticipant, requireTarget } from "./load";
import { changeRole } from "./set-role";
import { updateSelf } from "./set-self-state";

/**
 * An admin invites someone from the audience onto the stage. Nobody is put on stage unasked: the
 * person is asked ("Join the stage as a speaker?") and answers with `answerStageInvite`. A raised
 * hand already asked, so inviting someone whose hand is up promotes them at once, as the hand queue does.
 */
export async function inviteToStage(deps: Deps, caller: Caller, participantId: string): Promise<ParticipantDto> {
  const { call, self } = await requireActiveParticipant(deps.store, caller);
  const target = await requireTarget(deps.store, call.id, participantId);
  enforce(moderationDecision("dismissHand", { actor: self, target: { id: target.id, left: target.leftAt !== null }, hostId: call.hostParticipantId }));
  enforce(stageInviteDecision(target.role));
  if (target.handRaised) return inviteToSpeak(deps, caller, participantId, "speaker");
  await enforceModeration(deps.limits, caller);
  if (target.stageInviteFrom === self.id) return participantDto(target, call.hostParticipantId); // asked already
  const invited = await deps.store.updatePresentParticipant(target.id, { stageInviteFrom: self.id });
  if (!invited) throw new AppError("PARTICIPANT_LEFT", "That person has already left the call.");
  const dto = participantDto(invited, call.hostParticipantId);
  deps.notifier.participantUpdated(call.id, dto);
  deps.notifier.notice(target.id, { code: "STAGE_INVITE", message: `${self.displayName} (admin) invites you to join the stage as a speaker.` });
  return dto;
}

/**
 * The invited person answers. Accept: they become a speaker, logged as the inviting admin's
 * promotion (the admin must still be one); Not now: nothing changes. Either way the invitation is
 * gone and the admin who sent it is told the answer.
 */
export async function answerStageInvite(deps: Deps, caller: Caller, accept: boolean): Promise<ParticipantDto> {
  const { call, self } = await requireActiveParticipant(deps.store, caller);
  if (!self.stageInviteFrom) throw new AppError("FORBIDDEN", "Nobody has invited you to the stage; raise your hand to ask.");
  const inviter = await deps.store.findParticipant(self.stageInviteFrom);
  const cleared = await updateSelf(deps, self.id, { stageInviteFrom: null });
  const tellInviter = (message: string) => inviter && deps.notifier.notice(inviter.id, { code: "STAGE_INVITE_ANSWERED", message });
  if (!accept) {
    const dto = participantDto(cleared, call.hostParticipantId);
    deps.notifier.participantUpdated(call.id, dto);
    tellInviter(`${self.displayName} said not now to joining the stage.`);
    return dto;
  }
  if (!inviter || inviter.role !== "admin" || inviter.leftAt) {
    deps.notifier.participantUpdated(call.id, participantDto(cleared, call.hostParticipantId));
    throw new AppError("FORBIDDEN", "The admin who invited you is no longer an admin here; raise your hand to ask again.");
  }
  // The promotion is the inviting admin's; the store re-checks, as it writes, that they still are one.
  const dto = participantDto(await changeRole(deps, call, { id: inviter.id, name: inviter.displayName }, cleared, "speaker"), call.hostParticipantId);
  tellInviter(`${self.displayName} accepted: they are on the stage now.`);
  return dto;
}
