import type { CreateCallBody, SessionResponse } from "../contracts/rest";
import { AppError } from "../domain/errors";
import { newCallId, newGuestName } from "../domain/names";
import type { Deps } from "./deps";
import { audioAccess } from "./audio-access";
import { callDto, participantDto } from "./dto";

const MAX_ID_ATTEMPTS = 10;

/**
 * Opens a call; its creator joins as the host, an admin from the start.
 * `audioUrl` is where this client reaches the media server.
 */
export async function createCall(deps: Deps, body: CreateCallBody, audioUrl: string): Promise<SessionResponse> {
  const now = deps.clock.now();
  for (let attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt++) {
    const id = newCallId(deps.randomInt);
    const host = {
      id: deps.newId(),
      callId: id,
      kind: "guest" as const,
      displayName: newGuestName(new Set(), deps.randomInt),
      role: "admin" as const,
      muted: true,
      handRaised: false,
      joinedAt: now,
      leftAt: null,
      // Away until their first connection; the presence sweep ends a call nobody ever opened.
      awaySince: now,
      removedAt: null,
      inAudio: false,
      publishing: false,
    };
    const call = { id, title: body.title || `${host.displayName}'s call`, defaultRole: body.defaultRole, hostParticipantId: host.id, createdAt: now };
    if (!(await deps.store.createCall(call, host))) continue; // ID collision: draw again
    return {
      call: await callDto(deps.store, { ...call, endedAt: null, emptySince: null }),
      participant: participantDto(host, host.id),
      credential: deps.issueCredential(id, host.id),
      livekit: await audioAccess(deps, host, audioUrl),
    };
  }
  throw new AppError("INTERNAL", "Could not find a free call ID; try again.");
}
