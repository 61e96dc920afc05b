/**
 * Dashboard statistics against PostgreSQL with fixed clocks: due counts at the edge of the study day, suspended
 * cards and archived questions left out, study-deck selection, today's counts, streaks across Europe/Berlin's
 * spring DST change with a day starting at 04:00, forecast buckets and heatmap counts. The SQL bucketing by study
 * day is also compared with lib/srs `dayKey` around DST changes in two zones.
 *
 * Calendar facts used below (2026): Europe/Berlin is CET = UTC+1 until 29 Mar 01:00 UTC, when clocks jump
 * 02:00 → 03:00 to CEST = UTC+2, and back 03:00 → 02:00 on 25 Oct 01:00 UTC. America/New_York: EST = UTC−5,
 * EDT = UTC−4 from 8 Mar 07:00 UTC to 1 Nov 06:00 UTC. In 2025 Berlin changed to CEST on 30 Mar.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { dayKey, studyDay } from "@/lib/srs";
import { dueToday, forecast, heatmap, streak, todaySummary } from "@/lib/study/stats";
import { clearQuestionBank, createUser, testDb } from "./helpers";

const db = testDb();
const BERLIN_4 = { timeZone: "Europe/Berlin", dayStartHour: 4 };
const at = (iso: string) => new Date(iso);

afterAll(async () => {
  await db.$disconnect();
});

beforeEach(async () => {
  // This file owns the question-bank tables for its run (integration files run one at a time); deleting the
  // decks also removes StudyDeck rows (cascade).
  await clearQuestionBank(db);
});

// ---- fixtures -------------------------------------------------------------------------------------------------

async function learner(): Promise<string> {
  return (await createUser(db)).user.id;
}

async function deck(slug: string, order: number): Promise<string> {
  return (await db.deck.create({ data: { slug, title: `Deck ${slug}`, order } })).id;
}

async function question(deckId: string, key: string, status: "ACTIVE" | "ARCHIVED" = "ACTIVE"): Promise<string> {
  const created = await db.question.create({
    data: { key, deckId, kind: "FLASHCARD", title: `Question ${key}`, prompt: "Prompt?", answer: "Answer.", status },
  });
  return created.id;
}

type State = "NEW" | "LEARNING" | "REVIEW" | "RELEARNING";

async function card(userId: string, questionId: string, state: State, due: Date, suspended = false): Promise<string> {
  return (await db.card.create({ data: { userId, questionId, state, due, suspended } })).id;
}

/** A question in `deckId` with a card of `userId`: the usual way to get a card in a deck. */
async function cardIn(userId: string, deckId: string, key: string, state: State, due: Date, options: { suspended?: boolean; archived?: boolean } = {}) {
  const questionId = await question(deckId, key, options.archived ? "ARCHIVED" : "ACTIVE");
  return card(userId, questionId, state, due, options.suspended ?? false);
}

function logData(userId: string, cardId: string, reviewedAt: Date, stateBefore: State = "REVIEW", durationMs: number | null = 1000) {
  return {
    cardId, userId, rating: 3, stateBefore, dueBefore: reviewedAt, stability: 1, difficulty: 5, elapsedDays: 0,
    lastElapsedDays: 0, scheduledDays: 1, learningSteps: 0, reviewedAt, durationMs, clientRequestId: randomUUID(),
  };
}

async function logs(userId: string, cardId: string, instants: Date[]): Promise<void> {
  await db.reviewLog.createMany({ data: instants.map((instant) => logData(userId, cardId, instant)) });
}

async function chooseDecks(userId: string, deckIds: string[]): Promise<void> {
  await db.studyDeck.createMany({ data: deckIds.map((deckId) => ({ userId, deckId })) });
}

// ---- dueToday ---------------------------------------------------------------------------------------------------

