import type { LiveKitAccess } from "../contracts/dto";
import type { Caller, Deps } from "./deps";
import { requireActiveParticipant } from "./load";
import type { ParticipantRecord } from "./ports";

/** The media server URL and a token whose grants follow the participant's current role. */
export async function audioAccess(deps: Pick<Deps, "audio">, p: ParticipantRecord, url: string): Promise<LiveKitAccess> {
  return { url, token: await deps.audio.token({ callId: p.callId, participantId: p.id, displayName: p.displayName, role: p.role }) };
}

/**
 * A fresh token for the caller, who is still in the live call (the audio
 * client's retries ask for one; the first came with the join). Its grants
 * follow the role held now. Refused as a rejoin would be: `CALL_ENDED`,
 * `REMOVED`, `BANNED`; and `PARTICIPANT_LEFT` for someone who has left.
 */
export async function renewAudioAccess(deps: Pick<Deps, "store" | "moderation" | "audio">, caller: Caller, url: string): Promise<LiveKitAccess> {
  const { self } = await requireActiveParticipant(deps.store, caller, deps.moderation);
  return audioAccess(deps, self, url);
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
