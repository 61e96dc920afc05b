import { CalcError } from "./errors";
import { boolean, nonNegativeInteger, positiveInteger } from "./validate";

/**
 * Padding of a convolution along one axis: a number of zeros added on *each* side, or PyTorch's string
 * modes `"valid"` (no padding) and `"same"` (output size = input size, stride 1 only).
 */
export type ConvPadding = number | "same" | "valid";

/** Options for {@link convOutputSize}. All sizes are integers counted in elements along one spatial axis. */
export interface ConvOutputSizeOptions {
  /** Input length along this axis (>= 1). */
  input: number;
  /** Kernel length (>= 1). */
  kernel: number;
  /** Stride (>= 1). Default 1. */
  stride?: number;
  /** Zeros added on each side (>= 0), or `"same"` / `"valid"`. Default 0. */
  padding?: ConvPadding;
  /** Dilation (>= 1); the kernel then spans d(k−1)+1 input elements. Default 1. */
  dilation?: number;
  /**
   * Round the window count up instead of down, as PyTorch pooling's `ceil_mode=True` does (PyTorch
   * convolutions have no ceil mode; it is here so pooling and "what if" questions share one formula).
   * Default false.
   */
  ceilMode?: boolean;
}

/**
 * Output length of a convolution (or pooling window) along one spatial axis, PyTorch conventions.
 *
 * Floor mode: $\text{out} = \lfloor (\text{in} + 2p - d(k-1) - 1) / s \rfloor + 1$.
 *
 * Ceil mode (as PyTorch's `pooling_output_shape`): $\text{out} = \lceil (\text{in} + 2p - d(k-1) - 1) / s \rceil + 1$,
 * then decreased by one if $(\text{out} - 1)s \ge \text{in} + p$: PyTorch requires the last window to
 * start inside the input or the left padding, never in the right padding.
 *
 * `"same"` follows **PyTorch**, not TensorFlow: it is only allowed with stride 1 (strided `"same"` throws,
 * as `nn.Conv2d(padding="same", stride=2)` does) and the output equals the input; the total padding
 * d(k−1) is split with the extra element on the right (see {@link samePadding}). TensorFlow's `"SAME"`
 * (out = ⌈in/s⌉ for any stride) is not implemented. `"valid"` means padding 0.
 *
 * Bounds: returns an integer >= 1. Throws {@link CalcError} when the effective kernel d(k−1)+1 is larger
 * than the padded input (the output would be empty) or an argument is not an integer in range.
 *
 * @example
 * ```ts
 * convOutputSize({ input: 224, kernel: 7, stride: 2, padding: 3 });            // 112  (ResNet stem)
 * convOutputSize({ input: 112, kernel: 3, stride: 2, padding: 1 });            // 56
 * convOutputSize({ input: 112, kernel: 3, stride: 2, ceilMode: true });        // 56  (floor would give 55)
 * convOutputSize({ input: 32, kernel: 3, dilation: 2, padding: "same" });      // 32
 * ```
 */
export function convOutputSize(options: ConvOutputSizeOptions): number {
  const input = positiveInteger(options.input, "input");
  const kernel = positiveInteger(options.kernel, "kernel");
  const stride = positiveInteger(options.stride ?? 1, "stride");
  const dilation = positiveInteger(options.dilation ?? 1, "dilation");
  const ceilMode = boolean(options.ceilMode ?? false, "ceilMode");
  const padding = options.padding ?? 0;
  if (padding === "same") {
    if (stride !== 1) {
      throw new CalcError(`padding "same" requires stride 1 (PyTorch convention), got stride ${stride}`);
    }
    return input;
  }
  const pad = padding === "valid" ? 0 : nonNegativeInteger(padding, "padding");
  return slidingWindowCount(input, kernel, stride, pad, dilation, ceilMode);
}

/** The shared window-count formula; arguments already validated. */
function slidingWindowCount(
  input: number,
  kernel: number,
  stride: number,
  pad: number,
  dilation: number,
  ceilMode: boolean,
): number {
  const span = dilation * (kernel - 1) + 1;
  const numerator = input + 2 * pad - span + (ceilMode ? stride - 1 : 0);
  // Math.floor on a possibly negative numerator is PyTorch's div_rtn (round toward −∞).
  let out = Math.floor(numerator / stride) + 1;
  if (ceilMode && (out - 1) * stride >= input + pad) out -= 1;
  if (out < 1) {
    throw new CalcError(
      `kernel (effective size ${span}) is larger than the padded input (${input} + 2×${pad} = ${input + 2 * pad}); ` +
        `the output would have size ${out}`,
    );
  }
  return out;
}

