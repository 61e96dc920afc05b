import { SrsError } from "./errors";

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Unit, its length in ms, the value (in that unit) from which the next unit is used, and decimals shown.
// A month is 30 days and a year 365 days, as Anki's answer buttons count them.
const UNITS = [
  { suffix: "s", ms: SECOND, below: 60, decimals: 0 },
  { suffix: "m", ms: MINUTE, below: 60, decimals: 0 },
  { suffix: "h", ms: HOUR, below: 24, decimals: 0 },
  { suffix: "d", ms: DAY, below: 30, decimals: 0 },
  { suffix: "mo", ms: 30 * DAY, below: 365 / 30, decimals: 1 },
  { suffix: "y", ms: 365 * DAY, below: Infinity, decimals: 1 },
] as const;

/**
 * A duration as a short label for an answer button: the largest unit in which it is at least 1, rounded to a
 * whole number of seconds, minutes, hours or days, or to one decimal of months (30 days) or years (365 days),
 * without a trailing ".0". A value that rounds up to the next unit is shown in that unit (59.6 s → "1m").
 *
 * @param ms - Duration in milliseconds, finite and >= 0 (throws {@link SrsError} otherwise).
 *
 * @example
 * ```ts
 * formatInterval(30_000);          // "30s"
 * formatInterval(10 * 60_000);     // "10m"
 * formatInterval(3 * 3_600_000);   // "3h"
 * formatInterval(4 * 86_400_000);  // "4d"
 * formatInterval(70 * 86_400_000); // "2.3mo" (70 / 30 = 2.33)
 * formatInterval(400 * 86_400_000);// "1.1y"  (400 / 365 = 1.10)
 * ```
 */
export function formatInterval(ms: number): string {
  if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) {
    throw new SrsError({ path: "ms", message: `Expected a duration of at least 0 ms, got ${String(ms)}.` });
  }
  for (const unit of UNITS) {
    const factor = 10 ** unit.decimals;
    const value = Math.round((ms / unit.ms) * factor) / factor;
    const isMonths = unit.suffix === "mo";
    // Months switch to years at 365 days (not at a rounded 12.2 months), so compare days there.
    const tooBig = isMonths ? ms >= 365 * DAY : value >= unit.below;
    if (!tooBig) return `${value}${unit.suffix}`;
  }
  /* c8 ignore next */
  throw new Error("unreachable: the year unit has no upper bound");
}
