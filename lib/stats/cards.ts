/**
 * The learner's cards per deck and per tag for the Statistics page: card states, and mastery as defined for
 * study groups (lib/groups/progress.ts): a card is mastered when it is in REVIEW with stability >=
 * {@link MASTERY_STABILITY_DAYS} days and not suspended. Cards of archived questions are not counted (they are
 * never studied), but a deck where the learner has only such cards is still listed, so its history stays
 * reachable from the deck selector.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db-client";
import { deckTitleIn } from "@/lib/bank/deck-text";
import { deckVisibleSql } from "@/lib/bank/visibility";
import type { QuestionLanguage } from "@/lib/content/translations";
import { MASTERY_STABILITY_DAYS } from "@/lib/groups/progress";

/** A deck the learner has cards in or numeric answers on. */
export interface StatsDeck {
  slug: string;
  title: string;
}

/** The learner's cards in one deck, by state, and their mastery. */
export interface DeckCards extends StatsDeck {
  /** Internal id, for filtering the other queries; not shown. */
  deckId: string;
  /** ACTIVE questions in the deck: the learner's cards plus the questions they have not started. */
  questions: number;
  /** The learner's cards on the deck's ACTIVE questions, not suspended, by state. */
  new: number;
  learning: number;
  review: number;
  relearning: number;
  /** Suspended cards (whatever their state; by hand or as leeches). `new + … + suspended` is all their cards. */
  suspended: number;
  /** Mastered cards (see the module comment); `mastered <= review <= questions`. */
  mastered: number;
}

/** Mastery of the questions carrying one tag. */
export interface TagMastery {
  tag: string;
  /** ACTIVE questions with the tag in decks the learner can see (the shared bank and their own decks). */
  questions: number;
  /** The learner's cards on those questions (any state, suspended included); always >= 1 in results. */
  cards: number;
  /** Of those cards, the mastered ones. */
  mastered: number;
}

const MASTERED = Prisma.sql`(c."state" = 'REVIEW' AND NOT c."suspended" AND c."stability" >= ${MASTERY_STABILITY_DAYS}::float8)`;

/**
 * Every deck the learner has at least one card in (any question status) or has answered a numeric question of
 * (practice needs no card), among those they may see, in the order of the study pages (shared decks by their
 * order, then personal ones), with its card counts (zeros for a deck with answers only). One statement: the deck
 * selector and the per-deck charts come from the same rows. Titles are in `language` (the English without a translation).
 */
export async function deckCards(db: Db, userId: string, language: QuestionLanguage = "en"): Promise<DeckCards[]> {
  const rows = await db.$queryRaw<Array<DeckCards & { translations: unknown }>>`
    SELECT d."id" AS "deckId", d."slug", d."title", d."translations",
      (SELECT count(*) FROM "Question" aq WHERE aq."deckId" = d."id" AND aq."status" = 'ACTIVE')::int AS "questions",
      COALESCE(cards."new", 0)::int AS "new",
      COALESCE(cards."learning", 0)::int AS "learning",
      COALESCE(cards."review", 0)::int AS "review",
      COALESCE(cards."relearning", 0)::int AS "relearning",
      COALESCE(cards."suspended", 0)::int AS "suspended",
      COALESCE(cards."mastered", 0)::int AS "mastered"
    FROM "Deck" d
    LEFT JOIN (
      SELECT q."deckId",
        count(*) FILTER (WHERE q."status" = 'ACTIVE' AND NOT c."suspended" AND c."state" = 'NEW') AS "new",
        count(*) FILTER (WHERE q."status" = 'ACTIVE' AND NOT c."suspended" AND c."state" = 'LEARNING') AS "learning",
        count(*) FILTER (WHERE q."status" = 'ACTIVE' AND NOT c."suspended" AND c."state" = 'REVIEW') AS "review",
        count(*) FILTER (WHERE q."status" = 'ACTIVE' AND NOT c."suspended" AND c."state" = 'RELEARNING') AS "relearning",
        count(*) FILTER (WHERE q."status" = 'ACTIVE' AND c."suspended") AS "suspended",
        count(*) FILTER (WHERE q."status" = 'ACTIVE' AND ${MASTERED}) AS "mastered"
      FROM "Card" c
      JOIN "Question" q ON q."id" = c."questionId"
      WHERE c."userId" = ${userId}
      GROUP BY q."deckId"
    ) cards ON cards."deckId" = d."id"
    LEFT JOIN (
      SELECT DISTINCT q."deckId"
      FROM "NumericAttempt" a
      JOIN "Question" q ON q."id" = a."questionId"
      WHERE a."userId" = ${userId} AND a."answeredAt" IS NOT NULL
    ) answered ON answered."deckId" = d."id"
    WHERE (cards."deckId" IS NOT NULL OR answered."deckId" IS NOT NULL) AND ${deckVisibleSql("d", userId)}
    ORDER BY (d."ownerId" IS NOT NULL), d."order", d."title", d."slug"`;
  return rows.map(({ translations, ...deck }) => ({ ...deck, title: deckTitleIn({ title: deck.title, translations }, language) }));
}

/**
 * Mastery per tag over the tags of questions the learner has cards on (one deck's questions when `deckId` is
 * set), most cards first, then by tag. A question listing a tag twice counts once. Personal decks of other
 * learners never count towards `questions`.
 */
export async function tagMastery(db: Db, userId: string, deckId: string | null): Promise<TagMastery[]> {
  return db.$queryRaw<TagMastery[]>`
    SELECT t."tag", count(*)::int AS "questions", count(c."id")::int AS "cards",
      count(*) FILTER (WHERE ${MASTERED})::int AS "mastered"
    FROM "Question" q
    JOIN "Deck" d ON d."id" = q."deckId"
    CROSS JOIN LATERAL (SELECT DISTINCT unnest(q."tags") AS "tag") t
    LEFT JOIN "Card" c ON c."questionId" = q."id" AND c."userId" = ${userId}
    WHERE q."status" = 'ACTIVE' AND ${deckVisibleSql("d", userId)}
      ${deckId === null ? Prisma.empty : Prisma.sql`AND q."deckId" = ${deckId}`}
    GROUP BY t."tag"
    HAVING count(c."id") > 0
    ORDER BY count(c."id") DESC, t."tag"`;
}
