import { describe, expect, it } from "vitest";
import { parseQuestionFile } from "./parse";

const numeric = `---
key: cf-num-conv-params
deck: cnn-fundamentals
kind: numeric
title: Parameters of a convolution layer
tags: [parameter-count]
difficulty: 2
template:
  variables:
    k: { choices: [1, 3, 5, 7] }
    c_in: { range: [16, 256], step: 16 }
    c_out: { choices: [32, 64, 128] }
  constraints:
    - "c_out >= c_in"
  answer: "convParams({kernel: k, inChannels: c_in, outChannels: c_out})"
  tolerance: { type: exact }
  unit: parameters
  mistakes:
    - when: "k * k * c_in * c_out"
      feedback: "You left out the biases: every one of the {{c_out}} filters has one."
  solution: |
    $$ {{k}}^2 \\cdot {{c_in}} \\cdot {{c_out}} + {{c_out}} = {{answer}} $$
---
## Prompt
How many parameters does a {{k}}×{{k}} convolution from {{c_in}} to {{c_out}} channels have, biases included?

## Answer
{{answer}} parameters.

## Explanation
Each filter has $k^2 c_{in}$ weights and one bias.
`;

function issuesOf(text: string) {
  return parseQuestionFile("cnn-fundamentals/x.md", text).issues.map((issue) => `${issue.field}@${issue.line ?? "-"}: ${issue.message}`);
}

describe("parseQuestionFile: numeric questions", () => {
  it("parses the template with its defaults", () => {
    const { question, issues } = parseQuestionFile("cnn-fundamentals/cf-num-conv-params.md", numeric);
    expect(issues).toEqual([]);
    expect(question?.kind).toBe("numeric");
    expect(question?.template).toMatchObject({
      variables: { k: { choices: [1, 3, 5, 7] }, c_in: { range: [16, 256], step: 16 }, c_out: { choices: [32, 64, 128] } },
      constraints: ["c_out >= c_in"],
      tolerance: { type: "exact" },
      unit: "parameters",
    });
    expect(question?.choices).toBeNull();
  });

  it("reports shape problems of the template at their field and line", () => {
    expect(issuesOf(numeric.replace("unit: parameters", "unit: furlongs"))).toEqual([
      "template.unit@17: expected `unit` to be one of parameters, elements, MACs, FLOPs, bytes, bits, KB, MB, GB, KiB, MiB, GiB, pixels, FPS, ms, seconds, percent, ratio, none",
    ]);
    expect(issuesOf(numeric.replace("tolerance: { type: exact }", "tolerance: { type: exactly }"))).toEqual([
      "template.tolerance.type@16: expected `type` to be exact, absolute, relative or sigfigs",
    ]);
    expect(issuesOf(numeric.replace("    k: { choices: [1, 3, 5, 7] }", "    k: { choices: [] }"))).toEqual([
      "template.variables.k.choices@10: expected at least one choice",
    ]);
    expect(issuesOf(numeric.replace("  unit: parameters", "  unit: parameters\n  units: bytes"))).toEqual([
      "template.units@18: unknown field (check its spelling)",
    ]);
  });

  it("reports template validation problems on `template` and placeholder problems on their section", () => {
    const broken = numeric
      .replace('answer: "convParams({kernel: k, inChannels: c_in, outChannels: c_out})"', 'answer: "convParams({kernel: k, inChannels: c_in, outChannels: c_outt})"')
      .replace("biases included?", "biases included? ({{answer}})")
      .replace("{{answer}} parameters.", "{{answer}} parameters for {{kk}}.");
    expect(issuesOf(broken)).toEqual([
      "template@8: answer: unknown name `c_outt` (known variables here: k, c_in, c_out)",
      "Prompt@-: {{answer}} must not appear here: it would give the answer away",
      "Answer@-: {{kk}} is not a variable (known: k, c_in, c_out, answer)",
    ]);
    expect(parseQuestionFile("cnn-fundamentals/x.md", broken).question).toBeNull();
  });

  it("reports constraints that cannot be met", () => {
    expect(issuesOf(numeric.replace('"c_out >= c_in"', '"c_out > 1000"'))).toEqual([
      "template@8: constraints could not be satisfied in 200 draws (in 50 of 50 samples, first with seed 1)",
    ]);
  });

  it("keeps the clear message for a missing template", () => {
    const withoutTemplate = numeric.replace(/template:[\s\S]*?\n---/, "---");
    expect(issuesOf(withoutTemplate)).toEqual(["template@-: numeric questions need a `template:` block"]);
  });

  it("does not look for placeholders in flashcards", () => {
    const flashcard = numeric.replace("kind: numeric", "kind: flashcard").replace(/template:[\s\S]*?\n---/, "---");
    expect(issuesOf(flashcard)).toEqual([]);
  });
});
