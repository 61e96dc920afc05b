import { formatDayLong, formatDayShort } from "@/app/home/day-format";
import { ReviewHeatmap } from "@/app/home/review-heatmap";
import type { LearnerStats } from "@/lib/stats";
import { ChartCard } from "./chart-card";
import { ActivityChart, ForecastRangeChart, RetentionChart } from "./charts";
import { ACTIVITY_RANGES, FORECAST_RANGES, type ActivityRange, type ForecastRange } from "./series";
import { formatDuration, minutesOf, percent, plural } from "./format";

/*
 * The Statistics page's history and schedule: review heatmap, reviews and time per day, true retention per week and
 * the due forecast. Server components: they turn the figures into labels and sentences for the client charts.
 */

/** "24 Mar – 30 Mar 2026" for a week of study-day keys. */
function weekLabel(start: string, end: string): string {
  return `${formatDayShort(start)} – ${formatDayShort(end)} ${end.slice(0, 4)}`;
}

export function HeatmapSection({ stats }: { stats: LearnerStats }) {
  const total = stats.days.reduce((sum, day) => sum + day.reviews, 0);
  return (
    <ChartCard
      id="heatmap"
      title="Review heatmap"
      explanation="Each square is one study day of the last year; the more reviews, the stronger the colour."
      empty={total === 0 ? "No reviews in the last year yet: each day you study fills a square here." : null}
    >
      <ReviewHeatmap days={stats.days.filter((day) => day.reviews > 0).map((day) => ({ day: day.day, reviews: day.reviews }))} today={stats.today} />
    </ChartCard>
  );
}

export function ActivitySection({ stats }: { stats: LearnerStats }) {
  const active = stats.days.filter((day) => day.reviews > 0);
  const summaries = Object.fromEntries(
    ACTIVITY_RANGES.map((range) => {
      const days = stats.days.slice(-range);
      const reviews = days.reduce((sum, day) => sum + day.reviews, 0);
      const time = days.reduce((sum, day) => sum + day.durationMs, 0);
      const studied = days.filter((day) => day.reviews > 0).length;
      const text =
        reviews === 0
          ? `No reviews in the last ${range} days.`
          : `${plural(reviews, "review")} and ${formatDuration(time)} on ${studied} of the last ${range} days: ${Math.round(reviews / studied)} reviews and ${formatDuration(time / studied)} per day studied.`;
      return [range, text];
    }),
  ) as Record<ActivityRange, string>;
  return (
    <ChartCard
      id="activity"
      title="Reviews and time per day"
      explanation="Every answer counts as a review, new cards included; time is what the review screen measured."
      empty={active.length === 0 ? "No reviews in the last year yet: study a few cards and your daily counts show up here." : null}
      table={{
        caption: "Reviews, new cards and minutes per study day with reviews, latest first",
        columns: ["Day", "Reviews", "New", "Minutes"],
        rows: [...active].reverse().map((day) => ({ key: day.day, cells: [formatDayLong(day.day), day.reviews, day.newCards, minutesOf(day.durationMs)] })),
      }}
    >
      <ActivityChart
        days={stats.days.map((day) => ({ day: day.day, short: formatDayShort(day.day), long: formatDayLong(day.day), reviews: day.reviews, minutes: minutesOf(day.durationMs) }))}
        summaries={summaries}
      />
    </ChartCard>
  );
}

export function RetentionSection({ stats, desiredRetention }: { stats: LearnerStats; desiredRetention: number }) {
  const judged = stats.weeks.filter((week) => week.reviewed > 0);
  const recent = stats.weeks.slice(-4);
  const sum = (weeks: typeof stats.weeks, key: "reviewed" | "retained") => weeks.reduce((total, week) => total + week[key], 0);
  const recentShare = sum(recent, "reviewed") > 0 ? sum(recent, "retained") / sum(recent, "reviewed") : null;
  const yearShare = sum(stats.weeks, "reviewed") > 0 ? sum(stats.weeks, "retained") / sum(stats.weeks, "reviewed") : null;
  const target = Math.round(desiredRetention * 100);
  const summary =
    (recentShare === null
      ? "No review answers in the last 4 weeks."
      : `Last 4 weeks: ${percent(recentShare)} of ${plural(sum(recent, "reviewed"), "answer")} recalled.`) +
    ` Last 52 weeks: ${percent(yearShare)}. Your target is ${target}%.`;
  return (
    <ChartCard
      id="retention"
      title="True retention per week"
      explanation="The share of cards in review (past the learning steps) you recalled, rated Hard, Good or Easy; weeks are the seven study days ending today and every seventh day before it."
      empty={judged.length === 0 ? "Nothing to measure yet: retention counts answers to cards that have left the learning steps." : null}
      summary={summary}
      table={{
        caption: "True retention per week, latest first",
        columns: ["Week", "Answers", "Recalled", "Retention"],
        rows: [...judged].reverse().map((week) => ({ key: week.end, cells: [weekLabel(week.start, week.end), week.reviewed, week.retained, percent(week.retention)] })),
      }}
    >
      <RetentionChart
        targetPercent={target}
        summary={summary}
        weeks={stats.weeks.map((week) => ({
          short: formatDayShort(week.end),
          long: weekLabel(week.start, week.end),
          retention: week.retention === null ? null : Math.round(week.retention * 1000) / 10,
          reviewed: week.reviewed,
        }))}
      />
    </ChartCard>
  );
}

export function ForecastSection({ stats }: { stats: LearnerStats }) {
  const total = stats.forecast.reduce((sum, day) => sum + day.due, 0);
  const summaries = Object.fromEntries(
    FORECAST_RANGES.map((range) => {
      const days = stats.forecast.slice(0, range);
      const due = days.reduce((sum, day) => sum + day.due, 0);
      if (due === 0) return [range, `Nothing due in the next ${range} days.`];
      // On ties the earliest day: the one to prepare for first.
      const busiest = days.reduce((best, day) => (day.due > best.due ? day : best), days[0]!);
      return [range, `${plural(due, "review")} due in the next ${range} days, ${days[0]?.due ?? 0} of them today (overdue included); busiest: ${formatDayLong(busiest.day)} with ${busiest.due}.`];
    }),
  ) as Record<ForecastRange, string>;
  return (
    <ChartCard
      id="forecast"
      title="Coming up"
      explanation="Reviews that fall due on each study day, for all your cards in this view (including decks you are not studying now)."
      empty={total === 0 ? "Nothing scheduled in the next 90 days: cards appear here once you have studied them." : null}
      table={{
        caption: "Reviews due per study day over the next 90 days, days with reviews only",
        columns: ["Day", "Due"],
        rows: stats.forecast.filter((day) => day.due > 0).map((day, index) => ({ key: day.day, cells: [index === 0 && day.day === stats.today ? `Today (${formatDayLong(day.day)})` : formatDayLong(day.day), day.due] })),
      }}
    >
      <ForecastRangeChart
        summaries={summaries}
        bars={stats.forecast.map((day, index) => ({
          day: day.day,
          short: index === 0 ? "Today" : formatDayShort(day.day),
          long: index === 0 ? `Today (${formatDayLong(day.day)}), with overdue cards` : formatDayLong(day.day),
          due: day.due,
        }))}
      />
    </ChartCard>
  );
}
