import { positive } from "./validate";

/** Options for {@link fpsFromFlops} and {@link latencyMs}. */
export interface FpsFromFlopsOptions {
  /** FLOPs per image (> 0). FLOPs, not MACs: double a MAC count (or torchvision's "GFLOPS") first. */
  flopsPerImage: number;
  /** Achieved (not peak) compute rate in FLOP/s (> 0). */
  flopsPerSecond: number;
}

/**
 * Images per second a compute budget sustains: $\text{FPS} = \text{FLOP/s} / \text{FLOPs per image}$.
 * Assumes the network is compute-bound at the given achieved rate (no memory or launch overheads).
 *
 * @example
 * ```ts
 * // ResNet-50: 4.089 GMACs = 8.178 GFLOPs per image, on a device achieving 10 TFLOP/s
 * fpsFromFlops({ flopsPerImage: 8.178e9, flopsPerSecond: 10e12 }); // ≈ 1222.8
 * ```
 */
export function fpsFromFlops(options: FpsFromFlopsOptions): number {
  return positive(options.flopsPerSecond, "flopsPerSecond") / positive(options.flopsPerImage, "flopsPerImage");
}

/**
 * Latency of one image in milliseconds at the given achieved rate:
 * $1000 \cdot \text{FLOPs per image} / \text{FLOP/s}$ (= 1000 / FPS, batch 1, compute-bound).
 *
 * @example
 * ```ts
 * latencyMs({ flopsPerImage: 8.178e9, flopsPerSecond: 10e12 }); // 0.8178
 * ```
 */
export function latencyMs(options: FpsFromFlopsOptions): number {
  return (1000 * positive(options.flopsPerImage, "flopsPerImage")) / positive(options.flopsPerSecond, "flopsPerSecond");
}

/** Options for {@link requiredFlopsPerSecond}. */
export interface RequiredFlopsPerSecondOptions {
  /** FLOPs per image (> 0). */
  flopsPerImage: number;
  /** Target frames (images) per second (> 0). */
  fps: number;
}

/**
 * Achieved compute rate needed for a target frame rate, in FLOP/s:
 * $\text{FLOP/s} = \text{FLOPs per image} \cdot \text{FPS}$. Divide by the hardware's utilisation to get
 * the peak rate to buy.
 *
 * @example
 * ```ts
 * requiredFlopsPerSecond({ flopsPerImage: 8.178e9, fps: 30 }); // 2.4534e11 (≈ 245 GFLOP/s)
 * ```
 */
export function requiredFlopsPerSecond(options: RequiredFlopsPerSecondOptions): number {
  return positive(options.flopsPerImage, "flopsPerImage") * positive(options.fps, "fps");
}
