-- DropIndex
DROP INDEX "RecordingSegment_recordingId_idx";

-- CreateIndex
CREATE UNIQUE INDEX "RecordingSegment_recordingId_participantId_startMs_key" ON "RecordingSegment"("recordingId", "participantId", "startMs");

