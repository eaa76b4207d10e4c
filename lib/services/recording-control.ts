import type { CallDto, ParticipantDto } from "../contracts/dto";
import { AppError } from "../domain/errors";
import { enforce } from "../domain/decision";
import { mayModerate } from "../domain/moderation";
import type { Caller, Deps } from "./deps";
import { callDto, participantDto } from "./dto";
import { enforceModeration, enforceSelfChange } from "./limits";
import { requireActiveParticipant } from "./load";
import { announceEntries } from "./moderation-log";
import { interruptedEnd } from "./recording-retention";
import type { Actor } from "./ports";

type RecordingDeps = Pick<Deps, "store" | "moderation" | "notifier" | "clock" | "recorder" | "recordings" | "recordingFiles" | "newId" | "limits">;
/** What stopping a recording needs (an admin, the call ending, a shutdown). */
export type StopDeps = Pick<Deps, "store" | "notifier" | "moderation" | "clock" | "recorder" | "recordings" | "recordingFiles">;

/**
 * An admin starts or stops recording the call. Idempotent like every
 * moderation action: starting a running recording (or stopping none) changes
 * nothing and logs nothing. Refused with RECORDING_UNAVAILABLE when this
 * server cannot record (no ffmpeg) or the media server cannot be reached.
 */
export async function setRecording(deps: RecordingDeps, caller: Caller, on: boolean): Promise<CallDto> {
  const { self } = await requireActiveParticipant(deps.store, caller);
  enforce(mayModerate(self.role));
  await enforceModeration(deps.limits, caller);
  const actor = { id: self.id, name: self.displayName };
  const changed = on ? await startRecording(deps, caller.callId, actor) : await stopRecording(deps, caller.callId, actor);
  const dto = await callDto(deps.store, (await deps.store.findCall(caller.callId))!);
  if (changed) deps.notifier.callUpdated(caller.callId, dto);
  return dto;
}

async function startRecording(deps: RecordingDeps, callId: string, actor: Actor): Promise<boolean> {
  const problem = deps.recorder.unavailable();
  if (problem) throw new AppError("RECORDING_UNAVAILABLE", problem);
  const id = deps.newId();
  const file = `${id}.ogg`;
  const startedAt = deps.clock.now();
  if (!(await deps.recordings.begin({ id, callId, file, startedAt }))) return false;
  try {
    await deps.recorder.start({
      callId,
      recordingId: id,
      file,
      startedAt,
      speakers: await deps.recordings.listConsenting(callId),
      saveSegments: (segments) => deps.recordings.saveSegments(id, segments),
    });
  } catch (e) {
    console.error(`[earshot] recording ${id} of ${callId} could not start:`, e);
    await deps.recordings.release(callId);
    await deps.recordings.complete(id, { status: "interrupted", endedAt: deps.clock.now(), durationMs: 0, segments: [] });
    throw new AppError("RECORDING_UNAVAILABLE", "Recording could not start: the voice server cannot be reached.");
  }
  await announceEntries(deps, callId, [await deps.moderation.logRecording(callId, actor, "recording-on", id, deps.clock.now())]);
  return true;
}

/** Stops the call's running recording, if any (an admin, or the call ending); true when one was stopped. */
export async function stopRecording(deps: StopDeps, callId: string, actor: Actor): Promise<boolean> {
  const id = await deps.recordings.release(callId);
  if (!id) return false;
  // The stop's time is taken first, so the "stopped" entry falls inside the recording's timeline.
  const at = deps.clock.now();
  const result = await deps.recorder.stop(callId);
  // No session here: this process did not record it (it restarted since); what reached the file and the saved segments stay.
  await deps.recordings.complete(
    id,
    result
      ? { status: "stopped", endedAt: at, ...result }
      : { status: "interrupted", ...(await interruptedEnd(deps, (await deps.recordings.find(id))!)), segments: [] },
  );
  await announceEntries(deps, callId, [await deps.moderation.logRecording(callId, actor, "recording-off", id, at)]);
  return true;
}

const SHUTDOWN_ACTOR: Actor = { id: null, name: "Earshot (server shutting down)" };

/** A clean shutdown (SIGTERM) stops this process's recordings properly: "stopped", with their speaking segments. */
export async function stopAllRecordings(deps: StopDeps): Promise<void> {
  await Promise.allSettled(deps.recorder.activeCalls().map((callId) => stopRecording(deps, callId, SHUTDOWN_ACTOR)));
}

/**
 * A participant answers "Include your voice in the recording?". Changeable at
 * any time; a no (or no answer) keeps them out of the file, and a withdrawal
 * takes them out of a running recording at once.
 */
export async function setRecordingConsent(deps: RecordingDeps, caller: Caller, consent: "yes" | "no"): Promise<ParticipantDto> {
  const { call, self } = await requireActiveParticipant(deps.store, caller);
  if (self.recordingConsent === consent) return participantDto(self, call.hostParticipantId);
  await enforceSelfChange(deps.limits, self);
  const updated = await deps.store.updateParticipant(self.id, { recordingConsent: consent });
  if (call.recordingId) deps.recorder.setSpeakers(call.id, await deps.recordings.listConsenting(call.id));
  const dto = participantDto(updated, call.hostParticipantId);
  deps.notifier.participantUpdated(call.id, dto);
  return dto;
}
