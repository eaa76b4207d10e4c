import { retentionCutoff } from "../domain/recording";
import type { Deps } from "./deps";

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
 * crash, a kill) are marked interrupted. Their file holds everything up to
 * the stop (ffmpeg closes it when our end of its pipe goes away), so its last
 * write is when the recording ended.
 */
export async function recoverInterruptedRecordings(deps: Pick<Deps, "recordings" | "recordingFiles" | "clock">): Promise<void> {
  for (const r of await deps.recordings.releaseAll()) {
    const stat = await deps.recordingFiles.stat(r.file);
    const endedAt = stat?.modifiedAt ?? deps.clock.now();
    await deps.recordings.complete(r.id, { status: "interrupted", endedAt, durationMs: Math.max(0, endedAt.getTime() - r.startedAt.getTime()), segments: [] });
  }
}
