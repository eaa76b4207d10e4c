import type { CreateCallBody, SessionResponse } from "../contracts/rest";
import { AppError } from "../domain/errors";
import { nameCandidate, newCallId } from "../domain/names";
import { participantRecord, type Visitor } from "./admit-participant";
import { audioAccess } from "./audio-access";
import type { Deps } from "./deps";
import { callDto, participantDto } from "./dto";
import { addressKey, deviceKey, enforce } from "./limits";

const MAX_ID_ATTEMPTS = 10;

/**
 * Opens a call; its creator joins as the host, an admin from the start, and a
 * signed-in creator's account owns it. `audioUrl` is where this client reaches
 * the media server.
 */
export async function createCall(
  deps: Deps,
  body: CreateCallBody,
  audioUrl: string,
  who: { user: Visitor | null; deviceId: string | null; address?: string },
): Promise<SessionResponse> {
  const { user } = who;
  await enforce(
    deps.limits.createCall,
    [addressKey(who.address), deviceKey(who.deviceId)],
    "Too many calls were opened from this address or browser; wait a moment and try again.",
  );
  const now = deps.clock.now();
  for (let attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt++) {
    const id = newCallId(deps.randomInt);
    const host = participantRecord(deps, id, "admin", who, nameCandidate(who.user?.name ?? null, 0, deps.randomInt), now);
    const call = {
      id,
      title: body.title || `${host.displayName}'s call`,
      defaultRole: body.defaultRole,
      hostParticipantId: host.id,
      hostUserId: user?.id ?? null,
      createdAt: now,
    };
    if (!(await deps.store.createCall(call, host))) continue; // ID collision: draw again
    return {
      call: await callDto(deps.store, { ...call, endedAt: null, emptySince: null, locked: false, recordingId: null }),
      participant: participantDto(host, host.id),
      credential: deps.issueCredential(id, host.id),
      livekit: await audioAccess(deps, host, audioUrl),
    };
  }
  throw new AppError("INTERNAL", "Could not find a free call ID; try again.");
}
