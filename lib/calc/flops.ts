import { checkGroups } from "./params";
import { pair, type Size2 } from "./size";
import { nonNegative, positiveInteger, safeCount } from "./validate";

/** Options for {@link convMacs} and {@link convFlops}. */
export interface ConvMacsOptions {
  /** Input channels C_in (integer >= 1, divisible by `groups`). */
  inChannels: number;
  /** Output channels C_out (integer >= 1, divisible by `groups`). */
  outChannels: number;
  /** Kernel size (integers >= 1). */
  kernel: Size2;
  /** Spatial size of the **output** feature map, `n` or `[H_out, W_out]` (integers >= 1). */
  output: Size2;
  /** Groups. Default 1. */
  groups?: number;
  /** Batch size (integer >= 1). Default 1. */
  batch?: number;
}

/**
 * Multiply-accumulates (MACs) of a 2-D convolution:
 * $H_\text{out} W_\text{out} \cdot C_\text{out} \cdot \frac{C_\text{in}}{g} k_h k_w \cdot N$.
 *
 * Convention: returns **MACs, not FLOPs** (one MAC = one multiply + one add); the bias add is **not**
 * counted (it is O(H·W·C_out), negligible, and torchvision's published "GFLOPS" omit it too).
 * Use {@link convFlops} for FLOPs = 2 × MACs.
 *
 * @example
 * ```ts
 * convMacs({ inChannels: 64, outChannels: 128, kernel: 3, output: 56 }); // 231_211_008 = 56·56·128·64·3·3
 * ```
 */
export function convMacs(options: ConvMacsOptions): number {
  const inChannels = positiveInteger(options.inChannels, "inChannels");
  const outChannels = positiveInteger(options.outChannels, "outChannels");
  const [kh, kw] = pair(options.kernel, "kernel", 1);
  const [oh, ow] = pair(options.output, "output", 1);
  const groups = positiveInteger(options.groups ?? 1, "groups");
  const batch = positiveInteger(options.batch ?? 1, "batch");
  checkGroups(inChannels, outChannels, groups);
  return safeCount(oh * ow * outChannels * (inChannels / groups) * kh * kw * batch, "MAC count");
}

/**
 * FLOPs of a 2-D convolution: **2 × {@link convMacs}** (a multiply and an add per MAC), bias not counted.
 *
 * @example
 * ```ts
 * convFlops({ inChannels: 64, outChannels: 128, kernel: 3, output: 56 }); // 462_422_016 = 2·56·56·128·64·9
 * ```
 */
export function convFlops(options: ConvMacsOptions): number {
  return 2 * convMacs(options);
}

/** Options for {@link linearMacs} and {@link linearFlops}. */
export interface LinearMacsOptions {
  /** Input features (integer >= 1). */
  inFeatures: number;
  /** Output features (integer >= 1). */
  outFeatures: number;
  /** Batch size, or any number of rows the layer is applied to (integer >= 1). Default 1. */
  batch?: number;
}

/**
 * Multiply-accumulates of a fully connected layer: $n_\text{in} \cdot n_\text{out} \cdot N$.
 * Returns **MACs, not FLOPs**; the bias add is not counted.
 *
 * @example
 * ```ts
 * linearMacs({ inFeatures: 2048, outFeatures: 1000 }); // 2_048_000
 * ```
 */
export function linearMacs(options: LinearMacsOptions): number {
  const inFeatures = positiveInteger(options.inFeatures, "inFeatures");
  const outFeatures = positiveInteger(options.outFeatures, "outFeatures");
  const batch = positiveInteger(options.batch ?? 1, "batch");
  return safeCount(inFeatures * outFeatures * batch, "MAC count");
}

/**
 * FLOPs of a fully connected layer: **2 × {@link linearMacs}**, bias not counted.
 *
 * @example
 * ```ts
 * linearFlops({ inFeatures: 2048, outFeatures: 1000 }); // 4_096_000
 * ```
 */
export function linearFlops(options: LinearMacsOptions): number {
  return 2 * linearMacs(options);
}

/**
 * Converts a MAC count to FLOPs: FLOPs = 2 × MACs. Use it to read torchvision's "GFLOPS" column, which
 * actually lists GMACs: ResNet-50's 4.089 "GFLOPS" are about 8.18 GFLOPs.
 *
 * @example
 * ```ts
 * macsToFlops(4.089e9); // 8.178e9
 * ```
 */
export function macsToFlops(macs: number): number {
  return 2 * nonNegative(macs, "macs");
}

/**
 * Converts FLOPs to MACs: MACs = FLOPs / 2.
 *
 * @example
 * ```ts
 * flopsToMacs(8.178e9); // 4.089e9
 * ```
 */
export function flopsToMacs(flops: number): number {
  return nonNegative(flops, "flops") / 2;
}
