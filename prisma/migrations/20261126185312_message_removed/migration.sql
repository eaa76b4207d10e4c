-- AlterTable
ALTER TABLE "Message" ADD COLUMN "removedAt" DATETIME;

