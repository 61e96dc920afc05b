/**
 * A learner's review log as FSRS training items: per card, in time order, the reviews since the card was last new,
 * with the gap to the previous review counted in the learner's own study days.
 */
import { daysBetweenKeys, isRating, studyDay, type CardState, type SrsRating, type StudyDayOptions } from "@/lib/srs";
import { OptimizerError } from "./errors";

/** The columns of one ReviewLog row the optimiser reads. */
export interface OptimizerReviewLog {
  cardId: string;
  /** 1 Again, 2 Hard, 3 Good, 4 Easy. */
  rating: number;
  /** The card's state before this review; NEW marks the first review of a card (or of a card reset to new). */
  stateBefore: CardState;
  reviewedAt: Date;
}

/** One review inside an item, as FSRS reads it. */
export interface FsrsReviewStep {
  rating: SrsRating;
  /** Whole study days since the previous review of the sequence (integer >= 0); 0 for the first review. */
  deltaT: number;
}

/**
 * One training example: the review FSRS must predict (the last of `reviews`) with every earlier review of the same
 * sequence as its history. The last review's `deltaT` is always at least 1 (see {@link buildOptimizerItems}).
 */
export interface OptimizerItem {
  cardId: string;
  reviews: readonly FsrsReviewStep[];
  /** When the predicted (last) review happened, in ms since the epoch; orders the time-series split. */
  reviewedAt: number;
}

/** What {@link buildOptimizerItems} returns. */
export interface BuiltItems {
  items: OptimizerItem[];
  /** Review sequences found: one per card, plus one per reset of a card to new. */
  sequences: number;
  /** Reviews left out because their card's history before them is unknown (no review from NEW yet). */
  skippedReviews: number;
}

/**
 * Converts review logs (any order, any number of cards) into FSRS items. The rules:
 *
 * 1. **Per card, in time order.** Logs are grouped by `cardId` and sorted by `reviewedAt`; logs with the same
 *    instant keep their input order (the service reads them ordered by creation as a tie-break).
 * 2. **A sequence starts at a review from NEW.** FSRS derives a card's first stability and difficulty from the
 *    first rating of a new card, so a sequence must begin there. A later review with `stateBefore` NEW means the
 *    card was reset to new (e.g. by an admin): the earlier sequence ends and a new one starts. Both are kept, each
 *    being a complete history from new; the new one treats the card as unseen, as Anki does after a reset.
 * 3. **Reviews before a card's first review from NEW are skipped** (counted in `skippedReviews`): their card's
 *    start is not in the log (an imported card, or rows removed), and starting FSRS from a review-state rating
 *    would train the first-review weights on something that is not a first review.
 * 4. **Gaps in study days.** `deltaT` is the number of the learner's study days between the two reviews
 *    (`daysBetweenKeys` of their `dayKey`s, in their time zone and with their day start hour), so two reviews on
 *    the same study day have `deltaT` 0 even across midnight, and a 23 h or 25 h day still counts as one.
 * 5. **An item per review at least a day after the previous one.** For the k-th review (k >= 1) of a sequence
 *    with `deltaT > 0`, the item holds reviews 0..k. Same-day reviews (`deltaT` 0: learning and relearning
 *    steps) are not predicted, because FSRS's forgetting curve gives a recall probability of 1 at 0 days (Anki's
 *    rule too), but they stay in the history of later items, where FSRS-6's short-term weights (w17..w19) use
 *    them. This also guarantees what the native binding requires of every item: a review with `deltaT > 0`.
 *
 * Items come out grouped by card, cards in the order of their first review; `timeSeriesSplits` reorders by time.
 *
 * Throws {@link OptimizerError} (INVALID_INPUT) for a rating outside 1..4 or an invalid date, and lib/srs's
 * `SrsError` for an unknown time zone or an hour outside 0..23.
 *
 * @example
 * ```ts
 * // UTC, day start 04:00: a new card rated Good on the 1st at 10:00 and at 11:00, Good on the 3rd, Again on the 10th.
 * buildOptimizerItems(logs, { timeZone: "UTC", dayStartHour: 4 }).items.map((item) => item.reviews);
 * // [
 * //   [{ rating: 3, deltaT: 0 }, { rating: 3, deltaT: 0 }, { rating: 3, deltaT: 2 }],
 * //   [{ rating: 3, deltaT: 0 }, { rating: 3, deltaT: 0 }, { rating: 3, deltaT: 2 }, { rating: 1, deltaT: 7 }],
 * // ]
 * ```
 */
export function buildOptimizerItems(logs: readonly OptimizerReviewLog[], options: StudyDayOptions): BuiltItems {
  const ordered = logs.map((log, index) => {
    if (!isRating(log.rating)) {
      throw new OptimizerError("INVALID_INPUT", `Review ${index} has rating ${String(log.rating)}; expected 1 to 4.`);
    }
    const time = log.reviewedAt instanceof Date ? log.reviewedAt.getTime() : Number.NaN;
    if (!Number.isFinite(time)) throw new OptimizerError("INVALID_INPUT", `Review ${index} has no valid review time.`);
    return { log, rating: log.rating, time, index };
  });
  ordered.sort((a, b) => a.time - b.time || a.index - b.index);
  const dayNumber = studyDayNumbers(ordered.map((entry) => entry.time), options);

  const byCard = new Map<string, Array<{ rating: SrsRating; time: number; day: number; fromNew: boolean }>>();
  ordered.forEach((entry, position) => {
    const reviews = byCard.get(entry.log.cardId) ?? [];
    reviews.push({ rating: entry.rating, time: entry.time, day: dayNumber[position]!, fromNew: entry.log.stateBefore === "NEW" });
    byCard.set(entry.log.cardId, reviews);
  });

  const items: OptimizerItem[] = [];
  let sequences = 0;
  let skippedReviews = 0;
  for (const [cardId, reviews] of byCard) {
    let sequence: FsrsReviewStep[] | null = null;
    let previousDay = 0;
    for (const review of reviews) {
      if (review.fromNew) {
        sequence = [];
        sequences += 1;
      } else if (sequence === null) {
        skippedReviews += 1;
        continue;
      }
      const deltaT = sequence.length === 0 ? 0 : review.day - previousDay;
      sequence.push({ rating: review.rating, deltaT });
      previousDay = review.day;
      if (deltaT > 0) items.push({ cardId, reviews: sequence.slice(), reviewedAt: review.time });
    }
  }
  return { items, sequences, skippedReviews };
}

/**
 * The study day of each instant as a day number (days since the first instant's study day). `times` must be
 * sorted ascending: one `studyDay` call per study day met, not per review, which keeps 100 000 reviews fast.
 */
function studyDayNumbers(times: readonly number[], options: StudyDayOptions): number[] {
  const numbers: number[] = [];
  let firstKey: string | null = null;
  let current: { end: number; number: number } | null = null;
  for (const time of times) {
    if (current === null || time >= current.end) {
      const day = studyDay(new Date(time), options);
      firstKey ??= day.key;
      current = { end: day.end.getTime(), number: daysBetweenKeys(firstKey, day.key) };
    }
    numbers.push(current.number);
  }
  return numbers;
}
