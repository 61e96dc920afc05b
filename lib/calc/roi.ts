import { CalcError } from "./errors";
import type { Box } from "./metrics";
import { pair, type Size2 } from "./size";
import { boolean, describe, finite, integer, positive } from "./validate";

/**
 * How image coordinates map to feature-map coordinates: give either the feature map's `stride` (image
 * pixels per feature cell, e.g. 16 for a VGG16 conv5 map) or torchvision's `spatialScale` = 1/stride.
 */
export interface FeatureScale {
  /** Feature stride (> 0). Mutually exclusive with `spatialScale`. */
  stride?: number;
  /** Spatial scale (> 0) = 1/stride. Mutually exclusive with `stride`. */
  spatialScale?: number;
}

function scaleOf(options: FeatureScale): number {
  if (options.stride !== undefined && options.spatialScale !== undefined) {
    throw new CalcError("give either stride or spatialScale, not both");
  }
  if (options.stride !== undefined) return 1 / positive(options.stride, "stride");
  if (options.spatialScale !== undefined) return positive(options.spatialScale, "spatialScale");
  throw new CalcError("give stride or spatialScale");
}

function box(value: unknown): Box {
  if (!Array.isArray(value) || value.length !== 4) {
    throw new CalcError(`box must be [x1, y1, x2, y2], got ${describe(value)}`);
  }
  const [x1, y1, x2, y2] = value.map((v, i) => finite(v, `box[${i}]`)) as Box;
  if (x2 < x1 || y2 < y1) throw new CalcError(`box must have x2 >= x1 and y2 >= y1, got ${describe(value)}`);
  return [x1, y1, x2, y2];
}

/** Options for {@link mapBoxToFeatureMap}. */
export interface MapBoxToFeatureMapOptions extends FeatureScale {
  /** Box `[x1, y1, x2, y2]` in image pixels (continuous coordinates). */
  box: Box;
}

/**
 * Maps an image-space box onto a feature map: every coordinate is multiplied by the spatial scale
 * 1/stride, with no rounding (RoI Align keeps these continuous values; RoI Pool rounds them, see
 * {@link roiPoolBins}).
 *
 * @example
 * ```ts
 * mapBoxToFeatureMap({ box: [100, 50, 420, 370], stride: 16 }); // [6.25, 3.125, 26.25, 23.125]
 * ```
 */
export function mapBoxToFeatureMap(options: MapBoxToFeatureMapOptions): Box {
  const scale = scaleOf(options);
  const [x1, y1, x2, y2] = box(options.box);
  return [x1 * scale, y1 * scale, x2 * scale, y2 * scale];
}

/** Options for {@link roiPoolBins}. */
export interface RoiPoolBinsOptions extends FeatureScale {
  /** Box `[x1, y1, x2, y2]` in image pixels. */
  box: Box;
  /** Output grid `[pooledHeight, pooledWidth]` or one number for both (integers >= 1), e.g. 7. */
  pooledSize: Size2;
  /**
   * Feature map `[height, width]` (integers >= 1). When given, bins are clipped to it as torchvision
   * does; when omitted, bins are not clipped.
   */
  featureSize?: [number, number];
}

/** A RoI Pool bin along one axis: integer feature cells `start` (inclusive) to `end` (exclusive). */
export interface RoiPoolBin {
  /** First feature cell of the bin. */
  start: number;
  /** One past the last feature cell. */
  end: number;
  /** True when the (clipped) bin holds no cell; RoI Pool then outputs 0. */
  empty: boolean;
}

/** Result of {@link roiPoolBins}. */
export interface RoiPoolBins {
  /** The quantised RoI in feature cells (inclusive corners): round(coordinate × scale). */
  roi: { x1: number; y1: number; x2: number; y2: number };
  /** RoI size in cells, max(x2 − x1 + 1, 1) and max(y2 − y1 + 1, 1) (inclusive-corner convention). */
  roiSize: { height: number; width: number };
  /** Unrounded bin size (roi size / pooled size), before the floor/ceil of the bin edges. */
  binSize: { height: number; width: number };
  /** One bin per output row (y axis). */
  rows: RoiPoolBin[];
  /** One bin per output column (x axis). */
  cols: RoiPoolBin[];
}

