import { describe, expect, it } from "vitest";
import {
  checkAnswer,
  generateInstance,
  numericTemplateSchema,
  parseLearnerAnswer,
  renderSolution,
  withinTolerance,
  type CheckResult,
  type NumericInstance,
  type NumericTemplate,
  type NumericTemplateInput,
  type Tolerance,
} from "./index";

describe("withinTolerance", () => {
  const exact: Tolerance = { type: "exact" };
  it.each<[number, number, Tolerance, boolean]>([
    [73_856, 73_856, exact, true],
    [73_857, 73_856, exact, false],
    [0.1 + 0.2, 0.3, exact, true], // floating-point noise only
    [0.4, 0.3, { type: "absolute", value: 0.1 }, true], // 0.10000000000000003 away: noise allowed
    [0.41, 0.3, { type: "absolute", value: 0.1 }, false],
    [101, 100, { type: "relative", value: 0.01 }, true],
    [98.9, 100, { type: "relative", value: 0.01 }, false],
    [0, 0, { type: "relative", value: 0.01 }, true],
    [97.5, 97.49, { type: "sigfigs", value: 3 }, true], // both round to 97.5
    [97.4, 97.49, { type: "sigfigs", value: 3 }, false],
    [97.49, 97.48997, { type: "sigfigs", value: 4 }, true],
    [2.68, 2.675, { type: "sigfigs", value: 3 }, true], // 2.675 is stored as 2.67499…: a boundary, both neighbours count
    [2.67, 2.675, { type: "sigfigs", value: 3 }, true],
    [2.66, 2.675, { type: "sigfigs", value: 3 }, false],
    [Number.NaN, 1, exact, false],
    [Infinity, Infinity, exact, false],
  ])("%s vs %s (%j) → %s", (value, target, tolerance, expected) => {
    expect(withinTolerance(value, target, tolerance)).toBe(expected);
  });
});

/** Parses what a learner typed and checks it; fails the test if the input itself is refused. */
function check(template: NumericTemplate, instance: NumericInstance, typed: string): CheckResult {
  const parsed = parseLearnerAnswer(typed, template.unit);
  if (!parsed.ok) throw new Error(`"${typed}" was refused: ${parsed.message}`);
  return checkAnswer(template, instance, parsed.value);
}

const parse = (input: NumericTemplateInput) => numericTemplateSchema.parse(input);

describe("checkAnswer: conv parameters (exact)", () => {
  const template = parse({
    variables: { k: { choices: [3] }, c_in: { choices: [64] }, c_out: { choices: [128] } },
    answer: "convParams({kernel: k, inChannels: c_in, outChannels: c_out})",
    tolerance: { type: "exact" },
    unit: "parameters",
    mistakes: [
      { when: "k * k * c_in * c_out", feedback: "You left out the {{c_out}} biases." },
      { when: "k * c_in * c_out + c_out", feedback: "The kernel has k² = {{k}}·{{k}} weights per input channel, not k." },
      { when: "k * k * c_in + 1", feedback: "That is one filter; there are {{c_out}}." },
    ],
    solution: "$$ {{k}}^2 \\cdot {{c_in}} \\cdot {{c_out}} + {{c_out}} = {{answer}} $$ so {{answer}} in all.",
  });
  const instance = generateInstance(template, 1);

  it("has the hand-computed answer 3·3·64·128 + 128 = 73,856", () => {
    expect(instance.answer).toBe(73_856);
    expect(instance.mistakes.map((mistake) => mistake.value)).toEqual([73_728, 24_704, 577]); // 9·64·128; 3·64·128+128; 9·64+1
  });

  it.each(["73856", "73,856", "7.3856e4", "7.3856×10^4", "73.856k", "3*3*64*128+128", "73856 params", "(3^2 * 64 + 1) * 128"])(
    "accepts %s",
    (typed) => expect(check(template, instance, typed)).toEqual({ verdict: "correct" }),
  );

  it("recognises every mistake with its filled feedback", () => {
    expect(check(template, instance, "73,728")).toEqual({ verdict: "mistake", index: 0, feedback: "You left out the 128 biases." });
    expect(check(template, instance, "24704")).toEqual({
      verdict: "mistake",
      index: 1,
      feedback: "The kernel has k² = 3·3 weights per input channel, not k.",
    });
    expect(check(template, instance, "577")).toEqual({ verdict: "mistake", index: 2, feedback: "That is one filter; there are 128." });
  });

  it("a rounded or far-off number is incorrect", () => {
    expect(check(template, instance, "73.9k")).toEqual({ verdict: "incorrect" }); // 73,900: exact needs every digit
    expect(check(template, instance, "5")).toEqual({ verdict: "incorrect" });
  });

  it("renders the solution with the answer, plain in math and grouped outside", () => {
    expect(renderSolution(template, instance)).toBe("$$ 3^2 \\cdot 64 \\cdot 128 + 128 = 73856 $$ so 73,856 in all.");
  });
});

