/**
 * The Statistics page's data layer (lib/stats) against PostgreSQL with fixed clocks and hand-built cards, logs and
 * numeric attempts; every expected number is worked out in the comments. Covers the deck filter (including
 * unknown, foreign and malformed slugs), an empty learner, history across Europe/Berlin's spring DST change read
 * both from StudyDay (all decks) and from ReviewLog (one deck), and the SQL retrievability against lib/srs.
 *
 * Calendar facts (2026): Europe/Berlin is CET = UTC+1 until 29 Mar 01:00 UTC, then CEST = UTC+2 (clocks jump
 * 02:00 → 03:00). In 2025 the change was on 30 Mar, so 31 Mar 2025 is CEST.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { numericTemplateSchema, toStoredTemplate, type NumericTemplateInput } from "@/lib/numeric";
import { retrievability } from "@/lib/srs";
import { getLearnerStats, MISTAKE_SAMPLE, retrievabilitySql } from "@/lib/stats";
import { clearQuestionBank, createUser, testDb } from "./helpers";

const db = testDb();
const BERLIN_4 = { timeZone: "Europe/Berlin", dayStartHour: 4 };
const DAY_MS = 86_400_000;
const at = (iso: string) => new Date(iso);
const daysBefore = (instant: Date, days: number) => new Date(instant.getTime() - days * DAY_MS);

afterAll(async () => {
  await db.$disconnect();
});

beforeEach(async () => {
  // This file owns the question-bank tables for its run (integration files run one at a time).
  await clearQuestionBank(db);
});

// ---- fixtures -------------------------------------------------------------------------------------------------

type State = "NEW" | "LEARNING" | "REVIEW" | "RELEARNING";

/** A learner whose stored day boundary is Berlin, 04:00 (StudyDay rows are bucketed by the stored values). */
async function learner(): Promise<string> {
  const { user } = await createUser(db);
  await db.user.update({ where: { id: user.id }, data: BERLIN_4 });
  return user.id;
}

async function deck(slug: string, order: number, ownerId: string | null = null): Promise<string> {
  return (await db.deck.create({ data: { slug, title: `Deck ${slug}`, order, ownerId } })).id;
}

interface QuestionOptions {
  tags?: string[];
  status?: "ACTIVE" | "ARCHIVED";
  template?: NumericTemplateInput;
}

async function question(deckId: string, key: string, options: QuestionOptions = {}): Promise<string> {
  const template = options.template ? (toStoredTemplate(numericTemplateSchema.parse(options.template)) as unknown as Prisma.InputJsonValue) : undefined;
  const created = await db.question.create({
    data: {
      key, deckId, kind: template ? "NUMERIC" : "FLASHCARD", title: `Question ${key}`, prompt: "Prompt?", answer: "Answer.",
      tags: options.tags ?? [], status: options.status ?? "ACTIVE", template,
    },
  });
  return created.id;
}

interface CardOptions {
  due?: Date;
  stability?: number;
  lastReview?: Date | null;
  suspended?: boolean;
}

async function card(userId: string, questionId: string, state: State, options: CardOptions = {}): Promise<string> {
  const created = await db.card.create({
    data: {
      userId, questionId, state, due: options.due ?? at("2027-01-01T00:00:00Z"), stability: options.stability ?? 0,
      lastReview: options.lastReview ?? null, suspended: options.suspended ?? false,
    },
  });
  return created.id;
}

interface LogOptions {
  stateBefore?: State;
  rating?: number;
  durationMs?: number | null;
  numeric?: { seed: number; answer: string; correct: boolean };
}

function logData(userId: string, cardId: string, reviewedAt: Date, options: LogOptions = {}) {
  return {
    cardId, userId, rating: options.rating ?? 3, stateBefore: options.stateBefore ?? "REVIEW", dueBefore: reviewedAt, stability: 1,
    difficulty: 5, elapsedDays: 0, lastElapsedDays: 0, scheduledDays: 1, learningSteps: 0, reviewedAt,
    durationMs: options.durationMs === undefined ? 1000 : options.durationMs, clientRequestId: randomUUID(),
    numericSeed: options.numeric?.seed ?? null, answerGiven: options.numeric?.answer ?? null, correct: options.numeric?.correct ?? null,
  };
}

/** An answered numeric attempt (as lib/practice/numeric.ts stores one). */
function attemptData(userId: string, questionId: string, seed: number, answer: string, correct: boolean, answeredAt: Date) {
  return { userId, questionId, seed, servedAt: answeredAt, answeredAt, answerGiven: answer, correct };
}

// ---- an empty learner -------------------------------------------------------------------------------------------

