/**
 * Checking a learner's number against an instance: correct, a recognised common mistake, or incorrect.
 */
import type { NumericInstance } from "./instance";
import type { NumericTemplate, Tolerance } from "./schema";

/** Relative slack that absorbs floating-point noise: 1e-9 of the target's magnitude (at least 1e-9). */
const NOISE = 1e-9;

function noise(target: number): number {
  return NOISE * Math.max(1, Math.abs(target));
}

/** Rounds to `digits` significant figures (1 to 15) via the decimal representation. */
function roundSignificant(x: number, digits: number): number {
  return Number(x.toPrecision(digits));
}

/**
 * Whether `value` matches `target` under a template tolerance.
 *
 * - `exact`: |value − target| <= 1e-9 · max(1, |target|) (exact up to floating-point noise).
 * - `absolute` v: |value − target| <= v (plus the same noise, so 0.4 matches 0.3 ± 0.1).
 * - `relative` v: |value − target| <= v · |target| (plus noise); for target 0, exact.
 * - `sigfigs` n: value rounded to n significant figures equals target rounded to n significant figures. When
 *   the target sits on a rounding boundary up to noise (2.675 is stored as 2.67499…), both neighbours count.
 *   Any tolerance also accepts an exact match.
 *
 * Non-finite values never match.
 *
 * @example
 * ```ts
 * withinTolerance(97.49, 97.48997, { type: "sigfigs", value: 4 });      // true
 * withinTolerance(101, 100, { type: "relative", value: 0.01 });         // true
 * withinTolerance(73_857, 73_856, { type: "exact" });                   // false
 * ```
 */
export function withinTolerance(value: number, target: number, tolerance: Tolerance): boolean {
  if (!Number.isFinite(value) || !Number.isFinite(target)) return false;
  const difference = Math.abs(value - target);
  const slack = noise(target);
  if (difference <= slack) return true;
  switch (tolerance.type) {
    case "exact":
      return false;
    case "absolute":
      return difference <= tolerance.value + slack;
    case "relative":
      return difference <= tolerance.value * Math.abs(target) + slack;
    case "sigfigs": {
      const digits = tolerance.value;
      const mine = roundSignificant(value, digits);
      const candidates = [target, target * (1 + NOISE), target * (1 - NOISE)].map((t) => roundSignificant(t, digits));
      return candidates.some((candidate) => Math.abs(mine - candidate) <= noise(candidate));
    }
  }
}

/** Verdict of {@link checkAnswer}. */
export type CheckResult =
  | { verdict: "correct" }
  | { verdict: "mistake"; index: number; feedback: string }
  | { verdict: "incorrect" };

/**
 * Checks a learner's value (already parsed and converted to the template's unit, see `parseLearnerAnswer`).
 *
 * Correct when within the template's tolerance of the answer. Otherwise the first mistake whose value the
 * learner's value matches (same tolerance) wins, but only mistakes whose own value is *not* within tolerance of
 * the answer count: a mistake that gives the right number in this instance explains nothing. Otherwise
 * incorrect.
 *
 * @example
 * ```ts
 * // answer 73,856 (3·3·64·128 + 128); mistake 0 "forgot the biases" = 73,728
 * checkAnswer(template, instance, 73_856); // { verdict: "correct" }
 * checkAnswer(template, instance, 73_728); // { verdict: "mistake", index: 0, feedback: "You left out the biases…" }
 * checkAnswer(template, instance, 5);      // { verdict: "incorrect" }
 * ```
 */
export function checkAnswer(template: NumericTemplate, instance: NumericInstance, value: number): CheckResult {
  const { tolerance } = template;
  if (withinTolerance(value, instance.answer, tolerance)) return { verdict: "correct" };
  for (const mistake of instance.mistakes) {
    if (withinTolerance(mistake.value, instance.answer, tolerance)) continue;
    if (withinTolerance(value, mistake.value, tolerance)) {
      return { verdict: "mistake", index: mistake.index, feedback: mistake.feedback };
    }
  }
  return { verdict: "incorrect" };
}
