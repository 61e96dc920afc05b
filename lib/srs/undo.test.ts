import fc from "fast-check";
import { createEmptyCard, fsrs, Rating } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import {
  newCard,
  parseSchedulerSettings,
  reviewCard,
  SrsError,
  undoReview,
  type SchedulerSettings,
  type SrsCard,
  type SrsRating,
  type SrsReviewLog,
} from "./index";

const MINUTE = 60_000;
const DAY = 86_400_000;
const T0 = new Date("2026-03-01T10:00:00Z");
const NO_FUZZ = parseSchedulerSettings({ enableFuzz: false });

// Arrange helpers: random settings and random review sessions.
const settingsArb: fc.Arbitrary<SchedulerSettings> = fc
  .record({
    desiredRetention: fc.constantFrom(0.7, 0.8, 0.9, 0.95, 0.99),
    learningSteps: fc.constantFrom([], ["1m"], ["1m", "10m"], ["5m", "1h", "1d"], ["2d"]),
    relearningSteps: fc.constantFrom([], ["10m"], ["1m", "1h"]),
    maximumIntervalDays: fc.constantFrom(36_500, 365, 7),
    enableFuzz: fc.boolean(),
  })
  .map((fields) => parseSchedulerSettings(fields));

/** When the next review happens: at the due date, some time around it (early or late), or a delay after the last. */
type Timing = { kind: "atDue" | "aroundDue" | "afterLast"; offset: number };
const timingArb: fc.Arbitrary<Timing> = fc.oneof(
  fc.constant({ kind: "atDue" as const, offset: 0 }),
  fc.record({ kind: fc.constant("aroundDue" as const), offset: fc.integer({ min: -3 * DAY, max: 60 * DAY }) }),
  fc.record({ kind: fc.constant("afterLast" as const), offset: fc.integer({ min: 0, max: 400 * DAY }) }),
);

const stepArb = fc.record({ rating: fc.constantFrom<SrsRating>(1, 2, 3, 4), timing: timingArb });

function nextTime(card: SrsCard, timing: Timing): Date {
  const last = card.lastReview?.getTime() ?? card.due.getTime();
  const base = timing.kind === "afterLast" ? last : card.due.getTime();
  return new Date(Math.max(last, base + timing.offset)); // never before the last review
}

describe("undoReview", () => {
  it("returns exactly the card before the review (review then undo = identity), for random sessions", () => {
    fc.assert(
      fc.property(
        settingsArb,
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.array(stepArb, { minLength: 1, maxLength: 25 }),
        (settings, start, steps) => {
          // Arrange: a new card and its history of logs.
          let card = newCard(new Date(start));
          const cards: SrsCard[] = [card];
          const logs: SrsReviewLog[] = [];
          for (const step of steps) {
            const now = nextTime(card, step.timing);
            // Act
            const result = reviewCard(card, step.rating, settings, now);
            const undone = undoReview(result.card, result.log, { previousReviewedAt: logs.at(-1)?.reviewedAt ?? null });
            // Assert: exact identity (dates by value, every field, no extra keys).
            expect(undone).toStrictEqual(card);
            // The invariant undo relies on: lastReview is the latest log's reviewedAt.
            expect(result.card.lastReview).toEqual(result.log.reviewedAt);
            logs.push(result.log);
            cards.push(result.card);
            card = result.card;
          }
          // Undo the whole session, latest first, back to the new card.
          for (let i = logs.length - 1; i >= 0; i -= 1) {
            const log = logs[i] as SrsReviewLog;
            card = undoReview(card, log, { previousReviewedAt: logs[i - 1]?.reviewedAt ?? null });
            expect(card).toStrictEqual(cards[i]);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("restores due and lastReview, which ts-fsrs's rollback alone does not", () => {
    // A learning card due at T0 + 10m, reviewed 5 minutes late.
    const before = reviewCard(newCard(T0), 3, NO_FUZZ, T0).card;
    const now = new Date(before.due.getTime() + 5 * MINUTE);
    const { card, log } = reviewCard(before, 3, NO_FUZZ, now);
    expect(undoReview(card, log, { previousReviewedAt: T0 })).toStrictEqual(before);

    // The same two reviews in plain ts-fsrs: its rollback puts the review time as due (see FSRS.rollback),
    // 5 minutes later than the card really was due.
    const f = fsrs({ enable_fuzz: false });
    const step1 = f.next(createEmptyCard(T0), T0, Rating.Good).card;
    const raw = f.next(step1, now, Rating.Good);
    expect(f.rollback(raw.card, raw.log).due).toEqual(now);
    expect(step1.due).toEqual(before.due);
  });

  it("removes the lapse of an Again on a REVIEW card, and keeps suspended", () => {
    const learnt = reviewCard(newCard(T0), 4, NO_FUZZ, T0).card;
    const { card, log } = reviewCard(learnt, 1, NO_FUZZ, learnt.due);
    expect(card.lapses).toBe(1);
    const suspendedAfter = { ...card, suspended: true };
    expect(undoReview(suspendedAfter, log, { previousReviewedAt: T0 })).toStrictEqual({ ...learnt, suspended: true });
  });

  it("refuses a log that is not the card's latest review", () => {
    const first = reviewCard(newCard(T0), 3, NO_FUZZ, T0);
    const second = reviewCard(first.card, 3, NO_FUZZ, first.card.due);
    expect(() => undoReview(second.card, first.log, { previousReviewedAt: null })).toThrow(
      "log: This review is not the card's latest one, so it cannot be undone.",
    );
    expect(() => undoReview(newCard(T0), first.log, { previousReviewedAt: null })).toThrow(SrsError);
    expect(() => undoReview(first.card, { ...first.log, rating: 0 as SrsRating }, { previousReviewedAt: null })).toThrow(SrsError);
    expect(() => undoReview({ ...first.card, reps: 0 }, first.log, { previousReviewedAt: null })).toThrow(SrsError);
  });

  it("is exact at day scale too: a month of daily Good reviews", () => {
    let card = newCard(T0);
    let previous: Date | null = null;
    for (let day = 0; day < 30; day += 1) {
      const now = new Date(Math.max(card.due.getTime(), T0.getTime() + day * DAY));
      const result = reviewCard(card, 3, parseSchedulerSettings({}), now);
      expect(undoReview(result.card, result.log, { previousReviewedAt: previous })).toStrictEqual(card);
      previous = result.log.reviewedAt;
      card = result.card;
    }
  });
});
