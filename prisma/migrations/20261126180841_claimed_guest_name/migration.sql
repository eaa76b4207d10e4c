-- AlterTable
ALTER TABLE "Participant" ADD COLUMN "guestName" TEXT;

