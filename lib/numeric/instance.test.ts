import { describe, expect, it } from "vitest";
import { TemplateError, generateInstance, numericTemplateSchema, type NumericTemplateInput } from "./index";

const conv: NumericTemplateInput = {
  variables: {
    k: { choices: [1, 3, 5, 7] },
    c_in: { range: [16, 256], step: 16 },
    c_out: { choices: [32, 64, 128] },
    weights: { derive: "k * k * c_in * c_out" },
  },
  constraints: ["c_out >= c_in"],
  answer: "convParams({kernel: k, inChannels: c_in, outChannels: c_out})",
  tolerance: { type: "exact" },
  unit: "parameters",
  mistakes: [{ when: "k * k * c_in * c_out", feedback: "You left out the biases: every one of the {{c_out}} filters has one." }],
  solution: "$$ {{k}}^2 \\cdot {{c_in}} \\cdot {{c_out}} + {{c_out}} = {{answer}} $$",
};

const template = (overrides: Partial<NumericTemplateInput> = {}) => numericTemplateSchema.parse({ ...conv, ...overrides });

describe("generateInstance", () => {
  it("is deterministic: the same template and seed give the same instance", () => {
    const t = template();
    for (const seed of [0, 1, 2, 99, 4_294_967_295]) {
      expect(generateInstance(t, seed)).toEqual(generateInstance(template(), seed));
    }
  });

  it("draws every variable from its declaration, honours constraints and derives from the drawn values", () => {
    const t = template();
    const seen = { k: new Set<number>(), c_in: new Set<number>(), c_out: new Set<number>() };
    for (let seed = 1; seed <= 300; seed++) {
      const { values, answer, mistakes } = generateInstance(t, seed);
      const { k, c_in, c_out, weights } = values as Record<string, number>;
      expect(Object.keys(values)).toEqual(["k", "c_in", "c_out", "weights"]);
      expect([1, 3, 5, 7]).toContain(k);
      expect(c_in! % 16 === 0 && c_in! >= 16 && c_in! <= 256).toBe(true);
      expect([32, 64, 128]).toContain(c_out);
      expect(c_out).toBeGreaterThanOrEqual(c_in!);
      expect(weights).toBe(k! * k! * c_in! * c_out!);
      expect(answer).toBe(k! * k! * c_in! * c_out! + c_out!); // one bias per filter
      expect(mistakes).toEqual([{ index: 0, value: weights, feedback: `You left out the biases: every one of the ${c_out} filters has one.` }]);
      seen.k.add(k!);
      seen.c_in.add(c_in!);
      seen.c_out.add(c_out!);
    }
    // Variety: every kernel and output width appears; c_in <= c_out <= 128 allows 16, 32, …, 128 (8 values).
    expect([...seen.k].sort()).toEqual([1, 3, 5, 7]);
    expect([...seen.c_out].sort((a, b) => a - b)).toEqual([32, 64, 128]);
    expect([...seen.c_in].sort((a, b) => a - b)).toEqual([16, 32, 48, 64, 80, 96, 112, 128]);
  });

  it("hand-checked instance: one choice each", () => {
    const t = template({ variables: { k: { choices: [3] }, c_in: { choices: [64] }, c_out: { choices: [128] }, weights: { derive: "k * k * c_in * c_out" } } });
    expect(generateInstance(t, 5)).toEqual({
      seed: 5,
      values: { k: 3, c_in: 64, c_out: 128, weights: 73_728 }, // 9 · 64 · 128
      answer: 73_856, // 73,728 + 128 biases
      mistakes: [{ index: 0, value: 73_728, feedback: "You left out the biases: every one of the 128 filters has one." }],
    });
  });

  it("checks each constraint as soon as its variables are drawn, so it can guard a later derive", () => {
    // Without the early check, convOutputSize would throw whenever k > H.
    const t = template({
      variables: { H: { range: [1, 8] }, k: { choices: [3, 5, 7] }, out: { derive: "convOutputSize({input: H, kernel: k})" } },
      constraints: ["k <= H"],
      answer: "out",
      mistakes: [],
    });
    for (let seed = 1; seed <= 200; seed++) {
      const { values, answer } = generateInstance(t, seed);
      expect(answer).toBe(values.H! - values.k! + 1); // stride 1, no padding
    }
  });

  it("gives up after maxDraws with a clear error", () => {
    const t = template({ variables: { a: { choices: [1, 2] } }, constraints: ["a > 10"], answer: "a", mistakes: [] });
    expect(() => generateInstance(t, 1)).toThrow(new TemplateError("constraints could not be satisfied in 200 draws"));
    expect(() => generateInstance(t, 1, { maxDraws: 5 })).toThrow("constraints could not be satisfied in 5 draws");
    // A rare but possible combination is found within the default budget: a = 1 has probability 1/100.
    const rare = template({ variables: { a: { range: [1, 100] } }, constraints: ["a == 1"], answer: "a", mistakes: [] });
    expect(generateInstance(rare, 3).answer).toBe(1);
  });

  it("reports a constraint that reads no variable and is false", () => {
    const t = template({ constraints: ["1 > 2"] });
    expect(() => generateInstance(t, 1)).toThrow('in "1 > 2": this constraint reads no variable and is always false');
  });

  it("rejects answers, derives and mistakes that are not finite numbers, and non-boolean constraints", () => {
    expect(() => generateInstance(template({ answer: "k / 0" }), 1)).toThrow(
      'in "k / 0": the answer must be a finite number, got Infinity (a division by zero?)',
    );
    expect(() => generateInstance(template({ answer: "[k, 1]" }), 1)).toThrow('in "[k, 1]": the answer must be a finite number, got a list');
    expect(() => generateInstance(template({ answer: "k > 1" }), 1)).toThrow("the answer must be a finite number, got");
    expect(() =>
      generateInstance(template({ variables: { k: { choices: [1] }, bad: { derive: "batchNormParams({channels: k})" } }, constraints: [], answer: "k", mistakes: [] }), 1),
    ).toThrow("the derived variable `bad` must be a finite number, got an object");
    expect(() => generateInstance(template({ constraints: ["k + 1"] }), 1)).toThrow("a constraint must be true or false");
    expect(() => generateInstance(template({ mistakes: [{ when: "0 / 0", feedback: "x" }] }), 1)).toThrow("mistake 0 must be a finite number, got NaN");
  });

  it("a derive may only read earlier variables", () => {
    const t = template({ variables: { a: { derive: "b + 1" }, b: { choices: [1] } }, constraints: [], answer: "a", mistakes: [] });
    expect(() => generateInstance(t, 1)).toThrow('in "b + 1": unknown name `b` (known variables here: none)');
  });

  it("rejects bad seeds", () => {
    expect(() => generateInstance(template(), -1)).toThrow(RangeError);
    expect(() => generateInstance(template(), 0.5)).toThrow(RangeError);
  });
});
