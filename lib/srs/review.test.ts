import { describe, expect, it } from "vitest";
import {
  formatInterval,
  newCard,
  parseSchedulerSettings,
  previewIntervals,
  reviewCard,
  SrsError,
  type SrsCard,
  type SrsRating,
} from "./index";

const MINUTE = 60_000;
const DAY = 86_400_000;
const T0 = new Date("2026-03-01T10:00:00Z");
const DEFAULTS = parseSchedulerSettings({});
const NO_FUZZ = parseSchedulerSettings({ enableFuzz: false });

const after = (card: SrsCard, rating: SrsRating, now: Date, settings = NO_FUZZ) => reviewCard(card, rating, settings, now).card;
const daysFrom = (from: Date, to: Date) => (to.getTime() - from.getTime()) / DAY;

/** A card in REVIEW: new, rated Easy (graduates at once), reviewed at T0. */
const graduated = () => after(newCard(T0), 4, T0);

describe("reviewCard with the default learning steps [1m, 10m] (ts-fsrs BasicLearningStepsStrategy)", () => {
  it("rates a new card as ts-fsrs documents: Again 1m, Hard 6m, Good 10m, Easy graduates", () => {
    const again = after(newCard(T0), 1, T0);
    expect(again.state).toBe("LEARNING");
    expect(again.due.getTime() - T0.getTime()).toBe(1 * MINUTE);

    // Hard on the first step: mean of the first two steps, round((1 + 10) / 2) = 6 minutes
    const hard = after(newCard(T0), 2, T0);
    expect(hard.state).toBe("LEARNING");
    expect(hard.due.getTime() - T0.getTime()).toBe(6 * MINUTE);

    const good = after(newCard(T0), 3, T0);
    expect(good).toMatchObject({ state: "LEARNING", learningSteps: 1, scheduledDays: 0, reps: 1, lapses: 0 });
    expect(good.due.getTime() - T0.getTime()).toBe(10 * MINUTE);
    expect(good.lastReview).toEqual(T0);

    // Easy: FSRS-6 initial stability S0(Easy) = w3 = 8.2956 days; at retention 0.9 the interval is S itself,
    // rounded: 8 days (no fuzz).
    const easy = after(newCard(T0), 4, T0);
    expect(easy).toMatchObject({ state: "REVIEW", scheduledDays: 8, learningSteps: 0, stability: 8.2956 });
    expect(daysFrom(T0, easy.due)).toBe(8);
  });

  it("graduates a learning card rated Good on its last step", () => {
    const step1 = after(newCard(T0), 3, T0);
    const at = step1.due; // 10 minutes later
    const graduatedCard = after(step1, 3, at);
    expect(graduatedCard.state).toBe("REVIEW");
    expect(graduatedCard.scheduledDays).toBeGreaterThanOrEqual(1);
    expect(daysFrom(at, graduatedCard.due)).toBe(graduatedCard.scheduledDays);
  });

  it("sends a forgotten review card to relearning for the 10m relearning step and counts a lapse", () => {
    const card = graduated();
    const lapsed = after(card, 1, card.due);
    expect(lapsed).toMatchObject({ state: "RELEARNING", lapses: 1, reps: 2, scheduledDays: 0 });
    expect(lapsed.due.getTime() - card.due.getTime()).toBe(10 * MINUTE);
  });

  it("keeps a lapsed card in REVIEW when there are no relearning steps", () => {
    const settings = parseSchedulerSettings({ enableFuzz: false, relearningSteps: [] });
    const card = after(newCard(T0), 4, T0, settings);
    const lapsed = after(card, 1, card.due, settings);
    expect(lapsed).toMatchObject({ state: "REVIEW", lapses: 1 });
    expect(lapsed.scheduledDays).toBeGreaterThanOrEqual(1);
  });

  it("uses custom steps, given in any unit, as whole minutes", () => {
    const settings = parseSchedulerSettings({ enableFuzz: false, learningSteps: ["1h", "120s"] });
    expect(after(newCard(T0), 1, T0, settings).due.getTime() - T0.getTime()).toBe(60 * MINUTE);
    expect(after(newCard(T0), 3, T0, settings).due.getTime() - T0.getTime()).toBe(2 * MINUTE);
  });

  it("caps intervals at maximumIntervalDays", () => {
    const settings = parseSchedulerSettings({ maximumIntervalDays: 5 });
    for (let i = 0; i < 20; i += 1) {
      const now = new Date(T0.getTime() + i * 7_919);
      expect(daysFrom(now, after(newCard(now), 4, now, settings).due)).toBeLessThanOrEqual(5);
    }
  });

  it("schedules longer intervals for a lower desired retention", () => {
    const card = graduated();
    const now = card.due;
    const interval = (desiredRetention: number) =>
      after(card, 3, now, parseSchedulerSettings({ desiredRetention, enableFuzz: false })).scheduledDays;
    expect(interval(0.7)).toBeGreaterThan(interval(0.9));
    expect(interval(0.9)).toBeGreaterThan(interval(0.99));
  });

  it("writes the card's state before the review into the log", () => {
    const before = after(newCard(T0), 3, T0); // LEARNING, step 1, due T0 + 10m
    const now = new Date(before.due.getTime() + 3 * DAY); // reviewed three days late
    const { card, log } = reviewCard(before, 3, NO_FUZZ, now);
    expect(log).toStrictEqual({
      rating: 3,
      stateBefore: "LEARNING",
      dueBefore: before.due,
      stability: before.stability,
      difficulty: before.difficulty,
      elapsedDays: 3, // 2026-03-01 → 2026-03-04: the card's elapsedDays after the review
      lastElapsedDays: before.elapsedDays,
      scheduledDays: before.scheduledDays,
      learningSteps: 1,
      reviewedAt: now,
    });
    expect(card.elapsedDays).toBe(3);
    expect(card.lastReview).toEqual(now);
  });

  it("does not modify its arguments and returns no shared Date objects", () => {
    const card = graduated();
    const snapshot = structuredClone(card);
    const now = new Date(card.due.getTime());
    const result = reviewCard(card, 3, DEFAULTS, now);
    expect(card).toStrictEqual(snapshot);
    expect(result.card.lastReview).not.toBe(now);
    expect(result.log.reviewedAt).not.toBe(now);
    expect(result.log.dueBefore).not.toBe(card.due);
  });

  it("keeps the suspended flag", () => {
    const card = { ...graduated(), suspended: true };
    expect(after(card, 3, card.due).suspended).toBe(true);
  });

  it("rejects ratings outside 1..4, invalid dates and a review before the last one", () => {
    const card = graduated();
    for (const rating of [0, 5, 2.5, Number.NaN, "3"]) {
      expect(() => reviewCard(card, rating as SrsRating, DEFAULTS, card.due)).toThrow(SrsError);
    }
    expect(() => reviewCard(card, 0 as SrsRating, DEFAULTS, card.due)).toThrow("rating: Expected a rating from 1 (Again) to 4 (Easy), got 0.");
    expect(() => reviewCard(card, 3, DEFAULTS, new Date(Number.NaN))).toThrow("now: Expected a valid date.");
    expect(() => reviewCard(card, 3, DEFAULTS, new Date(T0.getTime() - 1))).toThrow(
      "now: The review time is earlier than the card's last review.",
    );
    expect(() => reviewCard({ ...card, state: "DONE" as SrsCard["state"] }, 3, DEFAULTS, card.due)).toThrow(SrsError);
  });
});

