/**
 * Hand checks of the numeric templates in content/: for every `kind: numeric` question, the engine's answer
 * (computed with lib/calc inside the template) is compared with an independent formula written here from the
 * instance's drawn values, without calling lib/calc. A new template without an entry in HAND fails the test.
 *
 * Also, as a property over random seeds: the correct answer typed as a plain number is accepted, and every
 * mistake value that differs from the answer is recognised as that mistake.
 */
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../content/load";
import type { ParsedQuestion } from "../content/parse";
import { checkAnswer, generateInstance, MAX_SEED, parseLearnerAnswer, withinTolerance, type NumericInstance, type NumericTemplate } from ".";

type Values = Record<string, number>;
type HandFormula = (v: Values) => number;

const CONTENT = path.resolve(import.meta.dirname, "../../content");

/** floor((in + 2p − d(k−1) − 1)/s) + 1, PyTorch's output size (floor mode). */
const outSize = (input: number, k: number, s = 1, p = 0, d = 1) => Math.floor((input + 2 * p - d * (k - 1) - 1) / s) + 1;

/** The answer of each numeric template, from first principles. Keyed by question key. */
const HAND: Record<string, HandFormula> = {
  // cnn-fundamentals
  "cf-num-conv-params-bias": (v) => v.k! * v.k! * v.c_in! * v.c_out! + v.c_out!,
  "cf-num-conv-bn-params": (v) => v.k! * v.k! * v.c_in! * v.c_out! + 2 * v.c_out!,
  "cf-num-conv-bias-bn-params": (v) => v.k! * v.k! * v.c_in! * v.c_out! + v.c_out! + 2 * v.c_out!,
  "cf-num-grouped-conv-params": (v) => v.k! * v.k! * (v.c_in! / v.g!) * v.c_out! + v.c_out!,
  "cf-num-depthwise-conv-params": (v) => v.k! * v.k! * 1 * (v.m! * v.c!) + v.m! * v.c!,
  "cf-num-conv-output-size": (v) => Math.floor((v.H! + 2 * v.p! - v.k!) / v.s!) + 1,
  "cf-num-dilated-output-size": (v) => Math.floor((v.H! + 2 * v.p! - (v.d! * (v.k! - 1) + 1)) / v.s!) + 1,
  "cf-num-transposed-conv-output-size": (v) => (v.H! - 1) * v.s! - 2 * v.p! + v.k! + v.op!,
  "cf-num-pool-output-size": (v) => Math.floor((v.H! + 2 * v.p! - v.k!) / v.s!) + 1,
  "cf-num-pool-ceil-mode": (v) => {
    let out = Math.ceil((v.H! + 2 * v.p! - v.k!) / v.s!) + 1;
    // PyTorch drops a last window that would start in the right padding.
    if ((out - 1) * v.s! >= v.H! + v.p!) out -= 1;
    return out;
  },
  "cf-num-receptive-field-stack": (v) => {
    // r = 1 + Σ (k_l − 1) · (product of the strides before layer l)
    const layers: Array<[number, number]> = [
      [v.k1!, v.s1!],
      [v.k2!, 1],
      [v.kp!, 2],
      [v.k3!, 1],
    ];
    let r = 1;
    let jump = 1;
    for (const [k, s] of layers) {
      r += (k - 1) * jump;
      jump *= s;
    }
    return r;
  },
  "cf-num-stacked-3x3-savings": (v) => (2 * v.n! + 1) ** 2 * v.c! ** 2 - v.n! * 9 * v.c! ** 2,
  "cf-num-stacked-kernel-saved-percent": (v) => 100 * (1 - (v.n! * v.k! ** 2) / (v.n! * (v.k! - 1) + 1) ** 2),
  "cf-num-bottleneck-savings": (v) => {
    const b = v.c! / v.r!;
    return 9 * v.c! * v.c! - (v.c! * b + 9 * b * b + b * v.c!);
  },
  // efficiency-and-deployment
  "ed-num-depthwise-separable-ratio": (v) => {
    const hw = v.h! * v.h!;
    const standard = hw * v.c_in! * v.c_out! * v.k! ** 2;
    const separable = hw * v.c_in! * v.k! ** 2 + hw * v.c_in! * v.c_out!;
    return standard / separable;
  },
  "ed-num-conv-macs": (v) => {
    const out = outSize(v.H!, v.k!, v.s!, Math.floor(v.k! / 2));
    return out * out * v.c_out! * v.k! * v.k! * v.c_in!;
  },
  "ed-num-conv-flops": (v) => {
    const out = outSize(v.H!, v.k!, v.s!, Math.floor(v.k! / 2));
    return 2 * v.N! * out * out * v.c_out! * v.k! * v.k! * v.c_in!;
  },
  "ed-num-linear-flops": (v) => 2 * v.N! * v.n_in! * v.n_out!,
  "ed-num-activation-memory": (v) => (v.N! * v.c! * v.h! * v.h! * v.bpe!) / 1_048_576,
  "ed-num-parameter-memory": (v) => (v.pm! * 100_000 * v.bpe!) / 1e6,
  "ed-num-training-memory-adam": (v) => {
    const P = v.pm! * 100_000;
    const A = v.am! * 1_000_000;
    // weights + gradients + Adam m + Adam v, 4 bytes each, plus fp32 activations for the batch
    return (4 * P * 4 + v.N! * A * 4) / 1_073_741_824;
  },
  "ed-num-fps-from-flops": (v) => (v.tflops! * 1e12) / (2 * (v.g10! / 10) * 1e9),
  "ed-num-latency-from-flops": (v) => (1000 * 2 * (v.g10! / 10) * 1e9) / (v.peak! * 1e12 * (v.u! / 100)),
  // object-detection
  "od-num-iou": (v) => {
    const a = [v.ax!, v.ay!, v.ax! + v.aw!, v.ay! + v.ah!];
    const b = [v.ax! + v.dx!, v.ay! + v.dy!, v.ax! + v.dx! + v.bw!, v.ay! + v.dy! + v.bh!];
    const iw = Math.max(0, Math.min(a[2]!, b[2]!) - Math.max(a[0]!, b[0]!));
    const ih = Math.max(0, Math.min(a[3]!, b[3]!) - Math.max(a[1]!, b[1]!));
    const inter = iw * ih;
    return inter / (v.aw! * v.ah! + v.bw! * v.bh! - inter);
  },
  "od-num-roi-pool-cells": (v) => {
    const cells = (lo: number, hi: number) => Math.round(hi / v.s!) - Math.round(lo / v.s!) + 1;
    return cells(v.x1!, v.x1! + v.w!) * cells(v.y1!, v.y1! + v.h!);
  },
  "od-num-roialign-bin-size": (v) => (v.w! / v.s!) / v.ps!,
  // optimization-and-losses
  "ol-num-softmax-probability": (v) => {
    const z = [v.a10!, v.b10!, v.c10!, v.d10!].map((x) => x / 10);
    const sum = z.reduce((acc, x) => acc + Math.exp(x), 0);
    return Math.exp(z[0]!) / sum;
  },
  "ol-num-cross-entropy": (v) => {
    const z = [v.a10!, v.b10!, v.c10!, v.d10!].map((x) => x / 10);
    const sum = z.reduce((acc, x) => acc + Math.exp(x), 0);
    return Math.log(sum) - z[v.t!]!;
  },
  // cnn-architectures
  "ca-num-network-table-shape": (v) => {
    const afterPool = Math.floor(v.H! / 2);
    return Math.floor((afterPool + 2 * v.p! - v.k!) / v.s!) + 1;
  },
  "ca-num-network-table-fc-params": (v) => {
    const afterPool = Math.floor(v.H! / 2);
    const afterConv = Math.floor((afterPool + 2 * 1 - 3) / 2) + 1;
    const features = v.c2! * afterConv * afterConv;
    return features * v.n! + v.n!;
  },
};

