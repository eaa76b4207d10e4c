import type { ParticipantDto } from "../contracts/dto";
import type { Caller, Deps } from "./deps";
import { participantDto } from "./dto";
import { requireActiveParticipant } from "./load";

/** A participant's own mute state, shown to everyone. */
export async function setMuted(deps: Deps, caller: Caller, muted: boolean): Promise<ParticipantDto> {
  const { call, self } = await requireActiveParticipant(deps.store, caller);
  if (self.muted === muted) return participantDto(self, call.hostParticipantId);
  const dto = participantDto(await deps.store.updateParticipant(self.id, { muted }), call.hostParticipantId);
  deps.notifier.participantUpdated(call.id, dto);
  return dto;
}
