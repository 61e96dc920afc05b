"use server";

import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { recordGoalsMetAfterReview } from "@/lib/groups/goals";
import { GENERIC_ERROR_MESSAGE, isAppError } from "@/lib/errors";
import { renderInlineMarkdown, renderMarkdown } from "@/lib/markdown";
import { adoptBrowserTimeZone, loadStudySettings } from "@/lib/study/settings";
import { serverMessageTranslator } from "@/app/server-messages";
import { getTranslations } from "next-intl/server";
import { questionLanguageForRequest } from "@/app/content-language";
import { cardInLanguage } from "@/lib/study/card-language";
import type { QuestionLanguage } from "@/lib/content/translations";
import { checkChoice, dueByEndOfTomorrow, getNextStudyCard, setCardSuspended, submitReview, undoLastReview, type ChoiceCheck, type ReviewOutcome } from "@/lib/study/service";
import { z } from "zod";

type Failure = { ok: false; message: string; code?: string };

export interface StudyCardView {
  questionId: string;
  questionKey: string;
  deckSlug: string;
  deckTitle: string;
  kind: "FLASHCARD" | "MULTIPLE_CHOICE" | "NUMERIC";
  queueKind: "new" | "learning" | "review";
  title: string;
  promptHtml: string;
  answerHtml: string;
  explanationHtml: string;
  choicesHtml: string[];
  numeric: { attemptId: string; promptHtml: string; unit: string } | null;
  /** The language the texts are in; `fallback` when the learner's language has no translation (English shown). */
  language: QuestionLanguage;
  fallback: boolean;
  /** The translation was made from an older English version. */
  stale: boolean;
  /** The question has both languages: the card can be flipped. */
  bilingual: boolean;
  cardVersion: string;
  intervals: Record<1 | 2 | 3 | 4, string>;
  remaining: { new: number; learning: number; review: number };
}

export type NextCardResponse =
  | { ok: true; done: false; card: StudyCardView }
  | { ok: true; done: true; nextLearningDue: string | null; dueTomorrow: number }
  | Failure;

const deckSchema = z.object({ deck: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(100).optional() });

/**
 * Runs an action body for the logged-in user, turning rule violations into messages (in the learner's language)
 * and hiding internals.
 */
async function asUser<T>(body: (userId: string) => Promise<T>): Promise<T | Failure> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, code: "UNAUTHENTICATED", message: (await getTranslations("study"))("errors.sessionEnded") };
  try {
    return await body(user.id);
  } catch (error) {
    const translate = await serverMessageTranslator();
    if (isAppError(error)) return { ok: false, code: error.code, message: translate.message(error.message) };
    console.error("study action failed", error);
    return { ok: false, message: translate.message(GENERIC_ERROR_MESSAGE) };
  }
}

async function invalidRequest(): Promise<Failure> {
  return { ok: false, message: (await getTranslations("study"))("errors.invalidRequest") };
}

export async function nextStudyCardAction(input: unknown): Promise<NextCardResponse> {
  return asUser(async (userId) => {
    const parsed = deckSchema.safeParse(input ?? {});
    if (!parsed.success) return invalidRequest();
    const db = getDb();
    const settings = await loadStudySettings(db, userId);
    const { language, script } = await questionLanguageForRequest();
    const result = await getNextStudyCard(db, userId, settings, new Date(), parsed.data.deck, language);
    if (result.done) {
      const dueTomorrow = await dueByEndOfTomorrow(db, userId, settings, new Date());
      return { ok: true, done: true, nextLearningDue: result.nextLearningDue?.toISOString() ?? null, dueTomorrow } as const;
    }
    const card = result.card;
    const markdown = (source: string) => renderMarkdown(script(source, card.language), { assetBaseUrl: `/content-assets/${card.deckSlug}/` });
    return {
      ok: true,
      done: false,
      card: {
        questionId: card.questionId,
        questionKey: card.questionKey,
        deckSlug: card.deckSlug,
        deckTitle: script(card.deckTitle, language),
        kind: card.kind,
        queueKind: card.queueKind,
        title: script(card.title, card.language),
        // Numeric cards show their served instance; the raw prompt has placeholders.
        promptHtml: card.kind === "NUMERIC" ? "" : markdown(card.prompt),
        answerHtml: card.kind === "NUMERIC" ? "" : markdown(card.answer),
        explanationHtml: card.kind === "NUMERIC" ? "" : markdown(card.explanation),
        choicesHtml: card.choices.map((choice) => renderInlineMarkdown(script(choice, card.language))),
        numeric: card.numeric ? { attemptId: card.numeric.attemptId, promptHtml: markdown(card.numeric.prompt), unit: card.numeric.unit } : null,
        language: card.language,
        fallback: card.fallback,
        stale: card.stale,
        bilingual: card.bilingual,
        cardVersion: card.cardVersion,
        intervals: card.intervals,
        remaining: card.remaining,
      },
    } as const;
  });
}

