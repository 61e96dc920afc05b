/**
 * The bank in two languages through the services the study and practice pages call: a learner studying in
 * Chinese gets the Chinese texts of the same question (same correctness, same numbers), English with a marker
 * when there is no translation, a stale marker once the English changes, and any card in the other language.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedQuestionBank } from "@/lib/bank/seed";
import { loadContent } from "@/lib/content/load";
import { englishFingerprint } from "@/lib/content/translations";
import { getDeckWithQuestions, parseDeckFilters } from "@/lib/bank/queries";
import { serveNumericQuestion, submitNumericAnswer } from "@/lib/practice/numeric";
import { cardInLanguage } from "@/lib/study/card-language";
import { checkChoice, getNextStudyCard } from "@/lib/study/service";
import { loadStudySettings } from "@/lib/study/settings";
import { saveUserLocale } from "@/lib/users/locale";
import { clearQuestionBank, createUser, expectAppError, testDb } from "./helpers";

const db = testDb();
let dir = "";

const NUMERIC_ENGLISH = {
  title: "Parameters of a 3×3 convolution",
  prompt: "A convolution has {{k}}×{{k}} kernels, {{c_in}} input channels and {{c_out}} output channels, with bias. How many parameters?",
  answer: "{{answer}} parameters.",
  explanation: "Each output channel has one k×k×c_in filter and one bias.",
  choices: null,
  template: { solution: "$$ {{k}} \\cdot {{k}} \\cdot {{c_in}} \\cdot {{c_out}} + {{c_out}} = {{answer}} $$", mistakes: [{ when: "w", feedback: "You left out the {{c_out}} biases." }] },
};

const NUMERIC = `---
key: it-lang-num
deck: it-lang-num
kind: numeric
title: ${NUMERIC_ENGLISH.title}
tags: [parameter-count]
difficulty: 2
template:
  variables:
    k: { choices: [3] }
    c_in: { choices: [32, 64] }
    c_out: { choices: [128] }
    w: { derive: "k * k * c_in * c_out" }
  answer: "convParams({kernel: k, inChannels: c_in, outChannels: c_out})"
  tolerance: { type: exact }
  unit: parameters
  mistakes:
    - when: "w"
      feedback: "You left out the {{c_out}} biases."
  solution: |
    $$ {{k}} \\cdot {{k}} \\cdot {{c_in}} \\cdot {{c_out}} + {{c_out}} = {{answer}} $$
translations:
  zh:
    source: ${englishFingerprint(NUMERIC_ENGLISH)}
    title: 3×3 卷积的参数量
    solution: |
      $$ {{k}} \\cdot {{k}} \\cdot {{c_in}} \\cdot {{c_out}} + {{c_out}} = {{answer}} $$
    mistakes:
      - feedback: "你漏掉了 {{c_out}} 个偏置。"
---
## Prompt
${NUMERIC_ENGLISH.prompt}

## Answer
${NUMERIC_ENGLISH.answer}

## Explanation
${NUMERIC_ENGLISH.explanation}

## Prompt (zh)
一个卷积层使用 {{k}}×{{k}} 卷积核，有 {{c_in}} 个输入通道和 {{c_out}} 个输出通道，带偏置。共有多少个参数？

## Answer (zh)
{{answer}} 个参数。

## Explanation (zh)
每个输出通道有一个 k×k×c_in 的滤波器和一个偏置。
`;

const CHOICE_ENGLISH = {
  title: "What does a 1×1 convolution mix?",
  prompt: "Pick one.",
  answer: "Channels.",
  explanation: "It is a linear map over the channel vector at each pixel.",
  choices: [{ text: "Channels", correct: true }, { text: "Neighbouring pixels", why: "Its window is a single pixel." }],
  template: null,
};

const CHOICE = `---
key: it-lang-choice
deck: it-lang-choice
kind: multiple-choice
title: ${CHOICE_ENGLISH.title}
tags: []
difficulty: 1
choices:
  - text: Channels
    correct: true
  - text: Neighbouring pixels
    why: Its window is a single pixel.
translations:
  zh:
    source: ${englishFingerprint(CHOICE_ENGLISH)}
    title: 1×1 卷积混合的是什么？
    choices:
      - text: 通道
      - text: 相邻像素
        why: 它的窗口只有一个像素。
---
## Prompt
${CHOICE_ENGLISH.prompt}

## Answer
${CHOICE_ENGLISH.answer}

## Explanation
${CHOICE_ENGLISH.explanation}

## Prompt (zh)
选一个。

## Answer (zh)
通道。

## Explanation (zh)
它在每个像素上对通道向量做线性映射。
`;

const PLAIN = `---
key: it-lang-plain
deck: it-lang-plain
kind: flashcard
title: Why do residual connections help?
tags: []
difficulty: 1
---
## Prompt
Why?

## Answer
Gradients flow through the identity path.

## Explanation
The identity adds one to the Jacobian.
`;

const DECKS = `- slug: it-lang-num
  title: Numeric
  order: 1
  translations:
    zh:
      title: 数值题
- slug: it-lang-choice
  title: Choice
  order: 2
- slug: it-lang-plain
  title: Plain
  order: 3
`;

async function learner() {
  const { user } = await createUser(db);
  return { id: user.id, settings: await loadStudySettings(db, user.id) };
}

async function nextCard(userId: string, deck: string, language: "en" | "zh") {
  const settings = await loadStudySettings(db, userId);
  const result = await getNextStudyCard(db, userId, settings, new Date(), deck, language);
  if (result.done) throw new Error(`no card in ${deck}`);
  return result.card;
}

/** The numbers of a prompt, in order: what must be the same in both languages. */
function numbers(text: string): number[] {
  return [...text.matchAll(/\d[\d,]*/g)].map((match) => Number(match[0].replaceAll(",", "")));
}

