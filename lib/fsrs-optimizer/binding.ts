/**
 * The only module that talks to `@open-spaced-repetition/binding` (fsrs-rs compiled for Node): it checks items
 * before they cross into native code and turns the binding's failures into {@link OptimizerError}s.
 *
 * Why the checks matter: fsrs-rs panics on an item with no review at least a day after the previous one, and the
 * panic aborts the whole Node process (it is raised on a worker thread, out of reach of `catch`). A rating
 * outside 1..4 or a non-integer gap would be truncated silently.
 */
import { computeParameters, FSRSBinding, FSRSBindingItem, FSRSBindingReview } from "@open-spaced-repetition/binding";
import { default_w } from "ts-fsrs";
import { FSRS_PARAMETER_COUNT } from "@/lib/srs";
import { OptimizerError } from "./errors";
import type { OptimizerItem } from "./items";
import type { FoldMetrics } from "./split";

/** ts-fsrs's default FSRS-6 weights, the ones the scheduler uses for a learner without personal parameters. */
export const DEFAULT_PARAMETERS: readonly number[] = Object.freeze([...default_w]);

/** The weights to predict with: the learner's own, or {@link DEFAULT_PARAMETERS} when `parameters` is empty. */
export function effectiveParameters(parameters: readonly number[]): readonly number[] {
  return parameters.length === 0 ? DEFAULT_PARAMETERS : parameters;
}

function toBindingItem(item: OptimizerItem, index: number): FSRSBindingItem {
  const reviews = item.reviews;
  const last = reviews[reviews.length - 1];
  if (reviews.length < 2 || last === undefined || last.deltaT < 1) {
    throw new OptimizerError("INVALID_INPUT", `Item ${index} has no review to predict at least a day after the previous one.`);
  }
  return new FSRSBindingItem(
    reviews.map((review, position) => {
      const { rating, deltaT } = review;
      if (!(rating === 1 || rating === 2 || rating === 3 || rating === 4) || !Number.isInteger(deltaT) || deltaT < 0 || (position === 0 && deltaT !== 0)) {
        throw new OptimizerError("INVALID_INPUT", `Item ${index} has an invalid review at position ${position}.`);
      }
      return new FSRSBindingReview(rating, deltaT);
    }),
  );
}

/** Converts and checks items for the binding; throws {@link OptimizerError} INVALID_INPUT on the first bad one. */
export function toBindingItems(items: readonly OptimizerItem[]): FSRSBindingItem[] {
  return items.map(toBindingItem);
}

function checkParameters(parameters: readonly number[], what: string): number[] {
  if (parameters.length !== FSRS_PARAMETER_COUNT || !parameters.every(Number.isFinite)) {
    throw new OptimizerError("INVALID_INPUT", `${what} must be ${FSRS_PARAMETER_COUNT} finite numbers.`);
  }
  return [...parameters];
}

/** Options for {@link trainParameters}. */
export interface TrainOptions {
  /** The learner's number of relearning steps; fsrs-rs caps w17/w18 by it, as ts-fsrs does when scheduling. */
  numRelearningSteps: number;
  /** Called with the binding's progress (0..1) while it trains. */
  onProgress?: (fraction: number) => void;
  /** Polled with each progress report; returning true stops training with OptimizerError INTERRUPTED. */
  shouldStop?: () => boolean;
}

/**
 * FSRS-6 parameters fitted to `items` by fsrs-rs (`computeParameters`, short-term weights on). Runs on a libuv
 * worker thread, so the event loop stays free while it trains. fsrs-rs returns its defaults (equal to
 * {@link DEFAULT_PARAMETERS} to float precision) when there are too few items to fit anything.
 *
 * Throws {@link OptimizerError}: INVALID_INPUT for a bad item, INTERRUPTED when `shouldStop` asked to stop,
 * BINDING_FAILED when the binding failed or returned something other than 21 finite numbers.
 */
export async function trainParameters(items: readonly OptimizerItem[], options: TrainOptions): Promise<number[]> {
  const trainSet = toBindingItems(items);
  let stopped = false;
  let parameters: number[];
  try {
    parameters = await computeParameters(trainSet, {
      enableShortTerm: true,
      numRelearningSteps: options.numRelearningSteps,
      progress: (current, total) => {
        if (options.shouldStop?.()) {
          stopped = true;
          return false;
        }
        if (total > 0) options.onProgress?.(Math.min(1, Math.max(0, current / total)));
        return true;
      },
    });
  } catch (error) {
    if (stopped) throw new OptimizerError("INTERRUPTED", "Training was stopped.", { cause: error });
    throw new OptimizerError("BINDING_FAILED", "computeParameters failed.", { cause: error });
  }
  if (stopped) throw new OptimizerError("INTERRUPTED", "Training was stopped.");
  try {
    return checkParameters(parameters, "The trained parameters");
  } catch (error) {
    throw new OptimizerError("BINDING_FAILED", "computeParameters returned invalid parameters.", { cause: error });
  }
}

/**
 * How well `parameters` predict `items` (fsrs-rs `evaluate`): log loss and bin RMSE of the predicted recall
 * probability of each item's last review against whether it was recalled (any rating but Again). fsrs-rs
 * weights items by their position (later ones more), so pass them in time order, and compare two parameter sets
 * only on the same list. Synchronous: it blocks the event loop for the time it takes (milliseconds for a fold).
 *
 * Throws {@link OptimizerError} INVALID_INPUT for invalid parameters or items (including an empty list) and
 * BINDING_FAILED when the binding fails.
 */
export function evaluateParameters(parameters: readonly number[], items: readonly OptimizerItem[]): FoldMetrics {
  const weights = checkParameters(parameters, "Parameters to evaluate");
  if (items.length === 0) throw new OptimizerError("INVALID_INPUT", "No items to evaluate on.");
  const bindingItems = toBindingItems(items);
  let result: { logLoss: number; rmseBins: number };
  try {
    result = new FSRSBinding(weights).evaluate(bindingItems);
  } catch (error) {
    throw new OptimizerError("BINDING_FAILED", "evaluate failed.", { cause: error });
  }
  if (!Number.isFinite(result.logLoss) || !Number.isFinite(result.rmseBins)) {
    throw new OptimizerError("BINDING_FAILED", "evaluate returned a non-finite figure.");
  }
  return { count: items.length, logLoss: result.logLoss, rmse: result.rmseBins };
}
