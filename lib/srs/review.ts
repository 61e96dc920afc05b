import { type Card as FsrsCard, type Grade } from "ts-fsrs";
import { fromFsrsCard, toFsrsCard, toFsrsState, type CardState, type SrsCard } from "./card";
import { SrsError } from "./errors";
import { formatInterval } from "./interval";
import { assertRating, RATINGS, type SrsRating } from "./rating";
import { defaultScheduler, schedulerFor, type ReviewSettings } from "./scheduler";
import { assertDate, callFsrs, copyDate } from "./validate";

export type { ReviewSettings } from "./scheduler";

/**
 * One review, as stored in the database's `ReviewLog` row: the rating, when it happened, and the card's
 * schedule **before** the review, so the review can be undone exactly (see {@link undoReview}).
 *
 * Every "before" field is copied from the card as it was passed to {@link reviewCard}, except `elapsedDays`.
 * This differs from ts-fsrs's own `ReviewLog` in one place: ts-fsrs stores `due = last_review ?? due`, and its
 * `rollback` then restores `due` as the review time; here `dueBefore` is the card's real `due`.
 */
export interface SrsReviewLog {
  /** 1 Again, 2 Hard, 3 Good, 4 Easy. */
  rating: SrsRating;
  /** The card's `state` before the review. */
  stateBefore: CardState;
  /** The card's `due` before the review (exact instant). */
  dueBefore: Date;
  /** The card's `stability` before the review (days; 0 for a NEW card). */
  stability: number;
  /** The card's `difficulty` before the review (1..10; 0 for a NEW card). */
  difficulty: number;
  /**
   * Whole days from the card's previous review to this one, as ts-fsrs counts them (difference of UTC calendar
   * dates; 0 for a NEW card). This is the card's `elapsedDays` **after** the review (ts-fsrs `elapsed_days`).
   */
  elapsedDays: number;
  /** The card's `elapsedDays` before the review (ts-fsrs `last_elapsed_days`). */
  lastElapsedDays: number;
  /** The card's `scheduledDays` before the review. */
  scheduledDays: number;
  /** The card's `learningSteps` before the review. */
  learningSteps: number;
  /** When the review happened: the `now` given to {@link reviewCard}, which also becomes the card's `lastReview`. */
  reviewedAt: Date;
}

/** Result of {@link reviewCard}. */
export interface ReviewResult {
  /** The card after the review (`suspended` unchanged). */
  card: SrsCard;
  /** What to store so the review can be undone. */
  log: SrsReviewLog;
}

function checkNow(card: SrsCard, now: Date): void {
  assertDate(now, "now");
  if (card.lastReview !== null && card.lastReview instanceof Date && now.getTime() < card.lastReview.getTime()) {
    throw new SrsError({ path: "now", message: "The review time is earlier than the card's last review." });
  }
}

/**
 * Applies a rating to a card at `now` with ts-fsrs (`FSRS.next`), using a scheduler built from `settings`
 * (FSRS-6 default weights; `request_retention` = `desiredRetention`, short-term steps on).
 *
 * Determinism: the result depends only on (card, rating, settings, now). With fuzz on, ts-fsrs seeds its
 * fuzz generator (Alea) from the review itself — `${now in ms}_${reps + 1}_${difficulty × stability}`
 * (`DefaultInitSeedStrategy`) — so the same review always gets the same interval, while different review
 * times spread intervals over ts-fsrs's fuzz range (e.g. ±15 % around 2.5–7 days). Fuzz applies only to
 * intervals of 2.5 days or more, never to (re)learning steps. Two cards with the same state reviewed in the
 * same millisecond get the same fuzz (the seed has no card id).
 *
 * What ts-fsrs does with the default steps ["1m", "10m"] (see its `BasicLearningStepsStrategy`): a NEW card
 * rated Again is due in 1 minute, Hard in 6 minutes (the mean of the first two steps), Good in 10 minutes
 * (next step), Easy graduates to REVIEW (interval from the initial stability, 8 days at 0.90 without fuzz).
 * A REVIEW card rated Again counts a lapse and enters RELEARNING for the first relearning step.
 *
 * Throws {@link SrsError} for a rating outside 1..4, invalid scheduling settings, an invalid date, or `now`
 * earlier than `card.lastReview`. Neither argument is modified.
 *
 * @example
 * ```ts
 * const { card, log } = reviewCard(newCard(t0), 3, settings, t0);
 * card.state;  // "LEARNING"
 * card.due;    // t0 + 10 minutes
 * log.stateBefore; // "NEW"
 * ```
 */
export function reviewCard(card: SrsCard, rating: SrsRating, settings: ReviewSettings, now: Date): ReviewResult {
  const grade = assertRating(rating);
  checkNow(card, now);
  const fsrsCard = toFsrsCard(card);
  const scheduler = schedulerFor(settings);
  const item = callFsrs("card", () => scheduler.next(fsrsCard, copyDate(now), grade as Grade));
  return {
    card: fromFsrsCard(item.card, card.suspended),
    log: {
      rating: grade,
      stateBefore: card.state,
      dueBefore: copyDate(card.due),
      stability: card.stability,
      difficulty: card.difficulty,
      elapsedDays: item.log.elapsed_days,
      lastElapsedDays: card.elapsedDays,
      scheduledDays: card.scheduledDays,
      learningSteps: card.learningSteps,
      reviewedAt: copyDate(now),
    },
  };
}

