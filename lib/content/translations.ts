/**
 * The bank's second language. English is the source of every question (the columns and sections it always
 * had); a translation adds the same texts in another language: in a content file, a `translations.<lang>` block
 * in the front matter (title, choices, numeric solution and mistake feedback) and `## Prompt (<lang>)`,
 * `## Answer (<lang>)`, `## Explanation (<lang>)` sections; in the database, the `Question.translations` JSON.
 *
 * Keeping translations in sync: each translation records `source`, the fingerprint of the English texts it was
 * made from ({@link englishFingerprint}). When the English changes, the fingerprints differ and the translation
 * is stale: content:check fails on it, the admin editor says so, and learners see it with a marker.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { renderMarkdown } from "../markdown";
import type { NumericTemplate } from "../numeric/schema";
import type { Choice } from "./schema";

/** Languages a question can be translated into (English is the source, never a translation). */
export const TRANSLATION_LANGUAGES = ["zh"] as const;
export type TranslationLanguage = (typeof TRANSLATION_LANGUAGES)[number];
export type QuestionLanguage = "en" | TranslationLanguage;

const FINGERPRINT = /^[0-9a-f]{16}$/;
const text = (max: number) => z.string({ error: "expected text" }).trim().min(1, "expected non-empty text").max(max);

/** What the front matter's `translations.<lang>` block holds (the sections hold prompt, answer, explanation). */
export const translationFrontMatterSchema = z.strictObject({
  source: z.string({ error: "expected the English fingerprint" }).regex(FINGERPRINT, "expected the 16-hex-digit fingerprint of the English (content:check prints it)"),
  title: text(200),
  choices: z.array(z.strictObject({ text: text(1000), why: text(500).optional() }), { error: "expected a list of choices" }).max(6).optional(),
  solution: text(20_000).optional(),
  mistakes: z.array(z.strictObject({ feedback: text(2000) }), { error: "expected a list of mistakes" }).max(20).optional(),
});

export const translationsFrontMatterSchema = z.strictObject({ zh: translationFrontMatterSchema.optional() }, { error: "expected `zh:` with the Chinese texts" });

/** One stored translation: the front matter block plus the three sections. */
export const questionTranslationSchema = translationFrontMatterSchema.extend({
  prompt: text(20_000),
  answer: text(20_000),
  explanation: text(20_000),
});
export type QuestionTranslation = z.infer<typeof questionTranslationSchema>;

export const questionTranslationsSchema = z.strictObject({ zh: questionTranslationSchema.optional() });
export type QuestionTranslations = z.infer<typeof questionTranslationsSchema>;

/** The stored JSON as translations; anything unreadable counts as no translation (never breaks a page). */
export function readTranslations(value: unknown): QuestionTranslations {
  const parsed = questionTranslationsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
}

/** The English texts a translation renders; everything else (key, tags, template maths) is shared. */
export interface EnglishTexts {
  title: string;
  prompt: string;
  answer: string;
  explanation: string;
  choices: Choice[] | null;
  template: Pick<NumericTemplate, "solution" | "mistakes"> | null;
}

/**
 * A short fingerprint (16 hex digits of SHA-256) of the English texts a translation covers. Editing tags, the
 * difficulty or a template's numbers leaves it unchanged; editing any sentence changes it.
 */
export function englishFingerprint(english: EnglishTexts): string {
  const texts = {
    title: english.title,
    prompt: english.prompt,
    answer: english.answer,
    explanation: english.explanation,
    choices: (english.choices ?? []).map((choice) => [choice.text, choice.why ?? null]),
    solution: english.template?.solution ?? null,
    mistakes: (english.template?.mistakes ?? []).map((mistake) => mistake.feedback),
  };
  return createHash("sha256").update(JSON.stringify(texts)).digest("hex").slice(0, 16);
}

export function isStale(english: EnglishTexts, translation: Pick<QuestionTranslation, "source">): boolean {
  return translation.source !== englishFingerprint(english);
}

