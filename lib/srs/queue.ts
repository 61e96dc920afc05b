import type { CardState } from "./card";
import { studyDay, type StudyDayOptions } from "./day";
import { SrsError } from "./errors";
import type { SchedulerSettings } from "./settings";
import { assertCount, assertDate } from "./validate";

/** The settings {@link buildQueue} reads: daily limits and the learner's day boundary. */
export type QueueSettings = Pick<SchedulerSettings, "newCardsPerDay" | "reviewsPerDay"> & StudyDayOptions;

/** A card the learner has, with the order of its question in the bank. */
export interface QueueCard {
  id: string;
  /** Order of the question's deck (`Deck.order`); lower first. */
  deckOrder: number;
  /** Order of the question within its deck; lower first. */
  questionOrder: number;
  due: Date;
  state: CardState;
  suspended: boolean;
}

/** A question the learner has no card for yet. */
export interface NewCandidate {
  questionId: string;
  deckOrder: number;
  questionOrder: number;
}

/** Input of {@link buildQueue}. */
export interface QueueInput {
  /** The learner's cards (any state; suspended ones are skipped). */
  cards: readonly QueueCard[];
  /** Questions without a card, in any order. */
  newCandidates: readonly NewCandidate[];
  /** What the learner already did in the current study day (from the review logs since `studyDay(now).start`). */
  doneToday: {
    /** Reviews of NEW cards today (logs with `stateBefore` NEW). Integer >= 0. */
    newCards: number;
    /** Reviews of REVIEW cards today (logs with `stateBefore` REVIEW). Integer >= 0. */
    reviews: number;
  };
}

/**
 * One item to study. `learning` and `review` name a card; `new` names either a NEW-state card (one that exists
 * but was never reviewed, e.g. after its first review was undone) or a question without a card yet.
 */
export type QueueEntry =
  | { kind: "learning" | "review"; cardId: string; questionId?: never }
  | { kind: "new"; cardId: string; questionId?: never }
  | { kind: "new"; questionId: string; cardId?: never };

/** Counts shown on the study screen before starting, from {@link queueCounts}. */
export interface QueueCounts {
  new: number;
  learning: number;
  review: number;
  /** Earliest due of a (re)learning card that is not due yet, or `null`: "come back in 8 minutes". */
  nextLearningDue: Date | null;
}

interface Ordered {
  deckOrder: number;
  questionOrder: number;
}

const byBankOrder = (a: Ordered, b: Ordered): number => a.deckOrder - b.deckOrder || a.questionOrder - b.questionOrder;
const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byDue = (a: QueueCard, b: QueueCard): number => a.due.getTime() - b.due.getTime() || byBankOrder(a, b) || byId(a.id, b.id);

const isLearning = (card: QueueCard): boolean => card.state === "LEARNING" || card.state === "RELEARNING";

function checkInput(input: QueueInput, settings: QueueSettings, now: Date): void {
  assertDate(now, "now");
  assertCount(settings.newCardsPerDay, "newCardsPerDay");
  assertCount(settings.reviewsPerDay, "reviewsPerDay");
  assertCount(input.doneToday.newCards, "doneToday.newCards");
  assertCount(input.doneToday.reviews, "doneToday.reviews");
  input.cards.forEach((card, index) => {
    assertDate(card.due, `cards.${index}.due`);
    if (!["NEW", "LEARNING", "REVIEW", "RELEARNING"].includes(card.state)) {
      throw new SrsError({ path: `cards.${index}.state`, message: `Unknown card state ${String(card.state)}.` });
    }
  });
}

/**
 * Today's study queue, in the order to study it:
 * 1. (re)learning cards due now (`due <= now`), earliest due first — no daily limit (they are mid-learning);
 * 2. REVIEW cards due before the **end** of the learner's current study day (`due < studyDay(now).end`),
 *    earliest due first, at most `reviewsPerDay − doneToday.reviews`;
 * 3. new items — NEW-state cards and `newCandidates` together — in deck order then question order, at most
 *    `newCardsPerDay − doneToday.newCards`.
 *
 * Suspended cards never appear. Ties are broken by deck order, question order, then id, so the result is
 * fully determined by the input. A limit already used up gives 0 entries of that kind, never a negative count.
 * (Re)learning cards due later (e.g. in 10 minutes) are left out; see {@link nextLearningDue}.
 *
 * Throws {@link SrsError} for an invalid `now`, a card's invalid `due` or unknown state, a limit or count that is
 * not an integer >= 0, or an invalid time zone / day start hour.
 */
export function buildQueue(input: QueueInput, settings: QueueSettings, now: Date): QueueEntry[] {
  checkInput(input, settings, now);
  const endOfDay = studyDay(now, settings).end.getTime();
  const active = input.cards.filter((card) => !card.suspended);

  const learning = active.filter((card) => isLearning(card) && card.due.getTime() <= now.getTime()).sort(byDue);

  const reviewLimit = Math.max(0, settings.reviewsPerDay - input.doneToday.reviews);
  const reviews = active
    .filter((card) => card.state === "REVIEW" && card.due.getTime() < endOfDay)
    .sort(byDue)
    .slice(0, reviewLimit);

  const newLimit = Math.max(0, settings.newCardsPerDay - input.doneToday.newCards);
  const newItems: Array<Ordered & { entry: QueueEntry; id: string }> = [
    ...active
      .filter((card) => card.state === "NEW")
      .map((card) => ({ ...card, entry: { kind: "new", cardId: card.id } as QueueEntry })),
    ...input.newCandidates.map((question) => ({
      deckOrder: question.deckOrder,
      questionOrder: question.questionOrder,
      id: question.questionId,
      entry: { kind: "new", questionId: question.questionId } as QueueEntry,
    })),
  ];
  const news = newItems.sort((a, b) => byBankOrder(a, b) || byId(a.id, b.id)).slice(0, newLimit);

  return [
    ...learning.map((card): QueueEntry => ({ kind: "learning", cardId: card.id })),
    ...reviews.map((card): QueueEntry => ({ kind: "review", cardId: card.id })),
    ...news.map((item) => item.entry),
  ];
}

/**
 * Earliest `due` among non-suspended (re)learning cards that are not due yet (`due > now`), or `null` if none,
 * so the study screen can say "come back in 8 minutes" when the queue is empty.
 */
export function nextLearningDue(cards: readonly QueueCard[], now: Date): Date | null {
  assertDate(now, "now");
  let earliest: number | null = null;
  for (const card of cards) {
    if (card.suspended || !isLearning(card)) continue;
    const due = card.due.getTime();
    if (due > now.getTime() && (earliest === null || due < earliest)) earliest = due;
  }
  return earliest === null ? null : new Date(earliest);
}

/**
 * How many new, learning and review entries {@link buildQueue} returns for the same arguments (so the counts
 * respect the daily limits), plus {@link nextLearningDue}. Throws like {@link buildQueue}.
 */
export function queueCounts(input: QueueInput, settings: QueueSettings, now: Date): QueueCounts {
  const counts: QueueCounts = { new: 0, learning: 0, review: 0, nextLearningDue: nextLearningDue(input.cards, now) };
  for (const entry of buildQueue(input, settings, now)) counts[entry.kind] += 1;
  return counts;
}
