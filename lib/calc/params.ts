import { CalcError } from "./errors";
import { pair, type Size2 } from "./size";
import { boolean, positiveInteger, safeCount } from "./validate";

/** Options for {@link convParams}. */
export interface ConvParamsOptions {
  /** Kernel size, `k` or `[kh, kw]` (integers >= 1). */
  kernel: Size2;
  /** Input channels C_in (integer >= 1, divisible by `groups`). */
  inChannels: number;
  /** Output channels C_out (integer >= 1, divisible by `groups`). */
  outChannels: number;
  /** Groups (integer >= 1). `groups = inChannels` is a depthwise convolution. Default 1. */
  groups?: number;
  /** Whether the layer has a bias vector (PyTorch's default `bias=True`). Default true. */
  bias?: boolean;
}

/**
 * Learnable parameters of a 2-D convolution (`nn.Conv2d`), a count of scalars:
 * $k_h k_w \frac{C_\text{in}}{g} C_\text{out} + [\text{bias}]\,C_\text{out}$.
 *
 * Each of the C_out filters sees only C_in/g input channels, so grouping divides the weight count by g;
 * a depthwise convolution (g = C_in = C_out) has k_h·k_w·C weights. Throws {@link CalcError} when either
 * channel count is not divisible by `groups`.
 *
 * @example
 * ```ts
 * convParams({ kernel: 3, inChannels: 64, outChannels: 128 });                   // 73_856 = 3·3·64·128 + 128
 * convParams({ kernel: 3, inChannels: 32, outChannels: 32, groups: 32, bias: false }); // 288 = 3·3·1·32
 * ```
 */
export function convParams(options: ConvParamsOptions): number {
  const [kh, kw] = pair(options.kernel, "kernel", 1);
  const inChannels = positiveInteger(options.inChannels, "inChannels");
  const outChannels = positiveInteger(options.outChannels, "outChannels");
  const groups = positiveInteger(options.groups ?? 1, "groups");
  const bias = boolean(options.bias ?? true, "bias");
  checkGroups(inChannels, outChannels, groups);
  return safeCount(kh * kw * (inChannels / groups) * outChannels + (bias ? outChannels : 0), "parameter count");
}

/** Throws unless both channel counts are divisible by groups (PyTorch's rule). */
export function checkGroups(inChannels: number, outChannels: number, groups: number, path?: string): void {
  if (inChannels % groups !== 0) {
    throw new CalcError(`in channels (${inChannels}) are not divisible by groups (${groups})`, { path });
  }
  if (outChannels % groups !== 0) {
    throw new CalcError(`out channels (${outChannels}) are not divisible by groups (${groups})`, { path });
  }
}

/** Options for {@link linearParams}. */
export interface LinearParamsOptions {
  /** Input features (integer >= 1). */
  inFeatures: number;
  /** Output features (integer >= 1). */
  outFeatures: number;
  /** Whether the layer has a bias vector. Default true. */
  bias?: boolean;
}

/**
 * Learnable parameters of a fully connected layer (`nn.Linear`): $n_\text{in} n_\text{out} + [\text{bias}]\,n_\text{out}$.
 *
 * @example
 * ```ts
 * linearParams({ inFeatures: 4096, outFeatures: 1000 }); // 4_097_000 = 4096·1000 + 1000
 * ```
 */
export function linearParams(options: LinearParamsOptions): number {
  const inFeatures = positiveInteger(options.inFeatures, "inFeatures");
  const outFeatures = positiveInteger(options.outFeatures, "outFeatures");
  const bias = boolean(options.bias ?? true, "bias");
  return safeCount(inFeatures * outFeatures + (bias ? outFeatures : 0), "parameter count");
}

/** Options for {@link batchNormParams}. */
export interface BatchNormParamsOptions {
  /** Channels C (integer >= 1). */
  channels: number;
  /** Learnable scale γ and shift β (`affine=True`, PyTorch's default). Default true. */
  affine?: boolean;
  /** Running mean/variance kept as buffers (`track_running_stats=True`, the default). Default true. */
  trackRunningStats?: boolean;
}

/** Parameter and buffer counts of a batch-norm layer. */
export interface BatchNormParams {
  /** Learnable parameters: γ and β, 2C (0 without `affine`). */
  params: number;
  /** Running mean and running variance elements, 2C (0 without `trackRunningStats`). */
  runningStats: number;
  /**
   * All buffer elements as `sum(b.numel() for b in bn.buffers())` counts them: `runningStats` plus the
   * one-element `num_batches_tracked` counter, i.e. 2C + 1 (0 without `trackRunningStats`).
   */
  buffers: number;
}

/**
 * Parameters and buffers of `nn.BatchNorm2d` (or 1d/3d: the count depends only on C).
 *
 * Convention: `params` = γ, β = 2C learnable scalars, as `model.parameters()` counts them. Running mean and
 * variance are *not* parameters; they are reported as `runningStats` = 2C, and `buffers` = 2C + 1
 * **includes** PyTorch's `num_batches_tracked` counter (one int64 element), matching
 * `sum(b.numel() for b in model.buffers())`. The network analyzer uses the same convention.
 *
 * @example
 * ```ts
 * batchNormParams({ channels: 64 }); // { params: 128, runningStats: 128, buffers: 129 }
 * ```
 */
