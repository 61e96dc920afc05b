import { describe, expect, it } from "vitest";
import { parseQuestionFile } from "./parse";
import { serializeQuestionFile } from "./serialize";
import { englishFingerprint, localizeQuestion, readTranslations, translationProblems, type EnglishTexts } from "./translations";

const ENGLISH_BODY = `## Prompt
How many weights does a $3 \\times 3$ convolution from {{c}} to {{c}} channels have?

## Answer
$9 \\cdot {{c}}^2 = {{answer}}$.

## Explanation
Each output channel sees every input channel through a $3 \\times 3$ window.
`;

const CHINESE_BODY = `## Prompt (zh)
一个从 {{c}} 个通道到 {{c}} 个通道的 $3 \\times 3$ 卷积有多少个权重？

## Answer (zh)
$9 \\cdot {{c}}^2 = {{answer}}$。

## Explanation (zh)
每个输出通道都通过 $3 \\times 3$ 窗口看到所有输入通道。
`;

const TEMPLATE = `template:
  variables:
    c: { choices: [16, 32] }
  answer: "9 * c ^ 2"
  tolerance: { type: exact }
  unit: parameters
  mistakes:
    - when: "9 * c"
      feedback: "You counted one input channel only."
  solution: |
    $9 \\cdot {{c}}^2 = {{answer}}$.
`;

function numericFile(translationBlock: string, body = ENGLISH_BODY + "\n" + CHINESE_BODY): string {
  return `---
key: cf-num-test
deck: cnn-fundamentals
kind: numeric
title: Weights of a 3×3 convolution
tags: [parameter-count]
difficulty: 2
${TEMPLATE}${translationBlock}---
${body}`;
}

const english: EnglishTexts = {
  title: "Weights of a 3×3 convolution",
  prompt: "How many weights does a $3 \\times 3$ convolution from {{c}} to {{c}} channels have?",
  answer: "$9 \\cdot {{c}}^2 = {{answer}}$.",
  explanation: "Each output channel sees every input channel through a $3 \\times 3$ window.",
  choices: null,
  template: { solution: "$9 \\cdot {{c}}^2 = {{answer}}$.", mistakes: [{ when: "9 * c", feedback: "You counted one input channel only." }] },
};

const block = (source = englishFingerprint(english)) => `translations:
  zh:
    source: ${source}
    title: 3×3 卷积的权重数
    solution: |
      $9 \\cdot {{c}}^2 = {{answer}}$。
    mistakes:
      - feedback: "你只算了一个输入通道。"
`;

