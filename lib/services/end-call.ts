import { AppError } from "../domain/errors";
import { can, refusal } from "../domain/permissions";
import type { Caller, Deps } from "./deps";
import { bestEffort } from "./audio-access";
import { requireActiveParticipant } from "./load";

/** An admin ends the call for everyone; it becomes read-only history. */
export async function endCall(deps: Deps, caller: Caller): Promise<void> {
  const { self } = await requireActiveParticipant(deps.store, caller);
  if (!can(self.role, "moderate")) throw new AppError("FORBIDDEN", refusal(self.role, "moderate"));
  await finishCall(deps, caller.callId);
}

/** Ends a call (by an admin or after its grace period) and tells everyone. */
export async function finishCall(deps: Pick<Deps, "store" | "notifier" | "clock" | "audio">, callId: string): Promise<void> {
  const ended = await deps.store.endCall(callId, deps.clock.now());
  if (!ended) return;
  deps.notifier.callEnded(callId);
  await bestEffort("closing the audio room", () => deps.audio.endRoom(callId));
}
