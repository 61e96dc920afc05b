/**
 * The daily study loop on the server: what is due now (lib/srs decides the order and limits), one card to show,
 * and reviews written exactly once. A review carries a client request id (a retry is answered from the stored
 * log) and the card version the learner saw (a review from a stale tab is refused). Card update and log are one
 * transaction; undo restores the card exactly and removes the log.
 */
import type { Db } from "@/lib/db-client";
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { localizeDeck } from "@/lib/bank/deck-text";
import { readStoredChoices } from "@/lib/bank/stored";
import { localizeQuestion, readTranslations, type QuestionLanguage } from "@/lib/content/translations";
import { visibleDecks } from "@/lib/bank/visibility";
import { fromStoredTemplate } from "@/lib/numeric";
import {
  allowedRatings,
  buildQueue,
  isRating,
  newCard,
  previewIntervals,
  nextLearningDue,
  reviewCard,
  shouldSuspendAsLeech,
  studyDay,
  undoReview,
  type QueueCard,
  type QueueEntry,
  type QueueInput,
  type SrsCard,
  type SrsRating,
} from "@/lib/srs";
import { serveNumericQuestion } from "@/lib/practice/numeric";
import type { StudySettings } from "./settings";
import { z } from "zod";

const CARD_FIELDS = {
  id: true,
  questionId: true,
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  state: true,
  lastReview: true,
  suspended: true,
  updatedAt: true,
} as const;

type CardRow = Prisma.CardGetPayload<{ select: typeof CARD_FIELDS }>;

function toSrs(card: CardRow): SrsCard {
  const { due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview, suspended } = card;
  return { due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview, suspended };
}

/** What the client echoes back so a review from a stale tab can be recognised. */
export function cardVersion(card: { updatedAt: Date; reps: number } | null): string {
  return card ? `${card.updatedAt.getTime()}:${card.reps}` : "new";
}

interface QueueContext {
  entries: QueueEntry[];
  deckOf: Map<string, string>;
  counts: { new: number; learning: number; review: number };
  nextLearningDue: Date | null;
}

/** Questions the learner studies: active, in their chosen decks (all when none chosen), optionally one deck. */
function questionScope(settings: StudySettings, deckSlug?: string): Prisma.QuestionWhereInput {
  return {
    status: "ACTIVE",
    ...(settings.studyDeckIds.length > 0 ? { deckId: { in: settings.studyDeckIds } } : {}),
    ...(deckSlug ? { deck: { slug: deckSlug } } : {}),
  };
}

interface ScopeDeck {
  id: string;
  slug: string;
  order: number;
  orderVersion: number;
}

/**
 * The decks in scope, in deck order (the order new cards are introduced in, deck by deck): only decks the learner
 * may see (lib/bank/visibility.ts), the shared bank first, then their personal decks.
 */
function scopeDecks(db: Db, userId: string, settings: StudySettings, deckSlug?: string): Promise<ScopeDeck[]> {
  return db.deck.findMany({
    where: {
      ...visibleDecks(userId),
      ...(settings.studyDeckIds.length > 0 ? { id: { in: settings.studyDeckIds } } : {}),
      ...(deckSlug ? { slug: deckSlug } : {}),
    },
    select: { id: true, slug: true, order: true, orderVersion: true },
    orderBy: [{ ownerId: { sort: "asc", nulls: "first" } }, { order: "asc" }, { slug: "asc" }],
  });
}

interface QueueCardRow {
  id: string;
  questionId: string;
  deckId: string;
  bankRank: number;
  due: Date;
  state: CardRow["state"];
}

/**
 * The learner's cards matching `condition` on active questions of the scope decks. Written as one join that starts
 * from the Card(userId, state, due) index, so its cost follows the rows returned, not the size of the bank.
 */
function queueCards(db: Db, userId: string, deckIds: string[], condition: Prisma.Sql, order: Prisma.Sql, limit: number | null): Promise<QueueCardRow[]> {
  return db.$queryRaw<QueueCardRow[]>`
    SELECT c."id", c."questionId", q."deckId", q."bankRank", c."due", c."state"::text AS "state"
    FROM "Card" AS c JOIN "Question" AS q ON q."id" = c."questionId"
    WHERE c."userId" = ${userId} AND c."suspended" = false AND q."status" = 'ACTIVE' AND q."deckId" = ANY(${deckIds}::text[])
      AND ${condition}
    ORDER BY ${order}
    LIMIT ${limit}`;
}

