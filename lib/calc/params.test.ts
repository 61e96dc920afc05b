import { describe, expect, it } from "vitest";
import { CalcError } from "./errors";
import { batchNormParams, convBnBlockParams, convParams, linearParams, stackedKernelComparison } from "./params";

describe("convParams", () => {
  it("counts k_h·k_w·(C_in/g)·C_out weights plus C_out biases", () => {
    // 3·3·64·128 weights + 128 biases
    expect(convParams({ kernel: 3, inChannels: 64, outChannels: 128 })).toBe(3 * 3 * 64 * 128 + 128);
    expect(convParams({ kernel: 3, inChannels: 64, outChannels: 128, bias: false })).toBe(3 * 3 * 64 * 128);
    // rectangular kernel (Inception-v3 style 1×7)
    expect(convParams({ kernel: [1, 7], inChannels: 128, outChannels: 192, bias: false })).toBe(1 * 7 * 128 * 192);
    // AlexNet conv1: 11·11·3·64 + 64 = 23,296
    expect(convParams({ kernel: 11, inChannels: 3, outChannels: 64 })).toBe(11 * 11 * 3 * 64 + 64);
  });

  it("divides the weights by groups, down to depthwise", () => {
    // ResNeXt-style 32 groups: 3·3·(256/32)·256
    expect(convParams({ kernel: 3, inChannels: 256, outChannels: 256, groups: 32, bias: false })).toBe(
      3 * 3 * (256 / 32) * 256,
    );
    // depthwise: one 3×3 filter per channel, 3·3·1·32
    expect(convParams({ kernel: 3, inChannels: 32, outChannels: 32, groups: 32, bias: false })).toBe(3 * 3 * 32);
    // depthwise with channel multiplier 2: 3·3·1·64 + 64
    expect(convParams({ kernel: 3, inChannels: 32, outChannels: 64, groups: 32 })).toBe(3 * 3 * 64 + 64);
  });

  it("throws CalcError for invalid channel counts", () => {
    expect(() => convParams({ kernel: 3, inChannels: 30, outChannels: 64, groups: 4 })).toThrow(
      /in channels \(30\) are not divisible by groups \(4\)/,
    );
    expect(() => convParams({ kernel: 3, inChannels: 32, outChannels: 30, groups: 4 })).toThrow(/out channels/);
    expect(() => convParams({ kernel: 3, inChannels: 3.5, outChannels: 64 })).toThrow(CalcError);
    expect(() => convParams({ kernel: 3, inChannels: -3, outChannels: 64 })).toThrow(CalcError);
    expect(() => convParams({ kernel: [3, 0], inChannels: 3, outChannels: 64 })).toThrow(CalcError);
    expect(() => convParams({ kernel: [3] as never, inChannels: 3, outChannels: 64 })).toThrow(CalcError);
  });
});

describe("linearParams", () => {
  it("counts in·out weights plus out biases", () => {
    // VGG fc6: 25088 = 512·7·7 inputs
    expect(linearParams({ inFeatures: 512 * 7 * 7, outFeatures: 4096 })).toBe(512 * 7 * 7 * 4096 + 4096);
    expect(linearParams({ inFeatures: 2048, outFeatures: 1000, bias: false })).toBe(2048 * 1000);
    expect(() => linearParams({ inFeatures: 0, outFeatures: 10 })).toThrow(CalcError);
  });
});

describe("batchNormParams", () => {
  it("counts γ, β as params and running mean/var + num_batches_tracked as buffers", () => {
    expect(batchNormParams({ channels: 64 })).toEqual({ params: 2 * 64, runningStats: 2 * 64, buffers: 2 * 64 + 1 });
    expect(batchNormParams({ channels: 64, affine: false })).toEqual({ params: 0, runningStats: 128, buffers: 129 });
    expect(batchNormParams({ channels: 64, trackRunningStats: false })).toEqual({
      params: 128,
      runningStats: 0,
      buffers: 0,
    });
  });
});

describe("convBnBlockParams", () => {
  it("is k·k·c·o + o + 2o", () => {
    const k = 3;
    const c = 64;
    const o = 128;
    const block = convBnBlockParams({ kernel: k, inChannels: c, outChannels: o });
    expect(block.total).toBe(k * k * c * o + o + 2 * o);
    expect(block).toEqual({ weights: k * k * c * o, bias: o, batchNorm: 2 * o, total: k * k * c * o + 3 * o, buffers: 2 * o + 1 });
    // without the redundant conv bias (how ResNet builds it)
    expect(convBnBlockParams({ kernel: k, inChannels: c, outChannels: o, convBias: false }).total).toBe(
      k * k * c * o + 2 * o,
    );
  });
});

describe("stackedKernelComparison", () => {
  it("reproduces the VGG paper: three 3×3 layers = 27c² vs one 7×7 = 49c²", () => {
    const c = 256;
    const r = stackedKernelComparison({ channels: c, kernel: 3, layers: 3 });
    expect(r.receptiveField).toBe(7);
    expect(r.singleKernel).toBe(7);
    expect(r.stackedParams).toBe(27 * c * c);
    expect(r.singleParams).toBe(49 * c * c);
    expect(r.ratio).toBeCloseTo(27 / 49, 12);
    expect(r.nonlinearities).toBe(3);
  });

  it("handles two 3×3 (one 5×5) and other kernels", () => {
    // 2·9c² = 18c² vs 25c²
    const two = stackedKernelComparison({ channels: 10, layers: 2 });
    expect([two.singleKernel, two.stackedParams, two.singleParams]).toEqual([5, 18 * 100, 25 * 100]);
    // two 5×5: RF 9, 50c² vs 81c²
    const fives = stackedKernelComparison({ channels: 1, kernel: 5, layers: 2 });
    expect([fives.singleKernel, fives.stackedParams, fives.singleParams]).toEqual([9, 50, 81]);
    expect(() => stackedKernelComparison({ channels: 1, layers: 0 })).toThrow(CalcError);
  });
});
