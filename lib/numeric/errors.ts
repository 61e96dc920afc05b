/** Options for {@link TemplateError}. */
export interface TemplateErrorOptions {
  /** The template expression that failed, when the problem is in one (`answer`, a `derive`, a constraint…). */
  expression?: string;
  /** The underlying error (a `CalcError`, a mathjs parse error…), kept for debugging. */
  cause?: unknown;
}

/**
 * The one error type thrown by `lib/numeric` for a broken template: an expression that does not parse or uses
 * something outside the restricted scope, a calc function rejecting its arguments, constraints that cannot be
 * met, an answer that is not a finite number, a placeholder naming an unknown variable.
 *
 * Policy: these are content bugs, found by `validateTemplate` (and so by `npm run content:check`) before a
 * learner sees the question. Learner input never throws; see `parseLearnerAnswer`. The message names the
 * expression when there is one, so it can be shown to a content author as is.
 *
 * @example
 * ```ts
 * new TemplateError("unknown name `foo`", { expression: "foo + 1" }).message;
 * // => 'in "foo + 1": unknown name `foo`'
 * ```
 */
export class TemplateError extends Error {
  /** The failing expression, or `undefined` when the problem is not in one expression. */
  readonly expression: string | undefined;
  /** The problem alone, without the expression prefix that `message` carries. */
  readonly problem: string;

  constructor(problem: string, options: TemplateErrorOptions = {}) {
    super(options.expression === undefined ? problem : `in "${options.expression}": ${problem}`, { cause: options.cause });
    this.name = "TemplateError";
    this.expression = options.expression;
    this.problem = problem;
  }
}