beforeAll(async () => {
  await clearQuestionBank(db);
  dir = await mkdtemp(path.join(tmpdir(), "receptive-languages-"));
  await writeFile(path.join(dir, "decks.yml"), DECKS);
  for (const [deck, text] of [["it-lang-num", NUMERIC], ["it-lang-choice", CHOICE], ["it-lang-plain", PLAIN]] as const) {
    await mkdir(path.join(dir, deck));
    await writeFile(path.join(dir, deck, `${deck}.md`), text);
  }
  const content = await loadContent(dir);
  expect(content.issues).toEqual([]);
  await seedQuestionBank(db, content);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await clearQuestionBank(db);
});

describe("studying in Chinese", () => {
  it("serves the Chinese texts and deck title, and says the card has both languages", async () => {
    const { id } = await learner();
    const card = await nextCard(id, "it-lang-choice", "zh");
    expect(card).toMatchObject({ title: "1×1 卷积混合的是什么？", prompt: "选一个。", choices: ["通道", "相邻像素"], language: "zh", fallback: false, stale: false, bilingual: true });
    // A numeric card: Chinese title and deck title, and current (its template is part of the fingerprint).
    expect(await nextCard(id, "it-lang-num", "zh")).toMatchObject({ title: "3×3 卷积的参数量", deckTitle: "数值题", stale: false, bilingual: true });
    // The deck without a Chinese title keeps its English one.
    expect(card.deckTitle).toBe("Choice");
  });

  it("falls back to English, marked, for a question without a translation", async () => {
    const { id } = await learner();
    expect(await nextCard(id, "it-lang-plain", "zh")).toMatchObject({ title: "Why do residual connections help?", language: "en", fallback: true, bilingual: false });
    expect(await nextCard(id, "it-lang-plain", "en")).toMatchObject({ language: "en", fallback: false });
  });

  it("grades a choice the same in both languages, with the reason in the learner's language", async () => {
    const questionId = (await db.question.findUniqueOrThrow({ where: { key: "it-lang-choice" } })).id;
    const chinese = await checkChoice(db, questionId, 1, "zh");
    const english = await checkChoice(db, questionId, 1, "en");
    expect(chinese).toEqual({ correct: false, correctIndexes: [0], why: [null, "它的窗口只有一个像素。"] });
    expect(english).toEqual({ correct: false, correctIndexes: [0], why: [null, "Its window is a single pixel."] });
  });

  it("serves a numeric instance in Chinese with the numbers of the English, and Chinese mistake feedback", async () => {
    const { id } = await learner();
    const questionId = (await db.question.findUniqueOrThrow({ where: { key: "it-lang-num" } })).id;
    const chinese = await serveNumericQuestion(db, id, questionId, 7, "zh");
    const english = await serveNumericQuestion(db, id, questionId, 7, "en");
    expect(chinese.prompt).toContain("个输入通道");
    expect(numbers(chinese.prompt)).toEqual(numbers(english.prompt));
    // Forgetting the biases: 3·3·c_in·128, the template's mistake. c_in is in the prompt.
    const cIn = numbers(english.prompt)[2]!;
    expect([32, 64]).toContain(cIn);
    const result = await submitNumericAnswer(db, id, { attemptId: chinese.attemptId, answer: String(9 * cIn * 128) }, new Date(), "zh");
    expect(result).toMatchObject({ ok: true, verdict: "mistake", feedback: "你漏掉了 128 个偏置。", correctAnswer: 9 * cIn * 128 + 128 });
  });
});

