import { describe, expect, it } from "vitest";
import { numericTemplateSchema, validateTemplate, type NumericTemplateInput } from "./index";

const base: NumericTemplateInput = {
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
  mistakes: [{ when: "weights", feedback: "You left out the biases: every one of the {{c_out}} filters has one." }],
  solution: "$$ {{k}}^2 \\cdot {{c_in}} \\cdot {{c_out}} + {{c_out}} = {{answer}} $$",
};

const validate = (overrides: Partial<NumericTemplateInput>, options?: Parameters<typeof validateTemplate>[1]) =>
  validateTemplate(numericTemplateSchema.parse({ ...base, ...overrides }), options);

describe("validateTemplate", () => {
  it("a sound template has no problems", () => {
    expect(validate({}, { sections: { prompt: "A {{k}}×{{k}} conv from {{c_in}} to {{c_out}} channels.", answer: "{{answer}}", explanation: "No numbers." } })).toEqual([]);
  });

  it("reports every expression that does not compile, with where it is", () => {
    const problems = validate({
      variables: { a: { derive: "b * 2" }, b: { choices: [1] } },
      constraints: ["b > 0", "b.constructor"],
      answer: "foo(b)",
      mistakes: [{ when: "b = 2", feedback: "x" }],
      solution: "{{answer}}",
    });
    expect(problems).toEqual([
      "variables.a.derive: unknown name `b` (known variables here: none)",
      expect.stringMatching(/^constraints\[1\]: the field `constructor` is not allowed; readable fields: params, /),
      expect.stringMatching(/^answer: unknown function `foo`; allowed: floor, ceil, /),
      "mistakes[0].when: assignment (`=`) is not allowed",
    ]);
  });

  it("constraints that cannot be met, counted over the samples", () => {
    expect(validate({ constraints: ["c_out > 1000"] })).toEqual(["constraints could not be satisfied in 200 draws (in 50 of 50 samples, first with seed 1)"]);
    expect(validate({ constraints: ["c_out > 1000"] }, { samples: 5 })).toEqual([
      "constraints could not be satisfied in 200 draws (in 5 of 5 samples, first with seed 1)",
    ]);
  });

  it("expressions that throw in some samples and answers that are not finite", () => {
    // k = 7 > 5 (the input) throws; the other kernels do not.
    const problems = validate({ constraints: [], answer: "convOutputSize({input: 5, kernel: k})", mistakes: [] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^in "convOutputSize\(\{input: 5, kernel: k\}\)": convOutputSize: kernel \(effective size 7\) is larger than the padded input \(5 .* \(in \d+ of 50 samples, first with seed \d+\)$/,
    );
    expect(validate({ answer: "k / (k - k)" })).toEqual([
      'in "k / (k - k)": the answer must be a finite number, got Infinity (a division by zero?) (in 50 of 50 samples, first with seed 1)',
    ]);
  });

  it("placeholders: unknown names in the solution, feedback and sections; {{answer}} in the prompt", () => {
    expect(
      validate(
        { solution: "{{kernel}} {{answer}}", mistakes: [{ when: "weights", feedback: "{{c_outt}}" }] },
        { sections: { prompt: "{{k}} gives {{answer}}", answer: "{{answr}}", explanation: "{{k}}" } },
      ),
    ).toEqual([
      "solution: {{kernel}} is not a variable (known: k, c_in, c_out, weights, answer)",
      "mistakes[0].feedback: {{c_outt}} is not a variable (known: k, c_in, c_out, weights, answer)",
      "Prompt: {{answer}} must not appear here: it would give the answer away",
      "Answer: {{answr}} is not a variable (known: k, c_in, c_out, weights, answer)",
    ]);
  });

  it("a mistake equal to the answer in every sample is useless", () => {
    expect(validate({ mistakes: [{ when: "weights + c_out", feedback: "Same as the answer." }, { when: "weights", feedback: "Biases." }] })).toEqual([
      'mistakes[0]: "weights + c_out" equals the answer in every sample, so it can never be recognised',
    ]);
    // Equal only sometimes is fine: k = 1 makes k·c_in·c_out + c_out equal the answer, other kernels do not.
    expect(validate({ mistakes: [{ when: "k * c_in * c_out + c_out", feedback: "k, not k²." }] })).toEqual([]);
  });

  it("an exact tolerance on an answer with more than 6 significant figures", () => {
    expect(validate({ answer: "weights / 7", mistakes: [] })[0]).toMatch(/^tolerance: exact, but the answer [\d.]+ is not an integer/);
    expect(validate({ answer: "weights / 7", mistakes: [], tolerance: { type: "relative", value: 0.001 } })).toEqual([]);
  });

  it("50 samples of 30 templates take well under a second", () => {
    const templates = Array.from({ length: 30 }, (_, i) =>
      numericTemplateSchema.parse({
        ...base,
        // Distinct sources, so each template compiles its own expressions as a bank would.
        answer: `convParams({kernel: k, inChannels: c_in, outChannels: c_out}) + ${i} - ${i}`,
        mistakes: [
          { when: `weights + ${i} - ${i}`, feedback: "Biases ({{c_out}})." },
          { when: `k * c_in * c_out + c_out + ${i} - ${i}`, feedback: "k² not k." },
        ],
      }),
    );
    const start = performance.now();
    for (const template of templates) expect(validateTemplate(template)).toEqual([]);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