/** "No question of this deck is left without a card" as a cursor: nothing in the deck ranks this high. */
const CURSOR_END = 2_147_483_647;

/**
 * The first `limit` questions of each scope deck (bank order) the learner has no card for yet. Each deck's search
 * starts at the learner's NewCardCursor when it is current (see the model's comment), so a learner who has already
 * started 100,000 questions does not re-check them on every request; the cursor then moves to the first question
 * found. A stale cursor (the deck's order changed) is ignored and rewritten.
 */
async function newQuestions(db: Db, userId: string, decks: ScopeDeck[], limit: number): Promise<Array<{ id: string; deckId: string; bankRank: number }>> {
  if (limit === 0 || decks.length === 0) return [];
  const rows = await db.$queryRaw<Array<{ deckId: string; deckVersion: number; cursor: number | null; id: string | null; bankRank: number | null }>>`
    SELECT d."id" AS "deckId", d."orderVersion" AS "deckVersion", nc."rank" AS "cursor", x."id", x."bankRank"
    FROM "Deck" AS d
    LEFT JOIN "NewCardCursor" AS nc ON nc."userId" = ${userId} AND nc."deckId" = d."id" AND nc."deckVersion" = d."orderVersion"
    LEFT JOIN LATERAL (
      SELECT q."id", q."bankRank" FROM "Question" AS q
      WHERE q."deckId" = d."id" AND q."status" = 'ACTIVE' AND q."bankRank" >= COALESCE(nc."rank", 0)
        AND NOT EXISTS (SELECT 1 FROM "Card" AS c WHERE c."userId" = ${userId} AND c."questionId" = q."id")
      ORDER BY q."bankRank"
      LIMIT ${limit}
    ) AS x ON true
    WHERE d."id" = ANY(${decks.map((deck) => deck.id)}::text[])`;

  const byDeck = new Map<string, { deckVersion: number; cursor: number | null; first: number }>();
  const found: Array<{ id: string; deckId: string; bankRank: number }> = [];
  for (const row of rows) {
    const entry = byDeck.get(row.deckId) ?? { deckVersion: row.deckVersion, cursor: row.cursor, first: CURSOR_END };
    if (row.id !== null && row.bankRank !== null) {
      found.push({ id: row.id, deckId: row.deckId, bankRank: row.bankRank });
      entry.first = Math.min(entry.first, row.bankRank);
    }
    byDeck.set(row.deckId, entry);
  }
  const moved = [...byDeck].filter(([, entry]) => entry.cursor !== entry.first);
  if (moved.length > 0) {
    // Safe under concurrency: cards are never deleted, so "every question below `first` has a card" stays true,
    // and a cursor written with an outdated deck version is never read.
    await db.$executeRaw`
      INSERT INTO "NewCardCursor" ("userId", "deckId", "rank", "deckVersion")
      VALUES ${Prisma.join(moved.map(([deckId, entry]) => Prisma.sql`(${userId}, ${deckId}, ${entry.first}, ${entry.deckVersion})`))}
      ON CONFLICT ("userId", "deckId") DO UPDATE SET "rank" = EXCLUDED."rank", "deckVersion" = EXCLUDED."deckVersion"`;
  }
  return found;
}

