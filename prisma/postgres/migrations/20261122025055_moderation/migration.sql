-- AlterTable
ALTER TABLE "Call" ADD COLUMN     "locked" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Participant" ADD COLUMN     "deviceId" TEXT,
ADD COLUMN     "handRaisedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ModerationEntry" (
    "id" SERIAL NOT NULL,
    "callId" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "targetId" TEXT,
    "targetName" TEXT,
    "action" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModerationEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallBan" (
    "id" SERIAL NOT NULL,
    "callId" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "userId" TEXT,
    "deviceId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CallBan_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "ModerationEntry" ADD CONSTRAINT "ModerationEntry_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallBan" ADD CONSTRAINT "CallBan_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Keep the role-change history: it becomes the moderation trail's "role" entries.
INSERT INTO "ModerationEntry" ("callId", "actorId", "actorName", "targetId", "targetName", "action", "before", "after", "createdAt")
SELECT rc."callId", rc."actorId", COALESCE(a."displayName", ''), rc."targetId", t."displayName", 'role', rc."fromRole", rc."toRole", rc."createdAt"
FROM "RoleChange" rc
LEFT JOIN "Participant" a ON a."id" = rc."actorId"
LEFT JOIN "Participant" t ON t."id" = rc."targetId"
ORDER BY rc."id";

-- DropTable
DROP TABLE "RoleChange";
