import { isRecorderIdentity } from "../domain/recording";
import { bestEffort } from "./audio-access";
import type { Deps } from "./deps";
import { participantDto } from "./dto";
import type { ParticipantPatch } from "./ports";

/** What the media server tells us happened in a call's audio room (from its webhooks). */
export type AudioEvent =
  | { kind: "joined" | "left"; callId: string; participantId: string }
  | { kind: "published" | "unpublished"; callId: string; participantId: string; microphone: boolean };

/**
 * Keeps presence in step with the audio room, and is the backstop for
 * removals: anyone who gets in with a stale token after being removed (or
 * without being a live participant) is kicked again at once.
 */
export async function handleAudioEvent(deps: Deps, e: AudioEvent): Promise<void> {
  if (isRecorderIdentity(e.participantId)) return; // our own recorder: no participant to track or kick
  const [call, p] = await Promise.all([deps.store.findCall(e.callId), deps.store.findParticipant(e.participantId)]);
  const belongs = call !== null && p !== null && p.callId === e.callId;
  if (e.kind === "joined" && (!belongs || call.endedAt || p.removedAt || p.leftAt)) {
    await bestEffort("re-kicking a removed participant", () => deps.audio.remove(e.callId, e.participantId));
    return;
  }
  if (!belongs) return;
  if (e.kind === "joined") {
    // The token's grants date from when it was minted; the role may have changed since.
    await bestEffort("re-applying a role", () => deps.audio.applyRole(call.id, p.id, p.role));
  }
  const patch: ParticipantPatch =
    e.kind === "joined"
      ? { inAudio: true }
      : e.kind === "left"
        ? { inAudio: false, publishing: false }
        : "microphone" in e && e.microphone
          ? { publishing: e.kind === "published" }
          : {};
  if (Object.entries(patch).every(([k, v]) => p[k as keyof typeof p] === v)) return;
  // Someone who left stays gone for everyone: their record is kept true, but nobody is told.
  const updated = await deps.store.updatePresentParticipant(p.id, patch);
  if (updated) deps.notifier.participantUpdated(call.id, participantDto(updated, call.hostParticipantId));
  else await deps.store.updateParticipant(p.id, patch);
}