/** Options for {@link undoReview}. */
export interface UndoReviewOptions {
  /**
   * The card's `lastReview` before the undone review: the `reviewedAt` of the card's previous ReviewLog (the one
   * before `log`), or `null` when `log` is the card's first review.
   *
   * Why the caller passes it: the database's ReviewLog has no column for the card's previous `lastReview`, and it
   * cannot be derived from the other columns (learning steps are minutes, `elapsedDays` whole days). It is exact
   * because {@link reviewCard} sets `lastReview` to the review time, so a card's `lastReview` is always the
   * `reviewedAt` of its latest log (and `null` before its first).
   */
  previousReviewedAt: Date | null;
}

/**
 * Undoes the card's latest review: returns the card exactly as it was passed to the {@link reviewCard} call
 * that produced `log` (`undoReview(reviewCard(c, r, s, t).card, log, { previousReviewedAt: c.lastReview })`
 * deep-equals `c`).
 *
 * How: ts-fsrs `rollback` restores state, stability, difficulty, elapsed/scheduled days and learning step from the
 * log, `reps − 1`, and `lapses − 1` when the review was Again on a REVIEW card (the only case where ts-fsrs adds a
 * lapse). Two fields ts-fsrs cannot restore exactly are then set from what was stored: `due` from
 * `log.dueBefore` (ts-fsrs would put the review time) and `lastReview` from `options.previousReviewedAt`.
 * `suspended` is kept from `cardAfter`: a review never changes it, so if the service suspended the card as a
 * leech after this review (see `shouldSuspendAsLeech`), it should unsuspend it on undo.
 *
 * Throws {@link SrsError} when `log` is not the card's latest review (`cardAfter.lastReview` differs from
 * `log.reviewedAt`), when `cardAfter.reps` is 0, or for an invalid rating, state or date.
 */
export function undoReview(cardAfter: SrsCard, log: SrsReviewLog, options: UndoReviewOptions): SrsCard {
  const rating = assertRating(log.rating);
  assertDate(log.dueBefore, "log.dueBefore");
  assertDate(log.reviewedAt, "log.reviewedAt");
  if (options.previousReviewedAt !== null) assertDate(options.previousReviewedAt, "options.previousReviewedAt");
  const after = toFsrsCard(cardAfter);
  if (after.last_review === undefined || after.last_review.getTime() !== log.reviewedAt.getTime()) {
    throw new SrsError({ path: "log", message: "This review is not the card's latest one, so it cannot be undone." });
  }
  if (cardAfter.reps < 1) {
    throw new SrsError({ path: "card.reps", message: "The card has no review to undo." });
  }
  const previous: FsrsCard = callFsrs("log", () =>
    defaultScheduler.rollback(after, {
      rating,
      state: toFsrsState(log.stateBefore, "log.stateBefore"),
      due: copyDate(log.dueBefore),
      stability: log.stability,
      difficulty: log.difficulty,
      elapsed_days: log.elapsedDays,
      last_elapsed_days: log.lastElapsedDays,
      scheduled_days: log.scheduledDays,
      learning_steps: log.learningSteps,
      review: copyDate(log.reviewedAt),
    }),
  );
  previous.due = copyDate(log.dueBefore);
  previous.last_review = options.previousReviewedAt === null ? undefined : copyDate(options.previousReviewedAt);
  return fromFsrsCard(previous, cardAfter.suspended);
}

/** One answer button's outcome, from {@link previewIntervals}. */
export interface IntervalPreview {
  /** 1 Again, 2 Hard, 3 Good, 4 Easy. */
  rating: SrsRating;
  /** When the card would be due after this rating. */
  due: Date;
  /** `due − now` as a short label for the button (`formatInterval`): "1m", "10m", "4d", "2.3mo". */
  interval: string;
}

/**
 * What each rating would do to the card at `now` (ts-fsrs `repeat`), in rating order 1..4. Uses the same
 * scheduler and seed as {@link reviewCard}, so each previewed `due` is exactly what {@link reviewCard} gives for
 * that rating at the same `now`. Throws like {@link reviewCard}.
 *
 * @example
 * ```ts
 * previewIntervals(newCard(t0), settings, t0).map((p) => p.interval); // ["1m", "6m", "10m", "8d"] (fuzz off)
 * ```
 */
export function previewIntervals(card: SrsCard, settings: ReviewSettings, now: Date): IntervalPreview[] {
  checkNow(card, now);
  const fsrsCard = toFsrsCard(card);
  const scheduler = schedulerFor(settings);
  const preview = callFsrs("card", () => scheduler.repeat(fsrsCard, copyDate(now)));
  return RATINGS.map((rating) => {
    const due = copyDate(preview[rating as Grade].card.due);
    return { rating, due, interval: formatInterval(due.getTime() - now.getTime()) };
  });
}
