import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CalcError } from "./errors";
import {
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  crossEntropy,
  iou,
  logSoftmax,
  sigmoid,
  softmax,
  type Box,
} from "./metrics";

const RUNS = { numRuns: 200 };

const boxArb = fc
  .tuple(
    fc.double({ min: -100, max: 100, noNaN: true }),
    fc.double({ min: -100, max: 100, noNaN: true }),
    fc.double({ min: 0, max: 100, noNaN: true }),
    fc.double({ min: 0, max: 100, noNaN: true }),
  )
  .map(([x, y, w, h]): Box => [x, y, x + w, y + h]);

describe("iou", () => {
  it("uses continuous coordinates without the +1", () => {
    // intersection [1,2]×[1,2] = 1; union 4 + 4 − 1 = 7
    expect(iou({ a: [0, 0, 2, 2], b: [1, 1, 3, 3] })).toBe(1 / 7);
    // containment: 2·2 / 4·4
    expect(iou({ a: [0, 0, 4, 4], b: [1, 1, 3, 3] })).toBe(4 / 16);
    // half overlap along x: 50·100 / (2·100·100 − 50·100) = 1/3
    expect(iou({ a: [0, 0, 100, 100], b: [50, 0, 150, 100] })).toBeCloseTo(1 / 3, 15);
    // with the old +1 convention this pair would overlap by one pixel; here they only touch
    expect(iou({ a: [0, 0, 10, 10], b: [10, 0, 20, 10] })).toBe(0);
    expect(iou({ a: [0, 0, 1, 1], b: [5, 5, 6, 6] })).toBe(0);
    expect(iou({ a: [3, 4, 10, 12], b: [3, 4, 10, 12] })).toBe(1);
    // two empty boxes: union 0, defined as 0
    expect(iou({ a: [1, 1, 1, 1], b: [1, 1, 1, 1] })).toBe(0);
  });

  it("rejects inverted or malformed boxes", () => {
    expect(() => iou({ a: [2, 0, 1, 1], b: [0, 0, 1, 1] })).toThrow(CalcError);
    expect(() => iou({ a: [0, 0, 1] as never, b: [0, 0, 1, 1] })).toThrow(CalcError);
    expect(() => iou({ a: [0, 0, 1, Number.NaN], b: [0, 0, 1, 1] })).toThrow(CalcError);
  });

  it("property: symmetric, in [0, 1], and 1 against itself", () => {
    fc.assert(
      fc.property(boxArb, boxArb, (a, b) => {
        const ab = iou({ a, b });
        const selfOk = (a[2] - a[0]) * (a[3] - a[1]) > 0 ? iou({ a, b: a }) === 1 : true;
        return ab === iou({ a: b, b: a }) && ab >= 0 && ab <= 1 && selfOk;
      }),
      RUNS,
    );
  });
});

describe("softmax / logSoftmax", () => {
  it("matches the definition", () => {
    const e = [Math.exp(1), Math.exp(2), Math.exp(3)];
    const sum = e[0]! + e[1]! + e[2]!;
    const p = softmax({ logits: [1, 2, 3] });
    e.forEach((v, i) => expect(p[i]).toBeCloseTo(v / sum, 15));
    expect(logSoftmax({ logits: [0, 0] })).toEqual([-Math.LN2, -Math.LN2]);
  });

  it("is numerically stable for large logits", () => {
    expect(softmax({ logits: [1000, 1000] })).toEqual([0.5, 0.5]);
    const p = softmax({ logits: [1000, 0, -1000] });
    expect(p[0]).toBe(1);
    expect(p.every(Number.isFinite)).toBe(true);
  });

  it("divides logits by the temperature", () => {
    // T = 2 on [2, 4] is softmax of [1, 2]
    expect(softmax({ logits: [2, 4], temperature: 2 })).toEqual(softmax({ logits: [1, 2] }));
    expect(() => softmax({ logits: [1], temperature: 0 })).toThrow(CalcError);
    expect(() => softmax({ logits: [] })).toThrow(CalcError);
  });

  it("property: entries in [0, 1] summing to 1", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -500, max: 500, noNaN: true }), { minLength: 1, maxLength: 20 }), (z) => {
        const p = softmax({ logits: z });
        const sum = p.reduce((s, v) => s + v, 0);
        return Math.abs(sum - 1) < 1e-12 && p.every((v) => v >= 0 && v <= 1);
      }),
      RUNS,
    );
  });
});