async function loadQueue(db: Db, userId: string, settings: StudySettings, now: Date, deckSlug?: string): Promise<QueueContext> {
  const day = studyDay(now, settings);
  const [doneByState, decks] = await Promise.all([
    db.reviewLog.groupBy({
      by: ["stateBefore"],
      where: { userId, reviewedAt: { gte: day.start, lt: day.end }, stateBefore: { in: ["NEW", "REVIEW"] } },
      _count: { _all: true },
    }),
    scopeDecks(db, userId, settings, deckSlug),
  ]);
  const doneNew = doneByState.find((row) => row.stateBefore === "NEW")?._count._all ?? 0;
  const doneReviews = doneByState.find((row) => row.stateBefore === "REVIEW")?._count._all ?? 0;
  const reviewLimit = Math.max(0, settings.reviewsPerDay - doneReviews);
  const newLimit = Math.max(0, settings.newCardsPerDay - doneNew);
  const deckIds = decks.map((deck) => deck.id);

  // Only the rows the queue can use: learning cards, reviews due today up to the limit, new cards up to the limit.
  const [learning, reviews, fresh, candidates] = await Promise.all([
    queueCards(db, userId, deckIds, Prisma.sql`c."state" IN ('LEARNING', 'RELEARNING')`, Prisma.sql`c."due"`, null),
    queueCards(db, userId, deckIds, Prisma.sql`c."state" = 'REVIEW' AND c."due" < ${day.end}`, Prisma.sql`c."due"`, reviewLimit),
    queueCards(db, userId, deckIds, Prisma.sql`c."state" = 'NEW'`, Prisma.sql`q."deckId", q."bankRank"`, null),
    newQuestions(db, userId, decks, newLimit),
  ]);

  // One bank order (deck order, then rank in the deck) for every row read, so new cards and new questions
  // interleave as on the deck page.
  const deckById = new Map(decks.map((deck, index) => [deck.id, { ...deck, index }]));
  const rows = [
    ...[...learning, ...reviews, ...fresh].map((card) => ({ id: card.id, deckId: card.deckId, bankRank: card.bankRank, card })),
    ...candidates.map((question) => ({ id: question.id, deckId: question.deckId, bankRank: question.bankRank, card: null })),
  ].sort((a, b) => deckById.get(a.deckId)!.index - deckById.get(b.deckId)!.index || a.bankRank - b.bankRank);
  const deckOf = new Map<string, string>();
  const cards: QueueCard[] = [];
  const newCandidates: QueueInput["newCandidates"][number][] = [];
  rows.forEach((row, questionOrder) => {
    const deck = deckById.get(row.deckId)!;
    deckOf.set(row.id, deck.slug);
    if (row.card) cards.push({ id: row.id, deckOrder: deck.index, questionOrder, due: row.card.due, state: row.card.state, suspended: false });
    else newCandidates.push({ questionId: row.id, deckOrder: deck.index, questionOrder });
  });
  const input: QueueInput = { cards, newCandidates, doneToday: { newCards: doneNew, reviews: doneReviews } };
  const entries = buildQueue(input, settings, now);
  const counts = { new: 0, learning: 0, review: 0 };
  for (const entry of entries) counts[entry.kind] += 1;
  return { entries, deckOf, counts, nextLearningDue: nextLearningDue(cards, now) };
}

export interface QueueOverview {
  counts: { new: number; learning: number; review: number };
  perDeck: Array<{ slug: string; new: number; learning: number; review: number }>;
  nextLearningDue: Date | null;
}

export async function getQueueOverview(db: Db, userId: string, settings: StudySettings, now: Date, deckSlug?: string): Promise<QueueOverview> {
  const { entries, deckOf, counts, nextLearningDue: nextDue } = await loadQueue(db, userId, settings, now, deckSlug);
  const perDeck = new Map<string, { slug: string; new: number; learning: number; review: number }>();
  for (const entry of entries) {
    const slug = deckOf.get(entry.cardId ?? entry.questionId ?? "") ?? "";
    const row = perDeck.get(slug) ?? { slug, new: 0, learning: 0, review: 0 };
    row[entry.kind] += 1;
    perDeck.set(slug, row);
  }
  return { counts, perDeck: [...perDeck.values()], nextLearningDue: nextDue };
}

export interface StudyCard {
  queueKind: "new" | "learning" | "review";
  questionId: string;
  questionKey: string;
  deckSlug: string;
  deckTitle: string;
  kind: "FLASHCARD" | "MULTIPLE_CHOICE" | "NUMERIC";
  title: string;
  prompt: string;
  answer: string;
  explanation: string;
  /** Multiple choice: option texts only; correctness is checked on the server. */
  choices: string[];
  /** Numeric: the served instance. */
  numeric: { attemptId: string; prompt: string; unit: string } | null;
  /** The language the texts are in, whether a wanted translation was missing, and whether it is out of date. */
  language: QuestionLanguage;
  fallback: boolean;
  stale: boolean;
  /** True when the question exists in the other language too (the card can be flipped to it). */
  bilingual: boolean;
  cardVersion: string;
  /** Next interval per rating (1..4) if rated now. */
  intervals: Record<SrsRating, string>;
  remaining: { new: number; learning: number; review: number };
}

export type NextCardResult = { done: false; card: StudyCard } | { done: true; nextLearningDue: Date | null };

