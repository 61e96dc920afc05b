/**
 * StudyDay, the per-learner, per-study-day summary of ReviewLog kept by database triggers (migration
 * 20261126104926_study_days). Every expected row here is computed in TypeScript from the logs themselves with
 * lib/srs `dayKey` (an implementation independent of the SQL bucketing) and a plain walk over consecutive keys
 * for the streaks. Covered: bulk and single inserts in any order, deletes that empty a day and split a run, the
 * review path and its undo, a change of time zone or day start hour, the database refusing a day boundary it
 * could not use, and two transactions opening adjacent days at once.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { refreshBankOrder } from "@/lib/bank/order";
import { dayKey, type StudyDayOptions } from "@/lib/srs";
import { getNextStudyCard, submitReview, undoLastReview } from "@/lib/study/service";
import { loadStudySettings, updateStudySettings } from "@/lib/study/settings";
import { shiftDayKey } from "@/lib/study/stats";
import { clearQuestionBank, createUser, expectAppError, testDb } from "./helpers";

const db = testDb();
afterAll(() => db.$disconnect());

type State = "NEW" | "LEARNING" | "REVIEW" | "RELEARNING";

interface Log {
  reviewedAt: Date;
  stateBefore: State;
  rating: number;
  durationMs: number | null;
}

interface DayRow {
  day: string;
  reviews: number;
  newCards: number;
  reviewed: number;
  retained: number;
  durationMs: number;
  streak: number;
}

let userId = "";
let cardId = "";

beforeEach(async () => {
  await clearQuestionBank(db);
  const deck = await db.deck.create({ data: { slug: "days", title: "Days", order: 1 } });
  const question = await db.question.create({
    data: { key: "days-q", deckId: deck.id, kind: "FLASHCARD", title: "Q", prompt: "P?", answer: "A." },
  });
  userId = (await createUser(db)).user.id;
  cardId = (await db.card.create({ data: { userId, questionId: question.id, state: "REVIEW", due: new Date("2027-01-01T00:00:00Z") } })).id;
});

const at = (iso: string) => new Date(iso);

async function setBoundary(options: StudyDayOptions): Promise<void> {
  await db.user.update({ where: { id: userId }, data: options });
}

async function insertLogs(logs: Log[], forUser = userId, forCard = cardId): Promise<string[]> {
  const data = logs.map((log) => ({
    id: randomUUID(), cardId: forCard, userId: forUser, rating: log.rating, stateBefore: log.stateBefore, dueBefore: log.reviewedAt,
    stability: 1, difficulty: 5, elapsedDays: 0, lastElapsedDays: 0, scheduledDays: 1, learningSteps: 0,
    reviewedAt: log.reviewedAt, durationMs: log.durationMs, clientRequestId: randomUUID(),
  }));
  await db.reviewLog.createMany({ data });
  return data.map((row) => row.id);
}

/** The learner's StudyDay rows, oldest first, with plain numbers and `YYYY-MM-DD` keys. */
async function storedDays(forUser = userId): Promise<DayRow[]> {
  const rows = await db.studyDay.findMany({ where: { userId: forUser }, orderBy: { day: "asc" } });
  return rows.map(({ day, reviews, newCards, reviewed, retained, durationMs, streak }) => ({
    day: day.toISOString().slice(0, 10), reviews, newCards, reviewed, retained, durationMs: Number(durationMs), streak,
  }));
}