describe("translated question files", () => {
  it("reads the translation block and the (zh) sections", () => {
    const { question, issues } = parseQuestionFile("cnn-fundamentals/cf-num-test.md", numericFile(block()));
    expect(issues).toEqual([]);
    expect(question!.translations.zh).toEqual({
      source: englishFingerprint(english),
      title: "3×3 卷积的权重数",
      solution: "$9 \\cdot {{c}}^2 = {{answer}}$。",
      mistakes: [{ feedback: "你只算了一个输入通道。" }],
      prompt: "一个从 {{c}} 个通道到 {{c}} 个通道的 $3 \\times 3$ 卷积有多少个权重？",
      answer: "$9 \\cdot {{c}}^2 = {{answer}}$。",
      explanation: "每个输出通道都通过 $3 \\times 3$ 窗口看到所有输入通道。",
    });
    // The English is untouched by the translation.
    expect(question!.prompt).toBe(english.prompt);
  });

  it("writes the translation back out and reads the same question and hash", () => {
    const { question } = parseQuestionFile("cnn-fundamentals/cf-num-test.md", numericFile(block()));
    const again = parseQuestionFile("cnn-fundamentals/cf-num-test.md", serializeQuestionFile(question!));
    expect(again.issues).toEqual([]);
    expect(again.question!.translations).toEqual(question!.translations);
    expect(again.question!.hash).toBe(question!.hash);
  });

  it("changes the hash when only the translation changes (so the seed updates it)", () => {
    const one = parseQuestionFile("cnn-fundamentals/cf-num-test.md", numericFile(block())).question!;
    const other = parseQuestionFile("cnn-fundamentals/cf-num-test.md", numericFile(block().replace("3×3 卷积的权重数", "3×3 卷积有几个权重"))).question!;
    expect(other.hash).not.toBe(one.hash);
  });

  it("refuses sections without a translation block, and a block without sections", () => {
    const noBlock = parseQuestionFile("cnn-fundamentals/cf-num-test.md", numericFile(""));
    expect(noBlock.question).toBeNull();
    expect(noBlock.issues.map((issue) => issue.field)).toContain("translations.zh");
    const noSections = parseQuestionFile("cnn-fundamentals/cf-num-test.md", numericFile(block(), ENGLISH_BODY));
    expect(noSections.question).toBeNull();
    expect(noSections.issues[0]!.message).toContain("## Prompt (zh)");
  });

  it("refuses a translation with only some of its sections, or out of order", () => {
    const partial = parseQuestionFile("cnn-fundamentals/cf-num-test.md", numericFile(block(), ENGLISH_BODY + "\n" + CHINESE_BODY.split("## Answer (zh)")[0]));
    expect(partial.issues.map((issue) => issue.field)).toEqual(expect.arrayContaining(["Answer (zh)", "Explanation (zh)"]));
    const swapped = CHINESE_BODY.replace("## Prompt (zh)", "## TEMP").replace("## Answer (zh)", "## Prompt (zh)").replace("## TEMP", "## Answer (zh)");
    const outOfOrder = parseQuestionFile("cnn-fundamentals/cf-num-test.md", numericFile(block(), ENGLISH_BODY + "\n" + swapped));
    expect(outOfOrder.issues.map((issue) => issue.field)).toContain("body");
  });

  it("reports a placeholder the translation lost, on the translated section", () => {
    const body = ENGLISH_BODY + "\n" + CHINESE_BODY.replace("一个从 {{c}} 个通道", "一个从 c 个通道");
    const { question, issues } = parseQuestionFile("cnn-fundamentals/cf-num-test.md", numericFile(block(), body));
    expect(question).toBeNull();
    expect(issues).toEqual([expect.objectContaining({ field: "Prompt (zh)", message: expect.stringContaining("placeholders differ") })]);
  });

  it("reports a mistake count that differs from the template's", () => {
    const { issues } = parseQuestionFile("cnn-fundamentals/cf-num-test.md", numericFile(block().replace(/    mistakes:\n.*\n/, "")));
    expect(issues).toEqual([expect.objectContaining({ field: "translations.zh.mistakes", message: "expected 1 translated mistakes (as in the template), found 0" })]);
  });

  it("accepts a stale translation that no longer matches the English, as long as it can be shown", () => {
    // Made from other English (source differs): a dropped formula is no longer an error, the staleness is.
    const stale = block("0123456789abcdef");
    const body = ENGLISH_BODY + "\n" + CHINESE_BODY.replace("$3 \\times 3$ 窗口", "3×3 窗口");
    const accepted = parseQuestionFile("cnn-fundamentals/cf-num-test.md", numericFile(stale, body));
    expect(accepted.issues).toEqual([]);
    expect(accepted.question!.translations.zh!.source).toBe("0123456789abcdef");
    // A placeholder the template does not have would break the card, stale or not.
    const broken = parseQuestionFile("cnn-fundamentals/cf-num-test.md", numericFile(stale, ENGLISH_BODY + "\n" + CHINESE_BODY.replace("{{answer}}$。", "{{total}}$。")));
    expect(broken.issues).toEqual([expect.objectContaining({ field: "Answer (zh)", message: expect.stringContaining("total") })]);
  });

  it("refuses a source that is not a fingerprint", () => {
    const { issues } = parseQuestionFile("cnn-fundamentals/cf-num-test.md", numericFile(block("abc")));
    expect(issues[0]).toEqual(expect.objectContaining({ field: "translations.zh.source" }));
  });
});

