import type { RecordingDto, Replays } from "../contracts/recording";
import { AppError } from "../domain/errors";
import { buildTimeline } from "../domain/replay-timeline";
import type { AccountDeps } from "./accounts";
import type { Deps } from "./deps";
import { messageDto } from "./dto";
import { type HistoryViewer, requireHistoryViewer } from "./history-access";
import { requireCall } from "./load";
import { moderationEntryDto } from "./moderation-log";
import type { RecordingRecord } from "./ports";
import { stopRecording } from "./recording-control";

type ReplayDeps = Pick<Deps, "store" | "history" | "moderation" | "notifier" | "clock" | "recorder" | "recordings" | "recordingFiles">;
type Accounts = Pick<AccountDeps, "users" | "adminEmails">;

const PAGE = 200;

/** Reads a newest-first, id-paged list backwards until `stop` says the rest is older than needed. */
async function collectBackwards<T extends { id: number }>(page: (before: number | null) => Promise<T[]>, stop: (row: T) => boolean): Promise<T[]> {
  const out: T[] = [];
  for (let before: number | null = null; ;) {
    const rows = await page(before);
    for (const r of rows) {
      if (stop(r)) return out;
      out.push(r);
    }
    if (rows.length < PAGE) return out;
    before = rows.at(-1)!.id;
  }
}

export function recordingDto(r: RecordingRecord): RecordingDto {
  return {
    id: r.id,
    callId: r.callId,
    status: r.status,
    startedAt: r.startedAt.toISOString(),
    endedAt: r.endedAt?.toISOString() ?? null,
    durationMs: r.durationMs,
    deletedAt: r.deletedAt?.toISOString() ?? null,
    audioUrl: r.status === "deleted" ? null : `/api/calls/${r.callId}/recordings/${r.id}/audio`,
  };
}

/**
 * A call's recordings, each with one timeline: who spoke when, chat at its
 * times, role changes and other moderation events. Same readers as the
 * call's history; `canManage` tells the page whether to offer download and delete.
 */
export async function listReplays(deps: ReplayDeps, accounts: Accounts, callId: string, viewer: HistoryViewer): Promise<Replays> {
  await requireCall(deps.store, callId);
  const access = await requireHistoryViewer(deps, accounts, callId, viewer);
  // Someone removed reads the history only up to their removal; a recording's audio runs past it.
  if (access.until) return { replays: [], canManage: false };
  const recordings = await deps.recordings.listForCall(callId);
  const first = recordings[0]?.startedAt;
  if (!first) return { replays: [], canManage: canManage(access) };
  const [participants, messages, entries] = await Promise.all([
    deps.history.listAllParticipants(callId),
    collectBackwards(
      (before) => deps.store.listMessagesBefore(callId, before, PAGE),
      (m) => m.createdAt < first,
    ),
    collectBackwards(
      (before) => deps.moderation.list(callId, before, PAGE),
      (e) => e.createdAt < first,
    ),
  ]);
  const names = new Map(participants.map((p) => [p.id, p.displayName]));
  const messageDtos = messages.map(messageDto);
  const entryDtos = entries.map(moderationEntryDto);
  const replays = await Promise.all(
    recordings.map(async (r) => ({
      recording: recordingDto(r),
      timeline:
        r.status === "deleted"
          ? []
          : buildTimeline({
              hands: await deps.history.listHandEvents(callId, r.startedAt, r.endedAt ?? deps.clock.now()),
              startedAt: r.startedAt,
              spanMs: (r.endedAt ?? deps.clock.now()).getTime() - r.startedAt.getTime(),
              segments: await deps.recordings.listSegments(r.id),
              names,
              messages: messageDtos,
              entries: entryDtos,
            }),
    })),
  );
  return { replays, canManage: canManage(access) };
}

const canManage = (a: { member: { role: string } | null; siteAdmin: boolean; until: Date | null }) =>
  a.siteAdmin || (a.member?.role === "admin" && a.until === null);

async function requireRecording(deps: Pick<Deps, "recordings">, callId: string, recordingId: string): Promise<RecordingRecord> {
  const r = await deps.recordings.find(recordingId);
  if (!r || r.callId !== callId || r.status === "deleted")
    throw new AppError("RECORDING_NOT_FOUND", "There is no such recording of this call (it may have been deleted).");
  return r;
}

/**
 * The recording's file, for the audio player (anyone who may read the
 * history) or, with `download`, as an attachment (admins of the call and
 * site admins).
 */
export async function recordingFile(deps: ReplayDeps, accounts: Accounts, callId: string, recordingId: string, viewer: HistoryViewer, download: boolean) {
  await requireCall(deps.store, callId);
  const access = await requireHistoryViewer(deps, accounts, callId, viewer);
  if (access.until) throw new AppError("RECORDING_NOT_FOUND", "There is no such recording of this call.");
  if (download && !canManage(access)) throw new AppError("FORBIDDEN", "Only the call's admins and site admins can download its recordings.");
  const r = await requireRecording(deps, callId, recordingId);
  const stat = await deps.recordingFiles.stat(r.file);
  if (!stat) throw new AppError("RECORDING_NOT_FOUND", "This recording's file is missing.");
  return {
    path: deps.recordingFiles.pathOf(r.file),
    size: stat.size,
    downloadName: `${callId}-${r.startedAt.toISOString().slice(0, 16).replace(":", "")}.ogg`,
  };
}

/** An admin of the call or a site admin deletes a recording now (a running one is stopped first). The history says so. */
export async function deleteRecording(deps: ReplayDeps, accounts: Accounts, callId: string, recordingId: string, viewer: HistoryViewer): Promise<void> {
  await requireCall(deps.store, callId);
  const access = await requireHistoryViewer(deps, accounts, callId, viewer);
  if (!canManage(access)) throw new AppError("FORBIDDEN", "Only the call's admins and site admins can delete its recordings.");
  const r = await requireRecording(deps, callId, recordingId);
  const actor =
    access.member && access.member.role === "admin" ? { id: access.member.id, name: access.member.displayName } : { id: null, name: "a site admin" };
  if (r.status === "recording") await stopRecording(deps, callId, actor);
  await deps.recordingFiles.remove(r.file);
  if (await deps.recordings.markDeleted(r.id, deps.clock.now())) await deps.moderation.logRecording(callId, actor, "recording-deleted", r.id, deps.clock.now());
}