describe("fuzz", () => {
  it("is deterministic for the same (card, rating, settings, now), whatever ran in between", () => {
    const card = graduated();
    const now = new Date(card.due.getTime() + 12_345);
    const first = reviewCard(card, 3, DEFAULTS, now);
    // Other reviews on the shared cached scheduler reseed it; the result must not depend on them.
    for (let i = 0; i < 5; i += 1) reviewCard(graduated(), 4, DEFAULTS, new Date(now.getTime() + i * DAY));
    expect(reviewCard(card, 3, { ...DEFAULTS }, new Date(now.getTime()))).toStrictEqual(first);
    // ["60s", "600s"] is ["1m", "10m"] spelled differently: the same scheduler, the same result.
    const spelled = parseSchedulerSettings({ learningSteps: ["60s", "600s"] });
    expect(reviewCard(card, 3, spelled, now)).toStrictEqual(first);
  });

  it("spreads a new card's Easy interval over ts-fsrs's fuzz range [6, 10] days around 8", () => {
    // get_fuzz_range(8, elapsed 0): delta = 1 + 0.15·(7 − 2.5) + 0.10·(8 − 7) = 1.775,
    // min = max(2, round(8 − 1.775)) = 6, max = round(8 + 1.775) = 10.
    const seen = new Set<number>();
    for (let i = 0; i < 200; i += 1) {
      const now = new Date(T0.getTime() + i * 1_001);
      const card = after(newCard(now), 4, now, DEFAULTS);
      expect(daysFrom(now, card.due)).toBe(card.scheduledDays);
      seen.add(card.scheduledDays);
    }
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(6);
    expect(Math.max(...seen)).toBeLessThanOrEqual(10);
    expect(seen.size).toBeGreaterThanOrEqual(3);
  });

  it("never touches learning steps", () => {
    for (let i = 0; i < 50; i += 1) {
      const now = new Date(T0.getTime() + i * 997);
      expect(after(newCard(now), 3, now, DEFAULTS).due.getTime() - now.getTime()).toBe(10 * MINUTE);
    }
  });
});

