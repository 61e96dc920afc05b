import { nonNegativeInteger, positiveInteger } from "./validate";

/** One conv or pooling layer along one spatial axis, for {@link receptiveField}. */
export interface ReceptiveFieldLayer {
  /** Kernel length k (integer >= 1). Use 1 for pointwise layers. */
  kernel: number;
  /** Stride s (integer >= 1). Default 1. */
  stride?: number;
  /** Dilation d (integer >= 1). Default 1. */
  dilation?: number;
  /** Zeros on each side (integer >= 0); affects only `start`, not the size. Default 0. */
  padding?: number;
  /** Optional label copied to the per-layer row. */
  name?: string;
}

/** Options for {@link receptiveField}. */
export interface ReceptiveFieldOptions {
  /** Layers from input to output. An empty list describes the input itself (r = 1, j = 1). */
  layers: ReceptiveFieldLayer[];
}

/** Receptive-field bookkeeping after one layer. */
export interface ReceptiveFieldStep {
  /** Index in `layers`. */
  index: number;
  /** The layer's `name`, if any. */
  name?: string;
  /** Effective kernel d(k−1)+1. */
  effectiveKernel: number;
  /** Receptive field r after this layer, in input pixels. */
  receptiveField: number;
  /** Jump j (effective stride) after this layer: input pixels between adjacent output units. */
  jump: number;
  /** Centre of the first output unit's receptive field, in input pixel indices (pixel i is centred at i). */
  start: number;
}

/** Result of {@link receptiveField}. */
export interface ReceptiveFieldResult {
  /** Receptive field of one output unit of the last layer, in input pixels. */
  receptiveField: number;
  /** Jump (product of strides) of the last layer. */
  jump: number;
  /** Centre of the first output unit's receptive field (input pixel index; may be negative with padding). */
  start: number;
  /** One row per layer, in order. */
  layers: ReceptiveFieldStep[];
}

/**
 * Receptive field and jump (effective stride) of a stack of conv/pool layers along one spatial axis
 * (apply per axis for non-square kernels). Starting from r₀ = 1, j₀ = 1, start₀ = 0:
 *
 * $k_\text{eff} = d(k-1)+1,\quad r_\text{out} = r_\text{in} + (k_\text{eff}-1)\,j_\text{in},\quad
 * j_\text{out} = j_\text{in}\,s,\quad \text{start}_\text{out} = \text{start}_\text{in} + \left(\tfrac{k_\text{eff}-1}{2} - p\right) j_\text{in}$.
 *
 * The receptive field is the theoretical one (every input pixel that can influence the unit), counted in
 * input pixels, ignoring image borders; it is never smaller than 1 and never shrinks with depth.
 *
 * @example
 * ```ts
 * // three 3×3 stride-1 convs: 1 + 2 + 2 + 2 = 7
 * receptiveField({ layers: [{ kernel: 3 }, { kernel: 3 }, { kernel: 3 }] }).receptiveField; // 7
 * // a 3×3 conv with dilation 2 after a stride-2 layer: k_eff = 5, r = 2 + (5 − 1)·2 = 10
 * receptiveField({ layers: [{ kernel: 2, stride: 2 }, { kernel: 3, dilation: 2 }] }); // { receptiveField: 10, jump: 2, … }
 * ```
 */
export function receptiveField(options: ReceptiveFieldOptions): ReceptiveFieldResult {
  let r = 1;
  let j = 1;
  let start = 0;
  const rows: ReceptiveFieldStep[] = [];
  options.layers.forEach((layer, index) => {
    const what = `layers[${index}]`;
    const kernel = positiveInteger(layer.kernel, `${what}.kernel`);
    const stride = positiveInteger(layer.stride ?? 1, `${what}.stride`);
    const dilation = positiveInteger(layer.dilation ?? 1, `${what}.dilation`);
    const padding = nonNegativeInteger(layer.padding ?? 0, `${what}.padding`);
    const effectiveKernel = dilation * (kernel - 1) + 1;
    // start uses j before it is multiplied by this layer's stride: the window is laid on the input grid.
    start += ((effectiveKernel - 1) / 2 - padding) * j;
    r += (effectiveKernel - 1) * j;
    j *= stride;
    const row: ReceptiveFieldStep = { index, effectiveKernel, receptiveField: r, jump: j, start };
    if (layer.name !== undefined) row.name = layer.name;
    rows.push(row);
  });
  return { receptiveField: r, jump: j, start, layers: rows };
}
