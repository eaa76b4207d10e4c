import type { ParticipantDto } from "../contracts/dto";
import { checkModeration } from "../domain/moderation";
import { bestEffort } from "./audio-access";
import type { Caller, Deps } from "./deps";
import { participantDto } from "./dto";
import { afterLeft } from "./leave-call";
import { requireActiveParticipant, requireTarget } from "./load";

/** An admin mutes someone's microphone on the media server; everyone sees it, and the person is told who did it. */
export async function muteParticipant(deps: Deps, caller: Caller, participantId: string): Promise<ParticipantDto> {
  const { call, self } = await requireActiveParticipant(deps.store, caller);
  const target = await requireTarget(deps.store, call.id, participantId);
  checkModeration("mute", { actor: self, target: { id: target.id, left: target.leftAt !== null }, hostId: call.hostParticipantId });
  await bestEffort("muting a microphone", () => deps.audio.muteMicrophone(call.id, target.id));
  const updated = target.muted ? target : await deps.store.updateParticipant(target.id, { muted: true });
  const dto = participantDto(updated, call.hostParticipantId);
  if (!target.muted) {
    deps.notifier.participantUpdated(call.id, dto);
    deps.notifier.notice(target.id, { code: "MUTED_BY_ADMIN", message: `${self.displayName} (admin) muted your microphone. You can unmute when you want to speak.` });
  }
  return dto;
}

/**
 * An admin removes someone: their credential stops working in this call, they
 * are disconnected from chat and audio, and a rejoin with it is refused.
 */
export async function removeParticipant(deps: Deps, caller: Caller, participantId: string): Promise<void> {
  const { call, self } = await requireActiveParticipant(deps.store, caller);
  const target = await requireTarget(deps.store, call.id, participantId);
  checkModeration("remove", { actor: self, target: { id: target.id, left: target.leftAt !== null }, hostId: call.hostParticipantId });
  const now = deps.clock.now();
  await deps.store.updateParticipant(target.id, { removedAt: now, leftAt: now, handRaised: false });
  deps.notifier.notice(target.id, { code: "REMOVED", message: `${self.displayName} (admin) removed you from this call.` });
  deps.notifier.disconnectParticipant(target.id);
  await afterLeft(deps, target, now);
  await bestEffort("removing from the audio room", () => deps.audio.remove(call.id, target.id));
}
