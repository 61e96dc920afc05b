import Link from "next/link";
import { InlineMarkdown } from "@/app/ui/markdown";
import { MISTAKE_SAMPLE, type LearnerStats } from "@/lib/stats";
import { ChartCard } from "./chart-card";
import { ShareChart } from "./charts";
import { percent, plural } from "./format";

/** Templates drawn in the chart (weakest first); the table lists all of them. */
const CHART_TEMPLATES = 12;
/** Templates whose mistakes are listed before "Show all". */
const LISTED = 5;

/**
 * Accuracy per numeric template, weakest first, and for each the declared mistakes that explain most of the
 * learner's recent wrong answers (re-graded with the current template; see lib/stats/numeric.ts).
 */
export function NumericSection({ stats }: { stats: LearnerStats }) {
  const templates = stats.numeric;
  const answers = templates.reduce((sum, row) => sum + row.attempts, 0);
  const correct = templates.reduce((sum, row) => sum + row.correct, 0);
  const weakest = templates[0];
  const summary = weakest
    ? `${plural(answers, "answer")} to ${plural(templates.length, "numeric template")}, ${percent(correct / answers)} correct. Weakest: ${weakest.title} (${percent(weakest.accuracy)} of ${weakest.attempts}).`
    : "";
  const withMistakes = templates.filter((row) => row.topMistakes.length > 0);
  return (
    <ChartCard
      id="numeric"
      title="Numeric accuracy"
      explanation="Your answers to numeric questions, in practice and in study sessions, per template: the weakest first."
      empty={
        templates.length === 0 ? (
          <>
            No numeric answers yet: try{" "}
            <Link href="/practice" className="underline">
              numeric practice
            </Link>
            .
          </>
        ) : null
      }
      summary={summary}
      table={{
        caption: "Numeric answers per template, weakest first",
        columns: ["Template", "Answers", "Correct", "Accuracy"],
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
          detail: `${row.correct} of ${plural(row.attempts, "answer")} correct`,
        }))}
      />
      <div className="space-y-2 border-t border-slate-200 pt-3 dark:border-slate-800">
        <h3 className="text-sm font-semibold">Most frequent mistakes</h3>
        {withMistakes.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">None of your recent wrong answers matches a mistake the questions know about.</p>
        ) : (
          <>
            <p className="text-xs text-slate-600 dark:text-slate-400">
              From your latest {MISTAKE_SAMPLE} wrong answers per template, checked against the questions as they are today.
            </p>
            <MistakeList rows={withMistakes.slice(0, LISTED)} />
            {withMistakes.length > LISTED && (
              <details className="text-sm">
                <summary className="cursor-pointer text-slate-600 dark:text-slate-400">Show all {withMistakes.length} templates</summary>
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
  return (
    <ul className="mt-2 space-y-3">
      {rows.map((row) => (
        <li key={row.questionKey} className="text-sm">
          <p className="font-medium">
            {row.title}{" "}
            <span className="font-normal text-slate-500 dark:text-slate-400">
              · {row.matched} of {plural(row.examined, "wrong answer")} explained
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
