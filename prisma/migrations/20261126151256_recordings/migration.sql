-- AlterTable
ALTER TABLE "Call" ADD COLUMN "recordingId" TEXT;

-- AlterTable
ALTER TABLE "Participant" ADD COLUMN "recordingConsent" TEXT;

-- CreateTable
CREATE TABLE "Recording" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "callId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "file" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "durationMs" INTEGER,
    "deletedAt" DATETIME,
    CONSTRAINT "Recording_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RecordingSegment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "recordingId" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "startMs" INTEGER NOT NULL,
    "endMs" INTEGER NOT NULL,
    CONSTRAINT "RecordingSegment_recordingId_fkey" FOREIGN KEY ("recordingId") REFERENCES "Recording" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Recording_callId_idx" ON "Recording"("callId");

-- CreateIndex
CREATE INDEX "Recording_status_endedAt_idx" ON "Recording"("status", "endedAt");

-- CreateIndex
CREATE INDEX "RecordingSegment_recordingId_idx" ON "RecordingSegment"("recordingId");

