import { describe, expect, it } from "vitest";
import type { CardState } from "@/lib/srs";
import { buildOptimizerItems, OptimizerError, type OptimizerReviewLog } from "./index";

const UTC = { timeZone: "UTC", dayStartHour: 4 };

function log(cardId: string, rating: number, stateBefore: CardState, iso: string): OptimizerReviewLog {
  return { cardId, rating, stateBefore, reviewedAt: new Date(iso) };
}

/** Items as [rating, deltaT] pairs, which is how the expectations below are written by hand. */
function pairs(logs: OptimizerReviewLog[], options = UTC): Array<Array<[number, number]>> {
  return buildOptimizerItems(logs, options).items.map((item) => item.reviews.map((review) => [review.rating, review.deltaT]));
}

describe("buildOptimizerItems", () => {
  it("counts gaps in study days, which begin at the learner's day start hour, not at midnight", () => {
    // Day start 04:00 UTC: 03:59 on the 3rd still belongs to study day "03-02", one day after "03-01".
    const logs = [
      log("a", 3, "NEW", "2026-03-01T10:00:00Z"),
      log("a", 3, "LEARNING", "2026-03-01T11:00:00Z"),
      log("a", 3, "REVIEW", "2026-03-03T03:59:00Z"),
      log("a", 1, "REVIEW", "2026-03-10T10:00:00Z"),
    ];
    expect(pairs(logs)).toEqual([
      [[3, 0], [3, 0], [3, 1]],
      [[3, 0], [3, 0], [3, 1], [1, 8]],
    ]);
  });

  it("uses the learner's time zone: one hour apart across their day start is one day", () => {
    // Berlin in March 2026 before the DST change is UTC+1: 02:30Z is 03:30 local (study day Feb 28),
    // 03:30Z is 04:30 local (study day Mar 1).
    const logs = [log("a", 3, "NEW", "2026-03-01T02:30:00Z"), log("a", 3, "LEARNING", "2026-03-01T03:30:00Z")];
    expect(pairs(logs, { timeZone: "Europe/Berlin", dayStartHour: 4 })).toEqual([[[3, 0], [3, 1]]]);
    expect(pairs(logs, { timeZone: "UTC", dayStartHour: 4 })).toEqual([]); // both on UTC study day Feb 28
  });

  it("counts a 23-hour day (Berlin, 29 March 2026) as one day", () => {
    const logs = [log("a", 3, "NEW", "2026-03-28T12:00:00Z"), log("a", 4, "REVIEW", "2026-03-30T12:00:00Z")];
    expect(pairs(logs, { timeZone: "Europe/Berlin", dayStartHour: 4 })).toEqual([[[3, 0], [4, 2]]]);
  });

  it("predicts only reviews a day or more after the previous one, but keeps same-day steps in the history", () => {
    const logs = [
      log("a", 1, "NEW", "2026-03-01T10:00:00Z"),
      log("a", 3, "LEARNING", "2026-03-01T10:01:00Z"),
      log("a", 1, "REVIEW", "2026-03-02T10:00:00Z"),
      log("a", 3, "RELEARNING", "2026-03-02T10:10:00Z"),
      log("a", 3, "REVIEW", "2026-03-04T10:00:00Z"),
    ];
    const built = buildOptimizerItems(logs, UTC);
    expect(built.items.map((item) => item.reviews.map((review) => [review.rating, review.deltaT]))).toEqual([
      [[1, 0], [3, 0], [1, 1]],
      [[1, 0], [3, 0], [1, 1], [3, 0], [3, 2]],
    ]);
    expect(built.items.map((item) => new Date(item.reviewedAt).toISOString())).toEqual(["2026-03-02T10:00:00.000Z", "2026-03-04T10:00:00.000Z"]);
    expect(built.items.every((item) => item.cardId === "a")).toBe(true);
  });

  it("starts a new sequence where a card was reset to new, and keeps the one before", () => {
    const logs = [
      log("a", 3, "NEW", "2026-03-01T10:00:00Z"),
      log("a", 3, "REVIEW", "2026-03-04T10:00:00Z"),
      log("a", 2, "NEW", "2026-03-09T10:00:00Z"), // reset: the gap of 5 days is not a review gap
      log("a", 3, "REVIEW", "2026-03-11T10:00:00Z"),
    ];
    const built = buildOptimizerItems(logs, UTC);
    expect(built.sequences).toBe(2);
    expect(pairs(logs)).toEqual([
      [[3, 0], [3, 3]],
      [[2, 0], [3, 2]],
    ]);
  });

  it("skips a card's reviews before its first review from NEW (history unknown)", () => {
    const logs = [
      log("a", 3, "REVIEW", "2026-03-01T10:00:00Z"),
      log("a", 1, "RELEARNING", "2026-03-03T10:00:00Z"),
      log("a", 4, "NEW", "2026-03-05T10:00:00Z"),
      log("a", 3, "REVIEW", "2026-03-06T10:00:00Z"),
      log("b", 3, "REVIEW", "2026-03-06T10:00:00Z"),
    ];
    const built = buildOptimizerItems(logs, UTC);
    expect(built.skippedReviews).toBe(3);
    expect(built.sequences).toBe(1);
    expect(pairs(logs)).toEqual([[[4, 0], [3, 1]]]);
  });

  it("orders each card's reviews by time whatever the input order, keeping input order for equal times", () => {
    const ordered = [
      log("a", 3, "NEW", "2026-03-01T10:00:00Z"),
      log("b", 1, "NEW", "2026-03-01T10:00:00Z"),
      log("b", 3, "LEARNING", "2026-03-01T10:00:00Z"),
      log("a", 3, "REVIEW", "2026-03-03T10:00:00Z"),
      log("b", 2, "REVIEW", "2026-03-05T10:00:00Z"),
    ];
    const shuffled = [ordered[4]!, ordered[3]!, ordered[1]!, ordered[2]!, ordered[0]!];
    const byCard = (logs: OptimizerReviewLog[]) =>
      Object.fromEntries(buildOptimizerItems(logs, UTC).items.map((item) => [item.cardId, item.reviews.map((review) => [review.rating, review.deltaT])]));
    const expected = { a: [[3, 0], [3, 2]], b: [[1, 0], [3, 0], [2, 4]] };
    expect(byCard(ordered)).toEqual(expected);
    expect(byCard(shuffled)).toEqual(expected);
  });

  it("throws an OptimizerError for a rating outside 1..4 or an invalid date", () => {
    for (const bad of [log("a", 0, "NEW", "2026-03-01T10:00:00Z"), log("a", 5, "NEW", "2026-03-01T10:00:00Z"), log("a", 2.5, "NEW", "2026-03-01T10:00:00Z"), log("a", 3, "NEW", "not a date")]) {
      expect(() => buildOptimizerItems([bad], UTC)).toThrow(OptimizerError);
    }
    expect(buildOptimizerItems([], UTC)).toEqual({ items: [], sequences: 0, skippedReviews: 0 });
  });
});
