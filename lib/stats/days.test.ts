import { describe, expect, it } from "vitest";
import { fillDays, retentionWeeks, type ActivityDay } from "./days";

const row = (day: string, reviews: number, reviewed = 0, retained = 0): ActivityDay => ({
  day, reviews, newCards: reviews - reviewed, reviewed, retained, durationMs: reviews * 1000,
});

describe("fillDays", () => {
  it("returns every day of the window ending today, oldest first, with zeros where there is no row", () => {
    // Window of 4 days ending 2026-03-01 (2026 is not a leap year): 26, 27, 28 Feb and 1 Mar.
    const days = fillDays([row("2026-02-27", 3), row("2026-03-01", 1), row("2026-02-25", 9), row("2026-03-02", 4)], "2026-03-01", 4);
    expect(days.map((day) => [day.day, day.reviews])).toEqual([
      ["2026-02-26", 0],
      ["2026-02-27", 3],
      ["2026-02-28", 0],
      ["2026-03-01", 1],
    ]);
    expect(days[0]).toEqual({ day: "2026-02-26", reviews: 0, newCards: 0, reviewed: 0, retained: 0, durationMs: 0 });
    expect(days[1]?.durationMs).toBe(3000);
  });
});

describe("retentionWeeks", () => {
  it("sums seven study days per week, weeks ending today, and leaves weeks without REVIEW answers null", () => {
    // today 2026-01-15 (Thu). Week 3 (last): 9–15 Jan; week 2: 2–8 Jan; week 1: 26 Dec–1 Jan.
    const rows = [
      row("2026-01-15", 5, 4, 3), // last week
      row("2026-01-09", 5, 6, 6), // last week's first day
      row("2026-01-08", 2, 2, 1), // previous week's last day
      row("2026-01-02", 2, 8, 3), // previous week's first day
      row("2025-12-25", 9, 9, 9), // one day before the window: ignored
      row("2026-01-16", 9, 9, 0), // after today: ignored
    ];
    expect(retentionWeeks(rows, "2026-01-15", 3)).toEqual([
      { start: "2025-12-26", end: "2026-01-01", reviewed: 0, retained: 0, retention: null },
      // (1 + 3) / (2 + 8) = 0.4
      { start: "2026-01-02", end: "2026-01-08", reviewed: 10, retained: 4, retention: 0.4 },
      // (3 + 6) / (4 + 6) = 0.9
      { start: "2026-01-09", end: "2026-01-15", reviewed: 10, retained: 9, retention: 0.9 },
    ]);
  });

  it("counts keys, not hours, across a DST change: Berlin's 23-hour 29 Mar 2026 is one of seven days", () => {
    const rows = [row("2026-03-29", 1, 1, 1), row("2026-03-24", 1, 1, 0), row("2026-03-23", 1, 1, 1)];
    // today 2026-03-30: the last week is 24–30 Mar, so 23 Mar falls in the week before.
    expect(retentionWeeks(rows, "2026-03-30", 2)).toEqual([
      { start: "2026-03-17", end: "2026-03-23", reviewed: 1, retained: 1, retention: 1 },
      { start: "2026-03-24", end: "2026-03-30", reviewed: 2, retained: 1, retention: 0.5 },
    ]);
  });
});
