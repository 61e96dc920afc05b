"use server";

import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { recordGoalsMetAfterReview } from "@/lib/groups/goals";
import { GENERIC_ERROR_MESSAGE, isAppError } from "@/lib/errors";
import { renderInlineMarkdown, renderMarkdown } from "@/lib/markdown";
import { adoptBrowserTimeZone, loadStudySettings } from "@/lib/study/settings";
import { serverMessageTranslator } from "@/app/server-messages";
import { getTranslations } from "next-intl/server";
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
    const result = await getNextStudyCard(db, userId, settings, new Date(), parsed.data.deck);
    if (result.done) {
      const dueTomorrow = await dueByEndOfTomorrow(db, userId, settings, new Date());
      return { ok: true, done: true, nextLearningDue: result.nextLearningDue?.toISOString() ?? null, dueTomorrow } as const;
    }
    const card = result.card;
    const markdown = (source: string) => renderMarkdown(source, { assetBaseUrl: `/content-assets/${card.deckSlug}/` });
    return {
      ok: true,
      done: false,
      card: {
        questionId: card.questionId,
        questionKey: card.questionKey,
        deckSlug: card.deckSlug,
        deckTitle: card.deckTitle,
        kind: card.kind,
        queueKind: card.queueKind,
        title: card.title,
        // Numeric cards show their served instance; the raw prompt has placeholders.
        promptHtml: card.kind === "NUMERIC" ? "" : markdown(card.prompt),
        answerHtml: card.kind === "NUMERIC" ? "" : markdown(card.answer),
        explanationHtml: card.kind === "NUMERIC" ? "" : markdown(card.explanation),
        choicesHtml: card.choices.map((choice) => renderInlineMarkdown(choice)),
        numeric: card.numeric ? { attemptId: card.numeric.attemptId, promptHtml: markdown(card.numeric.prompt), unit: card.numeric.unit } : null,
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
    const parsed = z.object({ questionId: z.string().min(1).max(64), choiceIndex: z.number().int().min(0).max(10) }).safeParse(input);
    if (!parsed.success) return invalidRequest();
    const result = await checkChoice(getDb(), parsed.data.questionId, parsed.data.choiceIndex);
    return { ok: true, correct: result.correct, correctIndexes: result.correctIndexes, whyHtml: result.why.map((why) => (why ? renderInlineMarkdown(why) : null)) } as const;
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