describe("a learner without cards or reviews", () => {
  it("gets a full calendar of zeros, empty lists and null retention, and an unknown deck for any slug", async () => {
    const userId = await learner();
    await deck("alpha", 1); // exists, but the learner has no cards in it
    const now = at("2026-03-30T08:00:00Z"); // 10:00 CEST: study day "2026-03-30"
    const stats = await getLearnerStats(db, userId, BERLIN_4, now);

    expect(stats.today).toBe("2026-03-30");
    expect(stats.decks).toEqual([]);
    expect(stats.deck).toBeNull();
    expect(stats.deckNotFound).toBe(false);
    // 365 days: 2025-03-31 (today − 364) … 2026-03-30.
    expect(stats.days).toHaveLength(365);
    expect(stats.days[0]?.day).toBe("2025-03-31");
    expect(stats.days.at(-1)?.day).toBe("2026-03-30");
    expect(stats.days.every((day) => day.reviews === 0 && day.durationMs === 0)).toBe(true);
    // 52 weeks of 7 days ending today: the first starts today − 363 = 2025-04-01.
    expect(stats.weeks).toHaveLength(52);
    expect(stats.weeks[0]).toEqual({ start: "2025-04-01", end: "2025-04-07", reviewed: 0, retained: 0, retention: null });
    expect(stats.weeks.at(-1)).toEqual({ start: "2026-03-24", end: "2026-03-30", reviewed: 0, retained: 0, retention: null });
    expect(stats.forecast).toHaveLength(90);
    expect(stats.forecast.every((day) => day.due === 0)).toBe(true);
    expect(stats.deckCards).toEqual([]);
    expect(stats.memory).toEqual({
      cards: 0,
      stability: ["< 1 day", "1–7 days", "1–3 weeks", "3 weeks–3 months", "3–12 months", "> 1 year"].map((label) => ({ label, cards: 0 })),
      retrievability: Array.from({ length: 10 }, (_, index) => ({ label: `${index * 10}–${index * 10 + 10}%`, cards: 0 })),
      averageRetrievability: null,
    });
    expect(stats.tags).toEqual([]);
    expect(stats.numeric).toEqual([]);

    const alpha = await getLearnerStats(db, userId, { ...BERLIN_4, deckSlug: "alpha" }, now);
    expect(alpha.deckNotFound).toBe(true);
    expect(alpha.deck).toBeNull();
  });

  it("rejects an unknown time zone before querying", async () => {
    const userId = await learner();
    await expect(getLearnerStats(db, userId, { timeZone: "Mars/Olympus", dayStartHour: 4 }, at("2026-03-30T08:00:00Z"))).rejects.toThrow(/time zone/);
  });
});

// ---- history: heatmap, reviews and time per day, weekly retention --------------------------------------------------