describe("dueToday", () => {
  // Berlin in January is UTC+1. now = 15 Jan 11:00 local; the study day "2026-01-15" runs from
  // 15 Jan 04:00 local (03:00Z) to 16 Jan 04:00 local (16 Jan 03:00Z).
  const now = at("2026-01-15T10:00:00Z");

  async function bank() {
    const userId = await learner();
    const otherId = await learner();
    const alpha = await deck("alpha", 1);
    const beta = await deck("beta", 2);
    const gamma = await deck("gamma", 3);

    // alpha
    await cardIn(userId, alpha, "a-review-0330", "REVIEW", at("2026-01-16T02:30:00Z")); // 03:30 local on the 16th: today → due
    await cardIn(userId, alpha, "a-review-0430", "REVIEW", at("2026-01-16T03:30:00Z")); // 04:30 local on the 16th: tomorrow
    await cardIn(userId, alpha, "a-overdue", "REVIEW", at("2026-01-10T12:00:00Z")); // overdue → due
    await cardIn(userId, alpha, "a-suspended", "REVIEW", at("2026-01-14T12:00:00Z"), { suspended: true }); // never counts
    await cardIn(userId, alpha, "a-learning-now", "LEARNING", at("2026-01-15T09:55:00Z")); // due 5 min ago → due, learning
    await cardIn(userId, alpha, "a-relearning-later", "RELEARNING", at("2026-01-15T10:10:00Z")); // in 10 min → learning only
    await cardIn(userId, alpha, "a-new-card", "NEW", at("2026-01-01T00:00:00Z")); // NEW-state card → new
    const fresh = await question(alpha, "a-fresh"); // no card of this learner → new
    await card(otherId, fresh, "REVIEW", at("2026-01-01T00:00:00Z")); // another learner's card: not ours, not due for us
    await cardIn(userId, alpha, "a-archived", "REVIEW", at("2026-01-10T12:00:00Z"), { archived: true }); // never counts
    await question(alpha, "a-archived-fresh", "ARCHIVED"); // never new

    // beta
    await question(beta, "b-fresh-1");
    await question(beta, "b-fresh-2");
    await cardIn(userId, beta, "b-review-noon", "REVIEW", at("2026-01-15T12:00:00Z")); // 13:00 local today → due

    // gamma
    await question(gamma, "g-fresh");
    return { userId, otherId, alpha, beta, gamma };
  }

  it("counts REVIEW cards due before the end of the study day and (re)learning cards due now, per deck in order", async () => {
    const { userId } = await bank();
    expect(await dueToday(db, userId, BERLIN_4, now)).toEqual([
      // due: a-review-0330, a-overdue, a-learning-now = 3; learning: a-learning-now, a-relearning-later = 2;
      // new: a-new-card, a-fresh = 2 (suspended, archived and tomorrow's cards left out).
      { slug: "alpha", title: "Deck alpha", due: 3, learning: 2, newAvailable: 2 },
      // due: b-review-noon; new: b-fresh-1, b-fresh-2.
      { slug: "beta", title: "Deck beta", due: 1, learning: 0, newAvailable: 2 },
      { slug: "gamma", title: "Deck gamma", due: 0, learning: 0, newAvailable: 1 },
    ]);
  });

  it("moves the 04:30 card into today once the next study day starts", async () => {
    const { userId } = await bank();
    // 16 Jan 04:00 local = 03:00Z: study day "2026-01-16" until 17 Jan 03:00Z. Now a-review-0430 is due too, and
    // the relearning card (due 15 Jan 10:10Z) is due now: alpha due = 3 REVIEW + 2 (re)learning = 5.
    const [alpha] = await dueToday(db, userId, BERLIN_4, at("2026-01-16T03:00:00Z"));
    expect(alpha).toEqual({ slug: "alpha", title: "Deck alpha", due: 5, learning: 2, newAvailable: 2 });
  });

  it("lists only the learner's study decks when they chose some; another learner's choice does not matter", async () => {
    const { userId, otherId, alpha, beta, gamma } = await bank();
    await chooseDecks(otherId, [beta]);
    expect((await dueToday(db, userId, BERLIN_4, now)).map((row) => row.slug)).toEqual(["alpha", "beta", "gamma"]);
    await chooseDecks(userId, [gamma, alpha]);
    expect(await dueToday(db, userId, BERLIN_4, now)).toEqual([
      { slug: "alpha", title: "Deck alpha", due: 3, learning: 2, newAvailable: 2 },
      { slug: "gamma", title: "Deck gamma", due: 0, learning: 0, newAvailable: 1 },
    ]);
  });

  it("returns no rows without decks and rejects an unknown time zone before querying", async () => {
    const userId = await learner();
    expect(await dueToday(db, userId, BERLIN_4, now)).toEqual([]);
    await expect(dueToday(db, userId, { timeZone: "Mars/Olympus", dayStartHour: 4 }, now)).rejects.toThrow(/time zone/);
  });
});

