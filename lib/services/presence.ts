import type { Role } from "../contracts/roles";
import type { CallState } from "../contracts/socket";
import { can } from "../domain/permissions";
import type { Caller, Deps } from "./deps";
import { callDtoOf, participantDto } from "./dto";
import { finishCall, IDLE_TIMEOUT_ACTOR } from "./end-call";
import { afterLeft } from "./leave-call";
import { messagePage } from "./list-messages";
import { participantPage } from "./list-participants";
import { expireRecordings } from "./recording-retention";
import { requireActiveParticipant, requireLiveCall, requireMember } from "./load";

export const CALL_STATE_MESSAGES = 50;
/**
 * The audience's and the hand queue's first pages in call:state. Sized so that the snapshot
 * stays under 16 KB at any audience size (a participant is about 260 bytes), chat aside.
 */
export const CALL_STATE_AUDIENCE = 40;
export const CALL_STATE_HANDS = 10;

/**
 * A connection opened. A participant who had timed out (left) but whose
 * credential still holds comes back in; an away one is online again.
 * The state to render from is read afterwards (callState), once the socket is in the call's rooms;
 * the role returned says which rooms (admins have one of their own).
 */
export async function connectParticipant(deps: Deps, caller: Caller): Promise<{ role: Role }> {
  const call = await requireLiveCall(deps.store, caller.callId);
  let self = await requireMember(deps.store, caller);
  if (self.leftAt || self.awaySince || self.presenceNode !== deps.nodes.self) {
    const rejoining = self.leftAt !== null;
    const back = rejoining || self.awaySince !== null;
    self = await deps.store.updateParticipant(self.id, { leftAt: null, awaySince: null, presenceNode: deps.nodes.self });
    if (!back) return { role: self.role }; // online already, now through this node
    const dto = participantDto(self, call.hostParticipantId);
    if (rejoining) deps.notifier.participantJoined(call.id, dto);
    else deps.notifier.participantUpdated(call.id, dto);
    if (call.emptySince) await deps.store.setCallEmptySince(call.id, null);
  }
  return { role: self.role };
}

/** The snapshot a connection renders from: bounded whatever the audience's size (see CallState). */
export async function callState(deps: Deps, caller: Caller): Promise<CallState> {
  const { call, self } = await requireActiveParticipant(deps.store, caller);
  const first = { search: null, cursor: null };
  const [stage, count, audience, hands, page] = await Promise.all([
    deps.store.listStage(call.id),
    deps.store.countAudience(call.id),
    participantPage(deps, call, "audience", { ...first, limit: CALL_STATE_AUDIENCE }),
    can(self.role, "moderate") ? participantPage(deps, call, "hands", { ...first, limit: CALL_STATE_HANDS }) : null,
    messagePage(deps, call.id, null, CALL_STATE_MESSAGES),
  ]);
  // Everyone present is on the stage or in the audience: no separate count; the host is usually on stage.
  const host = stage.find((p) => p.id === call.hostParticipantId) ?? (call.hostParticipantId ? await deps.store.findParticipant(call.hostParticipantId) : null);
  return {
    call: callDtoOf(call, host?.displayName ?? "", stage.length + count.total),
    self: participantDto(self, call.hostParticipantId),
    stage: stage.map((p) => participantDto(p, call.hostParticipantId)),
    audience: { count, ...audience },
    hands,
    messages: page.messages,
    nextCursor: page.nextCursor,
  };
}

/** Marks people away (a node starting, or nodes that died) and tells their calls. */
export async function markAway(deps: Pick<Deps, "store" | "notifier">, at: Date, whose: Parameters<Deps["store"]["markAway"]>[1]): Promise<void> {
  const marked = await deps.store.markAway(at, whose);
  const calls = new Map<string, string | null>();
  for (const p of marked) {
    if (!calls.has(p.callId)) calls.set(p.callId, (await deps.store.findCall(p.callId))?.hostParticipantId ?? null);
    deps.notifier.participantUpdated(p.callId, participantDto(p, calls.get(p.callId)!));
  }
}

/**
 * The participant's last connection on this node closed: shown as away until they return or time out.
 * If another node still holds a connection of theirs (`elsewhere`), they stay online and that node
 * answers for them (its death turns them away).
 */
export async function disconnectParticipant(deps: Deps, caller: Caller, elsewhere: string | null = null): Promise<void> {
  if (elsewhere !== null) {
    if (elsewhere !== deps.nodes.self) await deps.store.updatePresentParticipant(caller.participantId, { presenceNode: elsewhere });
    return;
  }
  const self = await deps.store.findParticipant(caller.participantId);
  if (!self || self.leftAt || self.awaySince) return;
  const call = await deps.store.findCall(caller.callId);
  if (!call || call.endedAt) return;
  // They may have left (or been removed) since the read above: then nobody hears of this.
  const updated = await deps.store.updatePresentParticipant(self.id, { awaySince: deps.clock.now() });
  if (updated) deps.notifier.participantUpdated(call.id, participantDto(updated, call.hostParticipantId));
}

/**
 * Periodic housekeeping, safe to run from any process at any time: away
 * participants past the timeout leave; calls empty past the grace period end.
 */
export async function sweepPresence(deps: Deps): Promise<void> {
  const now = deps.clock.now();
  await deps.nodes.heartbeat();
  // A node that stopped beating took its connections with it: its people are away, and leave below in time.
  const alive = await deps.nodes.alive();
  if (alive) await markAway(deps, now, { alive });
  const awayCutoff = new Date(now.getTime() - deps.config.presenceTimeoutMs);
  for (const p of await deps.store.listAwayBefore(awayCutoff)) {
    if (await deps.store.leaveIfAwaySince(p.id, awayCutoff, now)) await afterLeft(deps, p, now);
  }
  for (const callId of await deps.store.listIdleCalls(new Date(now.getTime() - deps.config.callGraceMs))) {
    await finishCall(deps, callId, IDLE_TIMEOUT_ACTOR);
  }
  await expireRecordings(deps);
}