describe("history across Berlin's spring DST change (day starts 04:00)", () => {
  const now = at("2026-03-30T08:00:00Z"); // 10:00 CEST, study day "2026-03-30"

  async function history() {
    const userId = await learner();
    const otherId = await learner();
    const alpha = await deck("alpha", 1);
    const beta = await deck("beta", 2);
    const a = await card(userId, await question(alpha, "a1"), "REVIEW");
    const b = await card(userId, await question(beta, "b1"), "REVIEW");
    const others = await card(otherId, await question(beta, "b-other"), "REVIEW");
    await db.reviewLog.createMany({
      data: [
        // 03:00 CEST on 31 Mar 2025 is before 04:00: study day "2025-03-30", one day before the window.
        logData(userId, a, at("2025-03-31T01:00:00Z"), { stateBefore: "REVIEW", rating: 3, durationMs: 9000 }),
        // 04:00 CEST on 31 Mar 2025: the window's first day; Hard counts as retained.
        logData(userId, a, at("2025-03-31T02:00:00Z"), { stateBefore: "REVIEW", rating: 2, durationMs: 4000 }),
        // 03:30 CEST on 29 Mar 2026, just after the jump: still the 23-hour study day "2026-03-28".
        logData(userId, a, at("2026-03-29T01:30:00Z"), { stateBefore: "REVIEW", rating: 3, durationMs: 2000 }),
        // 04:00 CEST on the 29th: "2026-03-29"; Again is not retained.
        logData(userId, a, at("2026-03-29T02:00:00Z"), { stateBefore: "REVIEW", rating: 1, durationMs: 3000 }),
        // 23:00 CEST on the 29th: "2026-03-29"; a first review without a duration.
        logData(userId, b, at("2026-03-29T21:00:00Z"), { stateBefore: "NEW", rating: 3, durationMs: null }),
        // Today.
        logData(userId, b, at("2026-03-30T06:00:00Z"), { stateBefore: "REVIEW", rating: 4, durationMs: 5000 }),
        logData(userId, a, at("2026-03-30T06:30:00Z"), { stateBefore: "LEARNING", rating: 3, durationMs: 1000 }),
        // 04:00 CEST on 31 Mar 2026: tomorrow's study day, after `now`.
        logData(userId, a, at("2026-03-31T02:00:00Z"), { stateBefore: "REVIEW", rating: 3, durationMs: 7000 }),
        // Another learner, today.
        logData(otherId, others, at("2026-03-30T06:00:00Z"), { stateBefore: "REVIEW", rating: 3, durationMs: 8000 }),
      ],
    });
    return userId;
  }

  const active = (days: Array<{ day: string; reviews: number }>) => days.filter((day) => day.reviews > 0);

  it("reads all decks from StudyDay: study days by key, durations summed, first reviews and true retention counted", async () => {
    const userId = await history();
    const stats = await getLearnerStats(db, userId, BERLIN_4, now);
    expect(active(stats.days)).toEqual([
      { day: "2025-03-31", reviews: 1, newCards: 0, reviewed: 1, retained: 1, durationMs: 4000 },
      { day: "2026-03-28", reviews: 1, newCards: 0, reviewed: 1, retained: 1, durationMs: 2000 },
      // REVIEW rated Again (3 s) + NEW without a duration (0 ms).
      { day: "2026-03-29", reviews: 2, newCards: 1, reviewed: 1, retained: 0, durationMs: 3000 },
      // REVIEW rated Easy (5 s) + LEARNING (1 s): only the first tests retention.
      { day: "2026-03-30", reviews: 2, newCards: 0, reviewed: 1, retained: 1, durationMs: 6000 },
    ]);
    // Last week 24–30 Mar: reviewed 1 (28th) + 1 (29th) + 1 (30th) = 3, retained 1 + 0 + 1 = 2.
    expect(stats.weeks.at(-1)).toEqual({ start: "2026-03-24", end: "2026-03-30", reviewed: 3, retained: 2, retention: 2 / 3 });
    // 2025-03-31 is in the 365-day history but one day before the first of the 52 weeks (2025-04-01).
    expect(stats.weeks.filter((week) => week.reviewed > 0)).toHaveLength(1);
  });

  it("reads one deck from ReviewLog with the same bucketing", async () => {
    const userId = await history();
    const stats = await getLearnerStats(db, userId, { ...BERLIN_4, deckSlug: "alpha" }, now);
    expect(stats.deck).toEqual({ slug: "alpha", title: "Deck alpha" });
    expect(stats.deckNotFound).toBe(false);
    expect(stats.days).toHaveLength(365);
    expect(active(stats.days)).toEqual([
      { day: "2025-03-31", reviews: 1, newCards: 0, reviewed: 1, retained: 1, durationMs: 4000 },
      { day: "2026-03-28", reviews: 1, newCards: 0, reviewed: 1, retained: 1, durationMs: 2000 },
      { day: "2026-03-29", reviews: 1, newCards: 0, reviewed: 1, retained: 0, durationMs: 3000 },
      { day: "2026-03-30", reviews: 1, newCards: 0, reviewed: 0, retained: 0, durationMs: 1000 },
    ]);
    // Last week: reviewed 1 (28th) + 1 (29th) = 2, retained 1.
    expect(stats.weeks.at(-1)).toEqual({ start: "2026-03-24", end: "2026-03-30", reviewed: 2, retained: 1, retention: 0.5 });

    const beta = await getLearnerStats(db, userId, { ...BERLIN_4, deckSlug: "beta" }, now);
    expect(active(beta.days)).toEqual([
      { day: "2026-03-29", reviews: 1, newCards: 1, reviewed: 0, retained: 0, durationMs: 0 },
      { day: "2026-03-30", reviews: 1, newCards: 0, reviewed: 1, retained: 1, durationMs: 5000 },
    ]);
  });

  it("moves logs between days when the learner changes their day start hour (StudyDay is rebuilt)", async () => {
    const userId = await history();
    await db.user.update({ where: { id: userId }, data: { dayStartHour: 0 } });
    const midnight = { timeZone: "Europe/Berlin", dayStartHour: 0 };
    const stats = await getLearnerStats(db, userId, midnight, now);
    // With days from midnight, 03:30 CEST on the 29th is the 29th, and 03:00 CEST on 31 Mar 2025 is the 31st.
    expect(active(stats.days).map((day) => [day.day, day.reviews])).toEqual([
      ["2025-03-31", 2],
      ["2026-03-29", 3],
      ["2026-03-30", 2],
    ]);
  });
});

