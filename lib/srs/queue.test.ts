import { describe, expect, it } from "vitest";
import { buildQueue, nextLearningDue, queueCounts, SrsError, type QueueCard, type QueueInput, type QueueSettings } from "./index";

const utc = (iso: string) => new Date(`${iso}Z`);
// now = 10 Mar 2026 12:00 UTC, time zone UTC, day starts 04:00 → study day [10 Mar 04:00, 11 Mar 04:00) UTC.
const NOW = utc("2026-03-10T12:00:00");
const SETTINGS: QueueSettings = { newCardsPerDay: 20, reviewsPerDay: 200, timeZone: "UTC", dayStartHour: 4 };

const card = (id: string, state: QueueCard["state"], due: string, extra: Partial<QueueCard> = {}): QueueCard => ({
  id,
  state,
  due: utc(due),
  suspended: false,
  deckOrder: 0,
  questionOrder: 0,
  ...extra,
});

const CARDS: QueueCard[] = [
  card("R2", "REVIEW", "2026-03-10T20:00:00"), // later today: included
  card("L1", "LEARNING", "2026-03-10T11:50:00"), // due 10 min ago
  card("R4", "REVIEW", "2026-03-11T04:00:00"), // exactly the end of the day: tomorrow, excluded
  card("L3", "LEARNING", "2026-03-10T12:08:00"), // due in 8 minutes: not yet
  card("R1", "REVIEW", "2026-03-09T09:00:00"), // overdue since yesterday
  card("L2", "RELEARNING", "2026-03-10T11:40:00"), // due 20 min ago: first
  card("L4", "LEARNING", "2026-03-10T11:30:00", { suspended: true }), // suspended: never
  card("R3", "REVIEW", "2026-03-11T03:59:59"), // last second of the study day: included
  card("L5", "LEARNING", "2026-03-10T12:00:00"), // due exactly now: included
  card("R5", "REVIEW", "2026-03-08T00:00:00", { suspended: true }), // suspended: never
  card("N1", "NEW", "2026-03-01T00:00:00", { deckOrder: 1, questionOrder: 5 }), // a NEW card (first review undone)
  card("N2", "NEW", "2026-03-01T00:00:00", { deckOrder: 0, questionOrder: 0, suspended: true }),
];

const INPUT: QueueInput = {
  cards: CARDS,
  newCandidates: [
    { questionId: "q-0-2", deckOrder: 0, questionOrder: 2 },
    { questionId: "q-1-1", deckOrder: 1, questionOrder: 1 },
    { questionId: "q-0-1", deckOrder: 0, questionOrder: 1 },
    { questionId: "q-2-0", deckOrder: 2, questionOrder: 0 },
  ],
  doneToday: { newCards: 0, reviews: 0 },
};

