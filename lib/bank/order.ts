/**
 * The bank's study order, stored: every question carries `bankRank`, its position within its deck when sorted by
 * difficulty, title and key (decks themselves go by Deck.order, then slug). New cards are introduced in this
 * order, and keeping it in a column lets the study queue walk an index (Question(deckId, bankRank)) instead of
 * sorting the whole bank on every request. Ranks are per deck so a change in one deck leaves the others alone.
 *
 * Whoever changes what the order depends on (questions created, moved, retitled, archived or restored; decks
 * reordered) calls `refreshBankOrder` in the same transaction. It bumps `Deck.orderVersion` for every deck whose
 * questions changed rank or membership, which retires the learners' NewCardCursor rows for that deck.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db-client";

type Tx = Db | Prisma.TransactionClient;

/**
 * Recomputes every question's rank (one statement) and bumps the order version of decks whose ranks changed and
 * of `touchedDeckIds`: decks that gained or regained a question (created, moved in, restored, unarchived), which
 * may sit below a learner's cursor even when no rank moved. Returns how many questions changed rank.
 */
export async function refreshBankOrder(tx: Tx, touchedDeckIds: Iterable<string> = []): Promise<number> {
  const changed = await tx.$queryRaw<Array<{ deckId: string }>>`
    WITH ranked AS (
      SELECT "id", (row_number() OVER (PARTITION BY "deckId" ORDER BY "difficulty", "title", "key"))::int AS rank
      FROM "Question"
    )
    UPDATE "Question" AS q SET "bankRank" = ranked.rank
    FROM ranked
    WHERE q."id" = ranked."id" AND q."bankRank" <> ranked.rank
    RETURNING q."deckId"`;
  const deckIds = [...new Set([...changed.map((row) => row.deckId), ...touchedDeckIds])];
  if (deckIds.length > 0) await tx.deck.updateMany({ where: { id: { in: deckIds } }, data: { orderVersion: { increment: 1 } } });
  return changed.length;
}