// ---- forecast ----------------------------------------------------------------------------------------------------

describe("forecast", () => {
  // 28 Mar 12:00 CET: study day "2026-03-28", which ends 29 Mar 04:00 CEST = 02:00Z (a 23-hour day).
  const now = at("2026-03-28T11:00:00Z");

  it("counts due reviews per study day for 90 days over all the learner's decks, overdue ones today", async () => {
    const userId = await learner();
    const alpha = await deck("alpha", 1);
    const beta = await deck("beta", 2);
    const due = (key: string, deckId: string, state: State, instant: string, options: Omit<QuestionOptions, "template"> & CardOptions = {}) =>
      question(deckId, key, options).then((questionId) => card(userId, questionId, state, { ...options, due: at(instant) }));
    await due("overdue", alpha, "REVIEW", "2026-03-20T12:00:00Z"); // day 0
    await due("after-jump", alpha, "REVIEW", "2026-03-29T01:30:00Z"); // 03:30 CEST on the 29th → day 0
    await due("learning-later", alpha, "LEARNING", "2026-03-28T15:00:00Z"); // day 0
    await due("at-0400", alpha, "REVIEW", "2026-03-29T02:00:00Z"); // 04:00 CEST → day 1
    await due("day-30", beta, "REVIEW", "2026-04-27T12:00:00Z"); // 28 Mar + 30 days (March has 31) → day 30
    await due("day-89", beta, "REVIEW", "2026-06-25T12:00:00Z"); // 28 Mar + 89 days = 25 Jun → the last day
    await due("day-89-0359", beta, "RELEARNING", "2026-06-26T01:59:00Z"); // 03:59 CEST on 26 Jun → still 25 Jun
    await due("day-90", beta, "REVIEW", "2026-06-26T02:00:00Z"); // 04:00 CEST on 26 Jun → day 90: out
    await due("new", alpha, "NEW", "2026-03-20T12:00:00Z"); // not a review
    await due("suspended", alpha, "REVIEW", "2026-03-29T12:00:00Z", { suspended: true });
    await due("archived", alpha, "REVIEW", "2026-03-29T12:00:00Z", { status: "ARCHIVED" });
    // Studying only alpha does not hide beta here (the page covers every card; the home forecast would).
    await db.studyDeck.create({ data: { userId, deckId: alpha } });

    const stats = await getLearnerStats(db, userId, BERLIN_4, now);
    expect(stats.forecast).toHaveLength(90);
    expect(stats.forecast[0]).toEqual({ day: "2026-03-28", due: 3 });
    expect(stats.forecast[89]).toEqual({ day: "2026-06-25", due: 2 });
    expect(stats.forecast.filter((day) => day.due > 0)).toEqual([
      { day: "2026-03-28", due: 3 },
      { day: "2026-03-29", due: 1 },
      { day: "2026-04-27", due: 1 },
      { day: "2026-06-25", due: 2 },
    ]);

    const alphaOnly = await getLearnerStats(db, userId, { ...BERLIN_4, deckSlug: "alpha" }, now);
    expect(alphaOnly.forecast.filter((day) => day.due > 0)).toEqual([
      { day: "2026-03-28", due: 3 },
      { day: "2026-03-29", due: 1 },
    ]);
  });
});

// ---- card states and mastery per deck and per tag -------------------------------------------------------------------

