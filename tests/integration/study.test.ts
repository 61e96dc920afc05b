/**
 * The study loop against PostgreSQL: queue order and limits, reviews applied once per request id, stale tabs
 * refused, quiz answers checked on the server, exact undo, and leeches.
 */
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { numericTemplateSchema, toStoredTemplate } from "@/lib/numeric";
import { submitNumericAnswer } from "@/lib/practice/numeric";
import { loadStudySettings, type StudySettings } from "@/lib/study/settings";
import { getNextStudyCard, getQueueOverview, setCardSuspended, submitReview, undoLastReview, type StudyCard } from "@/lib/study/service";
import { refreshBankOrder } from "@/lib/bank/order";
import { clearQuestionBank, createUser, expectAppError, testDb } from "./helpers";

const db = testDb();
afterAll(() => db.$disconnect());

const t0 = new Date("2026-04-01T09:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
let userId = "";
let settings: StudySettings;
const ids: Record<string, string> = {};

beforeEach(async () => {
  await clearQuestionBank(db);
  const deck = await db.deck.create({ data: { slug: "study-deck", title: "Study deck", order: 1 } });
  const base = { deckId: deck.id, prompt: "P", answer: "A", explanation: "E", tags: [] as string[] };
  ids.flash1 = (await db.question.create({ data: { ...base, key: "s-flash-1", kind: "FLASHCARD", title: "A flashcard", difficulty: 1 } })).id;
  ids.mcq = (await db.question.create({
    data: { ...base, key: "s-mcq", kind: "MULTIPLE_CHOICE", title: "B choice", difficulty: 2, choices: [{ text: "right", correct: true }, { text: "wrong", why: "no" }] },
  })).id;
  const template = numericTemplateSchema.parse({
    variables: { k: { choices: [3] } },
    answer: "k * k",
    tolerance: { type: "exact" },
    unit: "none",
    solution: "{{k}}² = {{answer}}",
  });
  ids.numeric = (await db.question.create({ data: { ...base, key: "s-num", kind: "NUMERIC", title: "C numbers", difficulty: 3, prompt: "Square {{k}}.", template: toStoredTemplate(template) as object } })).id;
  ids.flash2 = (await db.question.create({ data: { ...base, key: "s-flash-2", kind: "FLASHCARD", title: "D flashcard", difficulty: 4 } })).id;
  await refreshBankOrder(db);
  userId = (await createUser(db)).user.id;
  settings = await loadStudySettings(db, userId);
});

async function next(now = t0): Promise<StudyCard> {
  const result = await getNextStudyCard(db, userId, settings, now);
  if (result.done) throw new Error("expected a card");
  return result.card;
}

function review(card: StudyCard, rating: number, extra: Record<string, unknown> = {}, now = t0) {
  return submitReview(db, userId, { clientRequestId: crypto.randomUUID(), questionId: card.questionId, cardVersion: card.cardVersion, rating, ...extra }, settings, now);
}

describe("study loop", () => {
  it("offers new cards in deck order and schedules a Good new card 10 minutes ahead (default steps 1m, 10m)", async () => {
    const first = await next();
    expect(first).toMatchObject({ queueKind: "new", questionKey: "s-flash-1", cardVersion: "new", remaining: { new: 4, learning: 0, review: 0 } });
    expect(first.intervals[1]).toBe("1m");
    expect(first.intervals[3]).toBe("10m");
    const outcome = await review(first, 3);
    expect(outcome).toMatchObject({ duplicate: false, state: "LEARNING", leech: false });
    expect(outcome.due).toEqual(minutes(10));
    expect(await db.reviewLog.count({ where: { userId } })).toBe(1);
    // The learning card is not due yet, so the next new card comes first.
    expect((await next(minutes(1))).questionKey).toBe("s-mcq");
    // Ten minutes later the learning card is due and goes before new cards.
    expect(await next(minutes(10))).toMatchObject({ questionKey: "s-flash-1", queueKind: "learning" });
  });

  it("applies a retried request once and answers it the same way", async () => {
    const card = await next();
    const request = { clientRequestId: crypto.randomUUID(), questionId: card.questionId, cardVersion: card.cardVersion, rating: 3 };
    const first = await submitReview(db, userId, request, settings, t0);
    const retry = await submitReview(db, userId, request, settings, minutes(1));
    expect(retry).toEqual({ ...first, duplicate: true });
    expect(await db.reviewLog.count({ where: { userId } })).toBe(1);
    expect((await db.card.findFirstOrThrow({ where: { userId } })).reps).toBe(1);
  });

  it("applies a double-click (the same request twice at once) exactly once", async () => {
    const card = await next();
    const request = { clientRequestId: crypto.randomUUID(), questionId: card.questionId, cardVersion: card.cardVersion, rating: 3 };
    const results = await Promise.all([submitReview(db, userId, request, settings, t0), submitReview(db, userId, request, settings, t0)]);
    expect(results.filter((result) => result.duplicate)).toHaveLength(1);
    expect(await db.reviewLog.count({ where: { userId } })).toBe(1);
  });

  it("refuses a review from a stale tab and leaves the card as the first tab left it", async () => {
    const seenInTabA = await next();
    const seenInTabB = await next();
    await review(seenInTabA, 3);
    const stale = await expectAppError(review(seenInTabB, 1));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toMatch(/another tab/);
    const card = await db.card.findFirstOrThrow({ where: { userId } });
    expect(card).toMatchObject({ reps: 1, state: "LEARNING" });
    expect(await db.reviewLog.count({ where: { userId } })).toBe(1);
  });

  it("checks multiple-choice answers on the server: a wrong pick can only be rated Again", async () => {
    await review(await next(), 3); // the flashcard
    const mcq = await next(minutes(1));
    expect(mcq.choices).toEqual(["right", "wrong"]);
    expect((await expectAppError(review(mcq, 3, { choiceIndex: 1 }, minutes(1)))).code).toBe("VALIDATION");
    expect((await expectAppError(review(mcq, 3, {}, minutes(1)))).message).toMatch(/Pick an option/);
    await review(mcq, 1, { choiceIndex: 1 }, minutes(1));
    const log = await db.reviewLog.findFirstOrThrow({ where: { userId, card: { questionId: ids.mcq } } });
    expect(log).toMatchObject({ rating: 1, correct: false, answerGiven: "1" });
  });

  it("rates numeric cards from the served instance: unanswered is refused, a right answer allows Good", async () => {
    await db.studyDeck.deleteMany();
    const card = await next();
    await review(card, 3);
    await review(await next(minutes(1)), 3, { choiceIndex: 0 }, minutes(1));
    const numeric = await next(minutes(2));
    expect(numeric.kind).toBe("NUMERIC");
    expect(numeric.numeric?.prompt).toBe("Square 3.");
    expect((await expectAppError(review(numeric, 3, { attemptId: numeric.numeric!.attemptId }, minutes(2)))).message).toMatch(/Answer the question/);
    // 3² = 9
    expect(await submitNumericAnswer(db, userId, { attemptId: numeric.numeric!.attemptId, answer: "9" })).toMatchObject({ verdict: "correct" });
    await review(numeric, 3, { attemptId: numeric.numeric!.attemptId }, minutes(2));
    expect(await db.reviewLog.findFirstOrThrow({ where: { userId, card: { questionId: ids.numeric } } })).toMatchObject({ correct: true, answerGiven: "9" });
  });

  it("respects the daily new-card limit", async () => {
    settings = { ...settings, newCardsPerDay: 1 };
    await review(await next(), 3);
    const overview = await getQueueOverview(db, userId, settings, minutes(1));
    expect(overview.counts).toEqual({ new: 0, learning: 0, review: 0 });
    expect(overview.nextLearningDue).toEqual(minutes(10));
    expect(await getNextStudyCard(db, userId, settings, minutes(1))).toEqual({ done: true, nextLearningDue: minutes(10) });
  });

  it("undo restores the card exactly and removes the log", async () => {
    await review(await next(), 3);
    const afterFirst = await db.card.findFirstOrThrow({ where: { userId } });
    const again = await next(minutes(10));
    await review(again, 3, {}, minutes(10));
    await undoLastReview(db, userId);
    const restored = await db.card.findFirstOrThrow({ where: { userId } });
    const fields = ["due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview", "suspended"] as const;
    for (const field of fields) expect(restored[field]).toEqual(afterFirst[field]);
    expect(await db.reviewLog.count({ where: { userId } })).toBe(1);
    // Undoing the first review too leaves a new card, offered again as new.
    await undoLastReview(db, userId);
    expect(await db.card.findFirstOrThrow({ where: { userId } })).toMatchObject({ state: "NEW", reps: 0 });
    expect((await next()).queueKind).toBe("new");
    expect((await expectAppError(undoLastReview(db, userId))).code).toBe("NOT_FOUND");
  });

  it("suspends a card at its 8th lapse, says so, and undo lifts the suspension", async () => {
    const due = minutes(-60);
    await db.card.create({
      data: { userId, questionId: ids.flash2!, due, state: "REVIEW", stability: 2, difficulty: 8, reps: 20, lapses: 7, scheduledDays: 2, elapsedDays: 2, lastReview: minutes(-3 * 1440) },
    });
    settings = { ...settings, newCardsPerDay: 0 };
    const card = await next();
    expect(card).toMatchObject({ questionKey: "s-flash-2", queueKind: "review" });
    const outcome = await review(card, 1);
    expect(outcome.leech).toBe(true);
    expect(await db.card.findFirstOrThrow({ where: { userId, questionId: ids.flash2 } })).toMatchObject({ lapses: 8, suspended: true, leech: true });
    await undoLastReview(db, userId);
    expect(await db.card.findFirstOrThrow({ where: { userId, questionId: ids.flash2 } })).toMatchObject({ lapses: 7, suspended: false, leech: false, state: "REVIEW" });
  });

  it("suspended cards never come up; unsuspending brings them back; another learner's card is untouched", async () => {
    settings = { ...settings, newCardsPerDay: 1 };
    await setCardSuspended(db, userId, ids.flash1!, true);
    expect((await next()).questionKey).toBe("s-mcq");
    const { user: other } = await createUser(db);
    expect((await expectAppError(setCardSuspended(db, other.id, ids.flash1!, false))).code).toBe("NOT_FOUND");
    expect(await db.card.findFirstOrThrow({ where: { userId, questionId: ids.flash1! } })).toMatchObject({ suspended: true });
    await setCardSuspended(db, userId, ids.flash1!, false);
    expect((await next()).questionKey).toBe("s-flash-1");
  });
});
