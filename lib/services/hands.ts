import type { ParticipantDto } from "../contracts/dto";
import type { Role } from "../contracts/roles";
import { enforce } from "../domain/decision";
import { AppError } from "../domain/errors";
import { inviteDecision, mayModerate, moderationDecision, raiseHandDecision } from "../domain/moderation";
import { roleChangeDecision } from "../domain/role-change";
import type { Caller, Deps } from "./deps";
import { participantDto } from "./dto";
import { requireActiveParticipant, requireTarget } from "./load";
import { enforceModeration, enforceSelfChange } from "./limits";
import { changeRole } from "./set-role";
import { updateSelf } from "./set-self-state";

/** Raises or lowers the caller's own hand; the queue is ordered by when hands went up. */
export async function setHandRaised(deps: Deps, caller: Caller, raised: boolean): Promise<ParticipantDto> {
  const { call, self } = await requireActiveParticipant(deps.store, caller);
  enforce(raiseHandDecision(self.role, raised));
  if (self.handRaised === raised) return participantDto(self, call.hostParticipantId);
  await enforceSelfChange(deps.limits, self);
  const at = deps.clock.now();
  const updated = await updateSelf(deps, self.id, { handRaised: raised, handRaisedAt: raised ? at : null });
  await deps.history.logHand({ callId: call.id, participantId: self.id, raised, byName: null, createdAt: at });
  const dto = participantDto(updated, call.hostParticipantId);
  deps.notifier.participantUpdated(call.id, dto);
  return dto;
}

/** An admin accepts a raised hand: the person becomes a speaker (or a chatter, for a listener) and is told. */
export async function inviteToSpeak(deps: Deps, caller: Caller, participantId: string, as: Role): Promise<ParticipantDto> {
  const { call, self } = await requireActiveParticipant(deps.store, caller);
  await enforceModeration(deps.limits, caller);
  const target = await requireTarget(deps.store, call.id, participantId);
  const facts = { actor: self, target: { id: target.id, role: target.role, left: target.leftAt !== null }, hostId: call.hostParticipantId };
  // Accepting a hand is a role change: the same rule (the host stays the host's to change), then which roles an invitation may give.
  enforce(roleChangeDecision({ ...facts, newRole: as, presentAdminCount: await deps.store.countPresentAdmins(call.id) }));
  enforce(inviteDecision(target.role, as));
  const dto = participantDto(await changeRole(deps, call, { id: self.id, name: self.displayName }, target, as), call.hostParticipantId);
  const message = as === "speaker" ? "you can speak now: unmute your microphone when you are ready." : "you can chat now.";
  deps.notifier.notice(target.id, { code: "HAND_ACCEPTED", message: `${self.displayName} (admin) accepted your raised hand: ${message}` });
  return dto;
}

/** An admin lowers one raised hand; the person is told. */
export async function dismissHand(deps: Deps, caller: Caller, participantId: string): Promise<ParticipantDto> {
  const { call, self } = await requireActiveParticipant(deps.store, caller);
  await enforceModeration(deps.limits, caller);
  const target = await requireTarget(deps.store, call.id, participantId);
  enforce(moderationDecision("dismissHand", { actor: self, target: { id: target.id, left: target.leftAt !== null }, hostId: call.hostParticipantId }));
  if (!target.handRaised) return participantDto(target, call.hostParticipantId);
  return lowerHand(deps, call.id, call.hostParticipantId, target.id, self.displayName, `${self.displayName} (admin) lowered your hand.`);
}

const LOWER_ALL_PAGE = 200;
/** Bounds the loop: 100 pages is 20,000 hands, more than a node holds. */
const MAX_LOWER_ALL_PASSES = 100;

/** An admin clears the whole queue. */
export async function lowerAllHands(deps: Deps, caller: Caller): Promise<void> {
  const { call, self } = await requireActiveParticipant(deps.store, caller);
  await enforceModeration(deps.limits, caller);
  enforce(mayModerate(self.role));
  // Page by page through the queue (each pass lowers what it read, so the first page is always next).
  for (let pass = 0; pass < MAX_LOWER_ALL_PASSES; pass++) {
    const raised = await deps.store.listParticipantPage(call.id, { group: "hands", search: null, after: null, limit: LOWER_ALL_PAGE });
    for (const p of raised)
      await lowerHand(deps, call.id, call.hostParticipantId, p.id, self.displayName, `${self.displayName} (admin) lowered all raised hands.`);
    if (raised.length < LOWER_ALL_PAGE) return;
  }
}

async function lowerHand(
  deps: Deps,
  callId: string,
  hostId: string | null,
  participantId: string,
  adminName: string,
  message: string,
): Promise<ParticipantDto> {
  const updated = await deps.store.updatePresentParticipant(participantId, { handRaised: false, handRaisedAt: null });
  if (!updated) throw new AppError("PARTICIPANT_LEFT", "They have left the call.");
  await deps.history.logHand({ callId, participantId, raised: false, byName: adminName, createdAt: deps.clock.now() });
  const dto = participantDto(updated, hostId);
  deps.notifier.participantUpdated(callId, dto);
  deps.notifier.notice(participantId, { code: "HAND_DISMISSED", message });
  return dto;
}