export async function getNextStudyCard(
  db: Db,
  userId: string,
  settings: StudySettings,
  now: Date,
  deckSlug?: string,
  language: QuestionLanguage = "en",
): Promise<NextCardResult> {
  const { entries, counts, nextLearningDue: nextDue } = await loadQueue(db, userId, settings, now, deckSlug);
  const first = entries[0];
  if (!first) return { done: true, nextLearningDue: nextDue };
  const card = first.cardId ? await db.card.findUniqueOrThrow({ where: { id: first.cardId }, select: CARD_FIELDS }) : null;
  const questionId = card?.questionId ?? first.questionId!;
  const question = await db.question.findUniqueOrThrow({
    where: { id: questionId },
    select: {
      id: true,
      key: true,
      kind: true,
      title: true,
      prompt: true,
      answer: true,
      explanation: true,
      choices: true,
      template: true,
      translations: true,
      deck: { select: { slug: true, title: true, description: true, translations: true } },
    },
  });
  const translations = readTranslations(question.translations);
  // A numeric card's template takes part in the translation's fingerprint (solution, mistakes): without it every
  // translated numeric card would read as stale.
  const template = question.kind === "NUMERIC" ? storedTemplateOrNull(question.template) : null;
  const shown = localizeQuestion({ ...question, choices: readStoredChoices(question.choices), template, translations }, language);
  const srs = card ? toSrs(card) : newCard(now);
  const intervals = Object.fromEntries(previewIntervals(srs, settings, now).map((preview) => [preview.rating, preview.interval])) as Record<SrsRating, string>;
  const numeric = question.kind === "NUMERIC" ? await serveNumericQuestion(db, userId, question.id, undefined, language) : null;
  return {
    done: false,
    card: {
      queueKind: first.kind,
      questionId: question.id,
      questionKey: question.key,
      deckSlug: question.deck.slug,
      deckTitle: localizeDeck(question.deck, language).title,
      kind: question.kind,
      title: shown.title,
      prompt: shown.prompt,
      answer: shown.answer,
      explanation: shown.explanation,
      choices: (shown.choices ?? []).map((choice) => choice.text),
      numeric: numeric ? { attemptId: numeric.attemptId, prompt: numeric.prompt, unit: numeric.unit } : null,
      language: shown.language,
      fallback: shown.fallback,
      stale: shown.stale,
      bilingual: translations.zh !== undefined,
      cardVersion: cardVersion(card),
      intervals,
      remaining: counts,
    },
  };
}

const storedChoices = z.array(z.object({ text: z.string(), correct: z.boolean().optional(), why: z.string().optional() }));
function choiceList(value: unknown): Array<{ text: string; correct: boolean; why: string | null }> {
  const parsed = storedChoices.safeParse(value ?? []);
  return parsed.success ? parsed.data.map((choice) => ({ text: choice.text, correct: choice.correct === true, why: choice.why ?? null })) : [];
}

/** The stored numeric template, or null when it cannot be read (serving the instance then reports the problem). */
function storedTemplateOrNull(value: unknown) {
  try {
    return fromStoredTemplate(value);
  } catch {
    return null;
  }
}


export interface ChoiceCheck {
  correct: boolean;
  correctIndexes: number[];
  /** Reasons for the wrong options, by index. */
  why: Array<string | null>;
}

/** Grades a multiple-choice pick without writing anything (the review itself re-checks it). */
export async function checkChoice(db: Db, questionId: string, choiceIndex: number, language: QuestionLanguage = "en"): Promise<ChoiceCheck> {
  const question = await db.question.findFirst({
    where: { id: questionId, kind: "MULTIPLE_CHOICE", status: "ACTIVE" },
    select: { title: true, prompt: true, answer: true, explanation: true, choices: true, translations: true },
  });
  if (!question) throw new AppError("NOT_FOUND", "That question is not available.");
  // Correctness is the English question's; only the reasons' wording follows the language.
  const english = choiceList(question.choices);
  const shown = localizeQuestion({ ...question, choices: readStoredChoices(question.choices), template: null, translations: readTranslations(question.translations) }, language);
  const choices = english.map((choice, index) => ({ ...choice, why: choice.why === null ? null : (shown.choices?.[index]?.why ?? choice.why) }));
  if (!Number.isInteger(choiceIndex) || choiceIndex < 0 || choiceIndex >= choices.length) throw new AppError("VALIDATION", "Pick one of the listed options.");
  return {
    correct: choices[choiceIndex]!.correct,
    correctIndexes: choices.flatMap((choice, index) => (choice.correct ? [index] : [])),
    why: choices.map((choice) => choice.why),
  };
}

