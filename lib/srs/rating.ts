import { SrsError } from "./errors";

/** A review rating, as FSRS and Anki number them: 1 Again, 2 Hard, 3 Good, 4 Easy. */
export type SrsRating = 1 | 2 | 3 | 4;

/** Named ratings, so callers write `RATING.good` rather than `3`. */
export const RATING = { again: 1, hard: 2, good: 3, easy: 4 } as const satisfies Record<string, SrsRating>;

/** All ratings in ascending order: `[1, 2, 3, 4]`. */
export const RATINGS: readonly SrsRating[] = Object.freeze([1, 2, 3, 4] as const);

/** True when `value` is one of the integers 1, 2, 3, 4. */
export function isRating(value: unknown): value is SrsRating {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/**
 * Returns `value` as an {@link SrsRating}, or throws {@link SrsError} (path `rating`) when it is not one of the
 * integers 1..4 (a string `"3"`, `0` (ts-fsrs's "Manual"), `2.5` and `5` are all rejected).
 */
export function assertRating(value: unknown): SrsRating {
  if (!isRating(value)) {
    throw new SrsError({ path: "rating", message: `Expected a rating from 1 (Again) to 4 (Easy), got ${String(value)}.` });
  }
  return value;
}