describe("buildQueue", () => {
  it("orders learning due now (earliest first), then reviews due today (earliest first), then new in bank order", () => {
    expect(buildQueue(INPUT, SETTINGS, NOW)).toStrictEqual([
      { kind: "learning", cardId: "L2" }, // 11:40
      { kind: "learning", cardId: "L1" }, // 11:50
      { kind: "learning", cardId: "L5" }, // 12:00
      { kind: "review", cardId: "R1" }, // 9 Mar
      { kind: "review", cardId: "R2" }, // 10 Mar 20:00
      { kind: "review", cardId: "R3" }, // 11 Mar 03:59:59
      { kind: "new", questionId: "q-0-1" }, // deck 0, question 1
      { kind: "new", questionId: "q-0-2" }, // deck 0, question 2
      { kind: "new", questionId: "q-1-1" }, // deck 1, question 1
      { kind: "new", cardId: "N1" }, // deck 1, question 5
      { kind: "new", questionId: "q-2-0" }, // deck 2
    ]);
  });

  it("applies what is left of the daily limits", () => {
    // reviews: 200 − 198 = 2 (R1, R2); new: 20 − 17 = 3 (the first three in bank order).
    const queue = buildQueue({ ...INPUT, doneToday: { newCards: 17, reviews: 198 } }, SETTINGS, NOW);
    expect(queue.filter((e) => e.kind === "review").map((e) => e.cardId)).toEqual(["R1", "R2"]);
    expect(queue.filter((e) => e.kind === "new").map((e) => e.questionId)).toEqual(["q-0-1", "q-0-2", "q-1-1"]);
    // Learning cards have no daily limit.
    expect(queue.filter((e) => e.kind === "learning")).toHaveLength(3);
  });

  it("gives no entries of a kind whose limit is used up, or set to 0", () => {
    const over = buildQueue({ ...INPUT, doneToday: { newCards: 25, reviews: 250 } }, SETTINGS, NOW);
    expect(over.map((e) => e.kind)).toEqual(["learning", "learning", "learning"]);
    const zero = buildQueue(INPUT, { ...SETTINGS, newCardsPerDay: 0, reviewsPerDay: 0 }, NOW);
    expect(zero.map((e) => e.kind)).toEqual(["learning", "learning", "learning"]);
  });

  it("uses the learner's day: at 03:00 UTC on the 11th the day of the 10th still runs, in Berlin the 11th has begun", () => {
    const cards = [card("A", "REVIEW", "2026-03-11T03:30:00"), card("B", "REVIEW", "2026-03-11T05:00:00")];
    const input = { ...INPUT, cards, newCandidates: [] };
    const at = utc("2026-03-11T03:00:00");
    // UTC, 04:00 start: day [10th 04:00, 11th 04:00) → only A.
    expect(buildQueue(input, SETTINGS, at)).toStrictEqual([{ kind: "review", cardId: "A" }]);
    // Berlin (UTC+1 in March before the 29th): 03:00 UTC is 04:00 local → day [11th 03:00, 12th 03:00) UTC → A and B.
    expect(buildQueue(input, { ...SETTINGS, timeZone: "Europe/Berlin" }, at)).toStrictEqual([
      { kind: "review", cardId: "A" },
      { kind: "review", cardId: "B" },
    ]);
  });

  it("breaks due-date ties by bank order, then id", () => {
    const due = "2026-03-10T08:00:00";
    const cards = [
      card("z", "REVIEW", due, { deckOrder: 0, questionOrder: 1 }),
      card("b", "REVIEW", due, { deckOrder: 0, questionOrder: 0 }),
      card("a", "REVIEW", due, { deckOrder: 0, questionOrder: 0 }),
    ];
    expect(buildQueue({ ...INPUT, cards, newCandidates: [] }, SETTINGS, NOW).map((e) => e.cardId)).toEqual(["a", "b", "z"]);
  });

  it("rejects negative or fractional counts, invalid dates and an unknown state", () => {
    expect(() => buildQueue({ ...INPUT, doneToday: { newCards: -1, reviews: 0 } }, SETTINGS, NOW)).toThrow(
      "doneToday.newCards: Expected a whole number of at least 0.",
    );
    expect(() => buildQueue(INPUT, { ...SETTINGS, reviewsPerDay: 1.5 }, NOW)).toThrow(SrsError);
    expect(() => buildQueue(INPUT, SETTINGS, new Date(Number.NaN))).toThrow(SrsError);
    expect(() => buildQueue({ ...INPUT, cards: [{ ...CARDS[0]!, due: new Date("x") }] }, SETTINGS, NOW)).toThrow("cards.0.due");
    expect(() => buildQueue({ ...INPUT, cards: [{ ...CARDS[0]!, state: "DONE" as QueueCard["state"] }] }, SETTINGS, NOW)).toThrow(SrsError);
    expect(() => buildQueue(INPUT, { ...SETTINGS, timeZone: "Nowhere" }, NOW)).toThrow(SrsError);
  });
});

describe("queueCounts and nextLearningDue", () => {
  it("count what buildQueue returns and say when the next learning card is due", () => {
    expect(queueCounts(INPUT, SETTINGS, NOW)).toStrictEqual({
      new: 5,
      learning: 3,
      review: 3,
      nextLearningDue: utc("2026-03-10T12:08:00"), // L3: "come back in 8 minutes"
    });
    expect(queueCounts({ ...INPUT, doneToday: { newCards: 17, reviews: 198 } }, SETTINGS, NOW)).toMatchObject({ new: 3, review: 2 });
  });

  it("ignore suspended and non-learning cards, and return null when nothing is waiting", () => {
    expect(nextLearningDue([card("x", "LEARNING", "2026-03-10T12:01:00", { suspended: true }), card("y", "REVIEW", "2026-03-10T12:02:00")], NOW)).toBeNull();
    expect(nextLearningDue([card("r", "RELEARNING", "2026-03-10T13:00:00"), card("l", "LEARNING", "2026-03-10T12:30:00")], NOW)).toEqual(
      utc("2026-03-10T12:30:00"),
    );
    expect(queueCounts({ cards: [], newCandidates: [], doneToday: { newCards: 0, reviews: 0 } }, SETTINGS, NOW)).toStrictEqual({
      new: 0,
      learning: 0,
      review: 0,
      nextLearningDue: null,
    });
  });
});
