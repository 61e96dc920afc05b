import { describe, expect, it } from "vitest";
import { numericTemplateSchema } from "./index";

const valid = {
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
  mistakes: [{ when: "k * k * c_in * c_out", feedback: "You left out the biases." }],
  solution: "$$ {{k}}^2 \\cdot {{c_in}} \\cdot {{c_out}} + {{c_out}} = {{answer}} $$",
};

/** `path: message` for every issue, as content authors see them. */
function issues(input: unknown): string[] {
  const result = numericTemplateSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".") || "template"}: ${issue.message}`);
}

function withVariables(variables: Record<string, unknown>): unknown {
  return { ...valid, variables };
}

describe("numericTemplateSchema", () => {
  it("accepts the README example, keeping variable order and filling defaults", () => {
    const minimal: Record<string, unknown> = { ...valid };
    delete minimal.constraints;
    delete minimal.mistakes;
    const parsed = numericTemplateSchema.parse(minimal);
    expect(Object.keys(parsed.variables)).toEqual(["k", "c_in", "c_out", "weights"]);
    expect(parsed.constraints).toEqual([]);
    expect(parsed.mistakes).toEqual([]);
    expect(parsed.variables.c_in).toEqual({ range: [16, 256], step: 16 });
    // The parsed value is plain JSON of the same shape, so a stored copy parses again to the same value.
    expect(numericTemplateSchema.parse(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
  });

  it("a missing or non-mapping block", () => {
    expect(issues(undefined)).toEqual(["template: numeric questions need a `template:` block"]);
    expect(issues("k: 3")).toEqual(["template: expected `template:` to be a mapping"]);
  });

  it("missing required fields", () => {
    expect(issues({ variables: valid.variables })).toEqual([
      'answer: expected an expression in quotes, e.g. "k * k * c_in"',
      "tolerance: missing: expected a tolerance such as { type: exact } or { type: relative, value: 0.01 }",
      "unit: expected `unit` to be one of parameters, elements, MACs, FLOPs, bytes, bits, KB, MB, GB, KiB, MiB, GiB, pixels, FPS, ms, seconds, percent, ratio, none",
      "solution: expected `solution`: a worked solution in Markdown (use `solution: |` for several lines)",
    ]);
  });

  it("variable names: the pattern, `answer` and other reserved names", () => {
    expect(issues(withVariables({ "1x": { choices: [1] }, "c-in": { choices: [1] } }))).toEqual([
      "variables.1x: expected a variable name: a letter, then letters, digits or _",
      "variables.c-in: expected a variable name: a letter, then letters, digits or _",
    ]);
    expect(issues(withVariables({ answer: { choices: [1] }, pi: { choices: [1] }, min: { choices: [1] }, end: { choices: [1] } }))).toEqual([
      "variables.answer: `answer` is reserved (it is the answer's placeholder)",
      "variables.pi: `pi` is reserved (a constant, keyword or function name)",
      "variables.min: `min` is reserved (a constant, keyword or function name)",
      "variables.end: `end` is reserved (a constant, keyword or function name)",
    ]);
    expect(issues(withVariables({}))).toEqual(["variables: expected at least one variable"]);
  });

  it("variable kinds: exactly one of choices, range, derive", () => {
    expect(issues(withVariables({ a: {} }))).toEqual(["variables.a: expected one of `choices`, `range` or `derive`"]);
    expect(issues(withVariables({ a: { choices: [1], derive: "2" } }))).toEqual([
      "variables.a: expected only one of `choices`, `range` or `derive`, got `choices` and `derive`",
    ]);
    expect(issues(withVariables({ a: 3 }))).toEqual([
      'variables.a: expected { choices: [...] }, { range: [lo, hi], step } or { derive: "expression" }',
    ]);
    expect(issues(withVariables({ a: { choices: [1], step: 2 } }))).toEqual(["variables.a.step: `step` goes with `range` only"]);
  });

  it("choices: a non-empty list of finite numbers", () => {
    expect(issues(withVariables({ a: { choices: [] } }))).toEqual(["variables.a.choices: expected at least one choice"]);
    expect(issues(withVariables({ a: { choices: [1, "two"] } }))).toEqual(["variables.a.choices.1: expected every choice to be a number"]);
    expect(issues(withVariables({ a: { choices: 3 } }))).toEqual(["variables.a.choices: expected `choices` to be a list of numbers, e.g. [1, 3, 5]"]);
  });

  it("range: integers, lo <= hi, step > 0 dividing hi - lo, bounded count", () => {
    expect(issues(withVariables({ a: { range: [5, 1] } }))).toEqual(["variables.a.range: expected lo <= hi in `range`, got [5, 1]"]);
    expect(issues(withVariables({ a: { range: [1.5, 4] } }))).toEqual(["variables.a.range.0: expected lo (a whole number)"]);
    expect(issues(withVariables({ a: { range: [1, 10], step: 0 } }))).toEqual(["variables.a.step: expected step >= 1"]);
    expect(issues(withVariables({ a: { range: [1, 10], step: 2 } }))).toEqual([
      "variables.a.range: expected hi - lo (9) to be a multiple of step (2), so both ends can be drawn",
    ]);
    expect(issues(withVariables({ a: { range: [0, 1_000_000] } }))).toEqual(["variables.a.range: expected at most 1000000 values in `range`"]);
    expect(issues(withVariables({ a: { range: [0, 999_999] } }))).toEqual([]);
    expect(issues(withVariables({ a: { range: 3 } }))).toEqual(["variables.a.range: expected `range` to be [lo, hi] with whole numbers, both inclusive"]);
  });

  it("expressions must be non-empty strings", () => {
    expect(issues({ ...valid, answer: 42 })).toEqual(['answer: expected an expression in quotes, e.g. "k * k * c_in"']);
    expect(issues({ ...valid, answer: "  " })).toEqual(["answer: expected a non-empty expression"]);
    expect(issues(withVariables({ a: { derive: "" } }))).toEqual(["variables.a.derive: expected a non-empty expression"]);
    expect(issues({ ...valid, constraints: "c_out >= c_in" })).toEqual([
      'constraints: expected `constraints` to be a list of expressions such as "c_out >= c_in"',
    ]);
  });

  it("tolerance is discriminated by type", () => {
    expect(issues({ ...valid, tolerance: { type: "fuzzy" } })).toEqual(["tolerance.type: expected `type` to be exact, absolute, relative or sigfigs"]);
    expect(issues({ ...valid, tolerance: { type: "relative" } })).toEqual([
      "tolerance.value: expected `value`: the largest allowed relative difference, e.g. 0.01 for 1 %",
    ]);
    expect(issues({ ...valid, tolerance: { type: "relative", value: 5 } })).toEqual(["tolerance.value: expected a value <= 1 (0.01 means 1 %)"]);
    expect(issues({ ...valid, tolerance: { type: "absolute", value: 0 } })).toEqual(["tolerance.value: expected a value > 0"]);
    expect(issues({ ...valid, tolerance: { type: "sigfigs", value: 0 } })).toEqual(["tolerance.value: expected 1 to 15 significant figures"]);
    expect(issues({ ...valid, tolerance: { type: "sigfigs", value: 2.5 } })).toEqual([
      "tolerance.value: expected the number of significant figures (a whole number)",
    ]);
    expect(issues({ ...valid, tolerance: { type: "exact", value: 1 } }).map((issue) => issue.split(":")[0])).toEqual(["tolerance"]);
  });

  it("unit, mistakes and solution", () => {
    expect(issues({ ...valid, unit: "furlongs" })[0]).toMatch(/^unit: expected `unit` to be one of parameters, elements, /);
    expect(issues({ ...valid, mistakes: [{ when: "k" }] })).toEqual(["mistakes.0.feedback: expected `feedback`: what the learner probably did wrong"]);
    expect(issues({ ...valid, mistakes: ["k"] })).toEqual(['mistakes.0: expected { when: "expression", feedback: "text" }']);
    expect(issues({ ...valid, solution: "" })).toEqual(["solution: expected a non-empty solution"]);
  });

  it("unknown fields are reported (strict)", () => {
    const result = numericTemplateSchema.safeParse({ ...valid, tolerence: { type: "exact" } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.code, issue.path])).toEqual([["unrecognized_keys", []]]);
  });
});
