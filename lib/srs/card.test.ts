import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromFsrsCard, toFsrsCard, type SrsCard } from "./card";
import { CARD_STATES, newCard, SrsError } from "./index";

describe("newCard", () => {
  it("is a NEW card due now with empty FSRS state (ts-fsrs createEmptyCard)", () => {
    const now = new Date("2026-03-01T10:00:00Z");
    const card = newCard(now);
    expect(card).toStrictEqual({
      due: now,
      stability: 0,
      difficulty: 0,
      elapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 0,
      lapses: 0,
      state: "NEW",
      lastReview: null,
      suspended: false,
    });
    expect(card.due).not.toBe(now); // a copy
    expect(() => newCard(new Date(Number.NaN))).toThrow(SrsError);
  });
});

describe("ts-fsrs conversion", () => {
  it("round-trips every card (property)", () => {
    const date = fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true });
    const cardArb: fc.Arbitrary<SrsCard> = fc.record({
      due: date,
      stability: fc.double({ min: 0, max: 36_500, noNaN: true }),
      difficulty: fc.double({ min: 0, max: 10, noNaN: true }),
      elapsedDays: fc.nat(),
      scheduledDays: fc.nat(),
      learningSteps: fc.nat(10),
      reps: fc.nat(),
      lapses: fc.nat(),
      state: fc.constantFrom(...CARD_STATES),
      lastReview: fc.option(date, { nil: null }),
      suspended: fc.boolean(),
    });
    fc.assert(
      fc.property(cardArb, (card) => {
        const fsrsCard = toFsrsCard(card);
        expect(fsrsCard.due).not.toBe(card.due);
        expect(fromFsrsCard(fsrsCard, card.suspended)).toStrictEqual({ ...card }); // fast-check records have a null prototype
      }),
      { numRuns: 200 },
    );
  });

  it("maps states to ts-fsrs's numbering (New 0, Learning 1, Review 2, Relearning 3)", () => {
    const base = newCard(new Date("2026-03-01T00:00:00Z"));
    expect(CARD_STATES.map((state) => toFsrsCard({ ...base, state }).state)).toEqual([0, 1, 2, 3]);
  });
});
