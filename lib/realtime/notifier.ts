import type { AudienceCount } from "../contracts/dto";
import type { Role } from "../contracts/roles";
import { isOnStage } from "../domain/stage";
import type { Notifier } from "../services/ports";
import { AudienceCoalescer } from "./audience-coalescer";
import { adminRoom, callRoom, participantRoom } from "./rooms";
import type { EarshotServer } from "./types";

/** At most one audience count (everyone) and one batch of audience changes (admins) per call per second. */
export const AUDIENCE_INTERVAL_MS = 1000;

/**
 * Services' events, delivered to the sockets of a call (through the adapter, so
 * across nodes too). The stage is live for everyone; the audience is not
 * broadcast person by person: its changes are coalesced (see AudienceCoalescer),
 * and only the person concerned hears of their own at once.
 */
export function socketNotifier(
  io: EarshotServer,
  opts: { audienceCount: (callId: string) => Promise<AudienceCount>; intervalMs?: number; clustered: boolean },
): Notifier {
  // Each node tells its own sockets (io.local) what it saw and what the other nodes shared with it:
  // one count a second per listener and one batch per admin, however many nodes there are.
  const audience = new AudienceCoalescer({
    intervalMs: opts.intervalMs ?? AUDIENCE_INTERVAL_MS,
    readCount: opts.audienceCount,
    sink: {
      count: (callId, count) => io.local.to(callRoom(callId)).emit("audience:count", count),
      changes: (callId, changes) => io.local.to(adminRoom(callId)).emit("audience:changes", changes),
      share: (callId, news) => {
        if (opts.clustered) io.serverSideEmit("audience:news", callId, news);
      },
    },
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms).unref(), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
    onError: (e) => console.error("[earshot] audience count failed:", e),
  });
  if (opts.clustered) io.on("audience:news", (callId, news) => audience.heard(callId, news));
  /** Admin sockets sit in the call's admin room (for audience batches and the log): membership follows the role. */
  const followAdminRole = (callId: string, participantId: string, role: Role) => {
    const sockets = io.in(participantRoom(participantId));
    if (role === "admin") sockets.socketsJoin(adminRoom(callId));
    else sockets.socketsLeave(adminRoom(callId));
  };

  return {
    participantJoined(callId, p) {
      audience.back(callId, p.id);
      if (isOnStage(p.role)) io.to(callRoom(callId)).emit("participant:joined", p);
      else audience.joined(callId, p);
    },
    participantUpdated(callId, p, before) {
      // An update that lost the race with their leaving (a socket closing as they leave, a late webhook) would put them back.
      if (audience.hasLeft(callId, p.id)) return;
      const moved = before !== undefined && isOnStage(before) !== isOnStage(p.role);
      if (before !== undefined && before !== p.role) followAdminRole(callId, p.id, p.role);
      if (isOnStage(p.role) || moved) {
        // Stage changes, promotions and demotions: everyone at once (a client files the person by role).
        io.to(callRoom(callId)).emit("participant:updated", p);
        if (moved && isOnStage(p.role)) audience.promoted(callId, p.id);
        if (moved) audience.countChanged(callId);
        return;
      }
      io.to(participantRoom(p.id)).emit("participant:updated", p);
      audience.updated(callId, p);
    },
    participantLeft(callId, participantId, role) {
      if (isOnStage(role)) {
        audience.stageLeft(callId, participantId);
        io.to(callRoom(callId)).emit("participant:left", { participantId });
        return;
      }
      io.to(participantRoom(participantId)).emit("participant:left", { participantId });
      audience.left(callId, participantId);
    },
    chatMessage: (callId, m) => io.to(callRoom(callId)).emit("chat:message", m),
    callEnded(callId) {
      audience.forget(callId);
      io.to(callRoom(callId)).emit("call:ended", { callId });
      io.in(callRoom(callId)).disconnectSockets(true);
    },
    callUpdated: (callId, call) => io.to(callRoom(callId)).emit("call:updated", call),
    moderationLogged: (callId, entry) => io.to(adminRoom(callId)).emit("moderation:entry", entry),
    notice: (participantId, notice) => io.to(participantRoom(participantId)).emit("notice", notice),
    disconnectParticipant: (participantId) => io.in(participantRoom(participantId)).disconnectSockets(true),
  };
}
