import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { convOutputSize, samePadding, transposedConvOutputSize } from "./conv";
import { CalcError } from "./errors";

const RUNS = { numRuns: 200 };

describe("convOutputSize", () => {
  it("follows floor((in + 2p − d(k−1) − 1)/s) + 1", () => {
    // ResNet stem: floor((224 + 2·3 − 1·6 − 1)/2) + 1 = floor(223/2) + 1 = 112
    expect(convOutputSize({ input: 224, kernel: 7, stride: 2, padding: 3 })).toBe(112);
    // AlexNet paper: (227 − 11)/4 + 1 = 55
    expect(convOutputSize({ input: 227, kernel: 11, stride: 4 })).toBe(55);
    // torchvision AlexNet: floor((224 + 4 − 10 − 1)/4) + 1 = floor(217/4) + 1 = 55
    expect(convOutputSize({ input: 224, kernel: 11, stride: 4, padding: 2 })).toBe(55);
    // 3×3 pad 1 keeps the size: 56 + 2 − 2 − 1 + 1 = 56
    expect(convOutputSize({ input: 56, kernel: 3, padding: 1 })).toBe(56);
    // stride 2, pad 1: floor((56 + 2 − 3)/2) + 1 = 27 + 1 = 28
    expect(convOutputSize({ input: 56, kernel: 3, stride: 2, padding: 1 })).toBe(28);
    // SqueezeNet conv1: floor((224 − 7)/2) + 1 = 108 + 1 = 109
    expect(convOutputSize({ input: 224, kernel: 7, stride: 2 })).toBe(109);
  });

  it("uses the effective kernel d(k−1)+1 for dilation", () => {
    // k_eff = 2·(3 − 1) + 1 = 5: 32 − 5 + 1 = 28
    expect(convOutputSize({ input: 32, kernel: 3, dilation: 2 })).toBe(28);
    // padding = dilation keeps the size: 32 + 4 − 5 + 1 = 32
    expect(convOutputSize({ input: 32, kernel: 3, dilation: 2, padding: 2 })).toBe(32);
  });

  it("implements ceil mode as PyTorch pooling does", () => {
    // floor((112 − 3)/2) + 1 = 55; ceil(109/2) + 1 = 56, last window starts at 110 < 112: kept
    expect(convOutputSize({ input: 112, kernel: 3, stride: 2 })).toBe(55);
    expect(convOutputSize({ input: 112, kernel: 3, stride: 2, ceilMode: true })).toBe(56);
    // in 5, k 2, s 2, p 1: ceil((5 + 2 − 2)/2) + 1 = 4, but window 3 would start at 3·2 − 1 = 5 = in,
    // entirely in the right padding, so PyTorch drops it: 3 (the same as floor mode here)
    expect(convOutputSize({ input: 5, kernel: 2, stride: 2, padding: 1, ceilMode: true })).toBe(3);
    // in 7, k 2, s 2: floor 3 windows; ceil(5/2) + 1 = 4, last starts at 6 < 7: kept
    expect(convOutputSize({ input: 7, kernel: 2, stride: 2, ceilMode: true })).toBe(4);
  });

  it('"same" keeps the size at stride 1 and rejects strides (PyTorch)', () => {
    expect(convOutputSize({ input: 17, kernel: 3, padding: "same" })).toBe(17);
    expect(convOutputSize({ input: 17, kernel: 4, padding: "same" })).toBe(17);
    expect(convOutputSize({ input: 17, kernel: 3, dilation: 3, padding: "same" })).toBe(17);
    expect(() => convOutputSize({ input: 17, kernel: 3, stride: 2, padding: "same" })).toThrow(/stride 1/);
  });

  it('"valid" means no padding', () => {
    // 10 − 3 + 1 = 8
    expect(convOutputSize({ input: 10, kernel: 3, padding: "valid" })).toBe(8);
  });

  it("throws CalcError when the kernel is larger than the padded input", () => {
    expect(() => convOutputSize({ input: 3, kernel: 5 })).toThrow(CalcError);
    expect(() => convOutputSize({ input: 3, kernel: 5 })).toThrow(/larger than the padded input/);
    // 3 + 2·1 = 5 ≥ 5: exactly one window
    expect(convOutputSize({ input: 3, kernel: 5, padding: 1 })).toBe(1);
    // dilation makes a 3-tap kernel span 5
    expect(() => convOutputSize({ input: 4, kernel: 3, dilation: 2 })).toThrow(CalcError);
  });

  it("rejects non-integer and out-of-range arguments", () => {
    expect(() => convOutputSize({ input: 10.5, kernel: 3 })).toThrow(/input must be an integer/);
    expect(() => convOutputSize({ input: 10, kernel: 0 })).toThrow(CalcError);
    expect(() => convOutputSize({ input: 10, kernel: 3, stride: 0 })).toThrow(CalcError);
    expect(() => convOutputSize({ input: 10, kernel: 3, padding: -1 })).toThrow(CalcError);
    expect(() => convOutputSize({ input: 10, kernel: 3, dilation: 0 })).toThrow(CalcError);
    expect(() => convOutputSize({ input: Number.NaN, kernel: 3 })).toThrow(CalcError);
    expect(() => convOutputSize({ input: 10, kernel: 3, padding: "full" as never })).toThrow(CalcError);
  });

  const config = fc
    .record({
      kernel: fc.integer({ min: 1, max: 7 }),
      stride: fc.integer({ min: 1, max: 4 }),
      dilation: fc.integer({ min: 1, max: 3 }),
      padding: fc.integer({ min: 0, max: 4 }),
      extra: fc.integer({ min: 0, max: 200 }),
    })
    .map(({ kernel, stride, dilation, padding, extra }) => {
      const span = dilation * (kernel - 1) + 1;
      // Smallest input whose padded length still holds one window, plus slack.
      return { kernel, stride, dilation, padding, input: Math.max(1, span - 2 * padding) + extra };
    });

  it("property: floor mode counts exactly the windows that fit in the padded input (>= 1)", () => {
    fc.assert(
      fc.property(config, (c) => {
        const out = convOutputSize(c);
        const span = c.dilation * (c.kernel - 1) + 1;
        // Independent reference: enumerate window starts −p, −p + s, … and keep those that end in bounds.
        let windows = 0;
        for (let start = -c.padding; start + span <= c.input + c.padding; start += c.stride) windows++;
        return Number.isInteger(out) && out >= 1 && out === windows;
      }),
      RUNS,
    );
  });

  it("property: ceil mode adds at most one window, which starts inside the input or left padding", () => {
    const poolLike = config.filter((c) => c.padding <= Math.floor((c.dilation * (c.kernel - 1) + 1) / 2));
    fc.assert(
      fc.property(poolLike, (c) => {
        const floor = convOutputSize(c);
        const ceil = convOutputSize({ ...c, ceilMode: true });
        const lastStart = (ceil - 1) * c.stride - c.padding;
        return ceil - floor >= 0 && ceil - floor <= 1 && lastStart < c.input;
      }),
      RUNS,
    );
  });

  it("property: transposed convolution inverts the convolution size", () => {
    fc.assert(
      fc.property(config, (c) => {
        const out = convOutputSize(c);
        const span = c.dilation * (c.kernel - 1) + 1;
        // The floor dropped (in + 2p − span) mod s elements; output_padding puts them back.
        const outputPadding = (c.input + 2 * c.padding - span) % c.stride;
        return (
          transposedConvOutputSize({
            input: out,
            kernel: c.kernel,
            stride: c.stride,
            padding: c.padding,
            dilation: c.dilation,
            outputPadding,
          }) === c.input
        );
      }),
      RUNS,
    );
  });
});

