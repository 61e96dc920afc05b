/**
 * Read side of a learner's study statistics for the home dashboard: what is due today per deck, what was done
 * today, streaks, a due forecast and a year of review counts. Every aggregation runs in PostgreSQL (no review
 * log is loaded into memory) and every function returns small plain objects, never rows.
 *
 * Day boundaries come from lib/srs (`studyDay`, `studyDayOfKey`): "today" is the learner's study day, which starts
 * at `dayStartHour` in `timeZone`. Where rows must be bucketed by study day in SQL (streak, forecast, heatmap),
 * the instant is converted to local wall time minus `dayStartHour` hours and truncated to a date, which gives the
 * same key as `dayKey` (see {@link localStudyDate}; tests/integration/stats.test.ts checks it across DST).
 *
 * Not marked "server-only" so integration tests can import it (like lib/bank/queries.ts); its caller in the app,
 * app/home/dashboard.tsx, is.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db-client";
import { deckVisibleSql } from "@/lib/bank/visibility";
import { daysBetweenKeys, SrsError, studyDay, studyDayOfKey, type StudyDayOptions } from "@/lib/srs";

/** The learner's day boundary (validated settings: an IANA zone and an hour 0..23). */
export type StatsOptions = StudyDayOptions;

/** {@link StatsOptions} plus the daily new-card limit, for {@link todaySummary}. */
export interface TodaySummaryOptions extends StatsOptions {
  /** New cards the learner wants per study day; integer >= 0. */
  newCardsPerDay: number;
}

/** One study deck's counts for the current study day, from {@link dueToday}. */
export interface DeckDueToday {
  slug: string;
  title: string;
  /** REVIEW cards due before the end of the study day plus (re)learning cards due now (`due <= now`). */
  due: number;
  /** Cards in LEARNING or RELEARNING, whenever due; those due now are also counted in `due`. */
  learning: number;
  /**
   * New items the learner could start: active questions without a card, plus NEW-state cards (a card whose
   * first review was undone is new again, and the study queue offers it as new). Before the daily limit.
   */
  newAvailable: number;
}

/** What the learner did in the current study day, from {@link todaySummary}. */
export interface TodaySummary {
  /** Review logs in the current study day (every rating of every card, including new ones). */
  reviewsDone: number;
  /** Review logs in the current study day with `stateBefore` NEW (first reviews). */
  newDone: number;
  /** `min(newAvailable, max(0, newCardsPerDay − newDone))`: new cards the queue still offers today. */
  newLeft: number;
  /** Sum of the logs' `durationMs` in the current study day (logs without a duration count as 0), in ms. */
  timeSpentMs: number;
}

/** Consecutive study days with at least one review, from {@link streak}. */
export interface Streak {
  /** Run ending today if the learner reviewed today, else the run ending yesterday, else 0. */
  current: number;
  /** Longest run ever (>= current). */
  longest: number;
}

/** Cards due on one study day, from {@link forecast}. */
export interface ForecastDay {
  /** Study-day key, `YYYY-MM-DD`. */
  day: string;
  due: number;
}

/** Reviews on one study day, from {@link heatmap}. */
export interface HeatmapDay {
  /** Study-day key, `YYYY-MM-DD`. */
  day: string;
  reviews: number;
}

/** Days shown by {@link heatmap}: today and the 364 study days before it. */
export const HEATMAP_DAYS = 365;
/** Default and largest horizon of {@link forecast}, in study days. */
export const FORECAST_DAYS = 30;
const MAX_FORECAST_DAYS = 366;

const KEY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The study-day key `days` calendar days after `key` (before it if negative). Calendar arithmetic on the key
 * only: the instants of that day come from `studyDayOfKey`. Throws {@link SrsError} for a malformed key or a
 * non-integer `days`.
 *
 * @example
 * ```ts
 * shiftDayKey("2026-03-28", 2); // "2026-03-30"
 * shiftDayKey("2026-01-01", -1); // "2025-12-31"
 * ```
 */
