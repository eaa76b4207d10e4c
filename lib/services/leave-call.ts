import type { Caller, Deps } from "./deps";
import { requireMember } from "./load";
import type { ParticipantRecord } from "./ports";

/** The caller leaves; a call left empty starts its grace period. Leaving twice is harmless. */
export async function leaveCall(deps: Deps, caller: Caller): Promise<void> {
  const self = await requireMember(deps.store, caller);
  if (self.leftAt) return;
  const now = deps.clock.now();
  await deps.store.updateParticipant(self.id, { leftAt: now, handRaised: false });
  await afterLeft(deps, self, now);
  deps.notifier.disconnectParticipant(self.id);
}

/** Tells the call someone left; a call left empty starts its grace period. Shared with the presence timeout. */
export async function afterLeft(deps: Pick<Deps, "store" | "notifier">, p: ParticipantRecord, at: Date): Promise<void> {
  deps.notifier.participantLeft(p.callId, p.id, p.role);
  if ((await deps.store.countPresentParticipants(p.callId)) === 0) await deps.store.setCallEmptySince(p.callId, at);
}
