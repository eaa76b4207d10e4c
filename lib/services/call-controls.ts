import type { CallDto } from "../contracts/dto";
import type { DefaultRole } from "../contracts/roles";
import { enforce } from "../domain/decision";
import { mayModerate } from "../domain/moderation";
import type { Caller, Deps } from "./deps";
import { callDto } from "./dto";
import { requireActiveParticipant } from "./load";
import { enforceModeration } from "./limits";
import { announceEntries } from "./moderation-log";

/** Locks (no new joins; people already in stay) or unlocks the call. */
export async function setLocked(deps: Deps, caller: Caller, locked: boolean): Promise<CallDto> {
  const { self } = await requireActiveParticipant(deps.store, caller);
  enforce(mayModerate(self.role));
  await enforceModeration(deps.limits, caller);
  const entry = await deps.moderation.setLocked(caller.callId, { id: self.id, name: self.displayName }, locked, deps.clock.now());
  return announceCall(deps, caller.callId, entry !== null, [entry]);
}

/** Changes the role newcomers get. */
export async function setDefaultRole(deps: Deps, caller: Caller, role: DefaultRole): Promise<CallDto> {
  const { self } = await requireActiveParticipant(deps.store, caller);
  enforce(mayModerate(self.role));
  await enforceModeration(deps.limits, caller);
  const entry = await deps.moderation.setDefaultRole(caller.callId, { id: self.id, name: self.displayName }, role, deps.clock.now());
  return announceCall(deps, caller.callId, entry !== null, [entry]);
}

async function announceCall(deps: Deps, callId: string, changed: boolean, entries: Parameters<typeof announceEntries>[2]): Promise<CallDto> {
  const call = await deps.store.findCall(callId);
  const dto = await callDto(deps.store, call!);
  if (changed) {
    deps.notifier.callUpdated(callId, dto);
    await announceEntries(deps, callId, entries);
  }
  return dto;
}