// ---- todaySummary -----------------------------------------------------------------------------------------------

describe("todaySummary", () => {
  // Same day as above: study day "2026-01-15" = [15 Jan 03:00Z, 16 Jan 03:00Z).
  const now = at("2026-01-15T10:00:00Z");

  async function day() {
    const userId = await learner();
    const otherId = await learner();
    const alpha = await deck("alpha", 1);
    const beta = await deck("beta", 2);
    const reviewed = await cardIn(userId, alpha, "a-reviewed", "REVIEW", at("2026-01-20T12:00:00Z"));
    await question(alpha, "a-fresh-1");
    await question(alpha, "a-fresh-2");
    await question(alpha, "a-fresh-3");
    await question(beta, "b-fresh-1");
    await question(beta, "b-fresh-2");
    const othersCard = await card(otherId, await question(beta, "b-other"), "REVIEW", now);
    // b-other has a card of another learner only, so it is new for ours: available = 3 (alpha) + 3 (beta) = 6.
    await db.reviewLog.createMany({
      data: [
        logData(userId, reviewed, at("2026-01-15T02:59:00Z"), "NEW", 5000), // 03:59 local: yesterday's study day
        logData(userId, reviewed, at("2026-01-15T03:00:00Z"), "NEW", 4000), // 04:00 local: first instant of today
        logData(userId, reviewed, at("2026-01-15T08:00:00Z"), "REVIEW", 6000),
        logData(userId, reviewed, at("2026-01-15T09:00:00Z"), "LEARNING", null), // no duration: counts as 0 ms
        logData(userId, reviewed, at("2026-01-15T09:30:00Z"), "NEW", 2000),
        logData(otherId, othersCard, at("2026-01-15T09:00:00Z"), "NEW", 9000), // another learner
      ],
    });
    return { userId, beta };
  }

  it("counts today's reviews, first reviews and time, and the new cards left under the daily limit", async () => {
    const { userId } = await day();
    // Today: 03:00Z (NEW, 4 s), 08:00Z (REVIEW, 6 s), 09:00Z (LEARNING, –), 09:30Z (NEW, 2 s) → 4 reviews,
    // 2 new, 12 000 ms. newLeft = min(available 6, max(0, limit − 2)).
    expect(await todaySummary(db, userId, { ...BERLIN_4, newCardsPerDay: 3 }, now)).toEqual({
      reviewsDone: 4, newDone: 2, newLeft: 1, timeSpentMs: 12_000,
    });
    expect((await todaySummary(db, userId, { ...BERLIN_4, newCardsPerDay: 20 }, now)).newLeft).toBe(6); // min(6, 18)
    expect((await todaySummary(db, userId, { ...BERLIN_4, newCardsPerDay: 1 }, now)).newLeft).toBe(0); // max(0, −1)
  });

  it("bounds new cards left by the study decks' new questions", async () => {
    const { userId, beta } = await day();
    await chooseDecks(userId, [beta]);
    // beta: b-fresh-1, b-fresh-2, b-other → min(3, 20 − 2) = 3; logs still count whatever the deck.
    expect(await todaySummary(db, userId, { ...BERLIN_4, newCardsPerDay: 20 }, now)).toEqual({
      reviewsDone: 4, newDone: 2, newLeft: 3, timeSpentMs: 12_000,
    });
  });

  it("starts the count again in the next study day", async () => {
    const { userId } = await day();
    // 16 Jan 03:00Z is 04:00 local: a new study day with no logs yet.
    expect(await todaySummary(db, userId, { ...BERLIN_4, newCardsPerDay: 20 }, at("2026-01-16T03:00:00Z"))).toEqual({
      reviewsDone: 0, newDone: 0, newLeft: 6, timeSpentMs: 0,
    });
    // 15 Jan 02:59Z (03:59 local) is still the study day "2026-01-14": only the 02:59Z log (NEW, 5 s) is in it.
    expect(await todaySummary(db, userId, { ...BERLIN_4, newCardsPerDay: 20 }, at("2026-01-15T02:59:30Z"))).toEqual({
      reviewsDone: 1, newDone: 1, newLeft: 6, timeSpentMs: 5_000,
    });
  });
});

