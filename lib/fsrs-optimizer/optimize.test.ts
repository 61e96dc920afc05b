/**
 * The real optimiser (fsrs-rs through the native binding) on a synthetic log drawn from KNOWN parameters that
 * differ clearly from the defaults. What must hold, and is asserted:
 * - the known parameters predict the held-out reviews better than the defaults (otherwise the log could not tell
 *   them apart and the test below would prove nothing);
 * - parameters trained on earlier reviews predict the held-out reviews better than the defaults, so the run
 *   would apply them.
 * Not asserted: that the optimiser gets as close as the known parameters, or recovers them weight by weight (a
 * finite log does not pin every weight down; the decay w20 is notably loose). The figures are in the final report.
 */
import { default_w } from "ts-fsrs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  buildOptimizerItems,
  DEFAULT_PARAMETERS,
  evaluateParameters,
  generateSyntheticLog,
  optimizeParameters,
  OptimizerError,
  pooledMetrics,
  timeSeriesSplits,
  trainParameters,
  type OptimizeProgress,
  type OptimizeResult,
  type OptimizerItem,
} from "./index";

const KNOWN = [0.1, 0.4, 1.0, 5.0, 7.5, 0.5, 2.5, 0.01, 1.0, 0.25, 0.6, 2.5, 0.15, 0.35, 1.2, 0.4, 2.5, 0.6, 0.1, 0.08, 0.5];

let items: OptimizerItem[] = [];
let result: OptimizeResult;
const progress: OptimizeProgress[] = [];

beforeAll(async () => {
  // 90 days of 12 new cards: about 8,000 reviews, 5,700 items; about 4 s of training on two cores.
  const log = generateSyntheticLog({ parameters: KNOWN, seed: 42, start: new Date("2026-01-05T10:00:00Z"), days: 90, newCardsPerDay: 12 });
  items = buildOptimizerItems(log, { timeZone: "UTC", dayStartHour: 4 }).items;
  result = await optimizeParameters(items, { currentParameters: [], numRelearningSteps: 1, onProgress: (update) => progress.push(update) });
}, 60_000);

/** Pooled held-out figures of fixed parameters on the optimiser's folds. */
function heldOut(parameters: readonly number[]) {
  return pooledMetrics(timeSeriesSplits(items).map((fold) => evaluateParameters(parameters, fold.test)));
}

describe("optimizeParameters on a synthetic log from known parameters", () => {
  it("the log tells the known parameters from the defaults", () => {
    expect(heldOut(KNOWN).logLoss).toBeLessThan(heldOut(default_w).logLoss);
  });

  it("predicts held-out reviews better than the defaults, and so would apply", () => {
    const { evaluation } = result;
    expect(evaluation.logLossAfter).toBeLessThan(evaluation.logLossBefore);
    expect(result.better).toBe(true);
    expect(evaluation.folds).toBe(5);
    expect(evaluation.heldOutItems).toBe(items.length - Math.floor(items.length / 6));
    expect(result.parameters).toHaveLength(21);
    expect(result.parameters.every(Number.isFinite)).toBe(true);
  });

  // fsrs-rs sums in f32 in hash-map order, so the same evaluation can differ in the 8th decimal between calls.
  it("scores 'before' with the parameters in use (here the defaults) on exactly the held-out items", () => {
    const defaults = heldOut(default_w);
    expect(result.evaluation.logLossBefore).toBeCloseTo(defaults.logLoss, 6);
    expect(result.evaluation.rmseBefore).toBeCloseTo(defaults.rmse, 6);
  });

  it("reports progress from 0 to 1 without going back, with a stage per step", () => {
    const fractions = progress.map((update) => update.fraction);
    expect(fractions.every((fraction, index) => index === 0 || fraction >= fractions[index - 1]!)).toBe(true);
    expect(fractions.at(-1)).toBe(1);
    const stages = new Set(progress.map((update) => update.stage));
    expect(stages).toContain("Testing on your reviews (part 1 of 5)");
    expect(stages).toContain("Testing on your reviews (part 5 of 5)");
    expect(stages).toContain("Training on all your reviews");
  });

  it("compares against the learner's own parameters when they have some", async () => {
    const few = items.slice(0, 600);
    const own = await optimizeParameters(few, { currentParameters: KNOWN, numRelearningSteps: 1, splits: 2 });
    const expected = pooledMetrics(timeSeriesSplits(few, 2).map((fold) => evaluateParameters(KNOWN, fold.test)));
    expect(own.evaluation.logLossBefore).toBeCloseTo(expected.logLoss, 6);
  }, 30_000);

  it("stops with INTERRUPTED when asked to", async () => {
    const stopped = await optimizeParameters(items.slice(0, 300), { currentParameters: [], numRelearningSteps: 1, shouldStop: () => true }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(stopped).toBeInstanceOf(OptimizerError);
    expect((stopped as OptimizerError).code).toBe("INTERRUPTED");
  });

  it("refuses fewer items than segments", async () => {
    await expect(optimizeParameters(items.slice(0, 5), { currentParameters: [], numRelearningSteps: 1 })).rejects.toMatchObject({ code: "NOT_ENOUGH_DATA" });
  });
});

describe("the binding wrapper", () => {
  const item = (reviews: Array<[number, number]>): OptimizerItem => ({ cardId: "c", reviewedAt: 0, reviews: reviews.map(([rating, deltaT]) => ({ rating: rating as 1 | 2 | 3 | 4, deltaT })) });

  it("refuses, before native code sees it, an item fsrs-rs would abort the process on (no review a day later)", () => {
    expect(() => evaluateParameters(DEFAULT_PARAMETERS, [item([[3, 0], [3, 0]])])).toThrow(OptimizerError);
    expect(() => evaluateParameters(DEFAULT_PARAMETERS, [item([[3, 0]])])).toThrow(OptimizerError);
    expect(() => evaluateParameters(DEFAULT_PARAMETERS, [item([[5, 0], [3, 2]])])).toThrow(OptimizerError);
    expect(() => evaluateParameters(DEFAULT_PARAMETERS, [item([[3, 1], [3, 2]])])).toThrow(OptimizerError);
    expect(() => evaluateParameters(DEFAULT_PARAMETERS, [item([[3, 0], [3, 1.5]])])).toThrow(OptimizerError);
  });

  it("refuses parameters that are not 21 finite numbers, and an empty item list", () => {
    const good = [item([[3, 0], [3, 2]])];
    expect(() => evaluateParameters(DEFAULT_PARAMETERS.slice(0, 20), good)).toThrow(OptimizerError);
    expect(() => evaluateParameters([...DEFAULT_PARAMETERS.slice(0, 20), Number.POSITIVE_INFINITY], good)).toThrow(OptimizerError);
    expect(() => evaluateParameters(DEFAULT_PARAMETERS, [])).toThrow(OptimizerError);
  });

  it("trains to the defaults (float precision) when there is too little to fit", async () => {
    const trained = await trainParameters([item([[3, 0], [3, 2]]), item([[1, 0], [1, 1]])], { numRelearningSteps: 1 });
    trained.forEach((weight, index) => expect(weight).toBeCloseTo(default_w[index]!, 5));
  });
});