describe("checkAnswer: random conv parameters, every seed", () => {
  const template = parse({
    variables: { k: { choices: [1, 3, 5, 7] }, c_in: { range: [16, 256], step: 16 }, c_out: { choices: [32, 64, 128] } },
    constraints: ["c_out >= c_in"],
    answer: "convParams({kernel: k, inChannels: c_in, outChannels: c_out})",
    tolerance: { type: "exact" },
    unit: "parameters",
    mistakes: [{ when: "k * k * c_in * c_out", feedback: "Biases." }],
    solution: "{{answer}}",
  });

  it("accepts the answer typed plainly, grouped, in exponent form and as the formula; recognises the mistake", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const instance = generateInstance(template, seed);
      const { k, c_in, c_out } = instance.values as Record<string, number>;
      const expected = k! * k! * c_in! * c_out! + c_out!;
      expect(instance.answer).toBe(expected);
      for (const typed of [String(expected), expected.toLocaleString("en-US"), expected.toExponential(), `${k}*${k}*${c_in}*${c_out}+${c_out}`]) {
        expect(check(template, instance, typed)).toEqual({ verdict: "correct" });
      }
      expect(check(template, instance, String(expected - c_out!))).toEqual({ verdict: "mistake", index: 0, feedback: "Biases." });
      expect(check(template, instance, String(expected + 1))).toEqual({ verdict: "incorrect" });
    }
  });
});

describe("checkAnswer: activation memory in MiB (sigfigs 3, byte units convert)", () => {
  // 32 · 64 · 112 · 112 = 25,690,112 elements · 4 bytes = 102,760,448 bytes = 98 · 2^20 → 98 MiB exactly.
  const template = parse({
    variables: { N: { choices: [32] }, C: { choices: [64] }, H: { choices: [112] } },
    answer: 'convertBytes({bytes: activationMemory({shape: [C, H, H], batch: N}).bytes, unit: "MiB"})',
    tolerance: { type: "sigfigs", value: 3 },
    unit: "MiB",
    mistakes: [
      { when: 'convertBytes({bytes: activationMemory({shape: [C, H, H], batch: N}).bytes, unit: "MB"})', feedback: "That is MB (10⁶ B); MiB is 2²⁰ B." },
      { when: 'convertBytes({bytes: activationMemory({shape: [C, H, H]}).bytes, unit: "MiB"})', feedback: "That is one sample; the batch has {{N}}." },
      { when: 'convertBytes({bytes: activationMemory({shape: [C, H, H], batch: N, dtype: "fp16"}).bytes, unit: "MiB"})', feedback: "fp32 takes 4 bytes, not 2." },
    ],
    solution: "{{answer}} MiB",
  });
  const instance = generateInstance(template, 9);

  it("has the hand-computed answer and mistake values", () => {
    expect(instance.answer).toBe(98);
    expect(instance.mistakes.map((mistake) => mistake.value)).toEqual([102.760448, 3.0625, 49]); // 98/32; half of 98
  });

  it.each(["98", "98.0 MiB", "97.99", "102760448 bytes", "102,760,448 B", "0.095703125 GiB", "98*2^20 bytes"])("accepts %s", (typed) => {
    expect(check(template, instance, typed)).toEqual({ verdict: "correct" });
  });

  it("recognises the mistakes, and rejects a wrong unit family before checking", () => {
    expect(check(template, instance, "103")).toMatchObject({ verdict: "mistake", index: 0 });
    expect(check(template, instance, "102.76 MiB")).toMatchObject({ verdict: "mistake", index: 0 });
    expect(check(template, instance, "3.06")).toEqual({ verdict: "mistake", index: 1, feedback: "That is one sample; the batch has 32." });
    expect(check(template, instance, "49")).toMatchObject({ verdict: "mistake", index: 2 });
    expect(check(template, instance, "97")).toEqual({ verdict: "incorrect" });
    expect(parseLearnerAnswer("98 params", "MiB")).toEqual({ ok: false, message: "This question asks for MiB." });
  });
});