// ---- streak and heatmap across Berlin's spring DST change ---------------------------------------------------------

describe("streak and heatmap (Europe/Berlin, day starts 04:00, DST on 29 Mar 2026)", () => {
  /** Review instants with the study day each belongs to, worked out by hand. */
  const REVIEWS: Array<[string, string]> = [
    // A six-day run, 12:00 CET each day.
    ["2026-03-10T11:00:00Z", "2026-03-10"],
    ["2026-03-11T11:00:00Z", "2026-03-11"],
    ["2026-03-12T11:00:00Z", "2026-03-12"],
    ["2026-03-13T11:00:00Z", "2026-03-13"],
    ["2026-03-14T11:00:00Z", "2026-03-14"],
    ["2026-03-15T11:00:00Z", "2026-03-15"],
    // The run across the DST change.
    ["2026-03-26T11:00:00Z", "2026-03-26"], // 12:00 CET
    ["2026-03-27T11:00:00Z", "2026-03-27"], // 12:00 CET
    ["2026-03-27T22:00:00Z", "2026-03-27"], // 23:00 CET: second review of the 27th
    ["2026-03-29T01:30:00Z", "2026-03-28"], // 03:30 CEST on the 29th, just after the jump: before 04:00 → the 28th
    ["2026-03-30T00:00:00Z", "2026-03-29"], // 02:00 CEST on the 30th: before 04:00 → the 29th
    ["2026-03-30T02:30:00Z", "2026-03-30"], // 04:30 CEST (with the winter offset it would be 03:30, the 29th)
    // A year earlier, at the edge of the heatmap window (Berlin was on CEST from 30 Mar 2025).
    ["2025-03-31T10:00:00Z", "2025-03-31"], // 12:00 CEST
    ["2025-03-31T01:00:00Z", "2025-03-30"], // 03:00 CEST on the 31st: before 04:00 → the 30th
    // After the study day "2026-03-30" ends (31 Mar 04:00 CEST = 02:00Z): the first instant of the 31st.
    ["2026-03-31T02:00:00Z", "2026-03-31"],
  ];

  async function history(): Promise<string> {
    const userId = await learner();
    const alpha = await deck("alpha", 1);
    const cardId = await cardIn(userId, alpha, "a-card", "REVIEW", at("2026-05-01T00:00:00Z"));
    await logs(userId, cardId, REVIEWS.map(([instant]) => at(instant)));
    return userId;
  }

  it("assigns each review to the study day lib/srs dayKey gives (the hand-written keys above)", () => {
    for (const [instant, key] of REVIEWS) expect(dayKey(at(instant), BERLIN_4), instant).toBe(key);
  });

  it("counts today's run across the 23-hour day, and 02:00 local as the previous day", async () => {
    const userId = await history();
    // now = 30 Mar 10:00 CEST, study day "2026-03-30". Days with reviews up to today: 10–15 Mar (run of 6) and
    // 26, 27, 28, 29, 30 Mar (run of 5, ending today). Calendar dates would give 26, 27, 29, 30, 30 (broken at
    // the 28th), a fixed CET offset would leave the 30th empty.
    expect(await streak(db, userId, BERLIN_4, at("2026-03-30T08:00:00Z"))).toEqual({ current: 5, longest: 6 });
    // 31 Mar 03:30 CEST is still the study day "2026-03-30"; the review at 02:00Z (04:00 CEST) is in the future.
    expect(await streak(db, userId, BERLIN_4, at("2026-03-31T01:30:00Z"))).toEqual({ current: 5, longest: 6 });
  });

  it("extends the run when today has a review, keeps it through today, and drops it after a missed day", async () => {
    const userId = await history();
    // Study day "2026-03-31" (from 02:00Z): its 04:00 review makes 26–31 Mar a run of 6.
    expect(await streak(db, userId, BERLIN_4, at("2026-03-31T12:00:00Z"))).toEqual({ current: 6, longest: 6 });
    // 1 Apr, nothing yet today: the run ending yesterday still counts.
    expect(await streak(db, userId, BERLIN_4, at("2026-04-01T12:00:00Z"))).toEqual({ current: 6, longest: 6 });
    // 2 Apr: 1 Apr was missed.
    expect(await streak(db, userId, BERLIN_4, at("2026-04-02T12:00:00Z"))).toEqual({ current: 0, longest: 6 });
  });

  it("reports zero streaks without reviews", async () => {
    expect(await streak(db, await learner(), BERLIN_4, at("2026-03-30T08:00:00Z"))).toEqual({ current: 0, longest: 0 });
  });

  it("counts reviews per study day over the last 365 days", async () => {
    const userId = await history();
    // Today "2026-03-30"; the window starts 364 days earlier, on "2025-03-31" (31 Mar 2025 04:00 CEST = 02:00Z):
    // the 10:00Z review is in, the 01:00Z one (study day 30 Mar 2025) and the one after today are out.
    expect(await heatmap(db, userId, BERLIN_4, at("2026-03-30T08:00:00Z"))).toEqual([
      { day: "2025-03-31", reviews: 1 },
      { day: "2026-03-10", reviews: 1 },
      { day: "2026-03-11", reviews: 1 },
      { day: "2026-03-12", reviews: 1 },
      { day: "2026-03-13", reviews: 1 },
      { day: "2026-03-14", reviews: 1 },
      { day: "2026-03-15", reviews: 1 },
      { day: "2026-03-26", reviews: 1 },
      { day: "2026-03-27", reviews: 2 },
      { day: "2026-03-28", reviews: 1 },
      { day: "2026-03-29", reviews: 1 },
      { day: "2026-03-30", reviews: 1 },
    ]);
  });
});