export function batchNormParams(options: BatchNormParamsOptions): BatchNormParams {
  const channels = positiveInteger(options.channels, "channels");
  const affine = boolean(options.affine ?? true, "affine");
  const track = boolean(options.trackRunningStats ?? true, "trackRunningStats");
  return {
    params: affine ? 2 * channels : 0,
    runningStats: track ? 2 * channels : 0,
    buffers: track ? 2 * channels + 1 : 0,
  };
}

/** Options for {@link convBnBlockParams}. */
export interface ConvBnBlockParamsOptions {
  /** Kernel size (integers >= 1). */
  kernel: Size2;
  /** Input channels C (integer >= 1). */
  inChannels: number;
  /** Output channels O (integer >= 1). */
  outChannels: number;
  /** Groups. Default 1. */
  groups?: number;
  /**
   * Whether the convolution keeps its bias. Default true, the textbook "conv + bias + BN" count; real
   * networks (ResNet, MobileNet) use false because BN's β makes the bias redundant.
   */
  convBias?: boolean;
}

/** Parameter breakdown of a conv → batch-norm block. */
export interface ConvBnBlockParams {
  /** Convolution weights k_h·k_w·(C/g)·O. */
  weights: number;
  /** Convolution bias, O or 0. */
  bias: number;
  /** Batch-norm γ and β, 2O. */
  batchNorm: number;
  /** Learnable total: weights + bias + batchNorm. */
  total: number;
  /** Batch-norm buffers 2O + 1 (running mean, variance, num_batches_tracked); not in `total`. */
  buffers: number;
}

/**
 * Learnable parameters of a convolution followed by batch norm:
 * $k^2 C O + O + 2O$ (weights + conv bias + γ, β). Buffers (running statistics) are reported separately
 * and not included in `total`.
 *
 * @example
 * ```ts
 * convBnBlockParams({ kernel: 3, inChannels: 64, outChannels: 64 }).total;
 * // 37_056 = 3·3·64·64 + 64 + 2·64
 * convBnBlockParams({ kernel: 3, inChannels: 64, outChannels: 64, convBias: false }).total; // 36_992
 * ```
 */
export function convBnBlockParams(options: ConvBnBlockParamsOptions): ConvBnBlockParams {
  const withBias = convParams({
    kernel: options.kernel,
    inChannels: options.inChannels,
    outChannels: options.outChannels,
    groups: options.groups ?? 1,
    bias: boolean(options.convBias ?? true, "convBias"),
  });
  const bn = batchNormParams({ channels: options.outChannels });
  const bias = options.convBias ?? true ? options.outChannels : 0;
  return {
    weights: withBias - bias,
    bias,
    batchNorm: bn.params,
    total: withBias + bn.params,
    buffers: bn.buffers,
  };
}

/** Options for {@link stackedKernelComparison}. */
export interface StackedKernelComparisonOptions {
  /** Channels C, the same in and out for every layer (integer >= 1). */
  channels: number;
  /** Kernel k of each stacked layer (odd or even integer >= 1). Default 3. */
  kernel?: number;
  /** Number n of stacked k×k stride-1 layers (integer >= 1). Default 3. */
  layers?: number;
}

/** Result of {@link stackedKernelComparison}. Parameter counts ignore biases. */
export interface StackedKernelComparison {
  /** Receptive field of the stack, n(k−1)+1, which is also the single kernel's size K. */
  receptiveField: number;
  /** The single kernel K = n(k−1)+1 covering the same receptive field. */
  singleKernel: number;
  /** Weights of the stack: n·k²·C². */
  stackedParams: number;
  /** Weights of one K×K layer: K²·C². */
  singleParams: number;
  /** stackedParams / singleParams (< 1 means the stack is cheaper). */
  ratio: number;
  /** Non-linearities the stack can interleave (n), versus 1 for the single layer. */
  nonlinearities: number;
}

/**
 * Compares n stacked k×k convolutions (stride 1, C→C channels) with the single K×K convolution that has
 * the same receptive field K = n(k−1)+1, the argument of the VGG paper (Simonyan & Zisserman, 2015, §2.3).
 * Weights only, biases ignored: stack = n·k²·C², single = K²·C².
 *
 * @example
 * ```ts
 * const c = 64;
 * stackedKernelComparison({ channels: c, kernel: 3, layers: 3 });
 * // { receptiveField: 7, singleKernel: 7, stackedParams: 27·c² = 110_592, singleParams: 49·c² = 200_704,
 * //   ratio: 27/49 ≈ 0.551, nonlinearities: 3 }
 * ```
 */
export function stackedKernelComparison(options: StackedKernelComparisonOptions): StackedKernelComparison {
  const channels = positiveInteger(options.channels, "channels");
  const kernel = positiveInteger(options.kernel ?? 3, "kernel");
  const layers = positiveInteger(options.layers ?? 3, "layers");
  const single = layers * (kernel - 1) + 1;
  const stackedParams = safeCount(layers * kernel * kernel * channels * channels, "parameter count");
  const singleParams = safeCount(single * single * channels * channels, "parameter count");
  return {
    receptiveField: single,
    singleKernel: single,
    stackedParams,
    singleParams,
    ratio: stackedParams / singleParams,
    nonlinearities: layers,
  };
}
