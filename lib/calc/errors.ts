/**
 * Options for {@link CalcError}.
 */
export interface CalcErrorOptions {
  /**
   * Path of the offending layer in a network spec (e.g. `layers[3].body[0]` or `layer1.0.conv1`, see
   * `analyzeNetwork`), or of the offending spec field (`input`, `layers`). Omit for plain formula calls.
   */
  path?: string;
}

/**
 * The one error type thrown by `lib/calc` for invalid input.
 *
 * Policy: every exported function validates its arguments at run time (callers may be untyped JSON from
 * the analyzer page) and throws a `CalcError` instead of returning `NaN`, `0` or a negative size. Typical
 * causes: non-integer or negative channel counts, a kernel larger than the padded input, channels not
 * divisible by groups, an unknown layer type. The message is prefixed with `path` when one is given, so
 * it can be shown to a user as is.
 *
 * @example
 * ```ts
 * try { convOutputSize({ input: 3, kernel: 5 }); }
 * catch (e) { if (e instanceof CalcError) e.message; } // "kernel (effective size 5) is larger than the padded input (3)…"
 * new CalcError("groups must divide in channels", { path: "layers[3]" }).message;
 * // => "layers[3]: groups must divide in channels"
 * ```
 */
export class CalcError extends Error {
  /** Path of the offending layer or spec field, or `undefined` for a plain formula call. */
  readonly path: string | undefined;
  /** The problem alone, without the `path` prefix that `message` carries. */
  readonly problem: string;

  constructor(problem: string, options: CalcErrorOptions = {}) {
    super(options.path === undefined || options.path === "" ? problem : `${options.path}: ${problem}`);
    this.name = "CalcError";
    this.path = options.path;
    this.problem = problem;
  }
}
