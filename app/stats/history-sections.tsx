import { useLocale, useTranslations } from "next-intl";
import { formatDayLong, formatDayShort } from "@/app/home/day-format";
import { ReviewHeatmap } from "@/app/home/review-heatmap";
import type { LearnerStats } from "@/lib/stats";
import { ChartCard } from "./chart-card";
import { ActivityChart, ForecastRangeChart, RetentionChart } from "./charts";
import { ACTIVITY_RANGES, FORECAST_RANGES, type ActivityRange, type ForecastRange } from "./series";
import { durationParts, minutesOf, percent } from "./format";

/*
 * The Statistics page's history and schedule: review heatmap, reviews and time per day, true retention per week and
 * the due forecast. Server components: they turn the figures into labels and sentences for the client charts.
 */

/** The `stats.retention.weekLabel` values for a week of study-day keys: "24 Mar – 30 Mar 2026". */
function weekValues(start: string, end: string, locale: string): { start: string; end: string; year: string } {
  return { start: formatDayShort(start, locale), end: formatDayShort(end, locale), year: end.slice(0, 4) };
}

export function HeatmapSection({ stats }: { stats: LearnerStats }) {
  const t = useTranslations("stats.heatmap");
  const total = stats.days.reduce((sum, day) => sum + day.reviews, 0);
  return (
    <ChartCard
      id="heatmap"
      title={t("title")}
      explanation={t("explanation")}
      empty={total === 0 ? t("empty") : null}
    >
      <ReviewHeatmap days={stats.days.filter((day) => day.reviews > 0).map((day) => ({ day: day.day, reviews: day.reviews }))} today={stats.today} />
    </ChartCard>
  );
}

export function ActivitySection({ stats }: { stats: LearnerStats }) {
  const t = useTranslations("stats");
  const locale = useLocale();
  const active = stats.days.filter((day) => day.reviews > 0);
  const summaries = Object.fromEntries(
    ACTIVITY_RANGES.map((range) => {
      const days = stats.days.slice(-range);
      const reviews = days.reduce((sum, day) => sum + day.reviews, 0);
      const time = days.reduce((sum, day) => sum + day.durationMs, 0);
      const studied = days.filter((day) => day.reviews > 0).length;
      const text =
        reviews === 0
          ? t("activity.summaryNone", { range })
          : t("activity.summary", {
              reviews,
              time: t("duration", durationParts(time)),
              studied,
              range,
              perDay: Math.round(reviews / studied),
              timePerDay: t("duration", durationParts(time / studied)),
            });
      return [range, text];
    }),
  ) as Record<ActivityRange, string>;
  return (
    <ChartCard
      id="activity"
      title={t("activity.title")}
      explanation={t("activity.explanation")}
      empty={active.length === 0 ? t("activity.empty") : null}
      table={{
        caption: t("activity.caption"),
        columns: [t("activity.day"), t("activity.reviews"), t("activity.new"), t("activity.minutes")],
        rows: [...active].reverse().map((day) => ({ key: day.day, cells: [formatDayLong(day.day, locale), day.reviews, day.newCards, minutesOf(day.durationMs)] })),
      }}
    >
      <ActivityChart
        days={stats.days.map((day) => ({ day: day.day, short: formatDayShort(day.day, locale), long: formatDayLong(day.day, locale), reviews: day.reviews, minutes: minutesOf(day.durationMs) }))}
        summaries={summaries}
      />
    </ChartCard>
  );
}

export function RetentionSection({ stats, desiredRetention }: { stats: LearnerStats; desiredRetention: number }) {
  const t = useTranslations("stats.retention");
  const locale = useLocale();
  const judged = stats.weeks.filter((week) => week.reviewed > 0);
  const recent = stats.weeks.slice(-4);
  const sum = (weeks: typeof stats.weeks, key: "reviewed" | "retained") => weeks.reduce((total, week) => total + week[key], 0);
  const recentShare = sum(recent, "reviewed") > 0 ? sum(recent, "retained") / sum(recent, "reviewed") : null;
  const yearShare = sum(stats.weeks, "reviewed") > 0 ? sum(stats.weeks, "retained") / sum(stats.weeks, "reviewed") : null;
  const target = Math.round(desiredRetention * 100);
  const summary = t("summary", {
    recent: recentShare === null ? "none" : "some",
    recentShare: percent(recentShare),
    count: sum(recent, "reviewed"),
    yearShare: percent(yearShare),
    target,
  });
  return (
    <ChartCard
      id="retention"
      title={t("title")}
      explanation={t("explanation")}
      empty={judged.length === 0 ? t("empty") : null}
      summary={summary}
      table={{
        caption: t("caption"),
        columns: [t("week"), t("answers"), t("recalled"), t("retention")],
        rows: [...judged].reverse().map((week) => ({ key: week.end, cells: [t("weekLabel", weekValues(week.start, week.end, locale)), week.reviewed, week.retained, percent(week.retention)] })),
      }}
    >
      <RetentionChart
        targetPercent={target}
        summary={summary}
        weeks={stats.weeks.map((week) => ({
          short: formatDayShort(week.end, locale),
          long: t("weekLabel", weekValues(week.start, week.end, locale)),
          retention: week.retention === null ? null : Math.round(week.retention * 1000) / 10,
          reviewed: week.reviewed,
        }))}
      />
    </ChartCard>
  );
}

export function ForecastSection({ stats }: { stats: LearnerStats }) {
  const t = useTranslations("stats.forecast");
  const locale = useLocale();
  const total = stats.forecast.reduce((sum, day) => sum + day.due, 0);
  const summaries = Object.fromEntries(
    FORECAST_RANGES.map((range) => {
      const days = stats.forecast.slice(0, range);
      const due = days.reduce((sum, day) => sum + day.due, 0);
      if (due === 0) return [range, t("summaryNone", { range })];
      // On ties the earliest day: the one to prepare for first.
      const busiest = days.reduce((best, day) => (day.due > best.due ? day : best), days[0]!);
      return [range, t("summary", { due, range, today: days[0]?.due ?? 0, date: formatDayLong(busiest.day, locale), busiest: busiest.due })];
    }),
  ) as Record<ForecastRange, string>;
  return (
    <ChartCard
      id="forecast"
      title={t("title")}
      explanation={t("explanation")}
      empty={total === 0 ? t("empty") : null}
      table={{
        caption: t("caption"),
        columns: [t("day"), t("due")],
        rows: stats.forecast
          .filter((day) => day.due > 0)
          .map((day, index) => ({ key: day.day, cells: [index === 0 && day.day === stats.today ? t("todayDate", { date: formatDayLong(day.day, locale) }) : formatDayLong(day.day, locale), day.due] })),
      }}
    >
      <ForecastRangeChart
        summaries={summaries}
        bars={stats.forecast.map((day, index) => ({
          day: day.day,
          short: index === 0 ? t("today") : formatDayShort(day.day, locale),
          long: index === 0 ? t("todayLong", { date: formatDayLong(day.day, locale) }) : formatDayLong(day.day, locale),
          due: day.due,
        }))}
      />
    </ChartCard>
  );
}