describe("englishFingerprint", () => {
  it("changes with any English sentence and ignores what a translation does not cover", () => {
    const base = englishFingerprint(english);
    expect(base).toMatch(/^[0-9a-f]{16}$/);
    expect(englishFingerprint({ ...english, explanation: english.explanation + " Biases add one per channel." })).not.toBe(base);
    expect(englishFingerprint({ ...english, template: { ...english.template!, mistakes: [{ when: "9 * c", feedback: "Other words." }] } })).not.toBe(base);
    // The template's numbers (the `when` expression) are not text a translator renders.
    expect(englishFingerprint({ ...english, template: { ...english.template!, mistakes: [{ when: "3 * c", feedback: "You counted one input channel only." }] } })).toBe(base);
  });
});

describe("translationProblems", () => {
  it("accepts a faithful translation and reports emphasis that would not render", () => {
    const translation = {
      source: englishFingerprint(english),
      title: "3×3 卷积的权重数",
      prompt: "一个从 {{c}} 个通道到 {{c}} 个通道的 $3 \\times 3$ 卷积有多少个权重？",
      answer: "$9 \\cdot {{c}}^2 = {{answer}}$。",
      explanation: "每个输出通道都通过 $3 \\times 3$ 窗口看到所有输入通道。",
      solution: "$9 \\cdot {{c}}^2 = {{answer}}$。",
      mistakes: [{ feedback: "你只算了一个输入通道。" }],
    };
    expect(translationProblems(english, translation)).toEqual([]);
    const broken = { ...translation, explanation: "**结论：**每个输出通道看到所有输入通道。" };
    expect(translationProblems({ ...english, explanation: "**Conclusion:** every output channel sees every input channel." }, broken)).toEqual([
      expect.objectContaining({ field: "explanation", message: expect.stringContaining("emphasis") }),
    ]);
  });
});

describe("localizeQuestion", () => {
  const choices = [
    { text: "Nine", correct: true },
    { text: "Three", why: "That is one row of the kernel." },
  ];
  const question = {
    title: "Kernel size",
    prompt: "How many weights per channel?",
    answer: "Nine.",
    explanation: "3 × 3.",
    choices,
    template: null,
    translations: readTranslations({
      zh: {
        source: englishFingerprint({ title: "Kernel size", prompt: "How many weights per channel?", answer: "Nine.", explanation: "3 × 3.", choices, template: null }),
        title: "卷积核大小",
        prompt: "每个通道有多少个权重？",
        answer: "九个。",
        explanation: "3 × 3。",
        choices: [{ text: "九" }, { text: "三", why: "那只是卷积核的一行。" }],
      },
    }),
  };

  it("shows the translation with the English question's correctness", () => {
    const zh = localizeQuestion(question, "zh");
    expect(zh).toMatchObject({ title: "卷积核大小", language: "zh", fallback: false, stale: false });
    expect(zh.choices).toEqual([
      { text: "九", correct: true },
      { text: "三", why: "那只是卷积核的一行。" },
    ]);
  });

  it("falls back to English, marked, when there is no translation", () => {
    const shown = localizeQuestion({ ...question, translations: {} }, "zh");
    expect(shown).toMatchObject({ title: "Kernel size", language: "en", fallback: true });
  });

  it("marks a translation stale once the English changes", () => {
    expect(localizeQuestion({ ...question, answer: "Nine weights." }, "zh")).toMatchObject({ title: "卷积核大小", stale: true });
  });

  it("treats unreadable stored JSON as no translation", () => {
    expect(readTranslations({ zh: { title: "缺少其他字段" } })).toEqual({});
    expect(readTranslations(null)).toEqual({});
  });
});