/** Options for {@link transposedConvOutputSize}. Integers along one spatial axis. */
export interface TransposedConvOutputSizeOptions {
  /** Input length (>= 1). */
  input: number;
  /** Kernel length (>= 1). */
  kernel: number;
  /** Stride (>= 1). Default 1. */
  stride?: number;
  /** `padding` of `nn.ConvTranspose2d` (>= 0): removes that many elements from each side. Default 0. */
  padding?: number;
  /** Extra elements added on one side (>= 0); PyTorch requires it to be smaller than stride or dilation. Default 0. */
  outputPadding?: number;
  /** Dilation (>= 1). Default 1. */
  dilation?: number;
}

/**
 * Output length of a transposed convolution along one axis (PyTorch `nn.ConvTranspose2d`):
 * $\text{out} = (\text{in} - 1)s - 2p + d(k-1) + \text{output\_padding} + 1$.
 *
 * With the same k, s, p, d it maps a convolution's output size back to its input size; `outputPadding`
 * (in [0, s)) chooses among the s input sizes that a strided convolution maps to the same output.
 *
 * Throws {@link CalcError} when the result is < 1 or `outputPadding` is not smaller than the stride or
 * the dilation (PyTorch's rule).
 *
 * @example
 * ```ts
 * transposedConvOutputSize({ input: 56, kernel: 3, stride: 2, padding: 1, outputPadding: 1 }); // 112
 * transposedConvOutputSize({ input: 7, kernel: 4, stride: 2, padding: 1 });                    // 14
 * ```
 */
export function transposedConvOutputSize(options: TransposedConvOutputSizeOptions): number {
  const input = positiveInteger(options.input, "input");
  const kernel = positiveInteger(options.kernel, "kernel");
  const stride = positiveInteger(options.stride ?? 1, "stride");
  const padding = nonNegativeInteger(options.padding ?? 0, "padding");
  const outputPadding = nonNegativeInteger(options.outputPadding ?? 0, "outputPadding");
  const dilation = positiveInteger(options.dilation ?? 1, "dilation");
  if (outputPadding >= stride && outputPadding >= dilation) {
    throw new CalcError(
      `outputPadding (${outputPadding}) must be smaller than either stride (${stride}) or dilation (${dilation})`,
    );
  }
  const out = (input - 1) * stride - 2 * padding + dilation * (kernel - 1) + outputPadding + 1;
  if (out < 1) {
    throw new CalcError(`transposed convolution output size would be ${out}; padding ${padding} is too large`);
  }
  return out;
}

/** Options for {@link samePadding}. */
export interface SamePaddingOptions {
  /** Kernel length (>= 1). */
  kernel: number;
  /** Dilation (>= 1). Default 1. */
  dilation?: number;
}

/** Zeros added by PyTorch's `padding="same"` along one axis. */
export interface SamePadding {
  /** Total zeros, d(k−1). */
  total: number;
  /** Zeros before the input (left/top): ⌊total/2⌋. */
  before: number;
  /** Zeros after the input (right/bottom): total − before, one more than `before` when total is odd. */
  after: number;
}

/**
 * Padding that PyTorch's `padding="same"` (stride 1) adds along one axis: total d(k−1), the odd element
 * on the right/bottom. Elements, integers.
 *
 * @example
 * ```ts
 * samePadding({ kernel: 3 });              // { total: 2, before: 1, after: 1 }
 * samePadding({ kernel: 4 });              // { total: 3, before: 1, after: 2 }
 * samePadding({ kernel: 3, dilation: 2 }); // { total: 4, before: 2, after: 2 }
 * ```
 */
export function samePadding(options: SamePaddingOptions): SamePadding {
  const kernel = positiveInteger(options.kernel, "kernel");
  const dilation = positiveInteger(options.dilation ?? 1, "dilation");
  const total = dilation * (kernel - 1);
  const before = Math.floor(total / 2);
  return { total, before, after: total - before };
}
