-- AlterTable
ALTER TABLE "Deck" ADD COLUMN     "orderVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "bankRank" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "NewCardCursor" (
    "userId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "deckVersion" INTEGER NOT NULL,

    CONSTRAINT "NewCardCursor_pkey" PRIMARY KEY ("userId","deckId")
);

-- CreateIndex
CREATE INDEX "Question_deckId_bankRank_idx" ON "Question"("deckId", "bankRank");

-- AddForeignKey
ALTER TABLE "NewCardCursor" ADD CONSTRAINT "NewCardCursor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NewCardCursor" ADD CONSTRAINT "NewCardCursor_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing questions get their rank in the bank's study order (the same statement lib/bank/order.ts runs).
UPDATE "Question" AS q SET "bankRank" = ranked.rank
FROM (
  SELECT "id", (row_number() OVER (PARTITION BY "deckId" ORDER BY "difficulty", "title", "key"))::int AS rank
  FROM "Question"
) AS ranked
WHERE q."id" = ranked."id";