export type ChoiceResponse = ({ ok: true } & Omit<ChoiceCheck, "why"> & { whyHtml: Array<string | null> }) | Failure;

export async function checkChoiceAction(input: unknown): Promise<ChoiceResponse> {
  return asUser(async () => {
    const parsed = z
      .object({ questionId: z.string().min(1).max(64), choiceIndex: z.number().int().min(0).max(10), language: z.enum(["en", "zh"]).optional() })
      .safeParse(input);
    if (!parsed.success) return invalidRequest();
    // The reasons come in the language the card is shown in (the learner may have flipped it).
    const { language, script } = await questionLanguageForRequest();
    const shown = parsed.data.language ?? language;
    const result = await checkChoice(getDb(), parsed.data.questionId, parsed.data.choiceIndex, shown);
    return {
      ok: true,
      correct: result.correct,
      correctIndexes: result.correctIndexes,
      whyHtml: result.why.map((why) => (why ? renderInlineMarkdown(script(why, shown)) : null)),
    } as const;
  });
}

export type ReviewResponse = ({ ok: true } & Omit<ReviewOutcome, "due"> & { due: string }) | Failure;

export async function submitReviewAction(input: unknown): Promise<ReviewResponse> {
  return asUser(async (userId) => {
    const db = getDb();
    const settings = await loadStudySettings(db, userId);
    const outcome = await submitReview(db, userId, input, settings);
    if (!outcome.duplicate) await recordGoalsMetAfterReview(db, userId, settings);
    return { ok: true, duplicate: outcome.duplicate, state: outcome.state, leech: outcome.leech, due: outcome.due.toISOString() } as const;
  });
}

export async function undoLastReviewAction(): Promise<{ ok: true; questionTitle: string } | Failure> {
  return asUser(async (userId) => {
    const outcome = await undoLastReview(getDb(), userId);
    return { ok: true, questionTitle: outcome.questionTitle } as const;
  });
}

export async function suspendCardAction(input: unknown): Promise<{ ok: true } | Failure> {
  return asUser(async (userId) => {
    const parsed = z.object({ questionId: z.string().min(1).max(64), suspended: z.boolean() }).safeParse(input);
    if (!parsed.success) return invalidRequest();
    await setCardSuspended(getDb(), userId, parsed.data.questionId, parsed.data.suspended);
    return { ok: true } as const;
  });
}

/** Called once from the browser with its time zone; only the first report is taken. */
export async function reportTimeZoneAction(timeZone: unknown): Promise<{ ok: boolean }> {
  const result = await asUser(async (userId) => ({ ok: await adoptBrowserTimeZone(getDb(), userId, timeZone) }));
  return { ok: "ok" in result && result.ok === true };
}

/** A card's texts in one language, rendered: the study card's "show in the other language". */
export interface CardTextsView {
  language: QuestionLanguage;
  fallback: boolean;
  stale: boolean;
  title: string;
  promptHtml: string;
  answerHtml: string;
  explanationHtml: string;
  choicesHtml: string[];
  whyHtml: Array<string | null>;
  numeric: { promptHtml: string; graded: { feedbackHtml: string | null; solutionHtml: string; explanationHtml: string } | null } | null;
}

export async function cardInLanguageAction(input: unknown): Promise<({ ok: true } & CardTextsView) | Failure> {
  return asUser(async (userId) => {
    const { script } = await questionLanguageForRequest();
    const texts = await cardInLanguage(getDb(), userId, input);
    const write = (source: string) => script(source, texts.language);
    const markdown = (source: string) => (source ? renderMarkdown(write(source)) : "");
    return {
      ok: true,
      language: texts.language,
      fallback: texts.fallback,
      stale: texts.stale,
      title: write(texts.title),
      promptHtml: markdown(texts.prompt),
      answerHtml: markdown(texts.answer),
      explanationHtml: markdown(texts.explanation),
      choicesHtml: texts.choices.map((choice) => renderInlineMarkdown(write(choice.text))),
      whyHtml: texts.choices.map((choice) => (choice.why ? renderInlineMarkdown(write(choice.why)) : null)),
      numeric: texts.numeric
        ? {
            promptHtml: markdown(texts.numeric.prompt),
            graded: texts.numeric.graded
              ? {
                  feedbackHtml: texts.numeric.graded.feedback ? markdown(texts.numeric.graded.feedback) : null,
                  solutionHtml: markdown(texts.numeric.graded.solution),
                  explanationHtml: markdown(texts.numeric.graded.explanation),
                }
              : null,
          }
        : null,
    } as const;
  });
}
