import { useLocale, useTranslations } from "next-intl";
import { HEATMAP_DAYS, shiftDayKey, type HeatmapDay } from "@/lib/study/stats";
import { formatDayLong, formatMonth, formatWeekday, weekdayIndex } from "./day-format";

/*
 * A year of reviews as a grid of 53 week columns × 7 weekday rows (Monday on top), newest week on the right.
 * Rendered on the server (no state, so no client JavaScript): every cell carries a <title> ("3 reviews on
 * Thu, 15 Jan 2026") for pointer and screen-reader users, and a sentence above the grid sums it up.
 */

const CELL = 11;
const STEP = 14; // cell plus a 3 px gap
const LEFT = 30; // weekday labels
const TOP = 16; // month labels
const WEEKS = 53;
/** Rows labelled with their weekday: Monday, Wednesday, Friday. */
const WEEKDAY_ROWS = [0, 2, 4];

/**
 * Fill per level, light and dark. Level 0 (no reviews) is a neutral grey; levels 1–4 get darker in light mode
 * and brighter in dark mode, so more reviews always stand out more from the card's background.
 */
const LEVEL_CLASSES = [
  "fill-slate-200 dark:fill-slate-800",
  "fill-emerald-200 dark:fill-emerald-900",
  "fill-emerald-400 dark:fill-emerald-700",
  "fill-emerald-600 dark:fill-emerald-500",
  "fill-emerald-800 dark:fill-emerald-300",
] as const;

/** 0 for no reviews, else 1..4 by quarters of the busiest day: level k holds counts in ((k−1)·max/4, k·max/4]. */
function levelOf(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((4 * count) / max)));
}

/** The counts level k covers, for the legend ("1–3 reviews"; level 0 is 0–0); null when no whole count falls in it. */
function levelRange(level: number, max: number): { lower: number; upper: number } | null {
  if (level === 0) return { lower: 0, upper: 0 };
  const lower = Math.floor(((level - 1) * max) / 4) + 1;
  const upper = Math.floor((level * max) / 4);
  return lower > upper ? null : { lower, upper };
}


export interface ReviewHeatmapProps {
  /** Days with reviews (any order; missing days have none), from `heatmap()`. */
  days: HeatmapDay[];
  /** Today's study-day key: the last cell. */
  today: string;
}

export function ReviewHeatmap({ days, today }: ReviewHeatmapProps) {
  const t = useTranslations("home.heatmap");
  const locale = useLocale();
  const first = shiftDayKey(today, 1 - HEATMAP_DAYS);
  const counts = new Map(days.map((day) => [day.day, day.reviews]));
  const offset = weekdayIndex(first); // empty cells above the first day in its week column
  const max = Math.max(0, ...counts.values());

  const cells = Array.from({ length: HEATMAP_DAYS }, (_, index) => {
    const key = shiftDayKey(first, index);
    const position = offset + index;
    const count = counts.get(key) ?? 0;
    return { key, count, column: Math.floor(position / 7), row: position % 7 };
  });

  // A month label over the column holding the 1st; the partial first month only when it has room before the next.
  const monthStarts = cells.filter((cell, index) => index === 0 || cell.key.endsWith("-01"));
  const months = monthStarts.filter((cell, index) => index > 0 || (monthStarts[1]?.column ?? WEEKS) - cell.column >= 3);

  const total = cells.reduce((sum, cell) => sum + cell.count, 0);
  if (total === 0) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t("empty")}
      </p>
    );
  }
  const activeDays = cells.filter((cell) => cell.count > 0).length;
  // On ties the most recent day: it is the one the learner remembers.
  const busiest = cells.reduce((best, cell) => (cell.count >= best.count ? cell : best), cells[0]!);
  const width = LEFT + WEEKS * STEP;
  const height = TOP + 7 * STEP;

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {t("summary", { total, days: activeDays, date: formatDayLong(busiest.key, locale), busiest: busiest.count })}
      </p>
      {/* rtl on the scroller starts it scrolled to the right, so a phone shows the latest weeks first. */}
      <div className="overflow-x-auto pb-2" dir="rtl" role="region" aria-label={t("region")} tabIndex={0}>
        <div dir="ltr" className="w-max">
          <svg
            width={width}
            height={height}
            viewBox={`0 0 ${width} ${height}`}
            role="group"
            aria-label={t("grid", { from: formatDayLong(first, locale), to: formatDayLong(today, locale) })}
            className="text-slate-500 dark:text-slate-400"
          >
            {months.map((cell) => (
              <text key={cell.key} x={LEFT + cell.column * STEP} y={10} fontSize={10} fill="currentColor" aria-hidden="true">
                {formatMonth(cell.key, locale)}
              </text>
            ))}
            {WEEKDAY_ROWS.map((row) => (
              <text key={row} x={0} y={TOP + row * STEP + CELL - 1} fontSize={10} fill="currentColor" aria-hidden="true">
                {formatWeekday(row, locale)}
              </text>
            ))}
            {cells.map((cell) => {
              const text = t("cell", { count: cell.count, date: formatDayLong(cell.key, locale) });
              return (
                <rect
                  key={cell.key}
                  x={LEFT + cell.column * STEP}
                  y={TOP + cell.row * STEP}
                  width={CELL}
                  height={CELL}
                  rx={2}
                  role="img"
                  aria-label={text}
                  className={`${LEVEL_CLASSES[levelOf(cell.count, max)]}${cell.key === today ? " stroke-slate-900 dark:stroke-white" : ""}`}
                  strokeWidth={cell.key === today ? 1.5 : 0}
                >
                  <title>{text}</title>
                </rect>
              );
            })}
          </svg>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-xs text-slate-600 dark:text-slate-400">
        <span className="flex items-center gap-1" aria-label={t("scale")}>
          <span aria-hidden="true">{t("less")}</span>
          {LEVEL_CLASSES.map((classes, level) => {
            const bounds = levelRange(level, max);
            if (bounds === null) return null;
            const range =
              level === 0 ? t("levelNone") : bounds.lower === bounds.upper ? t("levelOne", { count: bounds.lower }) : t("levelRange", bounds);
            return (
              <svg key={level} width={CELL} height={CELL} role="img" aria-label={range}>
                <title>{range}</title>
                <rect width={CELL} height={CELL} rx={2} className={classes} />
              </svg>
            );
          })}
          <span aria-hidden="true">{t("more")}</span>
        </span>
        <span className="flex items-center gap-1">
          <svg width={CELL} height={CELL} aria-hidden="true">
            <rect x={0.75} y={0.75} width={CELL - 1.5} height={CELL - 1.5} rx={2} className="fill-transparent stroke-slate-900 dark:stroke-white" strokeWidth={1.5} />
          </svg>
          {t("today")}
        </span>
      </div>
    </div>
  );
}
