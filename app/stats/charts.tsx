"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ForecastChart, type ForecastBar } from "@/app/home/forecast-chart";
import { ACTIVITY_RANGES, CARD_STATE_SERIES, FORECAST_RANGES, type ActivityRange, type ForecastRange, type StateRow } from "./series";

/*
 * The Statistics page's charts (recharts). They only draw: every label, tooltip text and summary is made on the
 * server (app/stats/*-section(s).tsx), so the numbers in a chart, its summary and its table always agree; only
 * fixed words (units, legend, series names) come from the `stats` messages here.
 *
 * Colours are CSS variables set on the page (app/stats/page.tsx) with light and dark values, so a chart follows
 * the theme without re-rendering; text and grid use currentColor like app/home/forecast-chart.tsx. Each chart is
 * one image for assistive technology (`role="img"` with the summary as its label); the table under it carries the
 * numbers.
 */

const AXIS_TICK = { fontSize: 10, fill: "currentColor" } as const;
const TOOLTIP_STYLE = { fontSize: 12, color: "#0f172a" } as const;
const GRID = { strokeDasharray: "3 3", stroke: "currentColor", strokeOpacity: 0.12 } as const;
const CURSOR = { fill: "currentColor", fillOpacity: 0.08 } as const;

/** `var(--stats-…)` colours declared on the page. */
export type StatsColour = "primary" | "secondary" | "good" | "new" | "learning" | "review" | "relearning" | "suspended";
const colour = (name: StatsColour) => `var(--stats-${name})`;

/** Shortens a long axis label; the tooltip shows it whole. */
function truncate(text: string, max = 18): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A row of buttons choosing how many days a chart shows. */
function RangeToggle<T extends number>({ options, value, onChange }: { options: readonly T[]; value: T; onChange: (value: T) => void }) {
  const t = useTranslations("stats.range");
  return (
    <div role="group" aria-label={t("label")} className="inline-flex rounded-lg border border-slate-300 p-0.5 text-xs dark:border-slate-700">
      {options.map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={option === value}
          onClick={() => onChange(option)}
          className={`min-h-8 rounded-md px-3 font-medium ${
            option === value ? "bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900" : "text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
          }`}
        >
          {t("days", { count: option })}
        </button>
      ))}
    </div>
  );
}

// ---- reviews and time per day --------------------------------------------------------------------------------------

export interface ActivityBar {
  /** Study-day key. */
  day: string;
  /** Axis label ("16 Jan"). */
  short: string;
  /** Tooltip label ("Fri, 16 Jan 2026"). */
  long: string;
  reviews: number;
  /** Time spent, in minutes (one decimal). */
  minutes: number;
}


/** Reviews and minutes per study day, as two bar charts over the last 30, 90 or 365 days (oldest first). */
export function ActivityChart({ days, summaries }: { days: ActivityBar[]; summaries: Record<ActivityRange, string> }) {
  const t = useTranslations("stats.activity");
  const [range, setRange] = useState<ActivityRange>(30);
  const shown = days.slice(-range);
  return (
    <div className="space-y-3">
      <RangeToggle options={ACTIVITY_RANGES} value={range} onChange={setRange} />
      <p className="text-sm text-slate-700 dark:text-slate-300" aria-live="polite">
        {summaries[range]}
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        <DailyBars title={t("reviews")} bars={shown} dataKey="reviews" fill={colour("primary")} unit={(value) => t("reviewsUnit", { count: value })} summary={summaries[range]} />
        <DailyBars title={t("minutes")} bars={shown} dataKey="minutes" fill={colour("secondary")} unit={(value) => t("minutesUnit", { count: value })} summary={summaries[range]} />
      </div>
    </div>
  );
}

