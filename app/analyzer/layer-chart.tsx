"use client";

import { useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { LayerAnalysis } from "@/lib/calc";
import { formatCompact, formatCount } from "@/lib/format";

/**
 * Parameters and MACs of the layers that have any (conv and linear), in order. The table below carries the
 * same numbers for screen readers, so the charts are marked as images with a summary label.
 */
export function LayerChart({ layers }: { layers: LayerAnalysis[] }) {
  const t = useTranslations("analyzer.chart");
  const locale = useLocale();
  const data = layers
    .filter((layer) => layer.params > 0 || layer.macs > 0)
    .map((layer, index) => ({ index: index + 1, path: layer.path, params: layer.params, macs: layer.macs }));
  if (data.length === 0) {
    return <div className="card text-sm text-slate-600 dark:text-slate-400">{t("empty")}</div>;
  }
  const heaviest = data.reduce((best, row) => (row.params > best.params ? row : best), data[0]!);
  return (
    <div className="grid gap-3 xl:grid-cols-2">
      {(
        [
          { key: "params", title: t("params"), colour: "#2f7be6" },
          { key: "macs", title: t("macs"), colour: "#d97706" },
        ] as const
      ).map((chart) => (
        <figure key={chart.key} className="card p-4" role="img" aria-label={t("summary", { title: chart.title, count: formatCount(heaviest.params, locale), path: heaviest.path })}>
          <figcaption className="mb-2 text-sm font-semibold">{chart.title}</figcaption>
          <div className="h-48">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={data} margin={{ top: 4, right: 4, bottom: 4, left: 4 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.12} vertical={false} />
                <XAxis dataKey="index" tick={{ fontSize: 10, fill: "currentColor" }} tickLine={false} minTickGap={12} />
                <YAxis tickFormatter={(value: number) => formatCompact(value, locale)} tick={{ fontSize: 10, fill: "currentColor" }} width={44} tickLine={false} />
                <Tooltip
                  formatter={(value) => formatCount(Number(value), locale)}
                  labelFormatter={(_label, payload) => String(payload?.[0]?.payload?.path ?? "")}
                  contentStyle={{ fontSize: 12 }}
                />
                <Bar dataKey={chart.key} fill={chart.colour} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </figure>
      ))}
    </div>
  );
}
