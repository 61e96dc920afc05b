import { convOutputSize } from "./conv";
import { CalcError } from "./errors";
import { boolean, describe, nonNegativeInteger, positiveInteger } from "./validate";

/** Options for {@link poolOutputSize}. Integers along one spatial axis. */
export interface PoolOutputSizeOptions {
  /** Input length (>= 1). */
  input: number;
  /** Window length (>= 1). */
  kernel: number;
  /** Stride (>= 1). Default: `kernel` (PyTorch's `stride=None`). */
  stride?: number;
  /** Implicit padding on each side (>= 0, at most ⌊kernel/2⌋, PyTorch's rule). Default 0. */
  padding?: number;
  /** Window dilation (>= 1). Max pooling only: `nn.AvgPool2d` has no dilation. Default 1. */
  dilation?: number;
  /** PyTorch `ceil_mode`. Default false. */
  ceilMode?: boolean;
  /** `"max"` or `"avg"`. Default `"max"`. */
  mode?: "max" | "avg";
}

/**
 * Output length of `nn.MaxPool2d` / `nn.AvgPool2d` along one axis, PyTorch's `pooling_output_shape`:
 * $\lfloor (\text{in} + 2p - d(k-1) - 1) / s \rfloor + 1$, or with `ceilMode` the ceiling, minus one if
 * the last window would start in the right padding (see `convOutputSize`). The stride defaults to the
 * kernel.
 *
 * Throws {@link CalcError} when the padding exceeds half the kernel, ⌊k/2⌋ (PyTorch rejects it, even when
 * dilation widens the window), when `dilation` is given for average pooling, or when the output would be
 * empty.
 *
 * @example
 * ```ts
 * poolOutputSize({ input: 112, kernel: 3, stride: 2, padding: 1 });    // 56  (ResNet max-pool)
 * poolOutputSize({ input: 55, kernel: 3, stride: 2 });                 // 27  (AlexNet)
 * poolOutputSize({ input: 109, kernel: 3, stride: 2, ceilMode: true }); // 54 (SqueezeNet)
 * poolOutputSize({ input: 14, kernel: 2 });                            // 7
 * ```
 */
export function poolOutputSize(options: PoolOutputSizeOptions): number {
  const mode = options.mode ?? "max";
  if (mode !== "max" && mode !== "avg") throw new CalcError(`mode must be "max" or "avg", got ${describe(mode)}`);
  const kernel = positiveInteger(options.kernel, "kernel");
  const stride = positiveInteger(options.stride ?? kernel, "stride");
  const padding = nonNegativeInteger(options.padding ?? 0, "padding");
  const dilation = positiveInteger(options.dilation ?? 1, "dilation");
  const ceilMode = boolean(options.ceilMode ?? false, "ceilMode");
  if (mode === "avg" && dilation !== 1) {
    throw new CalcError(`average pooling has no dilation (nn.AvgPool2d), got dilation ${dilation}`);
  }
  // PyTorch's pool2d_shape_check compares with the kernel, not the dilated window: ⌊k/2⌋ is the binding bound.
  const halfKernel = Math.floor(kernel / 2);
  if (padding > halfKernel) {
    throw new CalcError(`padding (${padding}) must be at most half the kernel (${halfKernel})`);
  }
  return convOutputSize({ input: options.input, kernel, stride, padding, dilation, ceilMode });
}

/** Options for {@link adaptivePoolBins} and {@link adaptivePoolOutputSize}. */
export interface AdaptivePoolOptions {
  /** Input length (integer >= 1). */
  input: number;
  /** Requested output length (integer >= 1; may exceed `input`, bins then repeat elements). */
  output: number;
}

/** One adaptive-pooling window: input elements `start` (inclusive) to `end` (exclusive). */
export interface PoolBin {
  /** First input index in the window. */
  start: number;
  /** One past the last input index in the window. */
  end: number;
}

/**
 * Output length of `nn.AdaptiveAvgPool2d` / `nn.AdaptiveMaxPool2d` along one axis: the requested size,
 * whatever the input size (validated, then returned).
 *
 * @example
 * ```ts
 * adaptivePoolOutputSize({ input: 13, output: 6 }); // 6
 * ```
 */
export function adaptivePoolOutputSize(options: AdaptivePoolOptions): number {
  positiveInteger(options.input, "input");
  return positiveInteger(options.output, "output");
}

/**
 * The windows of adaptive pooling along one axis, as PyTorch computes them: bin i covers input indices
 * $[\lfloor i \cdot \text{in} / \text{out} \rfloor,\ \lceil (i+1) \cdot \text{in} / \text{out} \rceil)$.
 * Bins can differ in length and overlap when `in` is not a multiple of `out`.
 *
 * @example
 * ```ts
 * adaptivePoolBins({ input: 5, output: 3 });
 * // [{ start: 0, end: 2 }, { start: 1, end: 4 }, { start: 3, end: 5 }]
 * ```
 */
export function adaptivePoolBins(options: AdaptivePoolOptions): PoolBin[] {
  const input = positiveInteger(options.input, "input");
  const output = positiveInteger(options.output, "output");
  const bins: PoolBin[] = [];
  for (let i = 0; i < output; i++) {
    // Multiply before dividing, as PyTorch's integer arithmetic does: (i*in)/out is then exact whenever it is
    // an integer, so floor/ceil never land one off.
    bins.push({ start: Math.floor((i * input) / output), end: Math.ceil(((i + 1) * input) / output) });
  }
  return bins;
}
