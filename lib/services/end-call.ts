import { enforce } from "../domain/decision";
import { mayModerate } from "../domain/moderation";
import { bestEffort } from "./audio-access";
import type { Caller, Deps } from "./deps";
import { enforceModeration } from "./limits";
import { requireActiveParticipant } from "./load";
import type { Actor } from "./ports";
import { stopRecording, type StopDeps } from "./recording-control";

/** An admin ends the call for everyone; it becomes read-only history. */
export async function endCall(deps: Deps, caller: Caller): Promise<void> {
  const { self } = await requireActiveParticipant(deps.store, caller);
  enforce(mayModerate(self.role));
  await enforceModeration(deps.limits, caller);
  await finishCall(deps, caller.callId, { id: self.id, name: self.displayName });
}

export const IDLE_TIMEOUT_ACTOR: Actor = { id: null, name: "Earshot (empty call timed out)" };

/** Ends a call (by an admin, a site admin or after its grace period), logs who did, and tells everyone. */
export async function finishCall(deps: StopDeps & Pick<Deps, "audio">, callId: string, actor: Actor): Promise<void> {
  const at = deps.clock.now();
  const ended = await deps.store.endCall(callId, at);
  if (!ended) return; // already ended: ending twice changes nothing
  await stopRecording(deps, callId, actor);
  await deps.moderation.logEnd(callId, actor, at);
  deps.notifier.callEnded(callId, { endedBy: actor.name, endedAt: at });
  await bestEffort("closing the audio room", () => deps.audio.endRoom(callId));
}