describe("card states and mastery", () => {
  const now = at("2026-03-01T12:00:00Z");

  async function collection() {
    const userId = await learner();
    const otherId = await learner();
    const alpha = await deck("alpha", 2);
    const beta = await deck("beta", 3);
    const gamma = await deck("gamma", 1); // first in order, but the learner has no cards in it: not listed
    const mine = await deck("mine", 0, userId); // the learner's personal deck: listed after the shared ones
    const theirs = await deck("theirs", 0, otherId); // someone else's personal deck: never counted

    await card(userId, await question(alpha, "a1", { tags: ["conv"] }), "NEW");
    await card(userId, await question(alpha, "a2", { tags: ["conv", "pooling"] }), "LEARNING", { stability: 2 });
    await card(userId, await question(alpha, "a3", { tags: ["conv", "conv"] }), "REVIEW", { stability: 21 }); // mastered (at the threshold)
    await card(userId, await question(alpha, "a4", { tags: ["pooling"] }), "REVIEW", { stability: 20.9 }); // just below
    await card(userId, await question(alpha, "a5", { tags: ["conv"] }), "REVIEW", { stability: 30, suspended: true }); // suspended: not mastered
    await card(userId, await question(alpha, "a6", { tags: ["conv"], status: "ARCHIVED" }), "REVIEW", { stability: 50 }); // archived: not counted
    await question(alpha, "a7", { tags: ["conv"] }); // not started
    const shared = await question(alpha, "a8", { tags: ["pooling"], status: "ARCHIVED" });
    await card(otherId, shared, "REVIEW", { stability: 99 }); // another learner's card
    await card(userId, await question(beta, "b1", { tags: ["norm"] }), "RELEARNING", { stability: 3 });
    await card(userId, await question(beta, "b2", { tags: ["norm", "conv"] }), "REVIEW", { stability: 100 }); // mastered
    await question(gamma, "g1", { tags: ["conv"] });
    await card(userId, await question(mine, "m1", { tags: ["anki"] }), "NEW");
    await card(otherId, await question(theirs, "t1", { tags: ["conv", "anki"] }), "REVIEW", { stability: 50 });
    return userId;
  }

  it("counts cards by state per deck, suspended ones apart, and mastered cards (REVIEW, S >= 21 days, not suspended)", async () => {
    const userId = await collection();
    const stats = await getLearnerStats(db, userId, BERLIN_4, now);
    expect(stats.decks).toEqual([
      { slug: "alpha", title: "Deck alpha" },
      { slug: "beta", title: "Deck beta" },
      { slug: "mine", title: "Deck mine" },
    ]);
    expect(stats.deckCards).toEqual([
      // ACTIVE questions a1–a5, a7 = 6; a3 and a4 in REVIEW, a3 mastered; a5 suspended.
      { slug: "alpha", title: "Deck alpha", questions: 6, new: 1, learning: 1, review: 2, relearning: 0, suspended: 1, mastered: 1 },
      { slug: "beta", title: "Deck beta", questions: 2, new: 0, learning: 0, review: 1, relearning: 1, suspended: 0, mastered: 1 },
      { slug: "mine", title: "Deck mine", questions: 1, new: 1, learning: 0, review: 0, relearning: 0, suspended: 0, mastered: 0 },
    ]);
    expect(stats.tags).toEqual([
      // conv: ACTIVE visible questions a1, a2, a3, a5, a7, b2, g1 = 7 (not a6: archived; not t1: someone else's
      // deck); the learner's cards a1, a2, a3, a5, b2 = 5; mastered a3, b2. a3's duplicate tag counts once.
      { tag: "conv", questions: 7, cards: 5, mastered: 2 },
      // norm: b1, b2, both carded, b2 mastered. pooling: a2, a4 (a8 archived). anki: m1 only (t1 is not ours).
      { tag: "norm", questions: 2, cards: 2, mastered: 1 },
      { tag: "pooling", questions: 2, cards: 2, mastered: 0 },
      { tag: "anki", questions: 1, cards: 1, mastered: 0 },
    ]);
  });

  it("narrows per-deck and per-tag figures to the chosen deck", async () => {
    const userId = await collection();
    const stats = await getLearnerStats(db, userId, { ...BERLIN_4, deckSlug: "alpha" }, now);
    expect(stats.deckCards).toEqual([
      { slug: "alpha", title: "Deck alpha", questions: 6, new: 1, learning: 1, review: 2, relearning: 0, suspended: 1, mastered: 1 },
    ]);
    expect(stats.decks.map((deck) => deck.slug)).toEqual(["alpha", "beta", "mine"]); // the selector keeps every deck
    // conv in alpha: a1, a2, a3, a5, a7 = 5 questions, 4 cards, a3 mastered.
    expect(stats.tags).toEqual([
      { tag: "conv", questions: 5, cards: 4, mastered: 1 },
      { tag: "pooling", questions: 2, cards: 2, mastered: 0 },
    ]);
  });

  it("treats unknown, foreign, empty and malformed deck slugs safely", async () => {
    const userId = await collection();
    const all = await getLearnerStats(db, userId, BERLIN_4, now);
    for (const deckSlug of ["nope", "gamma", "theirs", "x".repeat(300), "alpha'; DROP TABLE \"Card\"; --"]) {
      const stats = await getLearnerStats(db, userId, { ...BERLIN_4, deckSlug }, now);
      expect(stats.deckNotFound, deckSlug).toBe(true);
      expect(stats.deck, deckSlug).toBeNull();
      expect(stats.deckCards, deckSlug).toEqual(all.deckCards); // all decks instead
    }
    const blank = await getLearnerStats(db, userId, { ...BERLIN_4, deckSlug: "  " }, now);
    expect(blank.deckNotFound).toBe(false);
    const padded = await getLearnerStats(db, userId, { ...BERLIN_4, deckSlug: " beta " }, now);
    expect(padded.deck).toEqual({ slug: "beta", title: "Deck beta" });
    expect(padded.deckCards.map((deck) => deck.slug)).toEqual(["beta"]);
  });
});