export function shiftDayKey(key: string, days: number): string {
  const match = KEY_PATTERN.exec(key);
  const parts = match ? [Number(match[1]), Number(match[2]) - 1, Number(match[3])] as const : null;
  // The round trip rejects dates that Date.UTC would silently roll over, such as "2026-02-30".
  if (!parts || new Date(Date.UTC(...parts)).toISOString().slice(0, 10) !== key || !Number.isInteger(days)) {
    throw new SrsError({ path: "key", message: `Expected a date key like "2026-03-29" and a whole number of days.` });
  }
  return new Date(Date.UTC(parts[0], parts[1], parts[2] + days)).toISOString().slice(0, 10);
}

/**
 * SQL for the study date of a `timestamp` column holding UTC instants (how Prisma stores `DateTime`): local wall
 * time in the learner's zone, minus `dayStartHour` hours, truncated to a date. With dayStartHour 4, 03:30 local
 * on the 29th gives the 28th. The zone and hour go in as bind parameters, never as SQL text.
 *
 * Agrees with `dayKey` also on DST days: a skipped start hour (clocks jump over it) starts the day at the jump,
 * and a repeated one at its first occurrence, in both. The one known difference: with dayStartHour 0 in a zone
 * whose clocks go back over midnight (00:00 → 23:00), the repeated hour before midnight is the new day for
 * `dayKey` and the old one here (not covered by tests; Berlin and New York change at 02:00/03:00).
 */
function localStudyDate(column: Prisma.Sql, options: StatsOptions): Prisma.Sql {
  return studyDateSql(column, Prisma.sql`${options.timeZone}::text`, Prisma.sql`${options.dayStartHour}::int`);
}

/**
 * {@link localStudyDate} with the zone and hour given as SQL (a `text` and an `int` expression), for queries that
 * bucket several learners at once, each by their own settings (lib/groups/progress.ts). Pass only validated
 * values: PostgreSQL raises an error for a zone it does not know.
 */
export function studyDateSql(column: Prisma.Sql, timeZone: Prisma.Sql, dayStartHour: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`date((${column} AT TIME ZONE 'UTC' AT TIME ZONE ${timeZone}) - make_interval(hours => ${dayStartHour}))`;
}

/**
 * The current streak from the latest run of study days (its last day and length, as found by the SQL of
 * {@link streak}): the run counts while it ends today or yesterday (today is not over yet), else the streak is 0.
 */
export function currentStreak(lastDay: string, length: number, todayKey: string): number {
  return daysBetweenKeys(lastDay, todayKey) <= 1 ? length : 0;
}

/**
 * SQL condition: `deckId` is one of the learner's study decks (every deck they may see when they chose none) and
 * visible to them (the shared bank or their own personal deck; lib/bank/visibility.ts).
 */
