"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { serverMessageTranslator } from "@/app/server-messages";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { GENERIC_ERROR_MESSAGE, isAppError } from "@/lib/errors";
import { renderMarkdown } from "@/lib/markdown";
import { questionLanguageForRequest } from "@/app/content-language";
import { pickNumericQuestion, serveNumericQuestion, submitNumericAnswer } from "@/lib/practice/numeric";

export interface PracticeItem {
  attemptId: string;
  questionKey: string;
  deckSlug: string;
  title: string;
  promptHtml: string;
  unit: string;
  /** The learner's language has no translation of this question (English shown), or an outdated one. */
  fallback?: boolean;
  stale?: boolean;
}

export type NextItemResult = { ok: true; item: PracticeItem } | { ok: false; message: string };

export type SubmitResult =
  | { ok: false; message: string; counted: false }
  | {
      ok: true;
      verdict: "correct" | "mistake" | "incorrect";
      feedbackHtml: string | null;
      correctAnswerText: string;
      unit: string;
      solutionHtml: string;
      explanationHtml: string;
    };

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(100);
const nextItemSchema = z.strictObject({
  deck: slug.optional(),
  /** A specific question (the question page's "try it"); otherwise a random one from the deck. */
  questionKey: slug.optional(),
  exclude: z.array(z.string().max(100)).max(50).default([]),
});

function assetBase(deckSlug: string) {
  return { assetBaseUrl: `/content-assets/${deckSlug}/` };
}

export async function nextPracticeItemAction(input: unknown): Promise<NextItemResult> {
  const user = await getCurrentUser();
  const t = await getTranslations("practice.errors");
  if (!user) return { ok: false, message: t("sessionEnded") };
  const parsed = nextItemSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: t("invalidRequest") };
  try {
    const db = getDb();
    const question = await pickNumericQuestion(db, { deckSlug: parsed.data.deck, key: parsed.data.questionKey, exclude: parsed.data.exclude });
    if (!question) return { ok: false, message: t("noNumericQuestions") };
    const { language, script } = await questionLanguageForRequest();
    const served = await serveNumericQuestion(db, user.id, question.id, undefined, language);
    return {
      ok: true,
      item: {
        attemptId: served.attemptId,
        questionKey: served.questionKey,
        deckSlug: served.deckSlug,
        title: script(served.title, served.language),
        promptHtml: renderMarkdown(script(served.prompt, served.language), assetBase(served.deckSlug)),
        unit: served.unit,
        fallback: served.fallback,
        stale: served.stale,
      },
    };
  } catch (error) {
    const translate = await serverMessageTranslator();
    if (isAppError(error)) return { ok: false, message: translate.message(error.message) };
    console.error("serving a numeric question failed", error);
    return { ok: false, message: translate.message(GENERIC_ERROR_MESSAGE) };
  }
}

export async function submitPracticeAnswerAction(input: unknown): Promise<SubmitResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, counted: false, message: (await getTranslations("practice.errors"))("sessionEnded") };
  try {
    const { language, script } = await questionLanguageForRequest();
    const result = await submitNumericAnswer(getDb(), user.id, input, undefined, language);
    // The answer checker explains an unreadable answer in English (lib/); the server catalogue translates it.
    if (!result.ok) return { ok: false, counted: false, message: (await serverMessageTranslator()).message(result.message) };
    return {
      ok: true,
      verdict: result.verdict,
      feedbackHtml: result.feedback ? renderMarkdown(script(result.feedback, language)) : null,
      correctAnswerText: result.correctAnswerText,
      unit: result.unit,
      solutionHtml: renderMarkdown(script(result.solution, language)),
      explanationHtml: renderMarkdown(script(result.explanation, language)),
    };
  } catch (error) {
    const translate = await serverMessageTranslator();
    if (isAppError(error)) return { ok: false, counted: false, message: translate.message(error.message) };
    console.error("checking a numeric answer failed", error);
    return { ok: false, counted: false, message: translate.message(GENERIC_ERROR_MESSAGE) };
  }
}
