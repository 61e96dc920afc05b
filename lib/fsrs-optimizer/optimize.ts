/**
 * The optimiser: evaluate "train FSRS on my reviews" on a time-series split of the learner's items against the
 * parameters in use, then train once more on every item for the parameters to apply.
 */
import { effectiveParameters, evaluateParameters, trainParameters } from "./binding";
import { isImprovement, type OptimizerEvaluation } from "./decision";
import { OptimizerError } from "./errors";
import type { OptimizerItem } from "./items";
import { DEFAULT_SPLITS, pooledMetrics, timeSeriesSplits, type FoldMetrics } from "./split";

/** Where a run is, for a progress indicator. */
export interface OptimizeProgress {
  /** A short sentence for the learner, e.g. "Testing on your reviews (part 2 of 5)". */
  stage: string;
  /** 0..1 over the whole optimisation, never decreasing. */
  fraction: number;
}

/** Options for {@link optimizeParameters}. */
export interface OptimizeOptions {
  /** The parameters in use: the learner's own 21 weights, or empty for ts-fsrs's defaults. */
  currentParameters: readonly number[];
  /** The learner's number of relearning steps (fsrs-rs and ts-fsrs both cap w17/w18 by it). */
  numRelearningSteps: number;
  /** Folds of the time-series split; default {@link DEFAULT_SPLITS}. */
  splits?: number;
  /** Receives progress as often as the binding reports it (several times a second): throttle any writes. */
  onProgress?: (progress: OptimizeProgress) => void;
  /** Polled during training and between steps; returning true stops with OptimizerError INTERRUPTED. */
  shouldStop?: () => boolean;
}

/** What {@link optimizeParameters} found. */
export interface OptimizeResult {
  /** FSRS-6 parameters trained on every item: the ones to apply. */
  parameters: number[];
  evaluation: OptimizerEvaluation;
  /** {@link isImprovement} of `evaluation`: whether to apply `parameters`. */
  better: boolean;
}

/** Lets pending I/O (progress writes, other requests) run between synchronous binding calls. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Optimises FSRS parameters for one learner's items (from `buildOptimizerItems`).
 *
 * 1. **Evaluate** with {@link timeSeriesSplits}: for each fold, train on the earlier items, then score both the
 *    parameters in use and the fold's trained parameters on exactly the fold's held-out items (in time order).
 *    The folds are pooled by {@link pooledMetrics} into log loss and RMSE "before" and "after".
 * 2. **Train** on every item: these are the parameters returned. The evaluation measures how well training on
 *    this learner's past predicts their future, which is what applying the final parameters bets on; the final
 *    parameters themselves have seen every review, so scoring them on any of those would flatter them.
 * 3. **Decide** with {@link isImprovement}: better only if the held-out log loss went down.
 *
 * Cost: `splits` trainings on growing prefixes plus one on everything, about (splits / 2 + 1.5) full trainings
 * (3.5 with 5 splits). Training runs on a worker thread; evaluation is synchronous but short.
 *
 * Throws {@link OptimizerError}: NOT_ENOUGH_DATA with fewer than `splits + 1` items, INTERRUPTED when
 * `shouldStop` returned true, INVALID_INPUT / BINDING_FAILED from the binding wrapper.
 */
export async function optimizeParameters(items: readonly OptimizerItem[], options: OptimizeOptions): Promise<OptimizeResult> {
  const splits = options.splits ?? DEFAULT_SPLITS;
  const folds = timeSeriesSplits(items, splits);
  const current = effectiveParameters(options.currentParameters);

  // Progress counts training work, which grows with the number of items trained on.
  const total = folds.reduce((sum, fold) => sum + fold.train.length, 0) + items.length;
  let done = 0;
  let last = 0;
  const report = (stage: string, fraction: number) => {
    last = Math.max(last, Math.min(1, fraction));
    options.onProgress?.({ stage, fraction: last });
  };
  const checkStop = () => {
    if (options.shouldStop?.()) throw new OptimizerError("INTERRUPTED", "The optimisation was stopped.");
  };
  const train = async (trainItems: readonly OptimizerItem[], stage: string) => {
    const start = done;
    report(stage, start / total);
    const parameters = await trainParameters(trainItems, {
      numRelearningSteps: options.numRelearningSteps,
      shouldStop: options.shouldStop,
      onProgress: (fraction) => report(stage, (start + fraction * trainItems.length) / total),
    });
    done += trainItems.length;
    return parameters;
  };

  const before: FoldMetrics[] = [];
  const after: FoldMetrics[] = [];
  for (const [index, fold] of folds.entries()) {
    checkStop();
    const stage = `Testing on your reviews (part ${index + 1} of ${folds.length})`;
    const trained = await train(fold.train, stage);
    await yieldToEventLoop();
    before.push(evaluateParameters(current, fold.test));
    after.push(evaluateParameters(trained, fold.test));
    await yieldToEventLoop();
  }
  checkStop();
  const parameters = await train(items, "Training on all your reviews");
  report("Training on all your reviews", 1);

  const pooledBefore = pooledMetrics(before);
  const pooledAfter = pooledMetrics(after);
  const evaluation: OptimizerEvaluation = {
    folds: folds.length,
    heldOutItems: pooledBefore.count,
    logLossBefore: pooledBefore.logLoss,
    logLossAfter: pooledAfter.logLoss,
    rmseBefore: pooledBefore.rmse,
    rmseAfter: pooledAfter.rmse,
  };
  return { parameters, evaluation, better: isImprovement(evaluation) };
}
