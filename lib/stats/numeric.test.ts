import { describe, expect, it } from "vitest";
import { generateInstance, numericTemplateSchema } from "@/lib/numeric";
import { regradeWrongAnswers } from "./numeric";

/**
 * A 3×3 convolution from 64 to 128 channels with biases, every variable fixed, so every seed gives the same
 * instance: answer 3·3·64·128 + 128 = 73,856.
 */
const FIXED = numericTemplateSchema.parse({
  variables: { k: { choices: [3] }, c_in: { choices: [64] }, c_out: { choices: [128] } },
  answer: "k * k * c_in * c_out + c_out",
  tolerance: { type: "exact" },
  unit: "parameters",
  mistakes: [
    { when: "k * k * c_in * c_out", feedback: "You left out the {{c_out}} biases." }, // 73,728
    { when: "k * k * c_in", feedback: "That is one filter." }, // 576
    { when: "k * k * c_in * c_out + c_in", feedback: "One bias per output channel, not per input." }, // 73,792
    { when: "c_out + k * k * c_in * c_out", feedback: "Same as the answer." }, // = 73,856: never a mistake
  ],
  solution: "{{answer}}",
});

describe("regradeWrongAnswers", () => {
  it("counts which declared mistake each wrong answer matches, most frequent first, ties by index", () => {
    const result = regradeWrongAnswers(FIXED, [
      { seed: 1, answer: "73728" }, // mistake 0
      { seed: 2, answer: "576" }, // mistake 1
      { seed: 3, answer: "73,728" }, // mistake 0 (thousands separator)
      { seed: 4, answer: "5" }, // no declared mistake
      { seed: 5, answer: "73792" }, // mistake 2
      { seed: 6, answer: "73.728k" }, // 73,728: mistake 0
      { seed: 7, answer: "73856" }, // correct under the current template: examined, not a mistake
    ]);
    expect(result).toEqual({
      examined: 7,
      matched: 5, // 3 × mistake 0, 1 × mistake 1, 1 × mistake 2
      mistakes: [
        { index: 0, feedback: "You left out the 128 biases.", count: 3 },
        { index: 1, feedback: "That is one filter.", count: 1 },
        { index: 2, feedback: "One bias per output channel, not per input.", count: 1 },
      ],
    });
  });

  it("skips answers it cannot re-grade: no answer, text that no longer parses, a seed with no instance", () => {
    const result = regradeWrongAnswers(FIXED, [
      { seed: 1, answer: null },
      { seed: 2, answer: "seventy" },
      { seed: -1, answer: "73728" }, // seeds are 0..2³²−1: generateInstance throws
      { seed: 3, answer: "576" },
    ]);
    expect(result).toEqual({ examined: 1, matched: 1, mistakes: [{ index: 1, feedback: "That is one filter.", count: 1 }] });
  });

  it("fills a mistake's feedback from the most recent answer it explains (answers come newest first)", () => {
    const template = numericTemplateSchema.parse({
      variables: { c: { choices: [8, 16] } },
      answer: "9 * 64 * c + c",
      tolerance: { type: "exact" },
      unit: "parameters",
      mistakes: [{ when: "9 * 64 * c", feedback: "Add the {{c}} biases." }],
      solution: "{{answer}}",
    });
    // Find a seed drawing c = 8 and one drawing c = 16 (which seed draws which is up to the generator).
    const seeds = Array.from({ length: 64 }, (_, seed) => seed);
    const with8 = seeds.find((seed) => generateInstance(template, seed).values.c === 8);
    const with16 = seeds.find((seed) => generateInstance(template, seed).values.c === 16);
    if (with8 === undefined || with16 === undefined) throw new Error("no seed for one of the choices");
    // 9·64·16 = 9,216 and 9·64·8 = 4,608: both forgot the biases.
    const result = regradeWrongAnswers(template, [
      { seed: with16, answer: "9216" },
      { seed: with8, answer: "4608" },
      { seed: with8, answer: "9216" }, // with c = 8 the answer is 4,616 and the mistake 4,608: 9,216 is neither
    ]);
    expect(result).toEqual({ examined: 3, matched: 2, mistakes: [{ index: 0, feedback: "Add the 16 biases.", count: 2 }] });
  });
});
