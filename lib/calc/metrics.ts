import { CalcError } from "./errors";
import { describe, finite, integer, nonNegative, positive } from "./validate";

/**
 * An axis-aligned box `[x1, y1, x2, y2]` in continuous coordinates (x to the right, y down), with
 * x2 >= x1 and y2 >= y1. Width is x2 − x1: there is **no "+1"** as in the old Pascal VOC pixel-index
 * convention.
 */
export type Box = [x1: number, y1: number, x2: number, y2: number];

function readBox(value: unknown, what: string): Box {
  if (!Array.isArray(value) || value.length !== 4) {
    throw new CalcError(`${what} must be [x1, y1, x2, y2], got ${describe(value)}`);
  }
  const [x1, y1, x2, y2] = value.map((v, i) => finite(v, `${what}[${i}]`)) as Box;
  if (x2 < x1 || y2 < y1) throw new CalcError(`${what} must have x2 >= x1 and y2 >= y1, got ${describe(value)}`);
  return [x1, y1, x2, y2];
}

/** Options for {@link iou}. */
export interface IouOptions {
  /** First box `[x1, y1, x2, y2]`. */
  a: Box;
  /** Second box `[x1, y1, x2, y2]`. */
  b: Box;
}

/**
 * Intersection over union of two boxes, a number in [0, 1]:
 * $\text{IoU} = |A \cap B| / (|A| + |B| - |A \cap B|)$ with areas (x2 − x1)(y2 − y1).
 *
 * Convention: continuous coordinates, as torchvision's `box_iou` uses them; the "+1" pixel convention
 * (width = x2 − x1 + 1) of Pascal VOC's devkit is **not** used. Boxes that only touch have IoU 0. When
 * the union is empty (both boxes have zero area) the result is defined as 0.
 *
 * @example
 * ```ts
 * iou({ a: [0, 0, 2, 2], b: [1, 1, 3, 3] }); // 1/7: intersection 1, union 4 + 4 − 1
 * ```
 */
export function iou(options: IouOptions): number {
  const [ax1, ay1, ax2, ay2] = readBox(options.a, "a");
  const [bx1, by1, bx2, by2] = readBox(options.b, "b");
  const iw = Math.max(0, Math.min(ax2, bx2) - Math.max(ax1, bx1));
  const ih = Math.max(0, Math.min(ay2, by2) - Math.max(ay1, by1));
  const inter = iw * ih;
  const union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - inter;
  if (union <= 0) return 0;
  // Rounding can push inter/union a hair above 1 for identical boxes with huge coordinates.
  return Math.min(1, inter / union);
}

function readLogits(value: unknown): number[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new CalcError(`logits must be a non-empty array of numbers, got ${describe(value)}`);
  }
  for (let i = 0; i < value.length; i++) {
    const v: unknown = value[i];
    // Build the error label only on failure: a template string per element dominated large inputs.
    if (typeof v !== "number" || !Number.isFinite(v)) finite(v, `logits[${i}]`);
  }
  return value as number[];
}

/** log Σ exp(z_i / t), with the maximum factored out so no exponent is positive. */
function logSumExp(z: number[], t: number): number {
  let max = -Infinity;
  for (const v of z) if (v / t > max) max = v / t;
  let sum = 0;
  for (const v of z) sum += Math.exp(v / t - max);
  return max + Math.log(sum);
}

/** Options for {@link softmax} and {@link logSoftmax}. */
export interface SoftmaxOptions {
  /** Logits z (finite numbers, at least one). */
  logits: number[];
  /** Temperature T > 0; the logits are divided by it. Default 1. */
  temperature?: number;
}

/**
 * Log-softmax, computed stably as $z_i/T - \log\sum_j e^{z_j/T}$ with the maximum subtracted first.
 * Natural logarithm; every entry <= 0.
 *
 * @example
 * ```ts
 * logSoftmax({ logits: [0, 0] }); // [−ln 2, −ln 2] ≈ [−0.6931, −0.6931]
 * ```
 */
export function logSoftmax(options: SoftmaxOptions): number[] {
  const t = positive(options.temperature ?? 1, "temperature");
  const z = readLogits(options.logits);
  const lse = logSumExp(z, t);
  return z.map((v) => v / t - lse);
}

/**
 * Softmax, numerically stable: $\sigma(z)_i = e^{(z_i - m)/T} / \sum_j e^{(z_j - m)/T}$ with m = max z,
 * so logits of ±1000 work. Entries are in [0, 1] and sum to 1 (up to rounding).
 *
 * @example
 * ```ts
 * softmax({ logits: [1, 2, 3] }); // [e¹, e², e³] / (e¹ + e² + e³) ≈ [0.0900, 0.2447, 0.6652]
 * softmax({ logits: [1000, 1000] }); // [0.5, 0.5]
 * ```
 */
