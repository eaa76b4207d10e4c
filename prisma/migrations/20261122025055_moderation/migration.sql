-- AlterTable
ALTER TABLE "Participant" ADD COLUMN "deviceId" TEXT;
ALTER TABLE "Participant" ADD COLUMN "handRaisedAt" DATETIME;

-- CreateTable
CREATE TABLE "ModerationEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "callId" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "targetId" TEXT,
    "targetName" TEXT,
    "action" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ModerationEntry_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CallBan" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "callId" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "userId" TEXT,
    "deviceId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CallBan_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Call" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "defaultRole" TEXT NOT NULL,
    "hostParticipantId" TEXT,
    "hostUserId" TEXT,
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" DATETIME,
    "emptySince" DATETIME
);
INSERT INTO "new_Call" ("createdAt", "defaultRole", "emptySince", "endedAt", "hostParticipantId", "hostUserId", "id", "title") SELECT "createdAt", "defaultRole", "emptySince", "endedAt", "hostParticipantId", "hostUserId", "id", "title" FROM "Call";
DROP TABLE "Call";
ALTER TABLE "new_Call" RENAME TO "Call";
CREATE INDEX "Call_endedAt_emptySince_idx" ON "Call"("endedAt", "emptySince");
CREATE INDEX "Call_hostUserId_idx" ON "Call"("hostUserId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ModerationEntry_callId_id_idx" ON "ModerationEntry"("callId", "id");

-- CreateIndex
CREATE INDEX "ModerationEntry_callId_action_targetId_idx" ON "ModerationEntry"("callId", "action", "targetId");

-- CreateIndex
CREATE INDEX "CallBan_callId_userId_idx" ON "CallBan"("callId", "userId");

-- CreateIndex
CREATE INDEX "CallBan_callId_deviceId_idx" ON "CallBan"("callId", "deviceId");

-- CreateIndex
CREATE UNIQUE INDEX "CallBan_callId_participantId_key" ON "CallBan"("callId", "participantId");


-- Keep the role-change history: it becomes the moderation trail's "role" entries.
INSERT INTO "ModerationEntry" ("callId", "actorId", "actorName", "targetId", "targetName", "action", "before", "after", "createdAt")
SELECT rc."callId", rc."actorId", COALESCE(a."displayName", ''), rc."targetId", t."displayName", 'role', rc."fromRole", rc."toRole", rc."createdAt"
FROM "RoleChange" rc
LEFT JOIN "Participant" a ON a."id" = rc."actorId"
LEFT JOIN "Participant" t ON t."id" = rc."targetId"
ORDER BY rc."id";

-- DropTable
DROP INDEX "RoleChange_callId_id_idx";
DROP TABLE "RoleChange";