// ---- memory: stability and retrievability -------------------------------------------------------------------------

describe("stability and retrievability distributions", () => {
  const now = at("2026-03-01T12:00:00Z");
  /**
   * R = (1 + f·t/S)^(−0.1542) with f = 0.9^(−1/0.1542) − 1 = 0.98034649 (ts-fsrs's FSRS-6 default decay):
   * - m1: t = S = 10 → 0.9 exactly (the definition of stability).
   * - m2: S = 1, t = 100 → 99.034649^−0.1542 = e^(−0.1542 · 4.595470) = e^(−0.708621) ≈ 0.49233.
   * - m3: S = 0.5, t = 1 h = 1/24 d → 1.081696^−0.1542 = e^(−0.1542 · 0.078531) ≈ 0.98796.
   * - m4: S = 400, t = 3650 → (1 + 0.98034649 · 9.125)^−0.1542 = 9.945662^−0.1542 = e^(−0.1542 · 2.297137) ≈ 0.70174.
   * - m7: last review in the future → t = 0 → 1.
   */
  const EXPECTED_R = { m1: 0.9, m2: 0.49233, m3: 0.98796, m4: 0.70174, m7: 1 };

  async function memory() {
    const userId = await learner();
    const otherId = await learner();
    const alpha = await deck("alpha", 1);
    const beta = await deck("beta", 2);
    const add = async (deckId: string, key: string, state: State, options: CardOptions & { status?: "ARCHIVED"; owner?: string } = {}) =>
      card(options.owner ?? userId, await question(deckId, key, { status: options.status }), state, options);
    await add(alpha, "m1", "REVIEW", { stability: 10, lastReview: daysBefore(now, 10) }); // S 7–21 d, R 90–100 %
    await add(alpha, "m2", "REVIEW", { stability: 1, lastReview: daysBefore(now, 100) }); // S 1–7 d, R 40–50 %
    await add(alpha, "m3", "RELEARNING", { stability: 0.5, lastReview: new Date(now.getTime() - 3_600_000) }); // S < 1 d, R 90–100 %
    await add(beta, "m4", "REVIEW", { stability: 400, lastReview: daysBefore(now, 3650) }); // S > 1 y, R 70–80 %
    await add(beta, "m5", "REVIEW", { stability: 100, lastReview: null }); // S 3–12 m, no R (never reviewed here)
    await add(beta, "m6", "REVIEW", { stability: 0, lastReview: daysBefore(now, 1) }); // S < 1 d, no R (S = 0)
    await add(beta, "m7", "REVIEW", { stability: 50, lastReview: daysBefore(now, -1) }); // S 3 w–3 m, R = 1
    // Not counted: no memory state yet, suspended, archived, someone else's.
    await add(alpha, "x-learning", "LEARNING", { stability: 5, lastReview: daysBefore(now, 1) });
    await add(alpha, "x-new", "NEW");
    await add(alpha, "x-suspended", "REVIEW", { stability: 10, lastReview: daysBefore(now, 1), suspended: true });
    await add(alpha, "x-archived", "REVIEW", { stability: 10, lastReview: daysBefore(now, 1), status: "ARCHIVED" });
    await add(alpha, "x-other", "REVIEW", { stability: 10, lastReview: daysBefore(now, 1), owner: otherId });
    return userId;
  }

  it("buckets REVIEW and RELEARNING cards by stability and by retrievability at now", async () => {
    const userId = await memory();
    const { memory: result } = await getLearnerStats(db, userId, BERLIN_4, now);
    expect(result.cards).toBe(7);
    expect(result.stability.map((bucket) => bucket.cards)).toEqual([2, 1, 1, 1, 1, 1]); // m3 m6 | m2 | m1 | m7 | m5 | m4
    expect(result.retrievability.map((bucket) => bucket.cards)).toEqual([0, 0, 0, 0, 1, 0, 0, 1, 0, 3]); // m2 | m4 | m1 m3 m7
    // (0.9 + 0.49233 + 0.98796 + 0.70174 + 1) / 5 = 4.08203 / 5 = 0.816406
    expect(result.averageRetrievability).toBeCloseTo(0.816406, 4);

    const alpha = await getLearnerStats(db, userId, { ...BERLIN_4, deckSlug: "alpha" }, now);
    // m1, m2, m3: (0.9 + 0.49233 + 0.98796) / 3 = 0.793430
    expect(alpha.memory.cards).toBe(3);
    expect(alpha.memory.stability.map((bucket) => bucket.cards)).toEqual([1, 1, 1, 0, 0, 0]);
    expect(alpha.memory.retrievability.map((bucket) => bucket.cards)).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0, 2]);
    expect(alpha.memory.averageRetrievability).toBeCloseTo(0.79343, 4);
  });

  it("computes retrievability in SQL as lib/srs does", async () => {
    const userId = await memory();
    // More cards over a wide range of stabilities and elapsed times (fractional days included).
    const alpha = (await db.deck.findUniqueOrThrow({ where: { slug: "alpha" } })).id;
    for (let index = 0; index < 24; index++) {
      const stability = 0.05 * 3 ** (index % 8) + index / 7; // 0.05 … 109 days
      const elapsedMs = Math.round(DAY_MS * 0.37 * 2 ** (index % 12)) + index * 61_001; // 9 h … 2 years, odd ms
      await card(userId, await question(alpha, `r${index}`), index % 3 === 0 ? "RELEARNING" : "REVIEW", {
        stability, lastReview: new Date(now.getTime() - elapsedMs),
      });
    }
    const cards = await db.card.findMany({ where: { userId }, select: { id: true, state: true, stability: true, lastReview: true } });
    const rows = await db.$queryRaw<Array<{ id: string; r: number | null }>>`
      SELECT c."id", ${retrievabilitySql(now)}::float8 AS "r" FROM "Card" c WHERE c."userId" = ${userId}`;
    const sql = new Map(rows.map((row) => [row.id, row.r]));
    expect(rows).toHaveLength(cards.length);
    for (const row of cards) {
      // null for m5 (no last review), m6 (S = 0) and the NEW card (no last review either).
      const expected = retrievability(row, now);
      if (expected === null) {
        expect(sql.get(row.id), row.id).toBeNull();
        continue;
      }
      // Both round to 8 decimals; allow one unit in the last place for a rounding tie computed two ways.
      expect(sql.get(row.id), `${row.stability} ${row.lastReview?.toISOString()}`).toBeCloseTo(expected, 7);
    }
    // And the hand-computed values above (to the 5 decimals worked out).
    for (const [key, value] of Object.entries(EXPECTED_R)) {
      const found = await db.card.findFirstOrThrow({ where: { userId, question: { key } }, select: { id: true } });
      expect(sql.get(found.id), key).toBeCloseTo(value, 4);
    }
  });
});

