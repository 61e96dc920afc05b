/** One problem found in the input of a `lib/srs` function. */
export interface SrsIssue {
  /**
   * Where the problem is: a settings field (`desiredRetention`, `learningSteps.1`), an argument (`rating`, `now`),
   * or a field of an argument (`card.lastReview`). Empty for a problem with the input as a whole.
   */
  path: string;
  /** What is wrong, as a sentence that can be shown to a learner as is. */
  message: string;
}

/**
 * The one error type thrown by `lib/srs` for invalid input.
 *
 * Policy: every exported function checks its arguments at run time (they come from the database, a form or a
 * request body) and throws an `SrsError` rather than returning a wrong schedule. Typical causes: a rating
 * outside 1..4, settings outside their bounds (see `schedulerSettingsSchema`), an unknown time zone, an
 * invalid `Date`, `now` earlier than the card's last review, undoing a log that is not the card's latest.
 * ts-fsrs's own validation errors are rethrown as `SrsError` with the original as `cause`.
 *
 * `issues` lists every problem found (settings validation reports all fields at once); `message` joins them
 * as `path: message; path: message`.
 *
 * @example
 * ```ts
 * try { parseSchedulerSettings({ desiredRetention: 0.5 }); }
 * catch (e) { if (e instanceof SrsError) e.issues; }
 * // => [{ path: "desiredRetention", message: "Choose a desired retention from 0.70 to 0.99." }]
 * ```
 */
export class SrsError extends Error {
  /** Every problem found; at least one. */
  readonly issues: readonly SrsIssue[];

  constructor(issues: SrsIssue | readonly SrsIssue[], options: { cause?: unknown } = {}) {
    const list = Array.isArray(issues) ? (issues as readonly SrsIssue[]) : [issues as SrsIssue];
    super(list.map((issue) => (issue.path === "" ? issue.message : `${issue.path}: ${issue.message}`)).join("; "), {
      cause: options.cause,
    });
    this.name = "SrsError";
    this.issues = list;
  }
}