describe("SQL day bucketing agrees with lib/srs dayKey", () => {
  it("around DST changes in Berlin and New York, for day start hours 0 to 5", async () => {
    const userId = await learner();
    const alpha = await deck("alpha", 1);
    const cardId = await cardIn(userId, alpha, "a-card", "REVIEW", at("2026-12-01T00:00:00Z"));
    // Every 15 minutes over three days around each change (spring and autumn, both zones): 4 × 288 reviews.
    const windows = ["2026-03-07T12:00:00Z", "2026-03-28T00:00:00Z", "2026-10-24T00:00:00Z", "2026-10-31T12:00:00Z"];
    const instants = windows.flatMap((from) => Array.from({ length: 288 }, (_, index) => new Date(at(from).getTime() + index * 15 * 60_000)));
    await logs(userId, cardId, instants);
    const now = at("2026-11-20T12:00:00Z"); // all instants lie in the 365 days before this

    for (const timeZone of ["Europe/Berlin", "America/New_York"]) {
      for (const dayStartHour of [0, 1, 2, 3, 4, 5]) {
        const options = { timeZone, dayStartHour };
        const expected = new Map<string, number>();
        for (const instant of instants) {
          const key = dayKey(instant, options);
          expected.set(key, (expected.get(key) ?? 0) + 1);
        }
        const rows = await heatmap(db, userId, options, now);
        expect(rows, `${timeZone} ${dayStartHour}`).toEqual(
          [...expected].sort(([a], [b]) => a.localeCompare(b)).map(([day, reviews]) => ({ day, reviews })),
        );
      }
    }
  });
});

// ---- forecast -----------------------------------------------------------------------------------------------------

