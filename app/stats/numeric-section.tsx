import Link from "next/link";
import { useTranslations } from "next-intl";
import { InlineMarkdown } from "@/app/ui/markdown";
import { MISTAKE_SAMPLE, type LearnerStats } from "@/lib/stats";
import { ChartCard } from "./chart-card";
import { ShareChart } from "./charts";
import { percent } from "./format";

/** Templates drawn in the chart (weakest first); the table lists all of them. */
const CHART_TEMPLATES = 12;
/** Templates whose mistakes are listed before "Show all". */
const LISTED = 5;

/**
 * Accuracy per numeric template, weakest first, and for each the declared mistakes that explain most of the
 * learner's recent wrong answers (re-graded with the current template; see lib/stats/numeric.ts).
 */
export function NumericSection({ stats }: { stats: LearnerStats }) {
  const t = useTranslations("stats.numeric");
  const templates = stats.numeric;
  const answers = templates.reduce((sum, row) => sum + row.attempts, 0);
  const correct = templates.reduce((sum, row) => sum + row.correct, 0);
  const weakest = templates[0];
  const summary = weakest
    ? t("summary", {
        answers,
        templates: templates.length,
        share: percent(correct / answers),
        title: weakest.title,
        accuracy: percent(weakest.accuracy),
        attempts: weakest.attempts,
      })
    : "";
  const withMistakes = templates.filter((row) => row.topMistakes.length > 0);
  return (
    <ChartCard
      id="numeric"
      title={t("title")}
      explanation={t("explanation")}
      empty={
        templates.length === 0
          ? t.rich("empty", {
              link: (chunks) => (
                <Link href="/practice" className="underline">
                  {chunks}
                </Link>
              ),
            })
          : null
      }
      summary={summary}
      table={{
        caption: t("caption"),
        columns: [t("template"), t("answers"), t("correct"), t("accuracy")],
        rows: templates.map((row) => ({ key: row.questionKey, cells: [row.title, row.attempts, row.correct, percent(row.accuracy)] })),
      }}
    >
      <ShareChart
        fill="primary"
        summary={summary}
        rows={templates.slice(0, CHART_TEMPLATES).map((row) => ({
          key: row.questionKey,
          label: row.title,
          percent: Math.round(row.accuracy * 100),
          detail: t("detail", { correct: row.correct, count: row.attempts }),
        }))}
      />
      <div className="space-y-2 border-t border-slate-200 pt-3 dark:border-slate-800">
        <h3 className="text-sm font-semibold">{t("mistakesHeading")}</h3>
        {withMistakes.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("mistakesNone")}</p>
        ) : (
          <>
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {t("mistakesSample", { count: MISTAKE_SAMPLE })}
            </p>
            <MistakeList rows={withMistakes.slice(0, LISTED)} />
            {withMistakes.length > LISTED && (
              <details className="text-sm">
                <summary className="cursor-pointer text-slate-600 dark:text-slate-400">{t("showAll", { count: withMistakes.length })}</summary>
                <MistakeList rows={withMistakes.slice(LISTED)} />
              </details>
            )}
          </>
        )}
      </div>
    </ChartCard>
  );
}

function MistakeList({ rows }: { rows: LearnerStats["numeric"] }) {
  const t = useTranslations("stats.numeric");
  return (
    <ul className="mt-2 space-y-3">
      {rows.map((row) => (
        <li key={row.questionKey} className="text-sm">
          <p className="font-medium">
            {row.title}{" "}
            <span className="font-normal text-slate-500 dark:text-slate-400">
              {t("explained", { matched: row.matched, count: row.examined })}
            </span>
          </p>
          <ol className="mt-1 space-y-1 pl-4">
            {row.topMistakes.map((mistake) => (
              <li key={mistake.index} className="flex gap-2">
                <span className="shrink-0 tabular-nums text-slate-500 dark:text-slate-400">{mistake.count}×</span>
                <InlineMarkdown source={mistake.feedback} className="min-w-0 break-words" />
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ul>
  );
}
