/**
 * Shaping the per-study-day rows the SQL returns (only days with reviews) into the series the Statistics page
 * draws: every day of the window, and weeks of seven study days.
 *
 * Week rule: weeks end **today** and are counted back from it, so the last week is always "today and the six
 * study days before it" and every week has exactly seven study days (keys, so a 23 h or 25 h DST day is one of
 * them). Calendar weeks (ISO, from Monday) would leave the current week partial on most days and make its
 * retention jump as the week fills; rolling weeks compare like with like.
 */
import { shiftDayKey } from "@/lib/study/stats";

/** What the learner did on one study day (the columns of StudyDay). */
export interface ActivityDay {
  /** Study-day key, `YYYY-MM-DD`. */
  day: string;
  /** Review logs (every rating of every card). */
  reviews: number;
  /** Logs with `stateBefore` NEW: cards seen for the first time. */
  newCards: number;
  /** Logs with `stateBefore` REVIEW: answers that test long-term memory. */
  reviewed: number;
  /** Of `reviewed`, those rated Hard, Good or Easy (rating > 1). */
  retained: number;
  /** Sum of the logs' `durationMs` (logs without one count as 0), in ms. */
  durationMs: number;
}

/** True retention over one week of seven study days (see the module comment for the week rule). */
export interface RetentionWeek {
  /** Key of the week's first study day. */
  start: string;
  /** Key of its last study day (today for the latest week). */
  end: string;
  /** Reviews of cards in REVIEW state during the week. */
  reviewed: number;
  /** Of those, rated Hard, Good or Easy. */
  retained: number;
  /** `retained / reviewed`, 0..1; null when `reviewed` is 0 (no answer to judge, which is not 0%). */
  retention: number | null;
}

/**
 * Every study day of the `count` days ending with `todayKey`, oldest first, with the counts of `rows` (any order;
 * days missing from it get zeros, rows outside the window are ignored).
 *
 * @example
 * ```ts
 * fillDays([{ day: "2026-01-14", reviews: 3, … }], "2026-01-15", 3).map((d) => d.reviews); // [0, 3, 0]
 * ```
 */
export function fillDays(rows: readonly ActivityDay[], todayKey: string, count: number): ActivityDay[] {
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return Array.from({ length: count }, (_, index) => {
    const day = shiftDayKey(todayKey, index + 1 - count);
    return byDay.get(day) ?? { day, reviews: 0, newCards: 0, reviewed: 0, retained: 0, durationMs: 0 };
  });
}

/**
 * True retention per week for the `weeks` weeks ending with `todayKey`, oldest first: week `i` from the end covers
 * the study days `today − 7i − 6` … `today − 7i`. Sums `reviewed` and `retained` of `rows` (any order; days outside
 * the weeks are ignored).
 *
 * @example
 * ```ts
 * // today 2026-01-15: the last week is 2026-01-09 … 2026-01-15, the one before 2026-01-02 … 2026-01-08.
 * retentionWeeks(rows, "2026-01-15", 2).map((w) => [w.start, w.end]);
 * ```
 */
export function retentionWeeks(rows: readonly ActivityDay[], todayKey: string, weeks: number): RetentionWeek[] {
  const result = Array.from({ length: weeks }, (_, index) => {
    const end = shiftDayKey(todayKey, -7 * (weeks - 1 - index));
    return { start: shiftDayKey(end, -6), end, reviewed: 0, retained: 0, retention: null as number | null };
  });
  const first = result[0]?.start;
  for (const row of rows) {
    // Keys compare as dates because they are zero-padded `YYYY-MM-DD`.
    if (first === undefined || row.day < first || row.day > todayKey) continue;
    const week = result.find((candidate) => row.day >= candidate.start && row.day <= candidate.end);
    if (!week) continue;
    week.reviewed += row.reviewed;
    week.retained += row.retained;
  }
  for (const week of result) week.retention = week.reviewed > 0 ? week.retained / week.reviewed : null;
  return result;
}
