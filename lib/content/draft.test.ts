import path from "node:path";
import { describe, expect, it } from "vitest";
import { draftFromContent, validateDraft, type QuestionDraft } from "./draft";
import { loadContent } from "./load";
import { questionHash } from "./parse";

const flashcard: QuestionDraft = {
  key: "draft-question",
  deck: "cnn-fundamentals",
  kind: "flashcard",
  title: "What does a 1×1 convolution do?",
  tags: ["convolution"],
  difficulty: 2,
  choices: [],
  templateYaml: "",
  prompt: "Explain it.",
  answer: "It mixes channels at every pixel.",
  explanation: "A linear map over the channel vector.",
};

const numericTemplate = [
  "variables:",
  "  k: { choices: [3, 5] }",
  "  c: { range: [8, 64], step: 8 }",
  'answer: "k * k * c * c + c"',
  "tolerance: { type: exact }",
  "unit: parameters",
  "solution: \"{{k}}·{{k}}·{{c}}·{{c}} + {{c}} = {{answer}}\"",
].join("\n");

const numeric: QuestionDraft = { ...flashcard, kind: "numeric", templateYaml: numericTemplate, prompt: "A {{k}}×{{k}} conv with {{c}} in and out channels: parameters?" };

function fields(draft: QuestionDraft): string[] {
  const result = validateDraft(draft);
  return result.ok ? [] : result.issues.map((issue) => issue.field);
}

describe("validateDraft", () => {
  it("accepts a valid flashcard and returns its content", () => {
    const result = validateDraft(flashcard);
    expect(result).toMatchObject({ ok: true, content: { key: "draft-question", kind: "flashcard", choices: null, template: null, prompt: "Explain it." } });
  });

  it("reports every problem on the field it belongs to", () => {
    expect(fields({ ...flashcard, title: " ", key: "Not A Key", difficulty: 9, prompt: "" })).toEqual(expect.arrayContaining(["key", "title", "difficulty", "prompt"]));
  });

  it("refuses a level-2 heading inside a section (it would end the section in the file) but allows one in a code fence", () => {
    expect(fields({ ...flashcard, answer: "Intro\n## Details\nmore" })).toEqual(["answer"]);
    expect(fields({ ...flashcard, answer: "```md\n## not a heading here\n```" })).toEqual([]);
    expect(fields({ ...flashcard, answer: "### A sub-heading is fine" })).toEqual([]);
  });

  it("applies the multiple-choice rules: one right choice, a reason on every wrong one", () => {
    const base = { ...flashcard, kind: "multiple-choice" as const };
    expect(fields({ ...base, choices: [{ text: "a", correct: true, why: "" }, { text: "b", correct: false, why: "b is wrong because…" }] })).toEqual([]);
    expect(fields({ ...base, choices: [{ text: "a", correct: false, why: "x" }, { text: "b", correct: false, why: "y" }] })).toEqual(["choices"]);
    expect(fields({ ...base, choices: [{ text: "a", correct: true, why: "" }, { text: "b", correct: false, why: " " }] })).toEqual(["choices.1.why"]);
  });

  it("accepts a numeric template whose instances can be drawn", () => {
    const result = validateDraft(numeric);
    expect(result.ok).toBe(true);
    if (result.ok) expect(Object.keys(result.content.template!.variables)).toEqual(["k", "c"]);
  });

  it("refuses a template that cannot satisfy its constraints, one whose answer throws, and invalid YAML", () => {
    // c is at most 64, so c > 100 can never hold.
    expect(fields({ ...numeric, templateYaml: numericTemplate.replace("answer:", 'constraints: ["c > 100"]\nanswer:') })).toContain("template");
    // An unknown function makes the answer expression fail to compile.
    expect(fields({ ...numeric, templateYaml: numericTemplate.replace('"k * k * c * c + c"', '"nosuch(k)"') })).toContain("template");
    expect(fields({ ...numeric, templateYaml: "variables: [unclosed" })).toEqual(["template"]);
    expect(fields({ ...numeric, templateYaml: "" })).toEqual(["template"]);
  });

  it("refuses {{answer}} in the prompt of a numeric question", () => {
    expect(fields({ ...numeric, prompt: "The answer is {{answer}}." })).toEqual(["prompt"]);
  });

  it("gives back every question of the real bank unchanged through the editor (draft → validate)", async () => {
    const content = await loadContent(path.resolve("content"));
    for (const question of content.questions) {
      const result = validateDraft(draftFromContent(question));
      if (!result.ok) throw new Error(`${question.key}: ${JSON.stringify(result.issues)}`);
      expect(questionHash(result.content)).toBe(question.hash);
    }
  });
});