export const submitReviewSchema = z.strictObject({
  clientRequestId: z.uuid({ error: "Invalid request id." }),
  questionId: z.string().min(1).max(64),
  cardVersion: z.string().min(1).max(64),
  rating: z.number().int().refine(isRating, "Rate with 1 (Again) to 4 (Easy)."),
  durationMs: z.number().int().min(0).max(86_400_000).optional(),
  choiceIndex: z.number().int().min(0).max(10).optional(),
  attemptId: z.string().min(1).max(64).optional(),
});

export interface ReviewOutcome {
  /** True when this request id had already been applied: the stored result is returned. */
  duplicate: boolean;
  due: Date;
  state: "NEW" | "LEARNING" | "REVIEW" | "RELEARNING";
  leech: boolean;
}

export async function submitReview(db: Db, userId: string, input: unknown, settings: StudySettings, now = new Date()): Promise<ReviewOutcome> {
  const parsed = submitReviewSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues[0]?.message ?? "Invalid review.");
  const request = parsed.data;

  const existing = await appliedReview(db, userId, request.clientRequestId);
  if (existing) return existing;

  const question = await db.question.findFirst({
    where: { id: request.questionId, status: "ACTIVE", deck: visibleDecks(userId) },
    select: { id: true, kind: true, choices: true, template: true },
  });
  if (!question) throw new AppError("NOT_FOUND", "That question is no longer available.");

  // Quiz kinds: the server decides whether the answer was right, and so which ratings are allowed.
  let correct: boolean | undefined;
  let answerGiven: string | null = null;
  let numericSeed: number | null = null;
  if (question.kind === "MULTIPLE_CHOICE") {
    const choices = choiceList(question.choices);
    if (request.choiceIndex === undefined || request.choiceIndex >= choices.length) throw new AppError("VALIDATION", "Pick an option before rating.");
    correct = choices[request.choiceIndex]!.correct;
    answerGiven = String(request.choiceIndex);
  } else if (question.kind === "NUMERIC") {
    const attempt = request.attemptId
      ? await db.numericAttempt.findFirst({ where: { id: request.attemptId, userId, questionId: question.id }, select: { answeredAt: true, correct: true, answerGiven: true, seed: true } })
      : null;
    if (!attempt?.answeredAt) throw new AppError("VALIDATION", "Answer the question before rating it.");
    fromStoredTemplate(question.template); // a broken template must not be rated as if it were fine
    correct = attempt.correct === true;
    answerGiven = attempt.answerGiven;
    numericSeed = attempt.seed;
  }
  const allowed = allowedRatings(question.kind, correct);
  if (!allowed.includes(request.rating as SrsRating)) {
    throw new AppError("VALIDATION", correct === false ? "A wrong answer is rated Again." : "That rating is not available for this answer.");
  }
  const rating = request.rating as SrsRating;

  try {
    return await db.$transaction(async (tx) => {
      const card = await tx.card.findUnique({ where: { userId_questionId: { userId, questionId: question.id } }, select: CARD_FIELDS });
      if (cardVersion(card) !== request.cardVersion) {
        throw new AppError("CONFLICT", "This card changed in another tab or window. It has been reloaded.");
      }
      const before = card ? toSrs(card) : newCard(now);
      const result = reviewCard(before, rating, settings, now);
      const leech = shouldSuspendAsLeech(before, result.card);
      const data = { ...result.card, ...(leech ? { suspended: true, leech: true } : {}) };
      let cardId: string;
      if (card) {
        // Conditional on the version read above: a concurrent review of the same card cannot also apply.
        const { count } = await tx.card.updateMany({ where: { id: card.id, updatedAt: card.updatedAt, reps: card.reps }, data });
        if (count !== 1) throw new AppError("CONFLICT", "This card changed in another tab or window. It has been reloaded.");
        cardId = card.id;
      } else {
        cardId = (await tx.card.create({ data: { userId, questionId: question.id, ...data } })).id;
      }
      await tx.reviewLog.create({
        data: {
          cardId,
          userId,
          clientRequestId: request.clientRequestId,
          rating,
          stateBefore: result.log.stateBefore,
          dueBefore: result.log.dueBefore,
          stability: result.log.stability,
          difficulty: result.log.difficulty,
          elapsedDays: result.log.elapsedDays,
          lastElapsedDays: result.log.lastElapsedDays,
          scheduledDays: result.log.scheduledDays,
          learningSteps: result.log.learningSteps,
          lastReviewBefore: before.lastReview,
          reviewedAt: result.log.reviewedAt,
          durationMs: request.durationMs,
          answerGiven,
          correct: correct ?? null,
          numericSeed,
        },
      });
      await tx.user.update({ where: { id: userId }, data: { lastActiveAt: now } });
      return { duplicate: false, due: result.card.due, state: result.card.state, leech };
    });
  } catch (error) {
    // The same request id raced with itself (a retry sent while the first was in flight, possibly to another
    // instance): the other one won, and this one saw its card change (CONFLICT) or its insert collide (unique
    // violation). Answer the way the winner was answered.
    const conflict = error instanceof AppError && error.code === "CONFLICT";
    if (isUniqueViolation(error) || conflict) {
      const applied = await appliedReview(db, userId, request.clientRequestId);
      if (applied) return applied;
      if (conflict) throw error;
      throw new AppError("CONFLICT", "This card changed in another tab or window. It has been reloaded.");
    }
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}