describe("checkAnswer: output size (exact); the first matching mistake wins", () => {
  const template = parse({
    variables: { H: { choices: [224] }, k: { choices: [7] }, s: { choices: [2] }, p: { choices: [3] } },
    answer: "convOutputSize({input: H, kernel: k, stride: s, padding: p})",
    tolerance: { type: "exact" },
    unit: "pixels",
    mistakes: [
      { when: "floor((H + 2 * p - k) / s)", feedback: "Add one: the first window needs no stride." },
      { when: "floor((H + p - k) / s) + 1", feedback: "Padding goes on both sides." },
      { when: "floor((H - k) / s) + 1", feedback: "You left out the padding." },
    ],
    solution: "{{answer}}",
  });
  const instance = generateInstance(template, 3);

  it("answer ⌊(224 + 6 − 7)/2⌋ + 1 = 112; mistakes 111, 111 (⌊220/2⌋ + 1) and 109 (⌊217/2⌋ + 1)", () => {
    expect(instance.answer).toBe(112);
    expect(instance.mistakes.map((mistake) => mistake.value)).toEqual([111, 111, 109]);
    expect(check(template, instance, "112 px")).toEqual({ verdict: "correct" });
    expect(check(template, instance, "111")).toMatchObject({ verdict: "mistake", index: 0 });
    expect(check(template, instance, "109")).toMatchObject({ verdict: "mistake", index: 2 });
    expect(check(template, instance, "56")).toEqual({ verdict: "incorrect" });
  });
});

describe("checkAnswer: IoU (absolute 0.001)", () => {
  // Boxes [0,0,2,2] and [1,1,3,3]: intersection 1, union 4 + 4 − 1 = 7, IoU 1/7 = 0.142857…
  const template = parse({
    variables: { w: { choices: [2] } },
    answer: "iou({a: [0, 0, w, w], b: [1, 1, w + 1, w + 1]})",
    tolerance: { type: "absolute", value: 0.001 },
    unit: "ratio",
    mistakes: [{ when: "1 / (w * w * 2)", feedback: "The union counts the overlap once: subtract it." }],
    solution: "{{answer}}",
  });
  const instance = generateInstance(template, 1);

  it.each(["0.143", "0.1428", "1/7", ".1425"])("accepts %s", (typed) => expect(check(template, instance, typed)).toEqual({ verdict: "correct" }));

  it("recognises 1/8 and rejects 0.5", () => {
    expect(check(template, instance, "0.125")).toMatchObject({ verdict: "mistake", index: 0 });
    expect(check(template, instance, "0.5")).toEqual({ verdict: "incorrect" });
  });
});

describe("checkAnswer: a mistake within tolerance of the answer never counts", () => {
  const template = parse({
    variables: { a: { choices: [100] } },
    answer: "a",
    tolerance: { type: "relative", value: 0.01 },
    unit: "none",
    mistakes: [
      { when: "a * 1.005", feedback: "Close to the answer: meaningless." },
      { when: "a * 2", feedback: "Doubled." },
      { when: "a * 2", feedback: "Same value, later: never reached." },
    ],
    solution: "{{answer}}",
  });
  const instance = generateInstance(template, 1);

  it("101.2 is 1.2 % off the answer (incorrect) though within 1 % of the 100.5 mistake, which is ignored", () => {
    expect(check(template, instance, "101.2")).toEqual({ verdict: "incorrect" });
    expect(check(template, instance, "100.9")).toEqual({ verdict: "correct" });
    expect(check(template, instance, "199")).toEqual({ verdict: "mistake", index: 1, feedback: "Doubled." });
  });
});
