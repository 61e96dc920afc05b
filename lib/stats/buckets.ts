/**
 * The buckets of the Statistics page's memory distributions, as data, so the SQL (lib/stats/memory.ts), the charts
 * and the tests share one definition. Stability is bucketed on a roughly logarithmic scale because it spans from
 * minutes to years; retrievability in ten equal slices of 0..1.
 */
import { MASTERY_STABILITY_DAYS } from "@/lib/groups/progress";

/** One bucket of a distribution: values `from <= x < to` (`to` null: no upper bound). */
export interface BucketRange {
  /** Axis label, e.g. "1–3 weeks" or "90–100%". */
  label: string;
  /** Inclusive lower bound (days for stability, a probability for retrievability). */
  from: number;
  /** Exclusive upper bound; null for the last stability bucket. The last retrievability bucket includes 1. */
  to: number | null;
}

/**
 * Lower bounds (days) of stability buckets 1..5; bucket 0 is everything below the first. 21 days is the mastery
 * threshold (lib/groups/progress.ts), so the buckets from "3 weeks–3 months" on are exactly the mastered cards
 * among those in REVIEW; 90 and 365 days stand for three months and a year.
 */
export const STABILITY_BOUNDS_DAYS: readonly number[] = Object.freeze([1, 7, MASTERY_STABILITY_DAYS, 90, 365]);

/** Stability buckets in order, matching {@link STABILITY_BOUNDS_DAYS}. */
export const STABILITY_BUCKETS: readonly BucketRange[] = Object.freeze([
  { label: "< 1 day", from: 0, to: 1 },
  { label: "1–7 days", from: 1, to: 7 },
  { label: "1–3 weeks", from: 7, to: MASTERY_STABILITY_DAYS },
  { label: "3 weeks–3 months", from: MASTERY_STABILITY_DAYS, to: 90 },
  { label: "3–12 months", from: 90, to: 365 },
  { label: "> 1 year", from: 365, to: null },
]);

/** Number of retrievability buckets: tenths of 0..1. */
export const RETRIEVABILITY_BUCKET_COUNT = 10;

/** Retrievability buckets in order: "0–10%" … "90–100%" (the last one includes 100%). */
export const RETRIEVABILITY_BUCKETS: readonly BucketRange[] = Object.freeze(
  Array.from({ length: RETRIEVABILITY_BUCKET_COUNT }, (_, index) => ({
    label: `${index * 10}–${index * 10 + 10}%`,
    from: index / RETRIEVABILITY_BUCKET_COUNT,
    to: (index + 1) / RETRIEVABILITY_BUCKET_COUNT,
  })),
);

/**
 * The stability bucket of `days`: the number of bounds in {@link STABILITY_BOUNDS_DAYS} that are `<= days` (what
 * PostgreSQL's `width_bucket(days, bounds)` returns), so 0 for less than a day (and for 0 or a negative value)
 * and 5 for a year or more.
 *
 * @example
 * ```ts
 * stabilityBucket(0.5); // 0
 * stabilityBucket(21);  // 3 ("3 weeks–3 months": mastered)
 * stabilityBucket(400); // 5
 * ```
 */
export function stabilityBucket(days: number): number {
  return STABILITY_BOUNDS_DAYS.filter((bound) => bound <= days).length;
}

/**
 * The retrievability bucket of `r` (0..1): `min(9, floor(10·r))`, so 0.9 and 1 are both in the last bucket, as
 * the SQL computes it.
 */
export function retrievabilityBucket(r: number): number {
  return Math.min(RETRIEVABILITY_BUCKET_COUNT - 1, Math.max(0, Math.floor(r * RETRIEVABILITY_BUCKET_COUNT)));
}
