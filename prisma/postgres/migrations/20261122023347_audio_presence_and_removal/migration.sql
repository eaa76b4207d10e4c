-- AlterTable
ALTER TABLE "Participant" ADD COLUMN     "inAudio" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "publishing" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "removedAt" TIMESTAMP(3);

