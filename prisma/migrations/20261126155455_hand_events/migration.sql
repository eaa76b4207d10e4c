-- CreateTable
CREATE TABLE "HandEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "callId" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "raised" BOOLEAN NOT NULL,
    "byName" TEXT,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "HandEvent_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "HandEvent_callId_createdAt_idx" ON "HandEvent"("callId", "createdAt");

