import type { ParticipantDto } from "../contracts/dto";
import { AppError } from "../domain/errors";
import type { Caller, Deps } from "./deps";
import { participantDto } from "./dto";
import { enforceSelfChange } from "./limits";
import { requireActiveParticipant } from "./load";
import type { ParticipantPatch, ParticipantRecord } from "./ports";

/** A participant's own mute state, shown to everyone. */
export async function setMuted(deps: Deps, caller: Caller, muted: boolean): Promise<ParticipantDto> {
  const { call, self } = await requireActiveParticipant(deps.store, caller);
  if (self.muted === muted) return participantDto(self, call.hostParticipantId);
  await enforceSelfChange(deps.limits, self);
  const dto = participantDto(await updateSelf(deps, self.id, { muted }), call.hostParticipantId);
  deps.notifier.participantUpdated(call.id, dto);
  return dto;
}

/** Changes the caller's own state, unless they left meanwhile (then it is PARTICIPANT_LEFT, and nobody is told). */
export async function updateSelf(deps: Pick<Deps, "store">, id: string, patch: ParticipantPatch): Promise<ParticipantRecord> {
  const updated = await deps.store.updatePresentParticipant(id, patch);
  if (!updated) throw new AppError("PARTICIPANT_LEFT", "You have left this call; join it again to take part.");
  return updated;
}
