-- CreateTable
CREATE TABLE "HandEvent" (
    "id" SERIAL NOT NULL,
    "callId" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "raised" BOOLEAN NOT NULL,
    "byName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HandEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HandEvent_callId_createdAt_idx" ON "HandEvent"("callId", "createdAt");

-- AddForeignKey
ALTER TABLE "HandEvent" ADD CONSTRAINT "HandEvent_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call"("id") ON DELETE CASCADE ON UPDATE CASCADE;

