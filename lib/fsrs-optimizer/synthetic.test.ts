import { fsrs, type FSRSState } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { buildOptimizerItems, generateSyntheticLog, OptimizerError, type OptimizerItem } from "./index";

/** A learner who forgets faster than FSRS-6's defaults assume (low first stabilities, steeper decay w20). */
const KNOWN = [0.1, 0.4, 1.0, 5.0, 7.5, 0.5, 2.5, 0.01, 1.0, 0.25, 0.6, 2.5, 0.15, 0.35, 1.2, 0.4, 2.5, 0.6, 0.1, 0.08, 0.5];
const start = new Date("2026-01-05T10:00:00Z");
const base = { parameters: KNOWN, seed: 7, start, days: 40, newCardsPerDay: 10 };

/** Expected recall of each item's last review under `w`, recomputed from the item's own history with ts-fsrs. */
function expectedRecall(items: readonly OptimizerItem[], w: readonly number[]): number[] {
  const model = fsrs({ w: [...w], enable_short_term: true });
  return items.map((item) => {
    let state: FSRSState | null = null;
    for (const review of item.reviews.slice(0, -1)) state = model.next_state(state, review.deltaT, review.rating);
    return model.forgetting_curve(item.reviews[item.reviews.length - 1]!.deltaT, state!.stability);
  });
}

describe("generateSyntheticLog", () => {
  it("gives the same log for the same seed and another for another seed", () => {
    const a = generateSyntheticLog(base);
    expect(generateSyntheticLog(base)).toEqual(a);
    expect(generateSyntheticLog({ ...base, seed: 8 })).not.toEqual(a);
    expect(a.length).toBeGreaterThan(400);
  });

  it("writes a log the app could have written: time order, cards start NEW, steps on the same study day", () => {
    const log = generateSyntheticLog(base);
    const times = log.map((review) => review.reviewedAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));
    const seen = new Set<string>();
    for (const review of log) {
      expect(seen.has(review.cardId) ? review.stateBefore !== "NEW" : review.stateBefore === "NEW").toBe(true);
      seen.add(review.cardId);
    }
    const built = buildOptimizerItems(log, { timeZone: "UTC", dayStartHour: 4 });
    expect(built.skippedReviews).toBe(0);
    expect(built.sequences).toBe(seen.size);
    // Learning and relearning steps never start an item: they share the study day of the review before them.
    expect(log.filter((review) => review.stateBefore === "LEARNING" || review.stateBefore === "RELEARNING").length + built.items.length + seen.size).toBe(log.length);
  });

  it("draws recall with the probability the known parameters give, which the defaults misjudge", () => {
    const log = generateSyntheticLog({ ...base, days: 90 });
    const { items } = buildOptimizerItems(log, { timeZone: "UTC", dayStartHour: 4 });
    const recalled = items.filter((item) => item.reviews[item.reviews.length - 1]!.rating > 1).length;
    const truth = expectedRecall(items, KNOWN);
    const expected = truth.reduce((sum, r) => sum + r, 0);
    const sd = Math.sqrt(truth.reduce((sum, r) => sum + r * (1 - r), 0));
    // A binomial-like count within 4 standard deviations of its mean (fails by chance with p < 1e-4 for a new seed).
    expect(Math.abs(recalled - expected)).toBeLessThan(4 * sd);
    const defaults = expectedRecall(items, fsrs().parameters.w).reduce((sum, r) => sum + r, 0);
    expect(Math.abs(recalled - defaults)).toBeGreaterThan(4 * sd);
  });

  it("refuses options out of range", () => {
    expect(() => generateSyntheticLog({ ...base, parameters: KNOWN.slice(0, 20) })).toThrow(OptimizerError);
    expect(() => generateSyntheticLog({ ...base, parameters: [...KNOWN.slice(0, 20), Number.NaN] })).toThrow(OptimizerError);
    expect(() => generateSyntheticLog({ ...base, days: 0 })).toThrow(OptimizerError);
    expect(() => generateSyntheticLog({ ...base, newCardsPerDay: -1 })).toThrow(OptimizerError);
    expect(() => generateSyntheticLog({ ...base, start: new Date("nope") })).toThrow(OptimizerError);
    expect(() => generateSyntheticLog({ ...base, newCardsPerDay: 5_000 })).toThrow(OptimizerError); // session over 12 h
  });
});
