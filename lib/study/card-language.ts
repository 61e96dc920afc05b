/**
 * One card in a chosen language, for "show this card in the other language": the same question (and for a
 * numeric card the same served numbers, re-derived from the attempt's seed) with the texts of that language.
 * Reading only: nothing is graded, served or stored.
 */
import { z } from "zod";
import type { Db } from "@/lib/db-client";
import { readStoredChoices } from "@/lib/bank/stored";
import { visibleDecks } from "@/lib/bank/visibility";
import { localizeQuestion, readTranslations, type QuestionLanguage } from "@/lib/content/translations";
import { AppError } from "@/lib/errors";
import { checkAnswer, fillPlaceholders, generateInstance, parseLearnerAnswer, renderSolution } from "@/lib/numeric";
import { localizeNumeric } from "@/lib/practice/numeric";
import { parseOrThrow } from "@/lib/validation/parse";

export const cardInLanguageSchema = z.strictObject({
  questionId: z.string().min(1).max(64),
  language: z.enum(["en", "zh"], { error: "Choose English or Chinese." }),
  /** A numeric card: the served attempt whose numbers the prompt shows. */
  attemptId: z.string().min(1).max(64).optional(),
});

export interface CardInLanguage {
  language: QuestionLanguage;
  fallback: boolean;
  stale: boolean;
  title: string;
  /** Markdown; empty for a numeric card (its prompt is `numeric.prompt`). */
  prompt: string;
  answer: string;
  explanation: string;
  choices: Array<{ text: string; why: string | null }>;
  numeric: {
    prompt: string;
    /** Present once the attempt was answered: what the grading showed, in this language. */
    graded: { feedback: string | null; solution: string; explanation: string } | null;
  } | null;
}

export async function cardInLanguage(db: Db, userId: string, input: unknown): Promise<CardInLanguage> {
  const { questionId, language, attemptId } = parseOrThrow(cardInLanguageSchema, input);
  const question = await db.question.findFirst({
    where: { id: questionId, status: "ACTIVE", deck: visibleDecks(userId) },
    select: { key: true, kind: true, title: true, prompt: true, answer: true, explanation: true, choices: true, template: true, translations: true },
  });
  if (!question) throw new AppError("NOT_FOUND", "That question is not available.");

  if (question.kind === "NUMERIC") {
    const attempt = attemptId ? await db.numericAttempt.findFirst({ where: { id: attemptId, userId, questionId }, select: { seed: true, answerGiven: true } }) : null;
    if (!attempt) throw new AppError("NOT_FOUND", "This question has expired. Load a new one.");
    const shown = localizeNumeric(question, language);
    const instance = generateInstance(shown.template, attempt.seed);
    const values = { ...instance.values, answer: instance.answer };
    let graded: NonNullable<CardInLanguage["numeric"]>["graded"] = null;
    if (attempt.answerGiven !== null) {
      const parsed = parseLearnerAnswer(attempt.answerGiven, shown.template.unit);
      const check = parsed.ok ? checkAnswer(shown.template, instance, parsed.value) : null;
      graded = {
        feedback: check?.verdict === "mistake" ? check.feedback : null,
        solution: renderSolution(shown.template, instance),
        explanation: fillPlaceholders(shown.explanation, values),
      };
    }
    return {
      language: shown.language,
      fallback: shown.fallback,
      stale: shown.stale,
      title: shown.title,
      prompt: "",
      answer: "",
      explanation: "",
      choices: [],
      numeric: { prompt: fillPlaceholders(shown.prompt, instance.values), graded },
    };
  }

  const shown = localizeQuestion({ ...question, choices: readStoredChoices(question.choices), template: null, translations: readTranslations(question.translations) }, language);
  return {
    language: shown.language,
    fallback: shown.fallback,
    stale: shown.stale,
    title: shown.title,
    prompt: shown.prompt,
    answer: shown.answer,
    explanation: shown.explanation,
    choices: (shown.choices ?? []).map((choice) => ({ text: choice.text, why: choice.why ?? null })),
    numeric: null,
  };
}
