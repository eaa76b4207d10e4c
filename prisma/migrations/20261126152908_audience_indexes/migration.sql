-- DropIndex
DROP INDEX "Participant_callId_leftAt_idx";

-- CreateIndex
CREATE INDEX "Participant_callId_leftAt_joinedAt_id_idx" ON "Participant"("callId", "leftAt", "joinedAt", "id");

-- CreateIndex
CREATE INDEX "Participant_callId_leftAt_handRaised_handRaisedAt_id_idx" ON "Participant"("callId", "leftAt", "handRaised", "handRaisedAt", "id");

-- CreateIndex
CREATE INDEX "Participant_callId_leftAt_role_awaySince_handRaised_idx" ON "Participant"("callId", "leftAt", "role", "awaySince", "handRaised");

