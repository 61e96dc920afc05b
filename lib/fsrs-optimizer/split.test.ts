import { describe, expect, it } from "vitest";
import { isImprovement, OptimizerError, pooledMetrics, timeSeriesSplits } from "./index";

/** Items whose `reviewedAt` is given; `id` records the input position. */
const items = (times: number[]) => times.map((reviewedAt, id) => ({ id, reviewedAt }));

describe("timeSeriesSplits", () => {
  it("cuts time-ordered items into splits + 1 segments and tests each later segment on everything before it", () => {
    // 14 items, 2 splits: segments of floor(14 / 3) = 4, the last one taking the remainder (6).
    const input = items([13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]); // newest first
    const folds = timeSeriesSplits(input, 2);
    expect(folds.map((fold) => [fold.train.length, fold.test.length])).toEqual([[4, 4], [8, 6]]);
    expect(folds[0]!.train.map((item) => item.reviewedAt)).toEqual([0, 1, 2, 3]);
    expect(folds[0]!.test.map((item) => item.reviewedAt)).toEqual([4, 5, 6, 7]);
    expect(folds[1]!.train.map((item) => item.reviewedAt)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(folds[1]!.test.map((item) => item.reviewedAt)).toEqual([8, 9, 10, 11, 12, 13]);
    expect(input.map((item) => item.reviewedAt)[0]).toBe(13); // input untouched
  });

  it("never trains on a review later than one it tests, and tests every item but the first segment once", () => {
    const times = Array.from({ length: 103 }, (_, index) => (index * 37) % 101); // scrambled, with repeats
    const folds = timeSeriesSplits(items(times));
    expect(folds).toHaveLength(5);
    for (const fold of folds) {
      expect(Math.max(...fold.train.map((item) => item.reviewedAt))).toBeLessThanOrEqual(Math.min(...fold.test.map((item) => item.reviewedAt)));
    }
    const tested = folds.flatMap((fold) => fold.test.map((item) => item.id));
    expect(new Set(tested).size).toBe(tested.length);
    expect(tested).toHaveLength(103 - Math.floor(103 / 6));
  });

  it("keeps input order for equal times", () => {
    const folds = timeSeriesSplits(items([5, 5, 5, 5]), 1);
    expect(folds[0]!.train.map((item) => item.id)).toEqual([0, 1]);
    expect(folds[0]!.test.map((item) => item.id)).toEqual([2, 3]);
  });

  it("refuses too few items for the segments, and a split count that is not an integer >= 1", () => {
    const error = (run: () => unknown) => {
      try {
        run();
      } catch (caught) {
        return caught instanceof OptimizerError ? caught.code : "not an OptimizerError";
      }
      return "no error";
    };
    expect(error(() => timeSeriesSplits(items([1, 2, 3, 4, 5]), 5))).toBe("NOT_ENOUGH_DATA");
    expect(timeSeriesSplits(items([1, 2, 3, 4, 5, 6]), 5)).toHaveLength(5);
    expect(error(() => timeSeriesSplits(items([1, 2, 3]), 0))).toBe("INVALID_INPUT");
    expect(error(() => timeSeriesSplits(items([1, 2, 3]), 1.5))).toBe("INVALID_INPUT");
  });
});

describe("pooledMetrics", () => {
  it("weights log loss by held-out items and pools RMSE as the root of the weighted mean of squares", () => {
    const pooled = pooledMetrics([
      { count: 1, logLoss: 0.3, rmse: 0.1 },
      { count: 3, logLoss: 0.5, rmse: 0.3 },
    ]);
    expect(pooled.count).toBe(4);
    expect(pooled.logLoss).toBeCloseTo((0.3 + 3 * 0.5) / 4, 12); // 0.45
    expect(pooled.rmse).toBeCloseTo(Math.sqrt((0.01 + 3 * 0.09) / 4), 12); // 0.26458
  });

  it("refuses an empty list and empty folds", () => {
    expect(() => pooledMetrics([])).toThrow(OptimizerError);
    expect(() => pooledMetrics([{ count: 0, logLoss: 0.3, rmse: 0.1 }])).toThrow(OptimizerError);
  });
});

describe("isImprovement", () => {
  it("applies only on a strictly lower log loss, whatever RMSE does", () => {
    expect(isImprovement({ logLossBefore: 0.4, logLossAfter: 0.38 })).toBe(true);
    expect(isImprovement({ logLossBefore: 0.38, logLossAfter: 0.38 })).toBe(false);
    expect(isImprovement({ logLossBefore: 0.38, logLossAfter: 0.4 })).toBe(false);
    expect(isImprovement({ logLossBefore: Number.NaN, logLossAfter: 0.1 })).toBe(false);
    expect(isImprovement({ logLossBefore: 0.4, logLossAfter: Number.NaN })).toBe(false);
  });
});
