import { describe, expect, it } from "vitest";
import type { QuestionDraft } from "@/lib/content/draft";
import { PREVIEW_SEEDS, previewDraft, tryAnswer } from "./question-preview";

// One possible instance (k = 3, c = 16), so every number below is a hand calculation:
// parameters = 3·3·16·16 + 16 = 2,304 + 16 = 2,320; forgetting the biases gives 2,304.
const numeric: QuestionDraft = {
  key: "preview-conv",
  deck: "cnn-fundamentals",
  kind: "numeric",
  title: "Parameters of a convolution",
  tags: [],
  difficulty: 2,
  choices: [],
  templateYaml: [
    "variables:",
    "  k: { choices: [3] }",
    "  c: { choices: [16] }",
    'answer: "k * k * c * c + c"',
    "tolerance: { type: exact }",
    "unit: parameters",
    "mistakes:",
    '  - when: "k * k * c * c"',
    '    feedback: "You left out the {{c}} biases."',
    'solution: "{{k}}·{{k}}·{{c}}·{{c}} + {{c}} = {{answer}}"',
  ].join("\n"),
  prompt: "A {{k}}×{{k}} convolution from {{c}} to {{c}} channels with biases: how many parameters?",
  answer: "$k^2 c^2 + c$",
  explanation: "Weights plus one bias per output channel.",
  translations: { zh: null },
};

describe("previewDraft", () => {
  it("renders a valid numeric draft with ten instances, their answers and worked solutions", () => {
    const preview = previewDraft(numeric);
    expect(preview.issues).toEqual([]);
    expect(preview.instances).toHaveLength(PREVIEW_SEEDS.length);
    const first = preview.instances![0]!;
    expect(first.answerText).toBe("2,320");
    expect(first.promptHtml).toContain("from 16 to 16 channels");
    expect(first.solutionHtml).toContain("2,320");
    expect(preview.html.answer).toContain("katex");
  });

  it("still renders the sections of an invalid draft, with its problems and no instances", () => {
    // An answer that divides by zero is never a finite number, so no instance can be drawn.
    const preview = previewDraft({ ...numeric, templateYaml: 'variables:\n  k: { choices: [3] }\n  c: { choices: [16] }\nanswer: "k / 0"\ntolerance: { type: exact }\nunit: none\nsolution: "x"' });
    expect(preview.instances).toBeNull();
    expect(preview.issues.map((issue) => issue.field)).toEqual(["template"]);
    expect(preview.html.explanation).toContain("Weights plus one bias");
    expect(previewDraft({ ...numeric, title: "" }).issues.map((issue) => issue.field)).toEqual(["title"]);
  });

  it("sanitises admin Markdown exactly like content: no script, no event handler, no javascript: URL", () => {
    const hostile = '<script>alert(1)</script> <img src=x onerror="alert(2)"> [link](javascript:alert(3))';
    const preview = previewDraft({ ...numeric, kind: "multiple-choice", prompt: hostile, answer: hostile, choices: [{ text: hostile, correct: true, why: hostile }] });
    for (const html of [preview.html.prompt, preview.html.answer, preview.choices[0]!.html, preview.choices[0]!.whyHtml]) {
      expect(html).not.toMatch(/<script|onerror|href="javascript:/i);
    }
  });
});

describe("tryAnswer", () => {
  it("grades like the learners' checker: correct, a known mistake with its feedback, or incorrect", () => {
    expect(tryAnswer({ draft: numeric, seed: 1, answer: "2320" })).toMatchObject({ ok: true, verdict: "correct", correctAnswer: "2,320" });
    expect(tryAnswer({ draft: numeric, seed: 1, answer: "2,304" })).toMatchObject({ ok: true, verdict: "mistake", feedback: "You left out the 16 biases." });
    expect(tryAnswer({ draft: numeric, seed: 1, answer: "5" })).toMatchObject({ ok: true, verdict: "incorrect" });
  });

  it("explains unreadable input and refuses to grade an invalid template", () => {
    expect(tryAnswer({ draft: numeric, seed: 1, answer: "two thousand" })).toMatchObject({ ok: false });
    expect(tryAnswer({ draft: { ...numeric, templateYaml: "nonsense: [" }, seed: 1, answer: "1" })).toEqual({ ok: false, message: expect.stringMatching(/Fix the template/) });
  });
});
