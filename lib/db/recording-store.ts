import type { RecordingRecord, RecordingStatus, RecordingStore, SpeechSegment } from "../services/ports";
import type { Db } from "./client";

const toRecording = (r: Omit<RecordingRecord, "status"> & { status: string }): RecordingRecord => ({
  id: r.id,
  callId: r.callId,
  status: r.status as RecordingStatus,
  file: r.file,
  startedAt: r.startedAt,
  endedAt: r.endedAt,
  durationMs: r.durationMs,
  deletedAt: r.deletedAt,
});

/** Recordings and their speaking segments; the call's running recording is a column on Call. */
export function prismaRecordingStore(db: Db): RecordingStore {
  const upsertSegments = (recordingId: string, segments: SpeechSegment[]) =>
    segments.map(({ participantId, startMs, endMs }) =>
      db.recordingSegment.upsert({
        where: { recordingId_participantId_startMs: { recordingId, participantId, startMs } },
        create: { recordingId, participantId, startMs, endMs },
        update: { endMs },
      }),
    );

  return {
    begin(r) {
      return db.$transaction(async (tx) => {
        // The condition is the lock: of two admins starting at once, one claims the call.
        const claimed = await tx.call.updateMany({ where: { id: r.callId, endedAt: null, recordingId: null }, data: { recordingId: r.id } });
        if (claimed.count === 0) return false;
        await tx.recording.create({ data: { ...r, status: "recording" } });
        return true;
      });
    },

    release(callId) {
      return db.$transaction(async (tx) => {
        const call = await tx.call.findUnique({ where: { id: callId }, select: { recordingId: true } });
        if (!call?.recordingId) return null;
        const released = await tx.call.updateMany({ where: { id: callId, recordingId: call.recordingId }, data: { recordingId: null } });
        return released.count === 1 ? call.recordingId : null;
      });
    },

    async saveSegments(recordingId, segments) {
      await db.$transaction(upsertSegments(recordingId, segments));
    },

    async complete(id, end) {
      await db.$transaction([
        db.recording.update({ where: { id }, data: { status: end.status, endedAt: end.endedAt, durationMs: Math.round(end.durationMs) } }),
        ...upsertSegments(id, end.segments),
      ]);
    },

    async releaseAll() {
      const running = await db.recording.findMany({ where: { status: "recording" } });
      await db.call.updateMany({ where: { recordingId: { not: null } }, data: { recordingId: null } });
      return running.map(toRecording);
    },

    async find(id) {
      const r = await db.recording.findUnique({ where: { id } });
      return r ? toRecording(r) : null;
    },

    async listForCall(callId) {
      return (await db.recording.findMany({ where: { callId }, orderBy: { startedAt: "asc" } })).map(toRecording);
    },

    async listSegments(recordingId) {
      return db.recordingSegment.findMany({ where: { recordingId }, orderBy: { startMs: "asc" }, select: { participantId: true, startMs: true, endMs: true } });
    },

    async listEndedBefore(cutoff) {
      return (await db.recording.findMany({ where: { status: { in: ["stopped", "interrupted"] }, endedAt: { lt: cutoff } } })).map(toRecording);
    },

    async listConsenting(callId) {
      return (await db.participant.findMany({ where: { callId, recordingConsent: "yes" }, select: { id: true } })).map((p) => p.id);
    },

    async markDeleted(id, at) {
      const applied = await db.recording.updateMany({ where: { id, status: { not: "deleted" } }, data: { status: "deleted", deletedAt: at } });
      return applied.count === 1;
    },
  };
}