function DailyBars({ title, bars, dataKey, fill, unit, summary }: { title: string; bars: ActivityBar[]; dataKey: "reviews" | "minutes"; fill: string; unit: (value: number) => string; summary: string }) {
  const t = useTranslations("stats.activity");
  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 text-xs font-medium text-slate-600 dark:text-slate-400">{title}</figcaption>
      <div className="h-44" role="img" aria-label={t("chartLabel", { title, summary })}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={bars} margin={{ top: 4, right: 4, bottom: 4, left: 0 }}>
            <CartesianGrid {...GRID} vertical={false} />
            <XAxis dataKey="short" tick={AXIS_TICK} tickLine={false} minTickGap={20} />
            <YAxis allowDecimals={dataKey === "minutes"} tick={AXIS_TICK} width={36} tickLine={false} />
            <Tooltip
              formatter={(value) => [unit(Number(value)), title]}
              labelFormatter={(_label, payload) => String(payload?.[0]?.payload?.long ?? "")}
              contentStyle={TOOLTIP_STYLE}
              cursor={CURSOR}
            />
            <Bar dataKey={dataKey} fill={fill} radius={[2, 2, 0, 0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

// ---- true retention per week ---------------------------------------------------------------------------------------

export interface RetentionPoint {
  /** Axis label: the week's last day ("30 Mar"). */
  short: string;
  /** Tooltip label: "24–30 Mar 2026". */
  long: string;
  /** Percent 0..100; null for a week without answers to judge (a gap in the line). */
  retention: number | null;
  reviewed: number;
}

/** True retention per week as a line, with the learner's desired retention as a dashed reference. */
export function RetentionChart({ weeks, targetPercent, summary }: { weeks: RetentionPoint[]; targetPercent: number; summary: string }) {
  const t = useTranslations("stats.retention");
  const values = weeks.flatMap((week) => (week.retention === null ? [] : [week.retention]));
  // Start the axis a little under the lowest value (or the target), on a multiple of 10, so differences show.
  const floor = Math.max(0, Math.floor((Math.min(targetPercent, ...values) - 5) / 10) * 10);
  return (
    <div className="h-56" role="img" aria-label={summary}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={weeks} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
          <CartesianGrid {...GRID} vertical={false} />
          <XAxis dataKey="short" tick={AXIS_TICK} tickLine={false} minTickGap={24} />
          <YAxis domain={[floor, 100]} tickFormatter={(value: number) => `${value}%`} tick={AXIS_TICK} width={40} tickLine={false} />
          <ReferenceLine y={targetPercent} stroke="currentColor" strokeOpacity={0.6} strokeDasharray="6 4" label={{ value: t("target", { target: targetPercent }), position: "insideBottomLeft", fontSize: 10, fill: "currentColor" }} />
          <Tooltip
            formatter={(value, _name, item) => [t("tooltip", { value: Number(value), count: Number(item.payload?.reviewed ?? 0) }), t("retention")]}
            labelFormatter={(_label, payload) => String(payload?.[0]?.payload?.long ?? "")}
            contentStyle={TOOLTIP_STYLE}
          />
          <Line type="monotone" dataKey="retention" stroke={colour("good")} strokeWidth={2} dot={{ r: 2, fill: colour("good") }} connectNulls={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

// ---- forecast ------------------------------------------------------------------------------------------------------


/** The home page's forecast chart over the next 30 or 90 study days. */
export function ForecastRangeChart({ bars, summaries }: { bars: ForecastBar[]; summaries: Record<ForecastRange, string> }) {
  const [range, setRange] = useState<ForecastRange>(30);
  return (
    <div className="space-y-3">
      <RangeToggle options={FORECAST_RANGES} value={range} onChange={setRange} />
      <p className="text-sm text-slate-700 dark:text-slate-300" aria-live="polite">
        {summaries[range]}
      </p>
      <ForecastChart bars={bars.slice(0, range)} summary={summaries[range]} />
    </div>
  );
}

// ---- card states per deck ------------------------------------------------------------------------------------------

/** Cards per state as one stacked horizontal bar per deck, with a legend (learning and relearning never touch). */
export function CardStatesChart({ rows, summary }: { rows: StateRow[]; summary: string }) {
  const t = useTranslations("stats.states");
  return (
    <div className="space-y-2">
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-300" aria-label={t("legend")}>
        {CARD_STATE_SERIES.map((series) => (
          <li key={series.key} className="flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block size-3 rounded-sm" style={{ background: colour(series.key) }} />
            {t(series.key)}
          </li>
        ))}
      </ul>
      <div style={{ height: 40 + rows.length * 34 }} role="img" aria-label={summary}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 8, bottom: 4, left: 0 }} barCategoryGap={6}>
            <CartesianGrid {...GRID} horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} tickLine={false} />
            <YAxis type="category" dataKey="label" tick={AXIS_TICK} tickFormatter={(value: string) => truncate(value)} width={112} tickLine={false} />
            <Tooltip contentStyle={TOOLTIP_STYLE} cursor={CURSOR} />
            {CARD_STATE_SERIES.map((series) => (
              // A thin stroke in the card's colour separates adjacent segments, whatever their colours.
              <Bar key={series.key} dataKey={series.key} name={t(series.key)} stackId="cards" fill={colour(series.key)} stroke="var(--stats-surface)" strokeWidth={1} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}

// ---- distributions -------------------------------------------------------------------------------------------------

/** Cards per bucket as vertical bars (stability and retrievability). */
export function HistogramChart({ buckets, summary, fill, axisLabel }: { buckets: Array<{ label: string; cards: number }>; summary: string; fill: StatsColour; axisLabel: string }) {
  const t = useTranslations("stats");
  return (
    <div className="h-52" role="img" aria-label={summary}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={buckets} margin={{ top: 4, right: 4, bottom: 16, left: 0 }}>
          <CartesianGrid {...GRID} vertical={false} />
          <XAxis dataKey="label" tick={AXIS_TICK} tickLine={false} interval="preserveStartEnd" label={{ value: axisLabel, position: "insideBottom", offset: -10, fontSize: 10, fill: "currentColor" }} />
          <YAxis allowDecimals={false} tick={AXIS_TICK} width={36} tickLine={false} />
          <Tooltip formatter={(value) => [t("cardsUnit", { count: Number(value) }), t("cards")]} contentStyle={TOOLTIP_STYLE} cursor={CURSOR} />
          <Bar dataKey="cards" fill={colour(fill)} radius={[2, 2, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

// ---- shares: mastery and accuracy ----------------------------------------------------------------------------------

export interface ShareRow {
  key: string;
  label: string;
  /** Percent 0..100. */
  percent: number;
  /** Tooltip text, e.g. "12 of 40 questions mastered". */
  detail: string;
}

/** One horizontal bar per row on a 0–100 % axis (mastery per deck or tag, accuracy per template). */
export function ShareChart({ rows, summary, fill }: { rows: ShareRow[]; summary: string; fill: StatsColour }) {
  return (
    <div style={{ height: 40 + rows.length * 28 }} role="img" aria-label={summary}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 12, bottom: 4, left: 0 }} barCategoryGap={5}>
          <CartesianGrid {...GRID} horizontal={false} />
          <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(value: number) => `${value}%`} tick={AXIS_TICK} tickLine={false} />
          <YAxis type="category" dataKey="label" tick={AXIS_TICK} tickFormatter={(value: string) => truncate(value)} width={112} tickLine={false} interval={0} />
          <Tooltip
            formatter={(value, _name, item) => [`${Number(value)}%: ${String(item.payload?.detail ?? "")}`, ""]}
            separator=""
            contentStyle={TOOLTIP_STYLE}
            cursor={CURSOR}
          />
          <Bar dataKey="percent" fill={colour(fill)} radius={[0, 2, 2, 0]} isAnimationActive={false} background={{ fill: "currentColor", fillOpacity: 0.06 }} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