/** C's round(): half away from zero (JavaScript's Math.round rounds −2.5 to −2). */
function roundHalfAway(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

/**
 * The quantised bins of **RoI Pool** (Fast R-CNN, as Caffe and `torchvision.ops.roi_pool` implement it).
 *
 * 1. Quantise the box: each corner is `round(coord × spatialScale)` (half away from zero) and treated as an
 *    *inclusive* cell index, so the RoI is `x2 − x1 + 1` cells wide (at least 1).
 * 2. Bin size = roi size / pooled size (a real number).
 * 3. Bin i spans cells $[\lfloor i \cdot b \rfloor,\ \lceil (i+1) \cdot b \rceil)$ offset by the RoI start,
 *    so neighbouring bins may overlap or differ in size; then clipped to the feature map when
 *    `featureSize` is given. Each output is the max over its bin.
 *
 * Both roundings discard up to half a cell (8 image pixels at stride 16), the misalignment RoI Align
 * removes (see {@link roiAlignBins}).
 *
 * @example
 * ```ts
 * // box [100, 50, 420, 370] at stride 16 → [6.25, 3.125, 26.25, 23.125] → rounded [6, 3, 26, 23]
 * // width 26 − 6 + 1 = 21 cells, 7 bins of 3: cols [6,9) [9,12) … [24,27)
 * roiPoolBins({ box: [100, 50, 420, 370], stride: 16, pooledSize: 7 }).cols[0]; // { start: 6, end: 9, empty: false }
 * ```
 */
export function roiPoolBins(options: RoiPoolBinsOptions): RoiPoolBins {
  const scale = scaleOf(options);
  const [bx1, by1, bx2, by2] = box(options.box);
  const [ph, pw] = pair(options.pooledSize, "pooledSize", 1);
  const feature = options.featureSize === undefined ? undefined : pair(options.featureSize, "featureSize", 1);
  const x1 = roundHalfAway(bx1 * scale);
  const y1 = roundHalfAway(by1 * scale);
  const x2 = roundHalfAway(bx2 * scale);
  const y2 = roundHalfAway(by2 * scale);
  // Malformed (inverted after rounding) RoIs are forced to 1×1, as in torchvision.
  const width = Math.max(x2 - x1 + 1, 1);
  const height = Math.max(y2 - y1 + 1, 1);
  const binH = height / ph;
  const binW = width / pw;
  const bins = (count: number, size: number, offset: number, limit: number | undefined): RoiPoolBin[] => {
    const out: RoiPoolBin[] = [];
    for (let i = 0; i < count; i++) {
      let start = Math.floor(i * size) + offset;
      let end = Math.ceil((i + 1) * size) + offset;
      if (limit !== undefined) {
        start = Math.min(Math.max(start, 0), limit);
        end = Math.min(Math.max(end, 0), limit);
      }
      out.push({ start, end, empty: end <= start });
    }
    return out;
  };
  return {
    roi: { x1, y1, x2, y2 },
    roiSize: { height, width },
    binSize: { height: binH, width: binW },
    rows: bins(ph, binH, y1, feature?.[0]),
    cols: bins(pw, binW, x1, feature?.[1]),
  };
}

/** Options for {@link roiAlignBins}. */
export interface RoiAlignBinsOptions extends FeatureScale {
  /** Box `[x1, y1, x2, y2]` in image pixels. */
  box: Box;
  /** Output grid `[pooledHeight, pooledWidth]` or one number (integers >= 1), e.g. 7 or 14. */
  pooledSize: Size2;
  /**
   * Sampling points per bin along each axis (integer >= 1), or 0 / −1 for torchvision's adaptive choice
   * ⌈roi size / pooled size⌉ per axis. Default −1 (adaptive). Mask R-CNN's paper uses 2.
   */
  samplingRatio?: number;
  /**
   * torchvision's `aligned`: when true, shift the scaled box by −0.5 so that pixel centres line up
   * (Detectron2's default) and do not force the RoI to at least 1×1. Default false, the original
   * Mask R-CNN behaviour and torchvision's default.
   */
  aligned?: boolean;
}

/** A RoI Align bin along one axis, in continuous feature-map coordinates. */
export interface RoiAlignBin {
  /** Bin start (real). */
  start: number;
  /** Bin end (real) = start + bin size. */
  end: number;
  /** Coordinates of the sampling points in this bin along this axis (evenly spaced, at sub-cell centres). */
  samples: number[];
}

/** Result of {@link roiAlignBins}. */
export interface RoiAlignBins {
  /** The RoI on the feature map, unrounded (after the −0.5 shift when `aligned`). */
  roi: { x1: number; y1: number; x2: number; y2: number };
  /** RoI size (real), at least 1 per axis unless `aligned`. */
  roiSize: { height: number; width: number };
  /** Bin size = roi size / pooled size (real). */
  binSize: { height: number; width: number };
  /** Sampling grid per bin `[rows, cols]`; each output averages rows × cols bilinear samples. */
  samplingGrid: [number, number];
  /** One bin per output row (y axis). */
  rows: RoiAlignBin[];
  /** One bin per output column (x axis). */
  cols: RoiAlignBin[];
}

/**
 * The unquantised bins of **RoI Align** (Mask R-CNN, as `torchvision.ops.roi_align` computes them).
 *
 * The box is scaled by spatialScale with no rounding; bin size = roi size / pooled size (real); each bin
 * is divided into g×g sub-cells (g = `samplingRatio`, or ⌈roi size / pooled size⌉ when adaptive) and
 * sampled at their centres, $y = y_1 + i\,b_h + (i_y + 0.5)\,b_h / g_h$. Each sample is bilinearly
 * interpolated from its four neighbouring cells (pixel centres at integer coordinates) and the output is
 * the average of a bin's samples. Returns the bin edges and the per-axis sample coordinates.
 *
 * @example
 * ```ts
 * // box [100, 50, 420, 370] at stride 16 → x from 6.25 to 26.25: width 20, 7 bins of 20/7 ≈ 2.857
 * const r = roiAlignBins({ box: [100, 50, 420, 370], stride: 16, pooledSize: 7, samplingRatio: 2 });
 * r.cols[0]; // { start: 6.25, end: 9.107…, samples: [6.964…, 8.392…] }  (6.25 + 0.25·2.857, 6.25 + 0.75·2.857)
 * ```
 */
export function roiAlignBins(options: RoiAlignBinsOptions): RoiAlignBins {
  const scale = scaleOf(options);
  const [bx1, by1, bx2, by2] = box(options.box);
  const [ph, pw] = pair(options.pooledSize, "pooledSize", 1);
  const ratio = integer(options.samplingRatio ?? -1, "samplingRatio", -1);
  const aligned = boolean(options.aligned ?? false, "aligned");
  const offset = aligned ? 0.5 : 0;
  const x1 = bx1 * scale - offset;
  const y1 = by1 * scale - offset;
  const x2 = bx2 * scale - offset;
  const y2 = by2 * scale - offset;
  let width = x2 - x1;
  let height = y2 - y1;
  if (!aligned) {
    width = Math.max(width, 1);
    height = Math.max(height, 1);
  }
  const binH = height / ph;
  const binW = width / pw;
  // An adaptive grid of 0 would happen only for an empty aligned RoI; torchvision then averages no samples.
  const gridH = ratio > 0 ? ratio : Math.ceil(height / ph);
  const gridW = ratio > 0 ? ratio : Math.ceil(width / pw);
  const bins = (count: number, size: number, origin: number, grid: number): RoiAlignBin[] => {
    const out: RoiAlignBin[] = [];
    for (let i = 0; i < count; i++) {
      const start = origin + i * size;
      const samples: number[] = [];
      for (let s = 0; s < grid; s++) samples.push(start + ((s + 0.5) * size) / grid);
      out.push({ start, end: start + size, samples });
    }
    return out;
  };
  return {
    roi: { x1, y1, x2, y2 },
    roiSize: { height, width },
    binSize: { height: binH, width: binW },
    samplingGrid: [gridH, gridW],
    rows: bins(ph, binH, y1, gridH),
    cols: bins(pw, binW, x1, gridW),
  };
}
