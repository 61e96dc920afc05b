import path from "node:path";
import { describe, expect, it } from "vitest";
import { draftFromContent, validateDraft, type QuestionDraft } from "./draft";
import { loadContent } from "./load";
import { questionHash } from "./parse";
import { englishFingerprint, isStale } from "./translations";

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
  translations: { zh: null },
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

describe("validateDraft with a Chinese translation", () => {
  const zh = {
    title: "1×1 卷积做什么？",
    prompt: "请解释。",
    answer: "它在每个像素上混合通道。",
    explanation: "对通道向量做线性映射。",
    choices: [],
    solution: "",
    mistakes: [],
    source: "",
    current: false,
  };

  it("stores a new translation as made from the English it is saved with", () => {
    const result = validateDraft({ ...flashcard, translations: { zh } });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.content.translations.zh).toMatchObject({ title: zh.title, prompt: zh.prompt, source: englishFingerprint(result.content) });
  });

  it("keeps the old source when only the English is edited, so the translation reads as stale", () => {
    const first = validateDraft({ ...flashcard, translations: { zh } });
    if (!first.ok) throw new Error("first save failed");
    const draft = draftFromContent(first.content);
    const edited = validateDraft({ ...draft, answer: "It mixes channels at every pixel, with no spatial extent." });
    if (!edited.ok) throw new Error(JSON.stringify(edited.issues));
    expect(edited.content.translations.zh!.source).toBe(first.content.translations.zh!.source);
    expect(isStale(edited.content, edited.content.translations.zh!)).toBe(true);
    // Confirming the Chinese against the new English makes it current again.
    const confirmed = validateDraft({ ...draft, answer: edited.content.answer, translations: { zh: { ...draft.translations.zh!, current: true } } });
    if (!confirmed.ok) throw new Error(JSON.stringify(confirmed.issues));
    expect(isStale(confirmed.content, confirmed.content.translations.zh!)).toBe(false);
  });

  it("treats an all-empty translation as none", () => {
    const result = validateDraft({ ...flashcard, translations: { zh: { ...zh, title: "", prompt: "", answer: "", explanation: " " } } });
    expect(result.ok && result.content.translations).toEqual({});
  });

  it("reports a half-written translation on the Chinese fields", () => {
    const result = validateDraft({ ...flashcard, translations: { zh: { ...zh, answer: "" } } });
    expect(result.ok ? [] : result.issues.map((issue) => issue.field)).toContain("translations.zh.answer");
  });

  it("reports a translated choice count that differs from the English", () => {
    const mcq: QuestionDraft = {
      ...flashcard,
      kind: "multiple-choice",
      choices: [
        { text: "Mixes channels", correct: true, why: "" },
        { text: "Blurs the image", correct: false, why: "It has no spatial extent." },
      ],
      translations: { zh: { ...zh, choices: [{ text: "混合通道", why: "" }, { text: "模糊图像", why: "它没有空间范围。" }] } },
    };
    const ok = validateDraft(mcq);
    if (!ok.ok) throw new Error(JSON.stringify(ok.issues));
    expect(ok.content.translations.zh!.choices).toEqual([{ text: "混合通道" }, { text: "模糊图像", why: "它没有空间范围。" }]);
    const missingWhy = validateDraft({ ...mcq, translations: { zh: { ...zh, choices: [{ text: "混合通道", why: "" }, { text: "模糊图像", why: "" }] } } });
    expect(missingWhy.ok ? [] : missingWhy.issues.map((issue) => issue.field)).toContain("translations.zh.choices.1.why");
  });
});
