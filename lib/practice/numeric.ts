/**
 * Numeric practice on the server: serve a fresh instance of a template (the server picks the seed and stores it
 * in a NumericAttempt), then check a submission against the instance re-derived from that stored seed. The
 * client never sees the seed or the answer before it has answered, and an attempt can be answered once.
 */
import { randomInt } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db-client";
import { deckTitleIn } from "@/lib/bank/deck-text";
import { SHARED_DECKS } from "@/lib/bank/visibility";
import { localizeQuestion, readTranslations, type QuestionLanguage } from "@/lib/content/translations";
import { AppError } from "@/lib/errors";
import { checkAnswer, fillPlaceholders, formatNumber, fromStoredTemplate, generateInstance, parseLearnerAnswer, renderSolution, type NumericTemplate } from "@/lib/numeric";

/** Seeds fit PostgreSQL's signed 32-bit integer. */
const MAX_SEED = 2 ** 31 - 1;

export interface ServedNumeric {
  attemptId: string;
  questionKey: string;
  deckSlug: string;
  title: string;
  /** The prompt with this instance's numbers (Markdown; the caller renders it). */
  prompt: string;
  unit: string;
  /** The language of title and prompt; `fallback` when the wanted translation is missing (English shown). */
  language: QuestionLanguage;
  fallback: boolean;
  stale: boolean;
}

export type NumericResult =
  | { ok: false; message: string }
  | {
      ok: true;
      verdict: "correct" | "mistake" | "incorrect";
      /** Mistake feedback, when the answer matched a known mistake. */
      feedback: string | null;
      given: number;
      correctAnswer: number;
      correctAnswerText: string;
      unit: string;
      /** Worked solution and explanation (Markdown). */
      solution: string;
      explanation: string;
    };

export const submitNumericSchema = z.strictObject({
  attemptId: z.string().min(1).max(64),
  answer: z.string().max(200, "Keep the answer under 200 characters."),
});

/** A numeric question's texts in a language: the translation's prompt, solution and feedback over the English. */
export function localizeNumeric(
  question: { key: string; title: string; prompt: string; answer: string; explanation: string; template: unknown; translations: unknown },
  language: QuestionLanguage,
) {
  const template = parseTemplate(question.template, question.key);
  return localizeQuestion({ ...question, choices: null, template, translations: readTranslations(question.translations) }, language) as ReturnType<typeof localizeQuestion> & {
    template: NumericTemplate;
  };
}

function parseTemplate(template: unknown, key: string): NumericTemplate {
  try {
    return fromStoredTemplate(template);
  } catch (error) {
    throw new Error(`numeric question ${key} has an invalid stored template`, { cause: error });
  }
}

/** Picks an active numeric question at random (optionally from one deck), avoiding the keys in `exclude`. */
export async function pickNumericQuestion(
  db: Db,
  options: { deckSlug?: string; key?: string; exclude?: string[] } = {},
): Promise<{ id: string; key: string } | null> {
  const where = {
    kind: "NUMERIC" as const,
    status: "ACTIVE" as const,
    // Numeric questions exist only in the shared bank (imported personal decks hold flashcards).
    deck: { ...SHARED_DECKS, ...(options.deckSlug ? { slug: options.deckSlug } : {}) },
    ...(options.key ? { key: options.key } : {}),
  };
  const candidates = await db.question.findMany({ where, select: { id: true, key: true }, orderBy: { key: "asc" } });
  if (candidates.length === 0) return null;
  const fresh = candidates.filter((candidate) => !options.exclude?.includes(candidate.key));
  const pool = fresh.length > 0 ? fresh : candidates;
  return pool[randomInt(pool.length)]!;
}