describe("forecast", () => {
  // now = 15 Jan 11:00 CET: day 0 is "2026-01-15", day 29 is "2026-02-13", which ends 14 Feb 04:00 CET (03:00Z).
  const now = at("2026-01-15T10:00:00Z");

  it("buckets cards by the study day of their due date, overdue on day 0, for 30 days", async () => {
    const userId = await learner();
    const alpha = await deck("alpha", 1);
    const beta = await deck("beta", 2);
    await cardIn(userId, alpha, "overdue", "REVIEW", at("2026-01-10T12:00:00Z")); // day 0
    await cardIn(userId, alpha, "tonight-0330", "REVIEW", at("2026-01-16T02:30:00Z")); // 03:30 local on the 16th → day 0
    await cardIn(userId, alpha, "learning-later", "LEARNING", at("2026-01-15T10:10:00Z")); // day 0
    await cardIn(userId, alpha, "tomorrow-0430", "REVIEW", at("2026-01-16T03:30:00Z")); // day 1 (16 Jan)
    await cardIn(userId, alpha, "jan-20", "REVIEW", at("2026-01-20T12:00:00Z")); // 20 Jan
    await cardIn(userId, alpha, "feb-13", "REVIEW", at("2026-02-13T12:00:00Z")); // day 29
    await cardIn(userId, alpha, "feb-14-0359", "REVIEW", at("2026-02-14T02:59:00Z")); // 03:59 local on 14 Feb → day 29
    await cardIn(userId, alpha, "feb-14-0400", "REVIEW", at("2026-02-14T03:00:00Z")); // 04:00 local on 14 Feb → day 30: out
    await cardIn(userId, alpha, "new", "NEW", at("2026-01-15T00:00:00Z")); // NEW: not a due review
    await cardIn(userId, alpha, "suspended", "REVIEW", at("2026-01-16T12:00:00Z"), { suspended: true }); // out
    await cardIn(userId, alpha, "archived", "REVIEW", at("2026-01-17T12:00:00Z"), { archived: true }); // out
    await cardIn(userId, beta, "beta-jan-18", "REVIEW", at("2026-01-18T12:00:00Z")); // 18 Jan (beta)

    const days = await forecast(db, userId, BERLIN_4, now);
    expect(days).toHaveLength(30);
    expect(days[0]).toEqual({ day: "2026-01-15", due: 3 });
    expect(days[29]).toEqual({ day: "2026-02-13", due: 2 });
    expect(days.filter((day) => day.due > 0)).toEqual([
      { day: "2026-01-15", due: 3 },
      { day: "2026-01-16", due: 1 },
      { day: "2026-01-18", due: 1 },
      { day: "2026-01-20", due: 1 },
      { day: "2026-02-13", due: 2 },
    ]);

    // Only alpha studied: the beta card drops out.
    await chooseDecks(userId, [alpha]);
    expect((await forecast(db, userId, BERLIN_4, now)).find((day) => day.day === "2026-01-18")).toEqual({ day: "2026-01-18", due: 0 });
    // A shorter horizon: 3 days, 15–17 Jan.
    expect(await forecast(db, userId, BERLIN_4, now, 3)).toEqual([
      { day: "2026-01-15", due: 3 },
      { day: "2026-01-16", due: 1 },
      { day: "2026-01-17", due: 0 },
    ]);
  });

  it("keys days by study day across the spring DST change", async () => {
    const userId = await learner();
    const alpha = await deck("alpha", 1);
    // now = 28 Mar 12:00 CET; study day "2026-03-28" ends 29 Mar 04:00 CEST = 02:00Z (a 23-hour day).
    await cardIn(userId, alpha, "after-jump", "REVIEW", at("2026-03-29T01:30:00Z")); // 03:30 CEST → day 0 (28 Mar)
    await cardIn(userId, alpha, "at-0400", "REVIEW", at("2026-03-29T02:00:00Z")); // 04:00 CEST → 29 Mar
    const now = at("2026-03-28T11:00:00Z");
    expect(studyDay(now, BERLIN_4).end).toEqual(at("2026-03-29T02:00:00Z"));
    expect((await forecast(db, userId, BERLIN_4, now, 2))).toEqual([
      { day: "2026-03-28", due: 1 },
      { day: "2026-03-29", due: 1 },
    ]);
  });
});
