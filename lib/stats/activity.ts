/**
 * Per-study-day activity for the Statistics page: reviews, first reviews, true-retention counts and time, for
 * the heatmap, the reviews-and-time chart and the weekly retention (lib/stats/days.ts shapes them).
 *
 * All decks: read from StudyDay, the per-day summary database triggers keep exactly in step with ReviewLog
 * (prisma/schema.prisma), so a year costs at most 365 primary-key rows however many reviews the learner has.
 * One deck: StudyDay does not know decks, so the logs of the window are aggregated by study day in SQL, joined
 * to their card's question for its deck (bucketed with `studyDateSql`, the expression StudyDay's triggers use).
 *
 * StudyDay rows are keyed by the zone and day start hour stored on the user; `options` must be those (as
 * `loadStudySettings` returns them), or the two paths would bucket differently.
 */
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db-client";
import { studyDay, studyDayOfKey, type StudyDayOptions } from "@/lib/srs";
import { shiftDayKey, studyDateSql } from "@/lib/study/stats";
import type { ActivityDay } from "./days";

/**
 * Activity on each study day with reviews among the `days` study days ending today (today included), oldest
 * first; days without reviews are absent. `deckId` null: every log of the learner (whatever the card's deck or
 * question status); else only logs of cards whose question is in that deck.
 *
 * Throws SrsError for an invalid `now` or options.
 */
export async function activityByDay(db: Db, userId: string, options: StudyDayOptions, now: Date, days: number, deckId: string | null): Promise<ActivityDay[]> {
  const today = studyDay(now, options);
  const firstKey = shiftDayKey(today.key, 1 - days);
  if (deckId === null) {
    return db.$queryRaw<ActivityDay[]>`
      SELECT to_char(s."day", 'YYYY-MM-DD') AS "day", s."reviews", s."newCards", s."reviewed", s."retained",
        s."durationMs"::float8 AS "durationMs"
      FROM "StudyDay" s
      WHERE s."userId" = ${userId} AND s."day" >= ${firstKey}::date AND s."day" <= ${today.key}::date
      ORDER BY s."day"`;
  }
  const start = studyDayOfKey(firstKey, options).start;
  const day = studyDateSql(Prisma.sql`r."reviewedAt"`, Prisma.sql`${options.timeZone}::text`, Prisma.sql`${options.dayStartHour}::int`);
  return db.$queryRaw<ActivityDay[]>`
    SELECT to_char(${day}, 'YYYY-MM-DD') AS "day",
      count(*)::int AS "reviews",
      count(*) FILTER (WHERE r."stateBefore" = 'NEW')::int AS "newCards",
      count(*) FILTER (WHERE r."stateBefore" = 'REVIEW')::int AS "reviewed",
      count(*) FILTER (WHERE r."stateBefore" = 'REVIEW' AND r."rating" > 1)::int AS "retained",
      COALESCE(sum(r."durationMs"), 0)::float8 AS "durationMs"
    FROM "ReviewLog" r
    JOIN "Card" c ON c."id" = r."cardId"
    JOIN "Question" q ON q."id" = c."questionId"
    WHERE r."userId" = ${userId} AND q."deckId" = ${deckId} AND r."reviewedAt" >= ${start} AND r."reviewedAt" < ${today.end}
    GROUP BY 1
    ORDER BY 1`;
}
