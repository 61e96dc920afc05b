"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** One bar: a study day with its labels made on the server (so server and browser agree on the text). */
export interface ForecastBar {
  /** Study-day key, `YYYY-MM-DD`. */
  day: string;
  /** Axis label: "Today", then "16 Jan", … */
  short: string;
  /** Tooltip label: "Fri, 16 Jan 2026". */
  long: string;
  due: number;
}

/**
 * Cards due per study day over the coming days, as bars. The table under the chart (in the dashboard) carries
 * the same numbers for screen readers, so the chart is one image with a summary label.
 */
export function ForecastChart({ bars, summary }: { bars: ForecastBar[]; summary: string }) {
  const t = useTranslations("home.forecast");
  return (
    <div className="h-48" role="img" aria-label={summary}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bars} margin={{ top: 4, right: 4, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.12} vertical={false} />
          <XAxis dataKey="short" tick={{ fontSize: 10, fill: "currentColor" }} tickLine={false} minTickGap={16} />
          <YAxis allowDecimals={false} tick={{ fontSize: 10, fill: "currentColor" }} width={32} tickLine={false} />
          <Tooltip
            formatter={(value) => [t("tooltipCards", { count: Number(value) }), t("tooltipDue")]}
            labelFormatter={(_label, payload) => String(payload?.[0]?.payload?.long ?? "")}
            contentStyle={{ fontSize: 12, color: "#0f172a" }}
            cursor={{ fill: "currentColor", fillOpacity: 0.08 }}
          />
          <Bar dataKey="due" fill="#2f7be6" radius={[2, 2, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
