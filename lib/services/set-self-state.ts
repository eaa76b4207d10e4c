import type { ParticipantDto } from "../contracts/dto";
import type { Caller, Deps } from "./deps";
import { participantDto } from "./dto";
import { requireActiveParticipant } from "./load";
import type { ParticipantPatch } from "./ports";

/** A participant's own mute state, shown to everyone. */
export function setMuted(deps: Deps, caller: Caller, muted: boolean): Promise<ParticipantDto> {
  return patchSelf(deps, caller, { muted });
}

/** A participant raises or lowers their hand to ask to speak. */
export function setHandRaised(deps: Deps, caller: Caller, raised: boolean): Promise<ParticipantDto> {
  return patchSelf(deps, caller, { handRaised: raised });
}

async function patchSelf(deps: Deps, caller: Caller, patch: ParticipantPatch): Promise<ParticipantDto> {
  const { call, self } = await requireActiveParticipant(deps.store, caller);
  const unchanged = Object.entries(patch).every(([k, v]) => self[k as keyof typeof self] === v);
  const updated = unchanged ? self : await deps.store.updateParticipant(self.id, patch);
  const dto = participantDto(updated, call.hostParticipantId);
  if (!unchanged) deps.notifier.participantUpdated(call.id, dto);
  return dto;
}
