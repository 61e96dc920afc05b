-- AlterTable
ALTER TABLE "Card" ADD COLUMN     "leech" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN     "lastReviewBefore" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "enableFuzz" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "learningSteps" TEXT[] DEFAULT ARRAY['1m', '10m']::TEXT[],
ADD COLUMN     "maximumIntervalDays" INTEGER NOT NULL DEFAULT 36500,
ADD COLUMN     "relearningSteps" TEXT[] DEFAULT ARRAY['10m']::TEXT[],
ADD COLUMN     "timeZoneConfirmed" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "StudyDeck" (
    "userId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,

    CONSTRAINT "StudyDeck_pkey" PRIMARY KEY ("userId","deckId")
);

-- AddForeignKey
ALTER TABLE "StudyDeck" ADD CONSTRAINT "StudyDeck_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyDeck" ADD CONSTRAINT "StudyDeck_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck"("id") ON DELETE CASCADE ON UPDATE CASCADE;
