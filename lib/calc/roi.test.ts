import { describe, expect, it } from "vitest";
import { CalcError } from "./errors";
import { mapBoxToFeatureMap, roiAlignBins, roiPoolBins } from "./roi";

// A 320×320 box at (100, 50) on an image, pooled from a stride-16 map (VGG16 conv5 / Fast R-CNN).
const box: [number, number, number, number] = [100, 50, 420, 370];

describe("mapBoxToFeatureMap", () => {
  it("scales by 1/stride without rounding", () => {
    // 100/16, 50/16, 420/16, 370/16
    expect(mapBoxToFeatureMap({ box, stride: 16 })).toEqual([6.25, 3.125, 26.25, 23.125]);
    expect(mapBoxToFeatureMap({ box, spatialScale: 1 / 16 })).toEqual([6.25, 3.125, 26.25, 23.125]);
  });

  it("needs exactly one of stride and spatialScale", () => {
    expect(() => mapBoxToFeatureMap({ box, stride: 16, spatialScale: 1 / 16 })).toThrow(CalcError);
    expect(() => mapBoxToFeatureMap({ box })).toThrow(CalcError);
    expect(() => mapBoxToFeatureMap({ box, stride: 0 })).toThrow(CalcError);
    expect(() => mapBoxToFeatureMap({ box: [5, 0, 1, 1], stride: 16 })).toThrow(CalcError);
  });
});

describe("roiPoolBins (quantised)", () => {
  it("rounds the box, then floors/ceils the bin edges", () => {
    const r = roiPoolBins({ box, stride: 16, pooledSize: 7 });
    // round(6.25) = 6, round(3.125) = 3, round(26.25) = 26, round(23.125) = 23
    expect(r.roi).toEqual({ x1: 6, y1: 3, x2: 26, y2: 23 });
    // inclusive corners: 26 − 6 + 1 = 21 cells; 21/7 = 3 cells per bin
    expect(r.roiSize).toEqual({ height: 21, width: 21 });
    expect(r.binSize).toEqual({ height: 3, width: 3 });
    expect(r.cols.map((b) => [b.start, b.end])).toEqual([
      [6, 9],
      [9, 12],
      [12, 15],
      [15, 18],
      [18, 21],
      [21, 24],
      [24, 27],
    ]);
    expect(r.rows[0]).toEqual({ start: 3, end: 6, empty: false });
    expect(r.rows[6]).toEqual({ start: 21, end: 24, empty: false });
  });

  it("makes uneven, overlapping bins when the size does not divide", () => {
    // [0, 0, 159, 79]/16 = [0, 0, 9.9375, 4.9375] → rounded [0, 0, 10, 5]: 11 × 6 cells
    const r = roiPoolBins({ box: [0, 0, 159, 79], stride: 16, pooledSize: [2, 2] });
    expect(r.roiSize).toEqual({ height: 6, width: 11 });
    // width bins of 5.5: [⌊0⌋, ⌈5.5⌉) = [0, 6) and [⌊5.5⌋, ⌈11⌉) = [5, 11): cell 5 is in both
    expect(r.cols.map((b) => [b.start, b.end])).toEqual([
      [0, 6],
      [5, 11],
    ]);
    expect(r.rows.map((b) => [b.start, b.end])).toEqual([
      [0, 3],
      [3, 6],
    ]);
  });

  it("clips to the feature map and flags empty bins", () => {
    // feature map 20 high, 25 wide: rows [18, 21) → [18, 20), [21, 24) → [20, 20) empty; cols [24, 27) → [24, 25)
    const r = roiPoolBins({ box, stride: 16, pooledSize: 7, featureSize: [20, 25] });
    expect(r.rows[5]).toEqual({ start: 18, end: 20, empty: false });
    expect(r.rows[6]).toEqual({ start: 20, end: 20, empty: true });
    expect(r.cols[6]).toEqual({ start: 24, end: 25, empty: false });
  });

  it("rounds halves away from zero like C's round()", () => {
    // −40/16 = −2.5 → −3 (JavaScript's Math.round would give −2)
    expect(roiPoolBins({ box: [-40, -40, 0, 0], stride: 16, pooledSize: 1 }).roi.x1).toBe(-3);
    // 40/16 = 2.5 → 3
    expect(roiPoolBins({ box: [40, 40, 80, 80], stride: 16, pooledSize: 1 }).roi.x1).toBe(3);
  });
});

describe("roiAlignBins (unquantised)", () => {
  it("keeps continuous coordinates and samples bin sub-cell centres", () => {
    const r = roiAlignBins({ box, stride: 16, pooledSize: 7, samplingRatio: 2 });
    expect(r.roi).toEqual({ x1: 6.25, y1: 3.125, x2: 26.25, y2: 23.125 });
    // 26.25 − 6.25 = 20 cells (no +1), bins of 20/7
    expect(r.roiSize).toEqual({ height: 20, width: 20 });
    expect(r.binSize.width).toBeCloseTo(20 / 7, 15);
    expect(r.samplingGrid).toEqual([2, 2]);
    const b = 20 / 7;
    expect(r.cols[0]?.start).toBe(6.25);
    expect(r.cols[0]?.end).toBeCloseTo(6.25 + b, 12);
    // samples at 1/4 and 3/4 of the bin
    expect(r.cols[0]?.samples[0]).toBeCloseTo(6.25 + 0.25 * b, 12);
    expect(r.cols[0]?.samples[1]).toBeCloseTo(6.25 + 0.75 * b, 12);
    expect(r.cols[6]?.end).toBeCloseTo(26.25, 12);
    expect(r.rows[1]?.start).toBeCloseTo(3.125 + b, 12);
  });

  it("chooses ⌈roi/pooled⌉ samples per axis adaptively", () => {
    // ⌈20/7⌉ = 3 per axis
    const r = roiAlignBins({ box, stride: 16, pooledSize: 7 });
    expect(r.samplingGrid).toEqual([3, 3]);
    expect(r.rows[0]?.samples).toHaveLength(3);
    // 14×14 output (Mask R-CNN mask head): ⌈20/14⌉ = 2
    expect(roiAlignBins({ box, stride: 16, pooledSize: 14, samplingRatio: 0 }).samplingGrid).toEqual([2, 2]);
  });

  it("aligned shifts by half a cell; otherwise tiny RoIs are forced to 1×1", () => {
    expect(roiAlignBins({ box, stride: 16, pooledSize: 7, aligned: true }).roi.x1).toBe(6.25 - 0.5);
    // 8/16 = 0.5 cells wide
    expect(roiAlignBins({ box: [0, 0, 8, 8], stride: 16, pooledSize: 2 }).roiSize.width).toBe(1);
    expect(roiAlignBins({ box: [0, 0, 8, 8], stride: 16, pooledSize: 2, aligned: true }).roiSize.width).toBe(0.5);
  });

  it("rejects bad options", () => {
    expect(() => roiAlignBins({ box, stride: 16, pooledSize: 0 })).toThrow(CalcError);
    expect(() => roiAlignBins({ box, stride: 16, pooledSize: 7, samplingRatio: -2 })).toThrow(CalcError);
  });
});