export async function serveNumericQuestion(
  db: Db,
  userId: string,
  questionId: string,
  seed = randomInt(MAX_SEED),
  language: QuestionLanguage = "en",
): Promise<ServedNumeric> {
  const question = await db.question.findFirst({
    where: { id: questionId, kind: "NUMERIC", status: "ACTIVE" },
    select: { id: true, key: true, title: true, prompt: true, answer: true, explanation: true, template: true, translations: true, deck: { select: { slug: true } } },
  });
  if (!question) throw new AppError("NOT_FOUND", "That question is not available.");
  const shown = localizeNumeric(question, language);
  const instance = generateInstance(shown.template, seed);
  const attempt = await db.numericAttempt.create({ data: { userId, questionId: question.id, seed } });
  return {
    attemptId: attempt.id,
    questionKey: question.key,
    deckSlug: question.deck.slug,
    title: shown.title,
    prompt: fillPlaceholders(shown.prompt, instance.values),
    unit: shown.template.unit,
    language: shown.language,
    fallback: shown.fallback,
    stale: shown.stale,
  };
}

export async function submitNumericAnswer(db: Db, userId: string, input: unknown, now = new Date(), language: QuestionLanguage = "en"): Promise<NumericResult> {
  const parsedInput = submitNumericSchema.safeParse(input);
  if (!parsedInput.success) return { ok: false, message: parsedInput.error.issues[0]?.message ?? "Invalid submission." };
  const { attemptId, answer } = parsedInput.data;

  const attempt = await db.numericAttempt.findFirst({
    where: { id: attemptId, userId },
    select: {
      id: true,
      seed: true,
      answeredAt: true,
      question: { select: { key: true, title: true, prompt: true, answer: true, template: true, explanation: true, translations: true } },
    },
  });
  // Another learner's attempt looks exactly like a missing one.
  if (!attempt) throw new AppError("NOT_FOUND", "This question has expired. Load a new one.");
  if (attempt.answeredAt) throw new AppError("CONFLICT", "This question was already answered. Load a new one.");

  // Feedback, solution and explanation in the learner's language; the numbers are the same in every language.
  const shown = localizeNumeric(attempt.question, language);
  const template = shown.template;
  const parsedAnswer = parseLearnerAnswer(answer, template.unit);
  // Unparseable input is not an attempt: the learner can fix it and submit again.
  if (!parsedAnswer.ok) return { ok: false, message: parsedAnswer.message };

  const instance = generateInstance(template, attempt.seed);
  const check = checkAnswer(template, instance, parsedAnswer.value);
  // Conditional update: a double submit or a replay cannot be graded twice.
  const { count } = await db.numericAttempt.updateMany({
    where: { id: attempt.id, answeredAt: null },
    data: { answeredAt: now, answerGiven: answer.trim(), correct: check.verdict === "correct" },
  });
  if (count !== 1) throw new AppError("CONFLICT", "This question was already answered. Load a new one.");

  const values = { ...instance.values, answer: instance.answer };
  return {
    ok: true,
    verdict: check.verdict,
    feedback: check.verdict === "mistake" ? check.feedback : null,
    given: parsedAnswer.value,
    correctAnswer: instance.answer,
    correctAnswerText: formatNumber(instance.answer),
    unit: template.unit,
    solution: renderSolution(template, instance),
    explanation: fillPlaceholders(shown.explanation, values),
  };
}

export interface NumericDeckCount {
  slug: string;
  title: string;
  count: number;
}

/** Decks that have numeric questions, with how many; titles in `language` (the English ones without a translation). */
export async function listNumericDecks(db: Db, language: QuestionLanguage = "en"): Promise<NumericDeckCount[]> {
  const [decks, counts] = await Promise.all([
    db.deck.findMany({ where: SHARED_DECKS, orderBy: [{ order: "asc" }, { title: "asc" }], select: { id: true, slug: true, title: true, translations: true } }),
    db.question.groupBy({ by: ["deckId"], where: { kind: "NUMERIC", status: "ACTIVE", deck: SHARED_DECKS }, _count: { _all: true } }),
  ]);
  const countByDeck = new Map(counts.map((row) => [row.deckId, row._count._all]));
  return decks.flatMap((deck) => {
    const count = countByDeck.get(deck.id) ?? 0;
    return count > 0 ? [{ slug: deck.slug, title: deckTitleIn(deck, language), count }] : [];
  });
}