// ---- numeric accuracy and mistakes ---------------------------------------------------------------------------------

/** 3×3 convolution, 64 → 128 channels with biases, every variable fixed: answer 73,856 for every seed. */
const CONV: NumericTemplateInput = {
  variables: { k: { choices: [3] }, c_in: { choices: [64] }, c_out: { choices: [128] } },
  answer: "k * k * c_in * c_out + c_out",
  tolerance: { type: "exact" },
  unit: "parameters",
  mistakes: [
    { when: "k * k * c_in * c_out", feedback: "You left out the {{c_out}} biases." }, // 73,728
    { when: "k * k * c_in", feedback: "That is one filter." }, // 576
  ],
  solution: "{{answer}}",
};

/** Output width of a 2×2 pool with stride 2 on 32 pixels: (32 − 2) / 2 + 1 = 16. */
const POOL: NumericTemplateInput = {
  variables: { H: { choices: [32] }, k: { choices: [2] }, s: { choices: [2] } },
  answer: "(H - k) / s + 1",
  tolerance: { type: "exact" },
  unit: "elements",
  mistakes: [
    { when: "H - k + 1", feedback: "You forgot the stride." }, // 31
    { when: "(H - k) / s", feedback: "You forgot the + 1." }, // 15
  ],
  solution: "{{answer}}",
};

