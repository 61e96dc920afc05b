/** Held-out figures of the parameters in use ("before") and of the newly trained ones ("after"). */
export interface OptimizerEvaluation {
  /** Folds of the time-series split evaluated. */
  folds: number;
  /** Held-out items, i.e. reviews predicted, summed over the folds (both sides were scored on exactly these). */
  heldOutItems: number;
  logLossBefore: number;
  logLossAfter: number;
  rmseBefore: number;
  rmseAfter: number;
}

/**
 * The decision rule: apply the new parameters only when their held-out log loss is strictly lower than that of
 * the parameters in use. Both figures must be finite.
 *
 * Why log loss alone: it is the proper scoring rule FSRS is trained to minimise, and it scores every held-out
 * review. RMSE over fsrs-rs's bins is a calibration check shown alongside; on a few hundred held-out reviews the
 * bins hold a handful of reviews each, so it is noisy, and requiring it to improve too would throw away genuine
 * improvements for that noise. RMSE therefore need not improve (a worse RMSE with a better log loss is applied).
 *
 * No margin is required: "after" is scored by parameters trained only on earlier reviews, so it is already the
 * pessimistic side (the parameters in use may even have been trained on the held-out reviews themselves).
 *
 * @example
 * ```ts
 * isImprovement({ logLossBefore: 0.40, logLossAfter: 0.38, rmseBefore: 0.05, rmseAfter: 0.06, folds: 5, heldOutItems: 900 }); // true
 * isImprovement({ logLossBefore: 0.38, logLossAfter: 0.38, rmseBefore: 0.06, rmseAfter: 0.02, folds: 5, heldOutItems: 900 }); // false
 * ```
 */
export function isImprovement(evaluation: Pick<OptimizerEvaluation, "logLossBefore" | "logLossAfter">): boolean {
  const { logLossBefore, logLossAfter } = evaluation;
  return Number.isFinite(logLossBefore) && Number.isFinite(logLossAfter) && logLossAfter < logLossBefore;
}