async function appliedReview(db: Db, userId: string, clientRequestId: string): Promise<ReviewOutcome | null> {
  const log = await db.reviewLog.findUnique({ where: { clientRequestId }, select: { userId: true, card: { select: { due: true, state: true, leech: true } } } });
  if (!log) return null;
  // Another learner's request id must not reveal anything about their card.
  if (log.userId !== userId) throw new AppError("CONFLICT", "Duplicate request id.");
  return { duplicate: true, due: log.card.due, state: log.card.state, leech: log.card.leech };
}

export interface UndoOutcome {
  questionId: string;
  questionTitle: string;
}

/** Undoes the learner's most recent review: the card goes back exactly as it was and the log is removed. */
export async function undoLastReview(db: Db, userId: string): Promise<UndoOutcome> {
  return db.$transaction(async (tx) => {
    const log = await tx.reviewLog.findFirst({ where: { userId }, orderBy: [{ reviewedAt: "desc" }, { createdAt: "desc" }] });
    if (!log) throw new AppError("NOT_FOUND", "There is no review to undo.");
    const card = await tx.card.findUniqueOrThrow({ where: { id: log.cardId }, select: { ...CARD_FIELDS, leech: true, question: { select: { title: true } } } });
    // The card must still be the one this review produced: an admin may have reset it to new since.
    if (card.lastReview?.getTime() !== log.reviewedAt.getTime()) throw new AppError("CONFLICT", "This card was reset since that review; there is nothing to undo.");
    const restored = undoReview(toSrs(card), { ...log, rating: log.rating as SrsRating }, { previousReviewedAt: log.lastReviewBefore });
    const unLeech = card.leech && shouldSuspendAsLeech(restored, toSrs(card));
    const { count } = await tx.card.updateMany({
      where: { id: card.id, updatedAt: card.updatedAt },
      data: { ...restored, ...(unLeech ? { suspended: false, leech: false } : {}) },
    });
    if (count !== 1) throw new AppError("CONFLICT", "This card changed meanwhile; nothing was undone.");
    await tx.reviewLog.delete({ where: { id: log.id } });
    return { questionId: card.questionId, questionTitle: card.question.title };
  });
}

/** Suspends or unsuspends one of the learner's cards; a card they do not own is "not found". */
export async function setCardSuspended(db: Db, userId: string, questionId: string, suspended: boolean): Promise<void> {
  const { count } = await db.card.updateMany({ where: { userId, questionId }, data: { suspended, ...(suspended ? {} : { leech: false }) } });
  if (count === 0) {
    if (!suspended) throw new AppError("NOT_FOUND", "You have no card for that question.");
    // Suspending a question never studied yet: create its card already suspended.
    const question = await db.question.findFirst({ where: { id: questionId, status: "ACTIVE", deck: visibleDecks(userId) }, select: { id: true } });
    if (!question) throw new AppError("NOT_FOUND", "That question is not available.");
    await db.card.create({ data: { userId, questionId, ...newCard(new Date()), suspended: true } });
  }
}

/** Cards (not suspended, active questions) that will be due by the end of the learner's next study day. */
export async function dueByEndOfTomorrow(db: Db, userId: string, settings: StudySettings, now: Date): Promise<number> {
  const tomorrow = studyDay(new Date(studyDay(now, settings).end.getTime() + 1), settings);
  return db.card.count({
    where: { userId, suspended: false, state: { not: "NEW" }, due: { lt: tomorrow.end }, question: questionScope(settings) },
  });
}
