/**
 * What the "Your data" page shows before any download: how much there is to export, and the personal decks the
 * learner has imported. Reads only the learner's own rows.
 */
import "server-only";
import type { Db } from "@/lib/db-client";

export interface PersonalDeckSummary {
  slug: string;
  title: string;
  description: string;
  /** Active questions in the deck. */
  questions: number;
  createdAt: Date;
}

export interface LearnerDataOverview {
  cards: number;
  reviews: number;
  /** Newest first. */
  personalDecks: PersonalDeckSummary[];
}

export async function fetchLearnerDataOverview(db: Db, userId: string): Promise<LearnerDataOverview> {
  const [cards, reviews, decks] = await Promise.all([
    db.card.count({ where: { userId } }),
    db.reviewLog.count({ where: { userId } }),
    db.deck.findMany({
      where: { ownerId: userId },
      orderBy: [{ createdAt: "desc" }, { slug: "asc" }],
      select: { slug: true, title: true, description: true, createdAt: true, _count: { select: { questions: { where: { status: "ACTIVE" } } } } },
    }),
  ]);
  return {
    cards,
    reviews,
    personalDecks: decks.map(({ _count, ...deck }) => ({ ...deck, questions: _count.questions })),
  };
}
