import { describe, expect, it } from "vitest";
import { validateDraft, type QuestionDraft, type TranslationDraft } from "@/lib/content/draft";
import {
  addedOrigin,
  alignTranslation,
  emptyTranslation,
  englishTextsKey,
  movedOrigin,
  otherTranslationIssues,
  rearrange,
  removedOrigin,
  templateTexts,
  translationIssueCount,
  unchangedOrigin,
} from "./translation-draft";

const zh: TranslationDraft = {
  title: "1×1 卷积做什么？",
  prompt: "请解释。",
  answer: "它在每个像素上混合通道。",
  explanation: "对通道向量做线性映射。",
  choices: [
    { text: "混合通道", why: "" },
    { text: "模糊图像", why: "它没有空间范围。" },
    { text: "缩小图像", why: "步幅为 1。" },
  ],
  solution: "",
  mistakes: [],
  source: "",
  current: false,
};

const mcq: QuestionDraft = {
  key: "one-by-one",
  deck: "cnn",
  kind: "multiple-choice",
  title: "What does a 1×1 convolution do?",
  tags: [],
  difficulty: 2,
  choices: [
    { text: "Mixes channels", correct: true, why: "" },
    { text: "Blurs the image", correct: false, why: "It has no spatial extent." },
    { text: "Shrinks the image", correct: false, why: "The stride is 1." },
  ],
  templateYaml: "",
  prompt: "Explain.",
  answer: "It mixes channels at every pixel.",
  explanation: "A linear map of the channel vector.",
  translations: { zh },
};

const TEMPLATE = `variables:
  c: { choices: [16, 32] }
answer: "c * c + c"
tolerance: { type: exact }
unit: parameters
mistakes:
  - when: "c * c"
    feedback: "You left out the biases."
  - when: "c"
    feedback: "Only the biases."
solution: "{{c}}·{{c}} + {{c}} = {{answer}}"
`;

const numeric: QuestionDraft = { ...mcq, kind: "numeric", choices: [], templateYaml: TEMPLATE, translations: { zh: { ...zh, choices: [], solution: "{{c}}·{{c}} + {{c}} = {{answer}}", mistakes: [{ feedback: "你漏掉了偏置。" }, { feedback: "只有偏置。" }] } } };

const texts = (draft: QuestionDraft) => draft.translations.zh!.choices.map((choice) => choice.text);
const feedback = (draft: QuestionDraft) => draft.translations.zh!.mistakes.map((mistake) => mistake.feedback);

describe("list origins", () => {
  it("describes moves, removals and additions by the old index of each item", () => {
    expect(unchangedOrigin(3)).toEqual([0, 1, 2]);
    expect(movedOrigin(3, 0, 1)).toEqual([1, 0, 2]);
    expect(movedOrigin(3, 2, -1)).toEqual([0, 2, 1]);
    expect(movedOrigin(3, 0, -1)).toEqual([0, 1, 2]);
    expect(removedOrigin(3, 1)).toEqual([0, 2]);
    expect(addedOrigin(2)).toEqual([0, 1, null]);
    expect(rearrange(["a", "b", "c"], [2, null, 0], () => "new")).toEqual(["c", "new", "a"]);
  });
});

