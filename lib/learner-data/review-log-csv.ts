/**
 * The review log as CSV, one row per review, in a layout two kinds of tools read directly:
 *
 * - the FSRS optimiser (fsrs-rs `convert_csv_to_fsrs_items`, the Python `fsrs-optimizer`, and
 *   `@open-spaced-repetition/binding`'s `convertCsvToFsrsItems`) reads the first five columns by name and ignores
 *   the rest;
 * - the other columns carry what Anki's `revlog` table has beyond those (its `type`, `ivl` and `lastIvl` in Anki's
 *   units) and the FSRS memory state, so the file can be compared with an Anki export or loaded into a notebook.
 *
 * | column            | meaning                                                                        | optimiser         | Anki revlog |
 * | ----------------- | ------------------------------------------------------------------------------ | ----------------- | ----------- |
 * | `card_id`         | Receptive's card id (text; Anki's is a number)                                 | `card_id`         | `cid`       |
 * | `review_time`     | when the review happened, milliseconds since 1970-01-01T00:00:00Z              | `review_time`     | `id`        |
 * | `review_rating`   | 1 Again, 2 Hard, 3 Good, 4 Easy                                                | `review_rating`   | `ease`      |
 * | `review_state`    | the card's state before the review: 0 new, 1 learning, 2 review, 3 relearning | `review_state`    | –           |
 * | `review_duration` | milliseconds spent answering; 0 when not recorded                              | `review_duration` | `time`      |
 * | `review_type`     | 0 learning (the card was new or learning), 1 review, 2 relearning              | –                 | `type`      |
 * | `interval`        | the interval this review set: days when ≥ 1 day, else negative seconds; empty when unknown | –      | `ivl`       |
 * | `last_interval`   | the interval before this review, same units; 0 on the card's first review      | –                 | `lastIvl`   |
 * | `stability`       | FSRS stability before the review, in days (0 for a new card)                   | –                 | –           |
 * | `difficulty`      | FSRS difficulty before the review, 1–10 (0 for a new card)                     | –                 | –           |
 * | `elapsed_days`    | whole days since the card's previous review, as ts-fsrs counts them            | –                 | –           |
 * | `question_key`    | the question's key (stable across renames)                                     | –                 | –           |
 * | `deck_slug`       | the deck's slug                                                                | –                 | –           |
 *
 * Rows are ordered by card, then by review time. Intervals are exact instants apart: `interval` is the due time the
 * review set (the next review's `dueBefore`, or the card's `due` after its latest review) minus the review time;
 * `last_interval` is `dueBefore − lastReviewBefore`.
 *
 * @see https://github.com/open-spaced-repetition/fsrs-optimizer#step-2-prepare-your-review-logs
 * @see https://github.com/ankidroid/Anki-Android/wiki/Database-Structure (revlog)
 */
import { csvRecord } from "./csv";

/** The columns in file order, each with what it holds (shown on the "Your data" page). */
export const REVIEW_LOG_COLUMN_DOCS = [
  { name: "card_id", meaning: "Your card's id (the FSRS optimiser's card_id; Anki's cid)." },
  { name: "review_time", meaning: "When you reviewed, in milliseconds since 1 January 1970 UTC (Anki's revlog id)." },
  { name: "review_rating", meaning: "1 Again, 2 Hard, 3 Good, 4 Easy (Anki's ease)." },
  { name: "review_state", meaning: "The card's state before the review: 0 new, 1 learning, 2 review, 3 relearning." },
  { name: "review_duration", meaning: "Milliseconds spent answering; 0 when not recorded (Anki's time)." },
  { name: "review_type", meaning: "Anki's revlog type: 0 learning, 1 review, 2 relearning." },
  { name: "interval", meaning: "The interval the review set: days, or negative seconds when under a day (Anki's ivl); empty when unknown." },
  { name: "last_interval", meaning: "The interval before the review, same units; 0 on a card's first review (Anki's lastIvl)." },
  { name: "stability", meaning: "FSRS stability before the review, in days." },
  { name: "difficulty", meaning: "FSRS difficulty before the review, 1 to 10 (0 for a new card)." },
  { name: "elapsed_days", meaning: "Whole days since the card's previous review." },
  { name: "question_key", meaning: "The question's key." },
  { name: "deck_slug", meaning: "The deck's slug." },
] as const;

export const REVIEW_LOG_COLUMNS = REVIEW_LOG_COLUMN_DOCS.map((column) => column.name);

export type CardStateName = "NEW" | "LEARNING" | "REVIEW" | "RELEARNING";

/** The optimiser's `review_state` numbers (the same as ts-fsrs's `State` enum). */
export const STATE_NUMBER: Record<CardStateName, number> = { NEW: 0, LEARNING: 1, REVIEW: 2, RELEARNING: 3 };
/** Anki's revlog `type`: a new card's first answer is a learning step in Anki. */
export const ANKI_REVIEW_TYPE: Record<CardStateName, number> = { NEW: 0, LEARNING: 0, REVIEW: 1, RELEARNING: 2 };

const DAY_MS = 86_400_000;

/** One review with what its row needs; `dueAfter` is null when the due time the review set is not known. */
export interface ReviewLogCsvInput {
  cardId: string;
  questionKey: string;
  deckSlug: string;
  reviewedAt: Date;
  rating: number;
  stateBefore: CardStateName;
  durationMs: number | null;
  dueBefore: Date;
  lastReviewBefore: Date | null;
  dueAfter: Date | null;
  stability: number;
  difficulty: number;
  elapsedDays: number;
}

/** The header record, CRLF included. */
export function reviewLogHeader(): string {
  return csvRecord(REVIEW_LOG_COLUMNS);
}

/** One review as a CSV record (CRLF included); see the module comment for each column. */
export function reviewLogRecord(review: ReviewLogCsvInput): string {
  const reviewTime = review.reviewedAt.getTime();
  return csvRecord([
    review.cardId,
    reviewTime,
    review.rating,
    STATE_NUMBER[review.stateBefore],
    Math.max(0, Math.round(review.durationMs ?? 0)),
    ANKI_REVIEW_TYPE[review.stateBefore],
    review.dueAfter === null ? null : ankiInterval(review.dueAfter.getTime() - reviewTime),
    review.lastReviewBefore === null ? 0 : ankiInterval(review.dueBefore.getTime() - review.lastReviewBefore.getTime()),
    review.stability,
    review.difficulty,
    review.elapsedDays,
    review.questionKey,
    review.deckSlug,
  ]);
}

/**
 * An interval in Anki's revlog units: whole days (rounded) when it is at least a day, otherwise negative whole
 * seconds (at least one); 0 for none or a negative span.
 *
 * @example ankiInterval(3 * 86_400_000) // 3
 * @example ankiInterval(10 * 60_000) // -600
 */
export function ankiInterval(milliseconds: number): number {
  if (milliseconds <= 0) return 0;
  if (milliseconds >= DAY_MS) return Math.round(milliseconds / DAY_MS);
  return -Math.max(1, Math.round(milliseconds / 1000));
}