describe("transposedConvOutputSize", () => {
  it("follows (in − 1)s − 2p + d(k−1) + output_padding + 1", () => {
    // (56 − 1)·2 − 2·1 + 1·2 + 1 + 1 = 110 − 2 + 2 + 2 = 112
    expect(transposedConvOutputSize({ input: 56, kernel: 3, stride: 2, padding: 1, outputPadding: 1 })).toBe(112);
    // DCGAN-style upsampling: (7 − 1)·2 − 2 + 3 + 0 + 1 = 14
    expect(transposedConvOutputSize({ input: 7, kernel: 4, stride: 2, padding: 1 })).toBe(14);
    // dilation: (10 − 1)·1 − 0 + 2·2 + 0 + 1 = 14
    expect(transposedConvOutputSize({ input: 10, kernel: 3, dilation: 2 })).toBe(14);
  });

  it("rejects output padding not smaller than stride or dilation, and empty outputs", () => {
    expect(() => transposedConvOutputSize({ input: 8, kernel: 3, stride: 2, outputPadding: 2 })).toThrow(
      /outputPadding/,
    );
    // allowed when smaller than the dilation even if not smaller than the stride (PyTorch's rule)
    // (8 − 1)·1 − 0 + 3·2 + 1 + 1 = 15
    expect(transposedConvOutputSize({ input: 8, kernel: 3, dilation: 3, outputPadding: 1 })).toBe(15);
    // (1 − 1)·1 − 2·2 + 2 + 0 + 1 = −1
    expect(() => transposedConvOutputSize({ input: 1, kernel: 3, padding: 2 })).toThrow(CalcError);
  });
});

describe("samePadding", () => {
  it("splits d(k−1) with the odd element after the input", () => {
    expect(samePadding({ kernel: 3 })).toEqual({ total: 2, before: 1, after: 1 });
    expect(samePadding({ kernel: 4 })).toEqual({ total: 3, before: 1, after: 2 });
    // 2·(3 − 1) = 4
    expect(samePadding({ kernel: 3, dilation: 2 })).toEqual({ total: 4, before: 2, after: 2 });
    expect(samePadding({ kernel: 1 })).toEqual({ total: 0, before: 0, after: 0 });
  });
});