function inStudyDecks(userId: string, deckId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
    EXISTS (SELECT 1 FROM "Deck" vd WHERE vd."id" = ${deckId} AND ${deckVisibleSql("vd", userId)})
    AND (
      NOT EXISTS (SELECT 1 FROM "StudyDeck" sd WHERE sd."userId" = ${userId})
      OR EXISTS (SELECT 1 FROM "StudyDeck" sd WHERE sd."userId" = ${userId} AND sd."deckId" = ${deckId})
    )
  )`;
}

function assertCount(value: number, path: string, max = Number.MAX_SAFE_INTEGER, min = 0): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new SrsError({ path, message: `Expected a whole number from ${min} to ${max}.` });
  }
}

/**
 * Per study deck (the learner's `StudyDeck` rows; every deck when there are none), in deck order: cards due in
 * the current study day, cards in (re)learning and new items available (see {@link DeckDueToday}). Suspended
 * cards and archived questions never count. Counts are before the daily limits (`reviewsPerDay` and
 * `newCardsPerDay` apply across decks; see {@link todaySummary} for new cards left).
 *
 * Throws {@link SrsError} for an invalid `now`, time zone or day start hour.
 */
export async function dueToday(db: Db, userId: string, options: StatsOptions, now: Date): Promise<DeckDueToday[]> {
  const { end } = studyDay(now, options);
  return db.$queryRaw<DeckDueToday[]>`
    SELECT d."slug", d."title",
      COALESCE(cards."due", 0)::int AS "due",
      COALESCE(cards."learning", 0)::int AS "learning",
      (COALESCE(cards."newCards", 0) + COALESCE(fresh."questions", 0))::int AS "newAvailable"
    FROM "Deck" d
    LEFT JOIN (
      SELECT q."deckId",
        count(*) FILTER (
          WHERE (c."state" = 'REVIEW' AND c."due" < ${end})
             OR (c."state" IN ('LEARNING', 'RELEARNING') AND c."due" <= ${now})
        ) AS "due",
        count(*) FILTER (WHERE c."state" IN ('LEARNING', 'RELEARNING')) AS "learning",
        count(*) FILTER (WHERE c."state" = 'NEW') AS "newCards"
      FROM "Card" c
      JOIN "Question" q ON q."id" = c."questionId"
      WHERE c."userId" = ${userId} AND NOT c."suspended" AND q."status" = 'ACTIVE'
      GROUP BY q."deckId"
    ) cards ON cards."deckId" = d."id"
    LEFT JOIN (
      SELECT q."deckId", count(*) AS "questions"
      FROM "Question" q
      WHERE q."status" = 'ACTIVE'
        AND NOT EXISTS (SELECT 1 FROM "Card" c WHERE c."userId" = ${userId} AND c."questionId" = q."id")
      GROUP BY q."deckId"
    ) fresh ON fresh."deckId" = d."id"
    WHERE ${inStudyDecks(userId, Prisma.sql`d."id"`)}
    ORDER BY (d."ownerId" IS NOT NULL), d."order", d."title", d."slug"`;
}

/**
 * What the learner did in the current study day (`studyDay(now)`, start inclusive, end exclusive) and how many
 * new cards are left: `newLeft = min(newAvailable, max(0, newCardsPerDay − newDone))`, where `newAvailable` counts
 * the study decks' new items as in {@link dueToday}. Logs count whatever the card's deck or state is now.
 *
 * Throws {@link SrsError} for an invalid `now`, time zone, day start hour or `newCardsPerDay`.
 */
export async function todaySummary(db: Db, userId: string, options: TodaySummaryOptions, now: Date): Promise<TodaySummary> {
  const { start, end } = studyDay(now, options);
  assertCount(options.newCardsPerDay, "newCardsPerDay");
  const [logs, available] = await Promise.all([
    db.$queryRaw<Array<{ reviewsDone: number; newDone: number; timeSpentMs: number }>>`
      SELECT count(*)::int AS "reviewsDone",
        count(*) FILTER (WHERE "stateBefore" = 'NEW')::int AS "newDone",
        COALESCE(sum("durationMs"), 0)::float8 AS "timeSpentMs"
      FROM "ReviewLog"
      WHERE "userId" = ${userId} AND "reviewedAt" >= ${start} AND "reviewedAt" < ${end}`,
    db.$queryRaw<Array<{ newAvailable: number }>>`
      SELECT (
        (SELECT count(*) FROM "Question" q
          WHERE q."status" = 'ACTIVE' AND ${inStudyDecks(userId, Prisma.sql`q."deckId"`)}
            AND NOT EXISTS (SELECT 1 FROM "Card" c WHERE c."userId" = ${userId} AND c."questionId" = q."id"))
        +
        (SELECT count(*) FROM "Card" c JOIN "Question" q ON q."id" = c."questionId"
          WHERE c."userId" = ${userId} AND c."state" = 'NEW' AND NOT c."suspended" AND q."status" = 'ACTIVE'
            AND ${inStudyDecks(userId, Prisma.sql`q."deckId"`)})
      )::int AS "newAvailable"`,
  ]);
  const done = logs[0] ?? { reviewsDone: 0, newDone: 0, timeSpentMs: 0 };
  const newAvailable = available[0]?.newAvailable ?? 0;
  return {
    reviewsDone: done.reviewsDone,
    newDone: done.newDone,
    newLeft: Math.min(newAvailable, Math.max(0, options.newCardsPerDay - done.newDone)),
    timeSpentMs: done.timeSpentMs,
  };
}

/**
 * Current and longest streak of study days with at least one review. A run is a set of consecutive study-day
 * keys (calendar dates, so a 23 h or 25 h DST day counts as one day). The current streak is the run ending
 * today, else the run ending yesterday (today is not over yet), else 0. Logs after the current study day are
 * ignored. Runs are found in SQL (gaps and islands: a date minus its rank is constant within a run).
 *
 * Throws {@link SrsError} for an invalid `now`, time zone or day start hour.
 */
export async function streak(db: Db, userId: string, options: StatsOptions, now: Date): Promise<Streak> {
  const today = studyDay(now, options);
  const rows = await db.$queryRaw<Array<{ last: string; length: number; longest: number }>>`
    WITH days AS (
      SELECT DISTINCT ${localStudyDate(Prisma.sql`"reviewedAt"`, options)} AS "day"
      FROM "ReviewLog"
      WHERE "userId" = ${userId} AND "reviewedAt" < ${today.end}
    ), runs AS (
      SELECT max("day") AS "last", count(*)::int AS "length"
      FROM (SELECT "day", "day" - (row_number() OVER (ORDER BY "day"))::int AS "run" FROM days) ranked
      GROUP BY "run"
    )
    SELECT to_char("last", 'YYYY-MM-DD') AS "last", "length", (SELECT max("length") FROM runs)::int AS "longest"
    FROM runs
    ORDER BY "last" DESC
    LIMIT 1`;
  const latest = rows[0];
  if (!latest) return { current: 0, longest: 0 };
  const current = currentStreak(latest.last, latest.length, today.key);
  return { current, longest: latest.longest };
}

/**
 * Cards due on each of the next `days` study days (default 30), starting with today; every day is present (0
 * when nothing is due). Day 0 also holds everything overdue. Counts non-suspended, non-NEW cards of active
 * questions in the learner's study decks by the study day of their `due`, so day 0 includes (re)learning cards
 * due later today, which {@link dueToday} leaves out until they are due.
 *
 * Throws {@link SrsError} for an invalid `now`, time zone, day start hour, or `days` outside 1..366.
 */
export async function forecast(db: Db, userId: string, options: StatsOptions, now: Date, days = FORECAST_DAYS): Promise<ForecastDay[]> {
  const today = studyDay(now, options);
  assertCount(days, "days", MAX_FORECAST_DAYS, 1);
  const keys = Array.from({ length: days }, (_, index) => shiftDayKey(today.key, index));
  const horizon = studyDayOfKey(keys[keys.length - 1] ?? today.key, options).end;
  const rows = await db.$queryRaw<ForecastDay[]>`
    SELECT to_char(GREATEST(${localStudyDate(Prisma.sql`c."due"`, options)}, ${today.key}::date), 'YYYY-MM-DD') AS "day",
      count(*)::int AS "due"
    FROM "Card" c
    JOIN "Question" q ON q."id" = c."questionId"
    WHERE c."userId" = ${userId} AND NOT c."suspended" AND c."state" <> 'NEW' AND q."status" = 'ACTIVE'
      AND c."due" < ${horizon}
      AND ${inStudyDecks(userId, Prisma.sql`q."deckId"`)}
    GROUP BY 1`;
  const dueByDay = new Map(rows.map((row) => [row.day, row.due]));
  return keys.map((day) => ({ day, due: dueByDay.get(day) ?? 0 }));
}

/**
 * Reviews per study day over the last {@link HEATMAP_DAYS} study days (today and the 364 before), oldest first,
 * only days with at least one review (the component fills the gaps). Counts every log, whatever its card.
 *
 * Throws {@link SrsError} for an invalid `now`, time zone or day start hour.
 */
export async function heatmap(db: Db, userId: string, options: StatsOptions, now: Date): Promise<HeatmapDay[]> {
  const today = studyDay(now, options);
  const first = studyDayOfKey(shiftDayKey(today.key, 1 - HEATMAP_DAYS), options);
  return db.$queryRaw<HeatmapDay[]>`
    SELECT to_char(${localStudyDate(Prisma.sql`"reviewedAt"`, options)}, 'YYYY-MM-DD') AS "day", count(*)::int AS "reviews"
    FROM "ReviewLog"
    WHERE "userId" = ${userId} AND "reviewedAt" >= ${first.start} AND "reviewedAt" < ${today.end}
    GROUP BY 1
    ORDER BY 1`;
}