describe("crossEntropy", () => {
  it("is −ln softmax(z)_target in nats", () => {
    const sum = Math.exp(2) + Math.exp(1) + Math.exp(0.1);
    expect(crossEntropy({ logits: [2, 1, 0.1], target: 0 })).toBeCloseTo(-Math.log(Math.exp(2) / sum), 14);
    expect(crossEntropy({ logits: [2, 1, 0.1], target: 2 })).toBeCloseTo(-Math.log(Math.exp(0.1) / sum), 14);
    // uniform over 4 classes: ln 4
    expect(crossEntropy({ logits: [0, 0, 0, 0], target: 3 })).toBeCloseTo(Math.log(4), 15);
    // huge margin: log-sum-exp keeps it finite, ≈ 1000
    expect(crossEntropy({ logits: [1000, 0], target: 1 })).toBeCloseTo(1000, 9);
    expect(crossEntropy({ logits: [1000, 0], target: 0 })).toBe(0);
  });

  it("rejects targets outside the classes", () => {
    expect(() => crossEntropy({ logits: [1, 2], target: 2 })).toThrow(/target/);
    expect(() => crossEntropy({ logits: [1, 2], target: 0.5 })).toThrow(CalcError);
  });
});

describe("sigmoid and binary cross-entropy", () => {
  it("sigmoid", () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(2)).toBeCloseTo(1 / (1 + Math.exp(-2)), 15);
    expect(sigmoid(-2)).toBeCloseTo(1 / (1 + Math.exp(2)), 15);
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(800)).toBe(1);
  });

  it("binaryCrossEntropy = −[y ln p + (1 − y) ln(1 − p)], logs clamped at −100", () => {
    expect(binaryCrossEntropy({ probability: 0.8, target: 1 })).toBeCloseTo(-Math.log(0.8), 15);
    expect(binaryCrossEntropy({ probability: 0.8, target: 0 })).toBeCloseTo(-Math.log(0.2), 14);
    // soft label 0.3
    expect(binaryCrossEntropy({ probability: 0.6, target: 0.3 })).toBeCloseTo(
      -(0.3 * Math.log(0.6) + 0.7 * Math.log(0.4)),
      14,
    );
    expect(binaryCrossEntropy({ probability: 0, target: 1 })).toBe(100);
    expect(() => binaryCrossEntropy({ probability: 1.5, target: 1 })).toThrow(CalcError);
    expect(() => binaryCrossEntropy({ probability: 0.5, target: 2 })).toThrow(CalcError);
  });

  it("binaryCrossEntropyWithLogits is stable", () => {
    expect(binaryCrossEntropyWithLogits({ logit: 0, target: 1 })).toBeCloseTo(Math.LN2, 15);
    // −ln σ(−100) = ln(1 + e^100) ≈ 100
    expect(binaryCrossEntropyWithLogits({ logit: -100, target: 1 })).toBeCloseTo(100, 12);
    expect(binaryCrossEntropyWithLogits({ logit: 100, target: 0 })).toBeCloseTo(100, 12);
  });

  it("property: BCE with logits equals BCE of the sigmoid for moderate logits", () => {
    fc.assert(
      fc.property(fc.double({ min: -20, max: 20, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (x, y) => {
        const direct = binaryCrossEntropy({ probability: sigmoid(x), target: y });
        return Math.abs(binaryCrossEntropyWithLogits({ logit: x, target: y }) - direct) < 1e-6;
      }),
      RUNS,
    );
  });
});
