/**
 * A learner's own data as downloads: the review log as CSV (layout in ./review-log-csv.ts) and the cards' states
 * as JSON. Both are async generators of text chunks read page by page with cursor queries, so a learner with
 * 100,000 reviews costs a few hundred rows of memory at a time, and the route handler can stream them. Everything
 * is filtered by the learner's id: another learner's cards or reviews never appear.
 */
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db-client";
import { reviewLogHeader, reviewLogRecord, type ReviewLogCsvInput } from "./review-log-csv";

export interface ExportPaging {
  /** Cards read per query (default 500). */
  cardPageSize?: number;
  /** Reviews read per query (default 2,000). */
  reviewPageSize?: number;
}

const CARD_PAGE = 500;
const REVIEW_PAGE = 2_000;

const CARD_SELECT = {
  id: true,
  due: true,
  lastReview: true,
  question: { select: { key: true, deck: { select: { slug: true } } } },
} as const satisfies Prisma.CardSelect;

const REVIEW_SELECT = {
  id: true,
  cardId: true,
  reviewedAt: true,
  rating: true,
  stateBefore: true,
  durationMs: true,
  dueBefore: true,
  lastReviewBefore: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
} as const satisfies Prisma.ReviewLogSelect;

type Review = Prisma.ReviewLogGetPayload<{ select: typeof REVIEW_SELECT }>;
type CardRow = Prisma.CardGetPayload<{ select: typeof CARD_SELECT }>;

/**
 * The review log CSV: the header, then one record per review, ordered by card id and then review time. Cards are
 * read a page at a time and their reviews a page at a time within that; one review is held back until the next
 * one (or the card) says which due time it set.
 */
export async function* reviewLogCsv(db: Db, userId: string, paging: ExportPaging = {}): AsyncGenerator<string> {
  const cardPage = paging.cardPageSize ?? CARD_PAGE;
  const reviewPage = paging.reviewPageSize ?? REVIEW_PAGE;
  yield reviewLogHeader();
  let cardCursor: string | null = null;
  for (;;) {
    const cards: CardRow[] = await db.card.findMany({
      where: { userId },
      orderBy: { id: "asc" },
      take: cardPage,
      ...(cardCursor === null ? {} : { cursor: { id: cardCursor }, skip: 1 }),
      select: CARD_SELECT,
    });
    if (cards.length === 0) return;
    const cardsById = new Map(cards.map((card) => [card.id, card]));
    const record = (review: Review, dueAfter: Date | null) => {
      const card = cardsById.get(review.cardId)!;
      const input: ReviewLogCsvInput = { ...review, questionKey: card.question.key, deckSlug: card.question.deck.slug, dueAfter };
      return reviewLogRecord(input);
    };
    /** The card's latest review set the card's current due (unless something else changed the card since). */
    const latestDue = (review: Review) => {
      const card = cardsById.get(review.cardId)!;
      return card.lastReview?.getTime() === review.reviewedAt.getTime() ? card.due : null;
    };

    let pending: Review | null = null;
    let reviewCursor: string | null = null;
    for (;;) {
      const reviews: Review[] = await db.reviewLog.findMany({
        where: { userId, cardId: { in: [...cardsById.keys()] } },
        orderBy: [{ cardId: "asc" }, { reviewedAt: "asc" }, { id: "asc" }],
        take: reviewPage,
        ...(reviewCursor === null ? {} : { cursor: { id: reviewCursor }, skip: 1 }),
        select: REVIEW_SELECT,
      });
      let chunk = "";
      for (const review of reviews) {
        if (pending) chunk += record(pending, pending.cardId === review.cardId ? review.dueBefore : latestDue(pending));
        pending = review;
      }
      if (chunk !== "") yield chunk;
      if (reviews.length < reviewPage) break;
      reviewCursor = reviews.at(-1)!.id;
    }
    if (pending) yield record(pending, latestDue(pending));
    if (cards.length < cardPage) return;
    cardCursor = cards.at(-1)!.id;
  }
}

const STATE_SELECT = {
  id: true,
  state: true,
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  suspended: true,
  leech: true,
  lastReview: true,
  createdAt: true,
  question: { select: { key: true, title: true, deck: { select: { slug: true } } } },
} as const satisfies Prisma.CardSelect;

type StateRow = Prisma.CardGetPayload<{ select: typeof STATE_SELECT }>;

/** Format name and version at the top of the JSON, so a reader can tell what it holds. */
export const CARD_STATES_FORMAT = "receptive-card-states";
export const CARD_STATES_VERSION = 1;

/**
 * The cards' states as one JSON document, one card per line:
 * `{"format":"receptive-card-states","version":1,"exportedAt":"…","cards":[{…},…]}`. Each card has `cardId`,
 * `questionKey`, `questionTitle`, `deckSlug`, `state` (NEW, LEARNING, REVIEW, RELEARNING), `due`, `stability` (days),
 * `difficulty` (1–10, 0 while new), `elapsedDays`, `scheduledDays`, `learningSteps`, `reps`, `lapses`, `suspended`,
 * `leech`, `lastReview` (null before the first review) and `createdAt`; times are ISO 8601 in UTC. Ordered by card id.
 */
export async function* cardStatesJson(db: Db, userId: string, options: { now: Date; pageSize?: number }): AsyncGenerator<string> {
  const pageSize = options.pageSize ?? CARD_PAGE;
  yield `{"format":${JSON.stringify(CARD_STATES_FORMAT)},"version":${CARD_STATES_VERSION},"exportedAt":${JSON.stringify(options.now.toISOString())},"cards":[`;
  let cursor: string | null = null;
  let first = true;
  for (;;) {
    const cards: StateRow[] = await db.card.findMany({
      where: { userId },
      orderBy: { id: "asc" },
      take: pageSize,
      ...(cursor === null ? {} : { cursor: { id: cursor }, skip: 1 }),
      select: STATE_SELECT,
    });
    const lines = cards.map((card) =>
      JSON.stringify({
        cardId: card.id,
        questionKey: card.question.key,
        questionTitle: card.question.title,
        deckSlug: card.question.deck.slug,
        state: card.state,
        due: card.due.toISOString(),
        stability: card.stability,
        difficulty: card.difficulty,
        elapsedDays: card.elapsedDays,
        scheduledDays: card.scheduledDays,
        learningSteps: card.learningSteps,
        reps: card.reps,
        lapses: card.lapses,
        suspended: card.suspended,
        leech: card.leech,
        lastReview: card.lastReview?.toISOString() ?? null,
        createdAt: card.createdAt.toISOString(),
      }),
    );
    if (lines.length > 0) {
      yield `${first ? "\n" : ",\n"}${lines.join(",\n")}`;
      first = false;
    }
    if (cards.length < pageSize) break;
    cursor = cards.at(-1)!.id;
  }
  yield "\n]}\n";
}
