import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";

/** Rows of the table under a chart: the same numbers for screen readers and anyone who prefers to read them. */
export interface ChartTable {
  caption: string;
  columns: string[];
  /** First cell is the row's heading; `key` must be unique. */
  rows: Array<{ key: string; cells: Array<string | number> }>;
}

export interface ChartCardProps {
  /** Prefix of the section's element ids, e.g. "forecast". */
  id: string;
  title: string;
  /** One line on what the chart shows and how to read it. */
  explanation: ReactNode;
  /** Shown instead of the chart when there is nothing to draw; null when there is data. */
  empty: ReactNode | null;
  /** The key numbers in a sentence, shown above the chart (the chart's `aria-label` repeats it). */
  summary?: ReactNode;
  table?: ChartTable;
  className?: string;
  children?: ReactNode;
}

const muted = "text-sm text-slate-600 dark:text-slate-400";

/**
 * One chart of the Statistics page in a card: heading, explanation, then either the empty state or the summary,
 * the chart and a collapsed table with the same numbers.
 */
export function ChartCard({ id, title, explanation, empty, summary, table, className = "", children }: ChartCardProps) {
  return (
    <section aria-labelledby={`${id}-heading`} className={`card min-w-0 space-y-3 p-4 sm:p-6 ${className}`}>
      <div className="space-y-1">
        <h2 id={`${id}-heading`} className="font-semibold">
          {title}
        </h2>
        <p className={muted}>{explanation}</p>
      </div>
      {empty !== null ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          {empty}
        </p>
      ) : (
        <>
          {summary && <p className="text-sm font-medium text-slate-800 dark:text-slate-200">{summary}</p>}
          {children}
          {table && <DataTable table={table} />}
        </>
      )}
    </section>
  );
}

function DataTable({ table }: { table: ChartTable }) {
  const t = useTranslations("stats");
  const locale = useLocale();
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-slate-600 dark:text-slate-400">{t("showTable")}</summary>
      <div className="mt-2 max-h-80 overflow-auto">
        <table className="w-full">
          <caption className="sr-only">{table.caption}</caption>
          <thead className="sticky top-0 bg-white text-left text-xs text-slate-500 dark:bg-slate-900 dark:text-slate-400">
            <tr>
              {table.columns.map((column, index) => (
                <th key={column} scope="col" className={`py-1 pr-3 font-medium ${index > 0 ? "text-right" : ""}`}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {table.rows.map((row) => (
              <tr key={row.key}>
                {row.cells.map((cell, index) =>
                  index === 0 ? (
                    <th key={index} scope="row" className="py-1 pr-3 text-left font-normal">
                      {cell}
                    </th>
                  ) : (
                    <td key={index} className="py-1 pr-3 text-right tabular-nums">
                      {typeof cell === "number" ? cell.toLocaleString(locale) : cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
