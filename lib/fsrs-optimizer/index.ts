// Public API of the FSRS optimiser's pure parts (no database): items from review logs, the time-series split, the
// decision rule, the optimiser itself (native binding, Node only) and the synthetic log for tests. The database
// side is lib/fsrs-optimizer/service.ts.
export { OptimizerError, type OptimizerErrorCode } from "./errors";
export { buildOptimizerItems, type BuiltItems, type FsrsReviewStep, type OptimizerItem, type OptimizerReviewLog } from "./items";
export { DEFAULT_SPLITS, pooledMetrics, timeSeriesSplits, type FoldMetrics, type TimeSeriesFold } from "./split";
export { isImprovement, type OptimizerEvaluation } from "./decision";
export { DEFAULT_PARAMETERS, effectiveParameters, evaluateParameters, trainParameters, type TrainOptions } from "./binding";
export { optimizeParameters, type OptimizeOptions, type OptimizeProgress, type OptimizeResult } from "./optimize";
export {
  generateSyntheticLog,
  MAX_REVIEWS_PER_SESSION,
  SECONDS_BETWEEN_REVIEWS,
  type SyntheticLogOptions,
  type SyntheticReview,
} from "./synthetic";