describe("the deck page's search", () => {
  it("finds a question by its Chinese title for a Chinese reader, and only by English for an English one", async () => {
    const { id } = await learner();
    const chinese = await getDeckWithQuestions(db, "it-lang-choice", parseDeckFilters({ q: "混合" }), id, "zh");
    expect(chinese?.questions.map((question) => question.key)).toEqual(["it-lang-choice"]);
    const english = await getDeckWithQuestions(db, "it-lang-choice", parseDeckFilters({ q: "混合" }), id, "en");
    expect(english?.questions).toEqual([]);
    const byEnglishTitle = await getDeckWithQuestions(db, "it-lang-choice", parseDeckFilters({ q: "1×1 convolution" }), id, "zh");
    expect(byEnglishTitle?.questions.map((question) => question.key)).toEqual(["it-lang-choice"]);
  });
});

describe("a card in the other language", () => {
  it("gives the same numbers and, once answered, the grading in that language", async () => {
    const { id } = await learner();
    const questionId = (await db.question.findUniqueOrThrow({ where: { key: "it-lang-num" } })).id;
    const served = await serveNumericQuestion(db, id, questionId, 11, "zh");
    const english = await cardInLanguage(db, id, { questionId, language: "en", attemptId: served.attemptId });
    expect(english.numeric!.prompt).toContain("input channels");
    expect(numbers(english.numeric!.prompt)).toEqual(numbers(served.prompt));
    expect(english.numeric!.graded).toBeNull();
    const cIn = numbers(served.prompt)[2]!;
    await submitNumericAnswer(db, id, { attemptId: served.attemptId, answer: String(9 * cIn * 128) }, new Date(), "zh");
    const graded = await cardInLanguage(db, id, { questionId, language: "en", attemptId: served.attemptId });
    expect(graded.numeric!.graded).toMatchObject({ feedback: "You left out the 128 biases." });
  });

  it("refuses another learner's attempt and an unknown language", async () => {
    const owner = await learner();
    const other = await learner();
    const questionId = (await db.question.findUniqueOrThrow({ where: { key: "it-lang-num" } })).id;
    const served = await serveNumericQuestion(db, owner.id, questionId, 3, "en");
    expect((await expectAppError(cardInLanguage(db, other.id, { questionId, language: "zh", attemptId: served.attemptId }))).code).toBe("NOT_FOUND");
    expect((await expectAppError(cardInLanguage(db, owner.id, { questionId, language: "fr", attemptId: served.attemptId }))).code).toBe("VALIDATION");
  });
});

describe("keeping translations in sync", () => {
  it("marks the translation stale when an admin edits the English, and current again when the source is updated", async () => {
    const { id } = await learner();
    const question = await db.question.findUniqueOrThrow({ where: { key: "it-lang-choice" } });
    await db.question.update({ where: { id: question.id }, data: { answer: "Channels, at every pixel." } });
    try {
      expect(await nextCard(id, "it-lang-choice", "zh")).toMatchObject({ title: "1×1 卷积混合的是什么？", stale: true });
      const translations = question.translations as { zh: Record<string, unknown> };
      const source = englishFingerprint({ ...CHOICE_ENGLISH, answer: "Channels, at every pixel." });
      await db.question.update({ where: { id: question.id }, data: { translations: { zh: { ...translations.zh, source } } } });
      expect(await nextCard(id, "it-lang-choice", "zh")).toMatchObject({ stale: false });
    } finally {
      await db.question.update({ where: { id: question.id }, data: { answer: question.answer, translations: question.translations as object } });
    }
  });
});

describe("the learner's language", () => {
  it("is saved on the account and refused when it is not one of the three", async () => {
    const { id } = await learner();
    expect(await saveUserLocale(db, id, "zh-Hant")).toBe("zh-Hant");
    expect((await db.user.findUniqueOrThrow({ where: { id } })).locale).toBe("zh-Hant");
    expect((await expectAppError(saveUserLocale(db, id, "zh-CN"))).code).toBe("VALIDATION");
    expect((await db.user.findUniqueOrThrow({ where: { id } })).locale).toBe("zh-Hant");
  });
});
