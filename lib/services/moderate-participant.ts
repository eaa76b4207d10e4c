import type { ParticipantDto } from "../contracts/dto";
import { enforce } from "../domain/decision";
import { mayModerate, moderationDecision } from "../domain/moderation";
import { bestEffort } from "./audio-access";
import type { Caller, Deps } from "./deps";
import { participantDto } from "./dto";
import { afterLeft } from "./leave-call";
import { requireActiveParticipant, requireTarget } from "./load";
import { enforceModeration } from "./limits";
import { announceEntries } from "./moderation-log";
import type { CallRecord, ParticipantRecord } from "./ports";

/** An admin mutes someone's microphone on the media server; everyone sees it, and the person is told who did it. */
export async function muteParticipant(deps: Deps, caller: Caller, participantId: string): Promise<ParticipantDto> {
  const { call, self } = await requireActiveParticipant(deps.store, caller);
  await enforceModeration(deps.limits, caller);
  return mute(deps, call, self, participantId);
}

async function mute(deps: Deps, call: CallRecord, self: ParticipantRecord, participantId: string): Promise<ParticipantDto> {
  const target = await requireTarget(deps.store, call.id, participantId);
  enforce(moderationDecision("mute", { actor: self, target: { id: target.id, left: target.leftAt !== null }, hostId: call.hostParticipantId }));
  await bestEffort("muting a microphone", () => deps.audio.muteMicrophone(call.id, target.id));
  const { participant, entry } = await deps.moderation.mute(call.id, { id: self.id, name: self.displayName }, target.id, deps.clock.now());
  const dto = participantDto(participant, call.hostParticipantId);
  if (entry) {
    deps.notifier.participantUpdated(call.id, dto);
    deps.notifier.notice(target.id, {
      code: "MUTED_BY_ADMIN",
      message: `${self.displayName} (admin) muted your microphone. You can unmute when you want to speak.`,
    });
    await announceEntries(deps, call.id, [entry]);
  }
  return dto;
}

/** Mutes every speaker and admin but the caller, each on the log. */
export async function muteAllSpeakers(deps: Deps, caller: Caller): Promise<void> {
  const { call, self } = await requireActiveParticipant(deps.store, caller);
  await enforceModeration(deps.limits, caller);
  enforce(mayModerate(self.role));
  // Only the stage can speak: the audience is never read. Each mute is decided on its own (someone may leave meanwhile).
  const others = (await deps.store.listStage(call.id)).filter((p) => p.id !== self.id && !p.muted);
  for (const p of others) await mute(deps, call, self, p.id);
}

/**
 * An admin removes someone: they are disconnected from chat and audio now, and
 * may come back through the link (the join clears the removal). With `ban` they
 * are kept out: by account for a signed-in user, by browser for a guest.
 */
export async function removeParticipant(deps: Deps, caller: Caller, participantId: string, ban = false): Promise<void> {
  const { call, self } = await requireActiveParticipant(deps.store, caller);
  await enforceModeration(deps.limits, caller);
  const target = await requireTarget(deps.store, call.id, participantId);
  if (target.removedAt && !ban) return; // removing twice changes nothing
  enforce(
    moderationDecision(ban ? "ban" : "remove", {
      actor: self,
      target: { id: target.id, left: target.leftAt !== null && !ban },
      hostId: call.hostParticipantId,
    }),
  );
  const now = deps.clock.now();
  const entries = await deps.moderation.remove(call.id, { id: self.id, name: self.displayName }, target.id, ban, now);
  if (entries.length === 0) return; // another admin got there first
  if (!target.removedAt) {
    deps.notifier.notice(
      target.id,
      ban
        ? { code: "BANNED", message: `${self.displayName} (admin) banned you from this call. You cannot join it again.` }
        : { code: "REMOVED", message: `${self.displayName} (admin) removed you from this call. You can join it again with its link.` },
    );
    deps.notifier.disconnectParticipant(target.id);
    if (!target.leftAt) await afterLeft(deps, target, now);
    await bestEffort("removing from the audio room", () => deps.audio.remove(call.id, target.id));
  }
  await announceEntries(deps, call.id, entries);
}