const SEEDS = [1, 2, 3];

let numeric: ParsedQuestion[] = [];

beforeAll(async () => {
  const content = await loadContent(CONTENT);
  numeric = content.questions.filter((question) => question.kind === "numeric");
});

function templateOf(key: string): NumericTemplate {
  const question = numeric.find((q) => q.key === key);
  if (!question || !question.template) throw new Error(`no numeric question with key ${key} in content/`);
  return question.template;
}

/** Hand value and engine value agree up to floating-point noise. */
function expectClose(engine: number, hand: number): void {
  expect(Number.isFinite(engine)).toBe(true);
  expect(Math.abs(engine - hand)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(hand)));
}

describe("numeric templates in content/", () => {
  it("every numeric template has a hand formula here, and every hand formula a template", () => {
    const keys = numeric.map((q) => q.key).sort();
    expect(keys.length).toBeGreaterThanOrEqual(24);
    expect(keys.filter((key) => !(key in HAND))).toEqual([]);
    expect(Object.keys(HAND).filter((key) => !keys.includes(key))).toEqual([]);
  });

  describe.each(Object.keys(HAND).sort())("%s", (key) => {
    it.each(SEEDS)("seed %i: the engine's answer equals the hand formula", (seed) => {
      const instance = generateInstance(templateOf(key), seed);
      expectClose(instance.answer, HAND[key]!(instance.values));
    });

    it("property: the answer typed as a plain number is correct, each distinct mistake is recognised", () => {
      const template = templateOf(key);
      fc.assert(
        fc.property(fc.integer({ min: 1, max: MAX_SEED }), (seed) => {
          const instance: NumericInstance = generateInstance(template, seed);
          expectClose(instance.answer, HAND[key]!(instance.values));

          const typed = parseLearnerAnswer(String(instance.answer), template.unit);
          expect(typed.ok).toBe(true);
          if (typed.ok) expect(checkAnswer(template, instance, typed.value)).toEqual({ verdict: "correct" });

          const distinct = instance.mistakes.filter((m) => !withinTolerance(m.value, instance.answer, template.tolerance));
          for (const mistake of distinct) {
            const parsed = parseLearnerAnswer(String(mistake.value), template.unit);
            expect(parsed.ok).toBe(true);
            if (!parsed.ok) continue;
            // The first listed mistake with this value wins (two mistakes may coincide in one instance).
            const expected = distinct.find((m) => withinTolerance(parsed.value, m.value, template.tolerance))!;
            expect(checkAnswer(template, instance, parsed.value)).toEqual({
              verdict: "mistake",
              index: expected.index,
              feedback: expected.feedback,
            });
            expect(withinTolerance(parsed.value, mistake.value, template.tolerance)).toBe(true);
          }
        }),
        { numRuns: 30 },
      );
    });
  });
});
