import type { LiveKitAccess } from "../contracts/dto";
import type { Deps } from "./deps";
import type { ParticipantRecord } from "./ports";

/** The media server URL and a token whose grants follow the participant's current role. */
export async function audioAccess(deps: Pick<Deps, "audio">, p: ParticipantRecord, url: string): Promise<LiveKitAccess> {
  return { url, token: await deps.audio.token({ callId: p.callId, participantId: p.id, displayName: p.displayName, role: p.role }) };
}

/**
 * Runs a media-server call whose failure must not undo what the database
 * already holds (degraded mode: chat and roles keep working without audio;
 * the participant_joined webhook re-applies the role when LiveKit is back).
 */
export async function bestEffort(what: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    console.warn(`[earshot] audio: ${what} failed: ${(e as Error).message}`);
  }
}
