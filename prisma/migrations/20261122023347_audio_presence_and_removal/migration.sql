-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Participant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "callId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "muted" BOOLEAN NOT NULL DEFAULT true,
    "handRaised" BOOLEAN NOT NULL DEFAULT false,
    "joinedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leftAt" DATETIME,
    "awaySince" DATETIME,
    "removedAt" DATETIME,
    "inAudio" BOOLEAN NOT NULL DEFAULT false,
    "publishing" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Participant_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Participant" ("awaySince", "callId", "displayName", "handRaised", "id", "joinedAt", "kind", "leftAt", "muted", "role") SELECT "awaySince", "callId", "displayName", "handRaised", "id", "joinedAt", "kind", "leftAt", "muted", "role" FROM "Participant";
DROP TABLE "Participant";
ALTER TABLE "new_Participant" RENAME TO "Participant";
CREATE INDEX "Participant_callId_leftAt_idx" ON "Participant"("callId", "leftAt");
CREATE INDEX "Participant_leftAt_awaySince_idx" ON "Participant"("leftAt", "awaySince");
CREATE UNIQUE INDEX "Participant_callId_displayName_key" ON "Participant"("callId", "displayName");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

