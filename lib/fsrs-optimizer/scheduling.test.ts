/**
 * Scheduling with a learner's own parameters (lib/srs `ReviewSettings.parameters`), checked against ts-fsrs
 * called directly with the same weights.
 */
import { createEmptyCard, fsrs, Rating, type Card } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { newCard, parseSchedulerSettings, reviewCard, SrsError, type SrsCard } from "@/lib/srs";

const KNOWN = [0.1, 0.4, 1.0, 5.0, 7.5, 0.5, 2.5, 0.01, 1.0, 0.25, 0.6, 2.5, 0.15, 0.35, 1.2, 0.4, 2.5, 0.6, 0.1, 0.08, 0.5];
const settings = { ...parseSchedulerSettings({ enableFuzz: false }) };
const t0 = new Date("2026-04-01T09:00:00Z");
const days = (n: number) => new Date(t0.getTime() + n * 86_400_000);

/** ts-fsrs with the app's default settings (fuzz off) and the given weights. */
function direct(w?: number[]) {
  return fsrs({ w, request_retention: 0.9, maximum_interval: 36_500, enable_fuzz: false, enable_short_term: true, learning_steps: ["1m", "10m"], relearning_steps: ["10m"] });
}

/** Good now, then Good 3 days later, through lib/srs. */
function twoReviews(parameters?: readonly number[]): SrsCard {
  const first = reviewCard(newCard(t0), 3, { ...settings, parameters }, t0).card;
  return reviewCard(first, 3, { ...settings, parameters }, days(3)).card;
}

/** The same through ts-fsrs directly. */
function twoReviewsDirect(w?: number[]): Card {
  const scheduler = direct(w);
  const first = scheduler.next(createEmptyCard(t0), t0, Rating.Good).card;
  return scheduler.next(first, days(3), Rating.Good).card;
}

describe("personal FSRS parameters in lib/srs", () => {
  it("schedules exactly as ts-fsrs does with those weights, and differently from the defaults", () => {
    const mine = twoReviews(KNOWN);
    const expected = twoReviewsDirect([...KNOWN]);
    expect(mine.stability).toBe(expected.stability);
    expect(mine.difficulty).toBe(expected.difficulty);
    expect(mine.due).toEqual(expected.due);
    expect(twoReviews().stability).toBe(twoReviewsDirect().stability);
    expect(mine.stability).not.toBe(twoReviews().stability);
  });

  it("treats absent and empty parameters as the defaults", () => {
    expect(twoReviews([])).toEqual(twoReviews(undefined));
  });

  it("does not mix up schedulers cached for different parameter sets", () => {
    const other = KNOWN.map((weight, index) => (index === 2 ? 3 : weight)); // Good's first stability 1 → 3 days
    // Interleaved calls: each must give its own set's schedule, as ts-fsrs computes it directly.
    const results = [KNOWN, other, KNOWN, other].map((w) => twoReviews(w).stability);
    expect(results).toEqual([KNOWN, other, KNOWN, other].map((w) => twoReviewsDirect([...w]).stability));
    expect(results[0]).not.toBe(results[1]);
  });

  it("refuses parameters that are not 21 finite numbers with an SrsError on settings.parameters (or one of its items)", () => {
    for (const parameters of [KNOWN.slice(0, 20), [...KNOWN, 1], [...KNOWN.slice(0, 20), Number.NaN], [...KNOWN.slice(0, 20), Number.POSITIVE_INFINITY], "0.1" as unknown as number[], {} as unknown as number[]]) {
      let caught: unknown = null;
      try {
        reviewCard(newCard(t0), 3, { ...settings, parameters }, t0);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(SrsError);
      expect((caught as SrsError).issues[0]?.path).toMatch(/^settings\.parameters(\.\d+)?$/);
    }
  });
});