describe("alignTranslation", () => {
  it("moves a translated choice with its English choice", () => {
    const origin = movedOrigin(3, 2, -1);
    const next = alignTranslation({ ...mcq, choices: rearrange(mcq.choices, origin, () => ({ text: "", correct: false, why: "" })) }, { choices: origin });
    expect(texts(next)).toEqual(["混合通道", "缩小图像", "模糊图像"]);
  });

  it("removes the translation of a removed English choice, at the same index", () => {
    const origin = removedOrigin(3, 1);
    const next = alignTranslation({ ...mcq, choices: rearrange(mcq.choices, origin, () => ({ text: "", correct: false, why: "" })) }, { choices: origin });
    expect(texts(next)).toEqual(["混合通道", "缩小图像"]);
    expect(validateDraft(next).ok).toBe(true);
  });

  it("adds an empty translated choice for a new English choice, which the validation then asks for", () => {
    const origin = addedOrigin(3);
    const next = alignTranslation({ ...mcq, choices: [...mcq.choices, { text: "Adds padding", correct: false, why: "No." }] }, { choices: origin });
    expect(next.translations.zh!.choices).toEqual([...zh.choices, { text: "", why: "" }]);
    const result = validateDraft(next);
    expect(result.ok ? [] : result.issues.map((issue) => issue.field)).toContain("translations.zh.choices.3.text");
  });

  it("makes the translated choices as many as the English ones when they were not", () => {
    const short = alignTranslation({ ...mcq, translations: { zh: { ...zh, choices: zh.choices.slice(0, 1) } } });
    expect(texts(short)).toEqual(["混合通道", "", ""]);
  });

  it("leaves a draft without a translation alone", () => {
    const none = { ...mcq, translations: { zh: null } };
    expect(alignTranslation(none, { choices: removedOrigin(3, 0) })).toBe(none);
  });

  it("follows the template's mistakes: removed by the form, added while typing YAML, kept when the YAML is unreadable", () => {
    expect(validateDraft(numeric).ok).toBe(true);
    const oneMistake = TEMPLATE.replace('  - when: "c * c"\n    feedback: "You left out the biases."\n', "");
    expect(feedback(alignTranslation({ ...numeric, templateYaml: oneMistake }, { mistakes: removedOrigin(2, 0) }))).toEqual(["只有偏置。"]);
    const threeMistakes = TEMPLATE.replace("solution:", '  - when: "2 * c"\n    feedback: "Doubled."\nsolution:');
    expect(feedback(alignTranslation({ ...numeric, templateYaml: threeMistakes }))).toEqual(["你漏掉了偏置。", "只有偏置。", ""]);
    expect(feedback(alignTranslation({ ...numeric, templateYaml: "variables: [" }))).toEqual(["你漏掉了偏置。", "只有偏置。"]);
  });

  it("never drops written feedback when typed YAML reads as fewer mistakes, only empty entries at the end", () => {
    const oneMistake = TEMPLATE.replace('  - when: "c"\n    feedback: "Only the biases."\n', "");
    expect(feedback(alignTranslation({ ...numeric, templateYaml: oneMistake }))).toEqual(["你漏掉了偏置。", "只有偏置。"]);
    const withEmpty = { ...numeric, translations: { zh: { ...numeric.translations.zh!, mistakes: [{ feedback: "你漏掉了偏置。" }, { feedback: " " }] } } };
    expect(feedback(alignTranslation({ ...withEmpty, templateYaml: oneMistake }))).toEqual(["你漏掉了偏置。"]);
  });
});

describe("templateTexts and emptyTranslation", () => {
  it("reads the solution and each mistake's feedback, or null for unreadable YAML", () => {
    expect(templateTexts(TEMPLATE)).toEqual({ solution: "{{c}}·{{c}} + {{c}} = {{answer}}", mistakes: ["You left out the biases.", "Only the biases."] });
    expect(templateTexts("answer: c")).toEqual({ solution: "", mistakes: [] });
    expect(templateTexts("variables: [")).toBeNull();
    expect(templateTexts("mistakes: 3")).toBeNull();
  });

  it("starts a translation with one entry per English choice and mistake", () => {
    expect(emptyTranslation(mcq).choices).toHaveLength(3);
    expect(emptyTranslation(numeric).mistakes).toEqual([{ feedback: "" }, { feedback: "" }]);
    expect(emptyTranslation(numeric)).toMatchObject({ title: "", source: "", current: false });
  });
});

describe("englishTextsKey", () => {
  it("changes with the English sentences, not with tags, difficulty or template numbers", () => {
    const key = englishTextsKey(numeric);
    expect(englishTextsKey({ ...numeric, tags: ["cnn"], difficulty: 4, templateYaml: TEMPLATE.replace("[16, 32]", "[8, 64]") })).toBe(key);
    expect(englishTextsKey({ ...numeric, answer: "Another answer." })).not.toBe(key);
    expect(englishTextsKey({ ...numeric, templateYaml: TEMPLATE.replace("Only the biases.", "Just the biases.") })).not.toBe(key);
    expect(englishTextsKey({ ...mcq, choices: [...mcq.choices].reverse() })).not.toBe(englishTextsKey(mcq));
  });
});

describe("translation issues", () => {
  it("counts every translation problem and lists those no translated input shows", () => {
    const errors = {
      title: ["expected a title"],
      "translations.zh.title": ["emphasis"],
      "translations.zh.choices": ["expected 3 translated choices"],
      "translations.zh.choices.1.why": ["expected a translated `why`"],
      "translations.zh.mistakes.0.feedback": ["placeholders differ"],
      "translations.zh": ["expected the sections"],
      "translations.zh.source": ["expected the fingerprint"],
    };
    expect(translationIssueCount(errors)).toBe(6);
    expect(otherTranslationIssues(errors)).toEqual(["expected the sections", "source: expected the fingerprint"]);
  });
});
