import type { CallState } from "../contracts/socket";
import type { Caller, Deps } from "./deps";
import { callDto, participantDto } from "./dto";
import { finishCall, IDLE_TIMEOUT_ACTOR } from "./end-call";
import { afterLeft } from "./leave-call";
import { messagePage } from "./list-messages";
import { expireRecordings } from "./recording-retention";
import { requireActiveParticipant, requireLiveCall, requireMember } from "./load";

export const CALL_STATE_MESSAGES = 50;

/**
 * A connection opened. A participant who had timed out (left) but whose
 * credential still holds comes back in; an away one is online again.
 * The state to render from is read afterwards (callState), once the socket is in the call's rooms.
 */
export async function connectParticipant(deps: Deps, caller: Caller): Promise<void> {
  const call = await requireLiveCall(deps.store, caller.callId);
  let self = await requireMember(deps.store, caller);
  if (self.leftAt || self.awaySince || self.presenceNode !== deps.nodes.self) {
    const rejoining = self.leftAt !== null;
    const back = rejoining || self.awaySince !== null;
    self = await deps.store.updateParticipant(self.id, { leftAt: null, awaySince: null, presenceNode: deps.nodes.self });
    if (!back) return; // online already, now through this node
    const dto = participantDto(self, call.hostParticipantId);
    if (rejoining) deps.notifier.participantJoined(call.id, dto);
    else deps.notifier.participantUpdated(call.id, dto);
    if (call.emptySince) await deps.store.setCallEmptySince(call.id, null);
  }
}

export async function callState(deps: Deps, caller: Caller): Promise<CallState> {
  const { call, self } = await requireActiveParticipant(deps.store, caller);
  const [dto, participants, page] = await Promise.all([
    callDto(deps.store, call),
    deps.store.listPresentParticipants(call.id),
    messagePage(deps, call.id, null, CALL_STATE_MESSAGES),
  ]);
  return {
    call: dto,
    self: participantDto(self, call.hostParticipantId),
    participants: participants.map((p) => participantDto(p, call.hostParticipantId)),
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

/** The participant's last connection closed: shown as away until they return or time out. */
export async function disconnectParticipant(deps: Deps, caller: Caller): Promise<void> {
  const self = await deps.store.findParticipant(caller.participantId);
  if (!self || self.leftAt || self.awaySince) return;
  const call = await deps.store.findCall(caller.callId);
  if (!call || call.endedAt) return;
  const updated = await deps.store.updateParticipant(self.id, { awaySince: deps.clock.now() });
  deps.notifier.participantUpdated(call.id, participantDto(updated, call.hostParticipantId));
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
