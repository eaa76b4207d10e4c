-- AlterTable
ALTER TABLE "Participant" ADD COLUMN "presenceNode" TEXT;