export function softmax(options: SoftmaxOptions): number[] {
  const t = positive(options.temperature ?? 1, "temperature");
  const z = readLogits(options.logits).map((v) => v / t);
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  // Subtracting the max makes every exponent <= 0: no overflow, and at least one term equals 1.
  const exps = z.map((v) => Math.exp(v - max));
  let sum = 0;
  for (const e of exps) sum += e;
  return exps.map((e) => e / sum);
}

/** Options for {@link crossEntropy}. */
export interface CrossEntropyOptions {
  /** Unnormalised logits for one sample (finite, at least one). */
  logits: number[];
  /** Index of the true class (integer in [0, logits.length)). */
  target: number;
}

/**
 * Cross-entropy of one sample from logits, in nats (natural log), as `F.cross_entropy` computes it:
 * $-\log \operatorname{softmax}(z)_t = \log\sum_j e^{z_j} - z_t$ (stable log-sum-exp). Always >= 0;
 * ln C for uniform logits over C classes.
 *
 * @example
 * ```ts
 * crossEntropy({ logits: [2, 1, 0.1], target: 0 }); // ln(e² + e¹ + e^0.1) − 2 ≈ 0.4170
 * crossEntropy({ logits: [0, 0, 0, 0], target: 3 }); // ln 4 ≈ 1.3863
 * ```
 */
export function crossEntropy(options: CrossEntropyOptions): number {
  const logits = readLogits(options.logits);
  const target = integer(options.target, "target", 0);
  if (target >= logits.length) {
    throw new CalcError(`target must be < the number of classes (${logits.length}), got ${target}`);
  }
  const value = logSumExp(logits, 1) - (logits[target] as number);
  // −log p is mathematically >= 0; clamp the −1e-16 that rounding can produce for p ≈ 1.
  return Math.max(0, value);
}

/**
 * The logistic sigmoid $\sigma(x) = 1 / (1 + e^{-x})$, evaluated without overflow for large |x|. A plain
 * scalar function (no options object) because it has exactly one argument.
 *
 * @example
 * ```ts
 * sigmoid(0);    // 0.5
 * sigmoid(2);    // 1 / (1 + e^−2) ≈ 0.8808
 * sigmoid(-800); // ≈ 0, not NaN
 * ```
 */
export function sigmoid(x: number): number {
  const v = finite(x, "x");
  if (v >= 0) return 1 / (1 + Math.exp(-v));
  const e = Math.exp(v);
  return e / (1 + e);
}

function readTarget(value: unknown): number {
  const t = nonNegative(value, "target");
  if (t > 1) throw new CalcError(`target must be in [0, 1], got ${describe(value)}`);
  return t;
}

/** Options for {@link binaryCrossEntropy}. */
export interface BinaryCrossEntropyOptions {
  /** Predicted probability p of the positive class, in [0, 1]. */
  probability: number;
  /** Target y in [0, 1] (usually 0 or 1; soft labels allowed). */
  target: number;
}

/**
 * Binary cross-entropy from a probability, in nats: $-[y \ln p + (1-y)\ln(1-p)]$.
 *
 * Like PyTorch's `nn.BCELoss`, each log term is clamped to >= −100, so p = 0 with y = 1 gives 100, not
 * Infinity. Prefer {@link binaryCrossEntropyWithLogits} when you have a logit.
 *
 * @example
 * ```ts
 * binaryCrossEntropy({ probability: 0.8, target: 1 }); // −ln 0.8 ≈ 0.2231
 * binaryCrossEntropy({ probability: 0.8, target: 0 }); // −ln 0.2 ≈ 1.6094
 * ```
 */
export function binaryCrossEntropy(options: BinaryCrossEntropyOptions): number {
  const p = nonNegative(options.probability, "probability");
  if (p > 1) throw new CalcError(`probability must be in [0, 1], got ${describe(options.probability)}`);
  const y = readTarget(options.target);
  const logP = Math.max(Math.log(p), -100);
  const log1mP = Math.max(Math.log(1 - p), -100);
  return Math.max(0, -(y * logP + (1 - y) * log1mP));
}

/** Options for {@link binaryCrossEntropyWithLogits}. */
export interface BinaryCrossEntropyWithLogitsOptions {
  /** Logit x (finite); the probability is sigmoid(x). */
  logit: number;
  /** Target y in [0, 1]. */
  target: number;
}

/**
 * Binary cross-entropy of sigmoid(x), in nats, computed stably as PyTorch's
 * `F.binary_cross_entropy_with_logits` does: $\max(x, 0) - x y + \ln(1 + e^{-|x|})$. No clamping needed.
 *
 * @example
 * ```ts
 * binaryCrossEntropyWithLogits({ logit: 0, target: 1 });    // ln 2 ≈ 0.6931
 * binaryCrossEntropyWithLogits({ logit: -100, target: 1 }); // ≈ 100
 * ```
 */
export function binaryCrossEntropyWithLogits(options: BinaryCrossEntropyWithLogitsOptions): number {
  const x = finite(options.logit, "logit");
  const y = readTarget(options.target);
  return Math.max(x, 0) - x * y + Math.log1p(Math.exp(-Math.abs(x)));
}
