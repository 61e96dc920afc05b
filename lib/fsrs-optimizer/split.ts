/**
 * The time-series split behind the optimiser's evaluation, and how the folds' figures are pooled.
 *
 * Why a time-series split rather than a random one: an item's history overlaps with the card's later items, and
 * parameters are used to predict reviews that have not happened yet. Training only on reviews that happened
 * before every held-out review is the honest test of "will these parameters predict my next reviews better?".
 */
import { OptimizerError } from "./errors";

/** Default number of evaluation folds (fsrs-rs's `evaluate_with_time_series_splits` uses 5 too). */
export const DEFAULT_SPLITS = 5;

/** One fold: train on `train`, evaluate on `test`; every `test` item was reviewed no earlier than every `train` one. */
export interface TimeSeriesFold<T> {
  train: T[];
  test: T[];
}

/**
 * Splits items into `splits` expanding-window folds: items are ordered by the time of their last review
 * (`reviewedAt`, ties kept in input order) and cut into `splits + 1` segments of `floor(n / (splits + 1))` items,
 * the last segment taking the remainder. Fold i (0-based) trains on segments 0..i and tests on segment i + 1, so
 * with 5 splits: train [0] test [1], train [0,1] test [2], …, train [0..4] test [5]. Segment 0 is never tested;
 * every other item is tested exactly once, by parameters trained on earlier reviews only.
 *
 * Throws {@link OptimizerError} NOT_ENOUGH_DATA when `items.length < splits + 1` (a segment would be empty) and
 * INVALID_INPUT when `splits` is not an integer >= 1. The input array is not modified.
 *
 * @example
 * ```ts
 * timeSeriesSplits(items14, 2).map((fold) => [fold.train.length, fold.test.length]); // [[4, 4], [8, 6]]
 * ```
 */
export function timeSeriesSplits<T extends { reviewedAt: number }>(items: readonly T[], splits: number = DEFAULT_SPLITS): TimeSeriesFold<T>[] {
  if (!Number.isInteger(splits) || splits < 1) throw new OptimizerError("INVALID_INPUT", `splits must be an integer >= 1, got ${String(splits)}.`);
  const segment = Math.floor(items.length / (splits + 1));
  if (segment === 0) {
    throw new OptimizerError("NOT_ENOUGH_DATA", `${items.length} items cannot be split into ${splits + 1} time segments.`);
  }
  const sorted = items.map((item, index) => ({ item, index }));
  sorted.sort((a, b) => a.item.reviewedAt - b.item.reviewedAt || a.index - b.index);
  const ordered = sorted.map((entry) => entry.item);
  return Array.from({ length: splits }, (_, fold) => {
    const testStart = (fold + 1) * segment;
    const testEnd = fold === splits - 1 ? ordered.length : (fold + 2) * segment;
    return { train: ordered.slice(0, testStart), test: ordered.slice(testStart, testEnd) };
  });
}

/** A metric pair on one set of items. */
export interface FoldMetrics {
  /** Held-out items in the fold (> 0). */
  count: number;
  /** Binary cross-entropy of the predicted recall probability, as the binding reports it (lower is better). */
  logLoss: number;
  /** RMSE between predicted and observed recall over fsrs-rs's bins (lower is better). */
  rmse: number;
}

/**
 * Pools per-fold figures into one, weighting each fold by its number of held-out items: log loss as the weighted
 * mean, RMSE as the root of the weighted mean of squares (so the result is an RMSE over all held-out items when
 * each fold's bins are its own). Throws {@link OptimizerError} INVALID_INPUT for an empty list or a count < 1.
 *
 * @example
 * ```ts
 * pooledMetrics([{ count: 1, logLoss: 0.3, rmse: 0.1 }, { count: 3, logLoss: 0.5, rmse: 0.3 }]);
 * // { count: 4, logLoss: 0.45, rmse: Math.sqrt((0.01 + 3 * 0.09) / 4) ≈ 0.2646 }
 * ```
 */
export function pooledMetrics(folds: readonly FoldMetrics[]): FoldMetrics {
  if (folds.length === 0) throw new OptimizerError("INVALID_INPUT", "No folds to pool.");
  let count = 0;
  let logLoss = 0;
  let squares = 0;
  for (const fold of folds) {
    if (!Number.isInteger(fold.count) || fold.count < 1) throw new OptimizerError("INVALID_INPUT", `A fold has ${String(fold.count)} items.`);
    count += fold.count;
    logLoss += fold.count * fold.logLoss;
    squares += fold.count * fold.rmse * fold.rmse;
  }
  return { count, logLoss: logLoss / count, rmse: Math.sqrt(squares / count) };
}
