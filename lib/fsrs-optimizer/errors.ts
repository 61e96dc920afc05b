/** Why an optimiser function refused its input or stopped. */
export type OptimizerErrorCode =
  /** A review log or item that breaks the documented rules (rating outside 1..4, invalid date, bad delta). */
  | "INVALID_INPUT"
  /** Too few training items to split the log and evaluate. */
  | "NOT_ENOUGH_DATA"
  /** The caller asked to stop (its `shouldStop` returned true), e.g. past a deadline. */
  | "INTERRUPTED"
  /** The FSRS binding itself failed (its message is kept as `cause`). */
  | "BINDING_FAILED";

/**
 * The one error type thrown by lib/fsrs-optimizer. Policy: every exported function checks what it is given and
 * throws this rather than passing something to the native binding that could crash the process (an item without
 * a review at least a day after the previous one makes fsrs-rs panic and abort Node, not throw). Messages are
 * for logs; the service shows the learner its own sentences.
 */
export class OptimizerError extends Error {
  readonly code: OptimizerErrorCode;

  constructor(code: OptimizerErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "OptimizerError";
    this.code = code;
  }
}
