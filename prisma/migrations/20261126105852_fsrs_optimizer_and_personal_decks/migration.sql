-- CreateEnum
CREATE TYPE "OptimizerStatus" AS ENUM ('RUNNING', 'DONE', 'FAILED');

-- AlterTable
ALTER TABLE "Deck" ADD COLUMN     "ownerId" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "fsrsParameters" DOUBLE PRECISION[] DEFAULT ARRAY[]::DOUBLE PRECISION[];

-- CreateTable
CREATE TABLE "OptimizerRun" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" "OptimizerStatus" NOT NULL DEFAULT 'RUNNING',
    "stage" TEXT NOT NULL DEFAULT '',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "reviewCount" INTEGER NOT NULL DEFAULT 0,
    "itemCount" INTEGER NOT NULL DEFAULT 0,
    "logLossBefore" DOUBLE PRECISION,
    "logLossAfter" DOUBLE PRECISION,
    "rmseBefore" DOUBLE PRECISION,
    "rmseAfter" DOUBLE PRECISION,
    "parameters" DOUBLE PRECISION[] DEFAULT ARRAY[]::DOUBLE PRECISION[],
    "applied" BOOLEAN NOT NULL DEFAULT false,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "OptimizerRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OptimizerRun_userId_startedAt_idx" ON "OptimizerRun"("userId", "startedAt");

-- CreateIndex
CREATE INDEX "Deck_ownerId_idx" ON "Deck"("ownerId");

-- AddForeignKey
ALTER TABLE "Deck" ADD CONSTRAINT "Deck_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OptimizerRun" ADD CONSTRAINT "OptimizerRun_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
