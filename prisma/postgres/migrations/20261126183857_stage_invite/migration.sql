-- AlterTable
ALTER TABLE "Participant" ADD COLUMN     "stageInviteFrom" TEXT;