/** The rows the triggers should have written, from the logs and lib/srs `dayKey`. */
function expectedDays(logs: Log[], options: StudyDayOptions): DayRow[] {
  const byDay = new Map<string, DayRow>();
  for (const log of logs) {
    const day = dayKey(log.reviewedAt, options);
    const row = byDay.get(day) ?? { day, reviews: 0, newCards: 0, reviewed: 0, retained: 0, durationMs: 0, streak: 0 };
    row.reviews += 1;
    if (log.stateBefore === "NEW") row.newCards += 1;
    if (log.stateBefore === "REVIEW") {
      row.reviewed += 1;
      if (log.rating > 1) row.retained += 1;
    }
    row.durationMs += log.durationMs ?? 0;
    byDay.set(day, row);
  }
  const rows = [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
  rows.forEach((row, index) => {
    const previous = rows[index - 1];
    row.streak = previous && shiftDayKey(previous.day, 1) === row.day ? previous.streak + 1 : 1;
  });
  return rows;
}

/** A varied log: ratings 1..4 in turn, states in turn, durations with some nulls. */
function logsAt(instants: string[]): Log[] {
  const states: State[] = ["NEW", "LEARNING", "REVIEW", "REVIEW", "RELEARNING"];
  return instants.map((iso, index) => ({
    reviewedAt: at(iso),
    stateBefore: states[index % states.length]!,
    rating: (index % 4) + 1,
    durationMs: index % 3 === 0 ? null : 1000 * (index + 1),
  }));
}

const BERLIN_4 = { timeZone: "Europe/Berlin", dayStartHour: 4 };

// Study days (Berlin, 04:00) worked out by hand; Berlin is CET (UTC+1) until 29 Mar 2026 01:00Z, then CEST.
const MARCH: Array<[string, string]> = [
  ["2026-03-26T11:00:00Z", "2026-03-26"],
  ["2026-03-27T11:00:00Z", "2026-03-27"],
  ["2026-03-27T22:00:00Z", "2026-03-27"], // 23:00 CET
  ["2026-03-29T01:30:00Z", "2026-03-28"], // 03:30 CEST, before 04:00
  ["2026-03-30T00:00:00Z", "2026-03-29"], // 02:00 CEST
  ["2026-03-30T02:30:00Z", "2026-03-30"], // 04:30 CEST
  ["2026-03-10T11:00:00Z", "2026-03-10"],
  ["2026-03-11T11:00:00Z", "2026-03-11"],
];

describe("StudyDay rows kept by the ReviewLog triggers", () => {
  it("summarise a bulk insert in any order, per study day, with run lengths", async () => {
    await setBoundary(BERLIN_4);
    for (const [instant, key] of MARCH) expect(dayKey(at(instant), BERLIN_4), instant).toBe(key);
    const logs = logsAt(MARCH.map(([instant]) => instant));
    await insertLogs(logs);
    const rows = await storedDays();
    expect(rows).toEqual(expectedDays(logs, BERLIN_4));
    // Hand-checked run lengths: 10–11 Mar, then 26–30 Mar (the 28th only through the 03:30 CEST review).
    expect(rows.map((row) => [row.day, row.streak])).toEqual([
      ["2026-03-10", 1], ["2026-03-11", 2],
      ["2026-03-26", 1], ["2026-03-27", 2], ["2026-03-28", 3], ["2026-03-29", 4], ["2026-03-30", 5],
    ]);
  });

  it("add single logs to existing days and join runs when a missing day is filled in later", async () => {
    await setBoundary({ timeZone: "UTC", dayStartHour: 0 });
    const logs = logsAt(["2026-05-01T10:00:00Z", "2026-05-03T10:00:00Z", "2026-05-04T10:00:00Z"]);
    await insertLogs(logs);
    expect((await storedDays()).map((row) => row.streak)).toEqual([1, 1, 2]);
    // Backdated logs (an import, say) for 2 May join the two runs into one of four days.
    const more = logsAt(["2026-05-02T23:59:59Z", "2026-05-04T00:00:00Z"]);
    for (const log of more) await insertLogs([log]);
    const rows = await storedDays();
    expect(rows).toEqual(expectedDays([...logs, ...more], { timeZone: "UTC", dayStartHour: 0 }));
    expect(rows.map((row) => row.streak)).toEqual([1, 2, 3, 4]);
  });

  it("subtract deleted logs, drop a day that has none left, and split the run there", async () => {
    await setBoundary({ timeZone: "UTC", dayStartHour: 0 });
    const logs = logsAt(["2026-05-01T10:00:00Z", "2026-05-02T10:00:00Z", "2026-05-02T11:00:00Z", "2026-05-03T10:00:00Z", "2026-05-04T10:00:00Z"]);
    const ids = await insertLogs(logs);
    expect((await storedDays()).map((row) => row.streak)).toEqual([1, 2, 3, 4]);

    await db.reviewLog.delete({ where: { id: ids[1]! } }); // one of two on 2 May: the day stays
    expect(await storedDays()).toEqual(expectedDays([logs[0]!, ...logs.slice(2)], { timeZone: "UTC", dayStartHour: 0 }));

    await db.reviewLog.delete({ where: { id: ids[3]! } }); // the only one on 3 May: the run splits
    const rows = await storedDays();
    expect(rows).toEqual(expectedDays([logs[0]!, logs[2]!, logs[4]!], { timeZone: "UTC", dayStartHour: 0 }));
    expect(rows.map((row) => [row.day, row.streak])).toEqual([["2026-05-01", 1], ["2026-05-02", 2], ["2026-05-04", 1]]);

    await db.reviewLog.deleteMany({ where: { userId } });
    expect(await storedDays()).toEqual([]);
  });

  it("move a log between days when an update changes its instant", async () => {
    await setBoundary({ timeZone: "UTC", dayStartHour: 0 });
    const logs = logsAt(["2026-05-01T10:00:00Z", "2026-05-03T10:00:00Z"]);
    const ids = await insertLogs(logs);
    await db.reviewLog.update({ where: { id: ids[1]! }, data: { reviewedAt: at("2026-05-02T10:00:00Z") } });
    const rows = await storedDays();
    expect(rows).toEqual(expectedDays([logs[0]!, { ...logs[1]!, reviewedAt: at("2026-05-02T10:00:00Z") }], { timeZone: "UTC", dayStartHour: 0 }));
    expect(rows.map((row) => row.streak)).toEqual([1, 2]);
  });

  it("are rebuilt when the learner changes time zone or day start hour", async () => {
    await setBoundary({ timeZone: "UTC", dayStartHour: 4 });
    // Every 3 hours for four days around New York's spring change (8 Mar 2026 07:00Z).
    const instants = Array.from({ length: 32 }, (_, index) => new Date(at("2026-03-06T00:00:00Z").getTime() + index * 3 * 3_600_000).toISOString());
    const logs = logsAt(instants);
    await insertLogs(logs);
    expect(await storedDays()).toEqual(expectedDays(logs, { timeZone: "UTC", dayStartHour: 4 }));
    for (const options of [{ timeZone: "America/New_York", dayStartHour: 4 }, { timeZone: "America/New_York", dayStartHour: 0 }, { timeZone: "Asia/Kolkata", dayStartHour: 23 }]) {
      await setBoundary(options);
      expect(await storedDays(), JSON.stringify(options)).toEqual(expectedDays(logs, options));
    }
  });

  it("follow the review path and its undo", async () => {
    await setBoundary({ timeZone: "UTC", dayStartHour: 4 });
    await db.card.updateMany({ where: { userId }, data: { due: at("2026-05-30T00:00:00Z") } });
    await refreshBankOrder(db);
    const settings = await loadStudySettings(db, userId);
    const first = await getNextStudyCard(db, userId, settings, at("2026-06-01T12:00:00Z"));
    if (first.done) throw new Error("expected a card");
    await submitReview(db, userId, { clientRequestId: randomUUID(), questionId: first.card.questionId, cardVersion: first.card.cardVersion, rating: 3, durationMs: 4_000 }, settings, at("2026-06-01T12:00:00Z"));
    // The learner's only card is the REVIEW card created in beforeEach: one review, stateBefore REVIEW, Good.
    expect(await storedDays()).toEqual([{ day: "2026-06-01", reviews: 1, newCards: 0, reviewed: 1, retained: 1, durationMs: 4_000, streak: 1 }]);
    await undoLastReview(db, userId);
    expect(await storedDays()).toEqual([]);
  });
});

describe("the learner's day boundary", () => {
  it("is refused by the database when PostgreSQL cannot use it, and nothing changes", async () => {
    await setBoundary(BERLIN_4);
    await expect(db.user.update({ where: { id: userId }, data: { timeZone: "Mars/Olympus" } })).rejects.toThrow(/time zone/i);
    await expect(db.user.update({ where: { id: userId }, data: { dayStartHour: 24 } })).rejects.toThrow(/between 0 and 23/);
    await expect(db.user.update({ where: { id: userId }, data: { dayStartHour: -1 } })).rejects.toThrow(/between 0 and 23/);
    expect(await db.user.findUniqueOrThrow({ where: { id: userId }, select: { timeZone: true, dayStartHour: true } })).toEqual(BERLIN_4);
  });

  it("accepts every zone the settings form accepts (the form checks zones with the JavaScript runtime)", async () => {
    const error = await expectAppError(updateStudySettings(db, userId, { ...(await loadStudySettings(db, userId)), timeZone: "Mars/Olympus" }));
    expect(error.fieldErrors?.timeZone).toBeDefined();
    const zones = Intl.supportedValuesOf("timeZone");
    expect(zones.length).toBeGreaterThan(300);
    const refused: string[] = [];
    for (const timeZone of zones) {
      await db.user.update({ where: { id: userId }, data: { timeZone } }).catch(() => refused.push(timeZone));
    }
    expect(refused).toEqual([]);
  });
});

describe("concurrent writers", () => {
  it("two transactions opening adjacent days of one learner still leave the right run lengths", async () => {
    await setBoundary({ timeZone: "UTC", dayStartHour: 0 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    let inserted!: () => void;
    const firstInserted = new Promise<void>((resolve) => { inserted = resolve; });
    const log = (iso: string) => ({
      id: randomUUID(), cardId, userId, rating: 3, stateBefore: "REVIEW" as const, dueBefore: at(iso), stability: 1, difficulty: 5,
      elapsedDays: 0, lastElapsedDays: 0, scheduledDays: 1, learningSteps: 0, reviewedAt: at(iso), durationMs: 1, clientRequestId: randomUUID(),
    });
    const first = db.$transaction(async (tx) => {
      await tx.reviewLog.create({ data: log("2026-07-01T12:00:00Z") });
      inserted();
      await gate; // holds the learner's lock until the second transaction has started its insert
    });
    await firstInserted;
    const second = db.$transaction((tx) => tx.reviewLog.create({ data: log("2026-07-02T12:00:00Z") }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await Promise.all([first, second]);
    expect((await storedDays()).map((row) => [row.day, row.streak])).toEqual([["2026-07-01", 1], ["2026-07-02", 2]]);
  });
});
