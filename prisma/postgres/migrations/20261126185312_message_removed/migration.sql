-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "removedAt" TIMESTAMP(3);