describe("numeric accuracy per template", () => {
  const now = at("2026-03-01T12:00:00Z");
  const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

  async function answers() {
    const userId = await learner();
    const otherId = await learner();
    const alpha = await deck("alpha", 1);
    const beta = await deck("beta", 2);
    const conv = await question(alpha, "n-conv", { template: CONV });
    const pool = await question(beta, "n-pool", { template: POOL });
    const archived = await question(alpha, "n-archived", { template: CONV, status: "ARCHIVED" });

    await db.numericAttempt.createMany({
      data: [
        // Practice on n-conv: 2 correct, 2 × "forgot the biases", 1 × "one filter", 1 unexplained.
        attemptData(userId, conv, 1, "73856", true, minutesAgo(60)),
        attemptData(userId, conv, 2, "73,856", true, minutesAgo(59)),
        attemptData(userId, conv, 3, "73728", false, minutesAgo(58)),
        attemptData(userId, conv, 4, "73728", false, minutesAgo(57)),
        attemptData(userId, conv, 5, "576", false, minutesAgo(56)),
        attemptData(userId, conv, 6, "5", false, minutesAgo(55)),
        // n-pool: 1 correct, 1 × "forgot the + 1".
        attemptData(userId, pool, 7, "16", true, minutesAgo(50)),
        attemptData(userId, pool, 8, "15", false, minutesAgo(49)),
        // Not counted: served but never answered, an archived question, another learner.
        { userId, questionId: conv, seed: 9, servedAt: minutesAgo(40) },
        attemptData(userId, archived, 10, "5", false, minutesAgo(40)),
        attemptData(otherId, conv, 11, "576", false, minutesAgo(40)),
      ],
    });
    // A study session: the attempt is answered (forgot the biases), then the card is rated, which copies the answer
    // into the review log. It is one answer, not two.
    const convCard = await card(userId, conv, "REVIEW");
    await db.numericAttempt.create({ data: attemptData(userId, conv, 12, "73728", false, minutesAgo(30)) });
    await db.reviewLog.create({ data: logData(userId, convCard, minutesAgo(29), { rating: 1, numeric: { seed: 12, answer: "73728", correct: false } }) });
    // A review log whose answer has no attempt (graded elsewhere): counted ("one filter").
    await db.reviewLog.create({ data: logData(userId, convCard, minutesAgo(20), { rating: 1, numeric: { seed: 13, answer: "576", correct: false } }) });
    return { userId, conv };
  }

  it("counts each answer once, weakest template first, with the most frequent declared mistakes", async () => {
    const { userId } = await answers();
    const stats = await getLearnerStats(db, userId, BERLIN_4, now);
    expect(stats.numeric).toEqual([
      {
        // 6 practice answers + 1 study answer + 1 log-only answer = 8, of which 2 correct: 25 %.
        // Wrong: 73,728 × 3 (seeds 3, 4, 12), 576 × 2 (seeds 5, 13), 5 × 1 → 6 examined, 5 explained.
        questionKey: "n-conv", title: "Question n-conv", deckSlug: "alpha", deckTitle: "Deck alpha",
        attempts: 8, correct: 2, accuracy: 0.25, examined: 6, matched: 5,
        topMistakes: [
          { index: 0, feedback: "You left out the 128 biases.", count: 3 },
          { index: 1, feedback: "That is one filter.", count: 2 },
        ],
      },
      {
        questionKey: "n-pool", title: "Question n-pool", deckSlug: "beta", deckTitle: "Deck beta",
        attempts: 2, correct: 1, accuracy: 0.5, examined: 1, matched: 1,
        topMistakes: [{ index: 1, feedback: "You forgot the + 1.", count: 1 }],
      },
    ]);

    // beta has answers but no card: it is still one of the learner's decks, with no cards.
    expect(stats.decks.map((deck) => deck.slug)).toEqual(["alpha", "beta"]);
    expect(stats.deckCards[1]).toEqual({ slug: "beta", title: "Deck beta", questions: 1, new: 0, learning: 0, review: 0, relearning: 0, suspended: 0, mastered: 0 });
    const beta = await getLearnerStats(db, userId, { ...BERLIN_4, deckSlug: "beta" }, now);
    expect(beta.deckNotFound).toBe(false);
    expect(beta.numeric.map((row) => [row.questionKey, row.attempts])).toEqual([["n-pool", 2]]);
  });

  it("re-grades only the latest 100 wrong answers per template", async () => {
    expect(MISTAKE_SAMPLE).toBe(100);
    const userId = await learner();
    const conv = await question(await deck("alpha", 1), "n-conv", { template: CONV });
    // The oldest wrong answer is "one filter"; the 100 after it all "forgot the biases"; then one correct.
    await db.numericAttempt.createMany({
      data: [
        attemptData(userId, conv, 1, "576", false, minutesAgo(1000)),
        ...Array.from({ length: 100 }, (_, index) => attemptData(userId, conv, 100 + index, "73728", false, minutesAgo(900 - index))),
        attemptData(userId, conv, 2, "73856", true, minutesAgo(1)),
      ],
    });
    const [row] = (await getLearnerStats(db, userId, BERLIN_4, now)).numeric;
    // 102 answers, 1 correct; the 100 latest wrong ones are re-graded, the oldest ("one filter") is not.
    expect(row).toMatchObject({ attempts: 102, correct: 1, examined: 100, matched: 100 });
    expect(row?.topMistakes).toEqual([{ index: 0, feedback: "You left out the 128 biases.", count: 100 }]);
  });
});
