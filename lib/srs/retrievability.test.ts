import fc from "fast-check";
import { default_w, fsrs } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { newCard, parseSchedulerSettings, retrievability, reviewCard, SrsError, type SrsCard } from "./index";

const DAY = 86_400_000;
const T0 = new Date("2026-03-01T10:00:00Z");
const SETTINGS = parseSchedulerSettings({ enableFuzz: false });
/** Reviewed twice: Easy at T0, then Good when due, so stability is well above a day. */
const reviewed = (): SrsCard => {
  const first = reviewCard(newCard(T0), 4, SETTINGS, T0).card;
  return reviewCard(first, 3, SETTINGS, first.due).card;
};
const at = (card: SrsCard, days: number) => new Date((card.lastReview as Date).getTime() + days * DAY);

describe("retrievability", () => {
  it("is null for a new card (no memory state yet)", () => {
    expect(retrievability(newCard(T0), T0)).toBeNull();
  });

  it("is 1 right after a review and 0.9 after `stability` days (the definition of stability)", () => {
    const card = reviewed();
    expect(retrievability(card, at(card, 0))).toBe(1);
    expect(retrievability(card, at(card, card.stability))).toBeCloseTo(0.9, 6);
    expect(retrievability(card, at(card, -1))).toBe(1); // before the last review: clamped to t = 0
  });

  it("follows the learner's own decay w20 when they have personal FSRS weights", () => {
    const card = reviewed();
    const personal = [...default_w];
    personal[20] = 0.5;
    // By hand: factor = 0.9^(−1/0.5) − 1 = 1/0.81 − 1 = 0.2345679…; at t = 2S, R = (1 + 2 · factor)^(−0.5)
    // = (1.4691358…)^(−0.5) = 0.825029…. The default decay 0.1542 gives (1 + 2 · 0.98034649)^(−0.1542) = 0.845885….
    expect(retrievability(card, at(card, 2 * card.stability), personal)).toBeCloseTo(0.825029, 5);
    expect(retrievability(card, at(card, 2 * card.stability))).toBeCloseTo(0.845885, 5);
    // Stability keeps its meaning under any decay: R(S) = 0.9.
    expect(retrievability(card, at(card, card.stability), personal)).toBeCloseTo(0.9, 6);
  });

  it("agrees with ts-fsrs's get_retrievability at whole days", () => {
    const card = reviewed();
    const f = fsrs();
    const fsrsCard = { ...card, elapsed_days: card.elapsedDays, scheduled_days: card.scheduledDays, learning_steps: card.learningSteps, last_review: card.lastReview as Date, state: 2 };
    for (const days of [0, 1, 7, 30, 365]) {
      expect(retrievability(card, at(card, days))).toBe(f.get_retrievability(fsrsCard, at(card, days), false));
    }
  });

  it("decreases with time (property)", () => {
    const card = reviewed();
    fc.assert(
      fc.property(fc.double({ min: 0, max: 3_650, noNaN: true }), fc.double({ min: 0.01, max: 100, noNaN: true }), (t, dt) => {
        const earlier = retrievability(card, at(card, t)) as number;
        const later = retrievability(card, at(card, t + dt)) as number;
        expect(earlier).toBeGreaterThan(0);
        expect(earlier).toBeLessThanOrEqual(1);
        expect(later).toBeLessThanOrEqual(earlier);
      }),
      { numRuns: 200 },
    );
    expect(retrievability(card, at(card, 10))).toBeLessThan(retrievability(card, at(card, 5)) as number);
  });

  it("rejects an invalid date", () => {
    expect(() => retrievability(reviewed(), new Date(Number.NaN))).toThrow(SrsError);
  });
});
