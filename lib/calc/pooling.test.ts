import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CalcError } from "./errors";
import { adaptivePoolBins, adaptivePoolOutputSize, poolOutputSize } from "./pooling";

describe("poolOutputSize", () => {
  it("matches the pooling layers of well-known networks", () => {
    // ResNet max-pool: floor((112 + 2 − 3)/2) + 1 = 55 + 1 = 56
    expect(poolOutputSize({ input: 112, kernel: 3, stride: 2, padding: 1 })).toBe(56);
    // AlexNet: floor((55 − 3)/2) + 1 = 27, floor((27 − 3)/2) + 1 = 13, floor((13 − 3)/2) + 1 = 6
    expect(poolOutputSize({ input: 55, kernel: 3, stride: 2 })).toBe(27);
    expect(poolOutputSize({ input: 27, kernel: 3, stride: 2 })).toBe(13);
    expect(poolOutputSize({ input: 13, kernel: 3, stride: 2 })).toBe(6);
    // VGG: 2×2 stride 2 halves: 224 → 112
    expect(poolOutputSize({ input: 224, kernel: 2, stride: 2 })).toBe(112);
  });

  it("defaults the stride to the kernel", () => {
    // floor((14 − 2)/2) + 1 = 7
    expect(poolOutputSize({ input: 14, kernel: 2 })).toBe(7);
    // floor((7 − 3)/3) + 1 = 2
    expect(poolOutputSize({ input: 7, kernel: 3, mode: "avg" })).toBe(2);
  });

  it("implements ceil mode (SqueezeNet and GoogLeNet sizes)", () => {
    // SqueezeNet: ceil((109 − 3)/2) + 1 = 53 + 1 = 54; ceil(51/2) + 1 = 27; ceil(24/2) + 1 = 13
    expect(poolOutputSize({ input: 109, kernel: 3, stride: 2, ceilMode: true })).toBe(54);
    expect(poolOutputSize({ input: 54, kernel: 3, stride: 2, ceilMode: true })).toBe(27);
    expect(poolOutputSize({ input: 27, kernel: 3, stride: 2, ceilMode: true })).toBe(13);
    // GoogLeNet: ceil((112 − 3)/2) + 1 = 55 + 1 = 56 (floor mode gives 55)
    expect(poolOutputSize({ input: 112, kernel: 3, stride: 2, ceilMode: true })).toBe(56);
    expect(poolOutputSize({ input: 112, kernel: 3, stride: 2 })).toBe(55);
    // ceil((7 − 2)/2) + 1 = 4; last window starts at 6 < 7
    expect(poolOutputSize({ input: 7, kernel: 2, ceilMode: true })).toBe(4);
    // ceil((5 + 2 − 2)/2) + 1 = 4, but window 3 would start at 6 − 1 = 5, in the right padding: 3
    expect(poolOutputSize({ input: 5, kernel: 2, stride: 2, padding: 1, ceilMode: true })).toBe(3);
    // in 2, k 3, s 2: floor mode has no window, ceil mode one partial window: ceil((2 − 3)/2) + 1 = 1
    expect(poolOutputSize({ input: 2, kernel: 3, stride: 2, ceilMode: true })).toBe(1);
    expect(() => poolOutputSize({ input: 2, kernel: 3, stride: 2 })).toThrow(CalcError);
  });

  it("supports dilation for max pooling only", () => {
    // k_eff = 2·2 + 1 = 5: 10 − 5 + 1 = 6
    expect(poolOutputSize({ input: 10, kernel: 3, stride: 1, dilation: 2 })).toBe(6);
    expect(() => poolOutputSize({ input: 10, kernel: 3, dilation: 2, mode: "avg" })).toThrow(/no dilation/);
  });

  it("rejects padding over half the window, as PyTorch does", () => {
    // half of 3 is 1
    expect(() => poolOutputSize({ input: 10, kernel: 3, padding: 2 })).toThrow(/at most half/);
    // half of 2 is 1: allowed; floor((10 + 2 − 2)/2) + 1 = 6
    expect(poolOutputSize({ input: 10, kernel: 2, padding: 1 })).toBe(6);
    // PyTorch bounds the padding by the kernel, not the dilated window (5 here): ⌊3/2⌋ = 1
    expect(() => poolOutputSize({ input: 10, kernel: 3, stride: 1, padding: 2, dilation: 2 })).toThrow(/at most half/);
    // floor((10 + 2 − 5)/1) + 1 = 8
    expect(poolOutputSize({ input: 10, kernel: 3, stride: 1, padding: 1, dilation: 2 })).toBe(8);
  });

  it("rejects bad modes and values", () => {
    expect(() => poolOutputSize({ input: 10, kernel: 2, mode: "min" as never })).toThrow(CalcError);
    expect(() => poolOutputSize({ input: 10, kernel: 2.5 })).toThrow(CalcError);
  });
});

describe("adaptive pooling", () => {
  it("outputs the requested size", () => {
    expect(adaptivePoolOutputSize({ input: 13, output: 6 })).toBe(6);
    expect(adaptivePoolOutputSize({ input: 1, output: 7 })).toBe(7);
    expect(() => adaptivePoolOutputSize({ input: 13, output: 0 })).toThrow(CalcError);
  });

  it("uses PyTorch's bins [floor(i·in/out), ceil((i+1)·in/out))", () => {
    // in 5, out 3: [0, ⌈5/3⌉ = 2), [⌊5/3⌋ = 1, ⌈10/3⌉ = 4), [⌊10/3⌋ = 3, 5)
    expect(adaptivePoolBins({ input: 5, output: 3 })).toEqual([
      { start: 0, end: 2 },
      { start: 1, end: 4 },
      { start: 3, end: 5 },
    ]);
    // divisible: plain 2-wide windows
    expect(adaptivePoolBins({ input: 10, output: 5 })).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
      { start: 4, end: 6 },
      { start: 6, end: 8 },
      { start: 8, end: 10 },
    ]);
    // AlexNet's AdaptiveAvgPool2d(6) on a 6×6 map is the identity
    expect(adaptivePoolBins({ input: 6, output: 6 }).map((b) => b.end - b.start)).toEqual([1, 1, 1, 1, 1, 1]);
    // upsampling: every bin is the single input element
    expect(adaptivePoolBins({ input: 1, output: 3 })).toEqual([
      { start: 0, end: 1 },
      { start: 0, end: 1 },
      { start: 0, end: 1 },
    ]);
  });

  it("property: bins are non-empty, ordered, gap-free and cover the input", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 64 }), (input, output) => {
        const bins = adaptivePoolBins({ input, output });
        if (bins.length !== output || bins[0]?.start !== 0 || bins.at(-1)?.end !== input) return false;
        return bins.every(
          (b, i) => b.end > b.start && (i === 0 || (b.start >= bins[i - 1]!.start && b.start <= bins[i - 1]!.end)),
        );
      }),
      { numRuns: 200 },
    );
  });
});
