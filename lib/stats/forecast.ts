/**
 * Due reviews over the coming study days for the Statistics page. Like `forecast` in lib/study/stats.ts (same
 * bucketing and the same cards: not suspended, not NEW, question ACTIVE, overdue ones on day 0), but over **all**
 * the learner's cards or one deck's, not only the decks chosen for study: the page describes the whole
 * collection, and a deck left out of study still has cards that fall due (they wait until it is chosen again).
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db-client";
import { SrsError, studyDay, studyDayOfKey, type StudyDayOptions } from "@/lib/srs";
import { shiftDayKey, studyDateSql, type ForecastDay } from "@/lib/study/stats";

/** Horizon of the Statistics page's forecast, in study days; the chart also shows its first 30. */
export const STATS_FORECAST_DAYS = 90;

/**
 * Cards due on each of the `days` study days starting today (every day present, 0 when nothing is due; day 0
 * also holds everything overdue and (re)learning cards due later today). `deckId` null: every deck.
 *
 * Throws SrsError for an invalid `now`, options, or `days` outside 1..366.
 */
export async function dueForecast(db: Db, userId: string, options: StudyDayOptions, now: Date, days: number, deckId: string | null): Promise<ForecastDay[]> {
  if (!Number.isInteger(days) || days < 1 || days > 366) throw new SrsError({ path: "days", message: "Expected a whole number from 1 to 366." });
  const today = studyDay(now, options);
  const keys = Array.from({ length: days }, (_, index) => shiftDayKey(today.key, index));
  const horizon = studyDayOfKey(keys[keys.length - 1] ?? today.key, options).end;
  const due = studyDateSql(Prisma.sql`c."due"`, Prisma.sql`${options.timeZone}::text`, Prisma.sql`${options.dayStartHour}::int`);
  const rows = await db.$queryRaw<ForecastDay[]>`
    SELECT to_char(GREATEST(${due}, ${today.key}::date), 'YYYY-MM-DD') AS "day", count(*)::int AS "due"
    FROM "Card" c
    JOIN "Question" q ON q."id" = c."questionId"
    WHERE c."userId" = ${userId} AND NOT c."suspended" AND c."state" <> 'NEW' AND q."status" = 'ACTIVE'
      AND c."due" < ${horizon}
      ${deckId === null ? Prisma.empty : Prisma.sql`AND q."deckId" = ${deckId}`}
    GROUP BY 1`;
  const dueByDay = new Map(rows.map((row) => [row.day, row.due]));
  return keys.map((day) => ({ day, due: dueByDay.get(day) ?? 0 }));
}
