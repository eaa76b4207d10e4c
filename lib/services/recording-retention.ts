import { retentionCutoff } from "../domain/recording";
import type { Deps } from "./deps";
import type { RecordingRecord } from "./ports";

const RETENTION_ACTOR = { id: null, name: "Earshot (retention period over)" };

/** Removes finished recordings older than RECORDING_RETENTION_DAYS (part of the periodic sweep). */
export async function expireRecordings(deps: Pick<Deps, "recordings" | "recordingFiles" | "moderation" | "clock" | "config">): Promise<void> {
  const now = deps.clock.now();
  const cutoff = retentionCutoff(now, deps.config.recordingRetentionDays);
  if (!cutoff) return;
  for (const r of await deps.recordings.listEndedBefore(cutoff)) {
    await deps.recordingFiles.remove(r.file);
    if (await deps.recordings.markDeleted(r.id, now)) await deps.moderation.logRecording(r.callId, RETENTION_ACTOR, "recording-deleted", r.id, now);
  }
}

/**
 * On start-up: recordings that were running when the process stopped (a
 * crash, a kill) are marked interrupted, with the segments saved while they ran.
 */
export async function recoverInterruptedRecordings(deps: Pick<Deps, "recordings" | "recordingFiles">): Promise<void> {
  for (const r of await deps.recordings.releaseAll())
    await deps.recordings.complete(r.id, { status: "interrupted", ...(await interruptedEnd(deps, r)), segments: [] });
}

/**
 * Where a recording that no process finished ended: its file holds
 * everything up to the stop (ffmpeg closes it when our end of its pipe goes
 * away), so its last write is when it ended; with no file, the last saved
 * segment is the last sign of it. Never the time it is found: the process
 * may have been down for hours.
 */
export async function interruptedEnd(
  deps: Pick<Deps, "recordings" | "recordingFiles">,
  r: Pick<RecordingRecord, "id" | "file" | "startedAt">,
): Promise<{ endedAt: Date; durationMs: number }> {
  const file = await deps.recordingFiles.stat(r.file);
  const writtenMs = file ? file.modifiedAt.getTime() - r.startedAt.getTime() : 0;
  const heardMs = Math.max(0, ...(await deps.recordings.listSegments(r.id)).map((s) => s.endMs));
  const durationMs = Math.max(writtenMs, heardMs);
  return { endedAt: new Date(r.startedAt.getTime() + durationMs), durationMs };
}