/** What must survive translation unchanged: placeholders, formula delimiters, code spans, table rows, images. */
function markers(markdown: string): Record<string, string> {
  const placeholders = [...markdown.matchAll(/\{\{\s*[\w.]+\s*\}\}/g)].map((m) => m[0].replace(/\s+/g, "")).sort();
  const displayMath = (markdown.match(/\$\$/g) ?? []).length;
  const inlineMath = (markdown.replace(/\$\$/g, "").match(/\$/g) ?? []).length;
  const code = [...markdown.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!).sort();
  const fences = (markdown.match(/^```/gm) ?? []).length;
  const tableRows = (markdown.match(/^\s*\|.*\|\s*$/gm) ?? []).length;
  const images = (markdown.match(/!\[[^\]]*\]\([^)]*\)/g) ?? []).map((image) => image.replace(/!\[[^\]]*\]/, "")).sort();
  return {
    placeholders: placeholders.join(" "),
    "$$ count": String(displayMath),
    "$ count": String(inlineMath),
    "code spans": code.join(" | "),
    "code fences": String(fences),
    "table rows": String(tableRows),
    images: images.join(" "),
  };
}

/** Literal asterisks left in the rendered text: emphasis that did not render. */
function strayAsterisks(markdown: string): number {
  // Rendering is the slow part of checking a bank: only text with an asterisk can have one left over.
  if (!markdown.includes("*")) return 0;
  // Formulas become a letter first: KaTeX is most of the rendering time, and `*` inside maths is not emphasis.
  const withoutMath = markdown.replace(/\$\$[\s\S]*?\$\$/g, "M").replace(/\$[^$\n]+\$/g, "M");
  const rendered = renderMarkdown(withoutMath).replace(/<(code|pre|math|annotation)[\s\S]*?<\/\1>/g, "").replace(/<[^>]+>/g, "");
  return (rendered.match(/\*/g) ?? []).length;
}

/** A translation problem, on the translated field it concerns (`title`, `choices.1.why`, `mistakes.0.feedback`…). */
export interface TranslationProblem {
  field: string;
  message: string;
}

function compare(field: string, english: string, translated: string, problems: TranslationProblem[]): void {
  // CommonMark does not close `**` that follows punctuation and precedes a letter: `**结论：**文字` shows the
  // asterisks. Chinese has no space after punctuation, so the punctuation goes outside: `**结论**：文字`.
  if (strayAsterisks(translated) > strayAsterisks(english)) {
    problems.push({ field, message: "emphasis that does not render (asterisks left in the text; put punctuation outside the asterisks, e.g. **结论**：)" });
  }
  const want = markers(english);
  const got = markers(translated);
  for (const name of Object.keys(want)) {
    if (want[name] !== got[name]) problems.push({ field, message: `${name} differ from the English (English: ${want[name] || "none"}; translation: ${got[name] || "none"})` });
  }
}

/**
 * Everything that makes a translation unusable for its English question: a missing or extra choice, solution or
 * mistake, and any placeholder, formula delimiter, code span, table row or image that differs. Staleness is
 * reported separately ({@link isStale}): a stale translation is still well-formed.
 */
export function translationProblems(english: EnglishTexts, translation: QuestionTranslation): TranslationProblem[] {
  const problems: TranslationProblem[] = [];
  compare("title", english.title, translation.title, problems);
  compare("prompt", english.prompt, translation.prompt, problems);
  compare("answer", english.answer, translation.answer, problems);
  compare("explanation", english.explanation, translation.explanation, problems);

  const choices = english.choices ?? [];
  const translatedChoices = translation.choices ?? [];
  if (choices.length !== translatedChoices.length) {
    problems.push({ field: "choices", message: `expected ${choices.length} translated choices (as in English), found ${translatedChoices.length}` });
  }
  choices.forEach((choice, index) => {
    const other = translatedChoices[index];
    if (!other) return;
    compare(`choices.${index}.text`, choice.text, other.text, problems);
    if (Boolean(choice.why) !== Boolean(other.why)) {
      problems.push({ field: `choices.${index}.why`, message: choice.why ? "expected a translated `why` (the English choice has one)" : "the English choice has no `why`" });
    } else if (choice.why && other.why) {
      compare(`choices.${index}.why`, choice.why, other.why, problems);
    }
  });

  const template = english.template;
  if (template) {
    if (!translation.solution) problems.push({ field: "solution", message: "expected the translated solution (numeric question)" });
    else compare("solution", template.solution, translation.solution, problems);
    const mistakes = template.mistakes ?? [];
    const translatedMistakes = translation.mistakes ?? [];
    if (mistakes.length !== translatedMistakes.length) {
      problems.push({ field: "mistakes", message: `expected ${mistakes.length} translated mistakes (as in the template), found ${translatedMistakes.length}` });
    }
    mistakes.forEach((mistake, index) => {
      const other = translatedMistakes[index];
      if (other) compare(`mistakes.${index}.feedback`, mistake.feedback, other.feedback, problems);
    });
  } else {
    if (translation.solution) problems.push({ field: "solution", message: "only numeric questions have a solution" });
    if (translation.mistakes) problems.push({ field: "mistakes", message: "only numeric questions have mistakes" });
  }
  return problems;
}

/** A question's texts in the language it is shown in, and what the learner should know about that. */
export interface LocalizedTexts {
  title: string;
  prompt: string;
  answer: string;
  explanation: string;
  choices: Choice[] | null;
  /** The template with its solution and mistake feedback in the shown language (numbers unchanged). */
  template: NumericTemplate | null;
  /** The language the texts are in. */
  language: QuestionLanguage;
  /** True when the wanted language has no translation and English is shown instead. */
  fallback: boolean;
  /** True when the translation was made from an older English version. */
  stale: boolean;
}

export interface TranslatableQuestion {
  title: string;
  prompt: string;
  answer: string;
  explanation: string;
  choices: Choice[] | null;
  template: NumericTemplate | null;
  translations: QuestionTranslations;
}

/**
 * The question in `language`: the translation's texts over the English ones, choice by choice and mistake by
 * mistake (correctness, `when` expressions and every number stay the English question's). A missing
 * translation falls back to English with `fallback` set.
 */
export function localizeQuestion(question: TranslatableQuestion, language: QuestionLanguage): LocalizedTexts {
  const english: LocalizedTexts = {
    title: question.title,
    prompt: question.prompt,
    answer: question.answer,
    explanation: question.explanation,
    choices: question.choices,
    template: question.template,
    language: "en",
    fallback: false,
    stale: false,
  };
  if (language === "en") return english;
  const translation = question.translations[language];
  if (!translation) return { ...english, fallback: true };
  return {
    title: translation.title,
    prompt: translation.prompt,
    answer: translation.answer,
    explanation: translation.explanation,
    choices: question.choices?.map((choice, index) => {
      const translated = translation.choices?.[index];
      return translated ? { ...choice, text: translated.text, ...(choice.why ? { why: translated.why ?? choice.why } : {}) } : choice;
    }) ?? null,
    template: question.template
      ? {
          ...question.template,
          solution: translation.solution ?? question.template.solution,
          mistakes: question.template.mistakes.map((mistake, index) => ({ ...mistake, feedback: translation.mistakes?.[index]?.feedback ?? mistake.feedback })),
        }
      : null,
    language,
    fallback: false,
    stale: isStale(question, translation),
  };
}
