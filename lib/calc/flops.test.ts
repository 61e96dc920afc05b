import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CalcError } from "./errors";
import { convFlops, convMacs, flopsToMacs, linearFlops, linearMacs, macsToFlops } from "./flops";

describe("convMacs / convFlops", () => {
  it("counts H_out·W_out·C_out·(C_in/g)·k_h·k_w MACs, bias excluded", () => {
    // 56·56 outputs, each 128 channels × a 3·3·64 dot product
    expect(convMacs({ inChannels: 64, outChannels: 128, kernel: 3, output: 56 })).toBe(56 * 56 * 128 * 64 * 3 * 3);
    // ResNet stem: 112·112·64·3·7·7 = 118,013,952
    expect(convMacs({ inChannels: 3, outChannels: 64, kernel: 7, output: 112 })).toBe(112 * 112 * 64 * 3 * 7 * 7);
    // rectangular output and kernel
    expect(convMacs({ inChannels: 8, outChannels: 4, kernel: [1, 3], output: [10, 20] })).toBe(10 * 20 * 4 * 8 * 1 * 3);
    // depthwise 3×3 on 112×112×32: each output sees 3·3·1 inputs
    expect(convMacs({ inChannels: 32, outChannels: 32, kernel: 3, output: 112, groups: 32 })).toBe(
      112 * 112 * 32 * 1 * 9,
    );
    // batch multiplies
    expect(convMacs({ inChannels: 64, outChannels: 128, kernel: 3, output: 56, batch: 8 })).toBe(
      8 * 56 * 56 * 128 * 64 * 9,
    );
  });

  it("convFlops = 2 × MACs", () => {
    expect(convFlops({ inChannels: 64, outChannels: 128, kernel: 3, output: 56 })).toBe(2 * 56 * 56 * 128 * 64 * 9);
  });

  it("rejects channels not divisible by groups", () => {
    expect(() => convMacs({ inChannels: 10, outChannels: 8, kernel: 3, output: 4, groups: 4 })).toThrow(CalcError);
  });
});

describe("linearMacs / linearFlops", () => {
  it("counts in·out MACs per row", () => {
    // ResNet-50 fc
    expect(linearMacs({ inFeatures: 2048, outFeatures: 1000 })).toBe(2048 * 1000);
    expect(linearMacs({ inFeatures: 2048, outFeatures: 1000, batch: 32 })).toBe(32 * 2048 * 1000);
    expect(linearFlops({ inFeatures: 2048, outFeatures: 1000 })).toBe(2 * 2048 * 1000);
  });
});

describe("macsToFlops / flopsToMacs", () => {
  it("convert with the factor 2", () => {
    // torchvision's "4.089 GFLOPS" for ResNet-50 are GMACs: 8.178 GFLOPs
    expect(macsToFlops(4.089e9)).toBeCloseTo(8.178e9, 0);
    expect(flopsToMacs(8.178e9)).toBeCloseTo(4.089e9, 0);
    expect(() => macsToFlops(-1)).toThrow(CalcError);
  });

  it("property: flops = 2·macs for conv and linear", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 4 }),
        (groups, inPer, outPer, kernel, output, batch) => {
          const o = { inChannels: groups * inPer, outChannels: groups * outPer, kernel, output, groups, batch };
          const l = { inFeatures: inPer * 100, outFeatures: outPer * 10, batch };
          return convFlops(o) === 2 * convMacs(o) && linearFlops(l) === 2 * linearMacs(l);
        },
      ),
      { numRuns: 200 },
    );
  });
});