describe("previewIntervals", () => {
  it("labels a new card's buttons 1m / 6m / 10m / 8d without fuzz", () => {
    const preview = previewIntervals(newCard(T0), NO_FUZZ, T0);
    expect(preview.map((p) => [p.rating, p.interval])).toEqual([
      [1, "1m"],
      [2, "6m"],
      [3, "10m"],
      [4, "8d"],
    ]);
    expect(preview[3]?.due).toEqual(new Date(T0.getTime() + 8 * DAY));
  });

  it("previews exactly what reviewCard then does, fuzz included", () => {
    const card = after(graduated(), 3, graduated().due, DEFAULTS);
    const now = new Date(card.due.getTime() + 5 * DAY + 4_321);
    const preview = previewIntervals(card, DEFAULTS, now);
    for (const p of preview) expect(p.due).toEqual(reviewCard(card, p.rating, DEFAULTS, now).card.due);
    // A review card: Again (relearning, minutes) < Hard <= Good < Easy (ts-fsrs orders the day intervals).
    const [again, hard, good, easy] = preview.map((p) => p.due.getTime());
    expect(again).toBeLessThan(hard ?? 0);
    expect(hard).toBeLessThanOrEqual(good ?? 0);
    expect(good).toBeLessThan(easy ?? 0);
  });
});

describe("formatInterval", () => {
  it("uses the largest unit, whole s/m/h/d and one decimal of months (30 d) and years (365 d)", () => {
    expect(formatInterval(0)).toBe("0s");
    expect(formatInterval(30_000)).toBe("30s");
    expect(formatInterval(60_000)).toBe("1m");
    expect(formatInterval(59_600)).toBe("1m"); // 59.6 s rounds to 60 s = 1 minute
    expect(formatInterval(10 * MINUTE)).toBe("10m");
    expect(formatInterval(90 * MINUTE)).toBe("2h"); // 1.5 h rounds to 2
    expect(formatInterval(23 * 60 * MINUTE)).toBe("23h");
    expect(formatInterval(DAY)).toBe("1d");
    expect(formatInterval(4 * DAY)).toBe("4d");
    expect(formatInterval(29 * DAY)).toBe("29d");
    expect(formatInterval(30 * DAY)).toBe("1mo");
    expect(formatInterval(70 * DAY)).toBe("2.3mo"); // 70 / 30 = 2.33
    expect(formatInterval(364 * DAY)).toBe("12.1mo"); // 364 / 30 = 12.13
    expect(formatInterval(365 * DAY)).toBe("1y");
    expect(formatInterval(400 * DAY)).toBe("1.1y"); // 400 / 365 = 1.096
    expect(formatInterval(36_500 * DAY)).toBe("100y");
  });

  it("rejects negative and non-finite durations", () => {
    expect(() => formatInterval(-1)).toThrow(SrsError);
    expect(() => formatInterval(Number.POSITIVE_INFINITY)).toThrow(SrsError);
    expect(() => formatInterval(Number.NaN)).toThrow(SrsError);
  });
});
