"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { OptimizerOverview, OptimizerRunView } from "@/lib/fsrs-optimizer/service";
import { StatusMessage, type Message } from "@/app/ui/form-bits";
import { useServerMessage } from "@/app/ui/use-server-message";
import { resetFsrsParametersAction, startOptimizerAction } from "./optimizer-actions";

type Translate = ReturnType<typeof useTranslations<"settings.optimizer">>;

/** Unavailable buttons stay focusable (aria-disabled, clicks ignored), so keyboard users reach the explanation. */
const UNAVAILABLE = "aria-disabled:cursor-not-allowed aria-disabled:opacity-60";
/** Polling interval while a run is going, and the longest wait after failed polls. */
const POLL_MS = 1_000;
const MAX_POLL_MS = 8_000;

const percent = (fraction: number) => Math.round(Math.min(1, Math.max(0, fraction)) * 100);
const logLoss = (value: number | null) => (value === null ? "–" : value.toFixed(3));
const rmse = (value: number | null) => (value === null ? "–" : `${(value * 100).toFixed(1)} %`);

/**
 * "2026-11-26 11:00" in the learner's time zone, built from numeric parts only, so server and browser (whose ICU
 * data may word a date differently) render the same text.
 */
function finishedLabel(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone })
    .formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}`;
}

/**
 * What the polite live region says: the stage while running, then the outcome (short, so it is not chatty). The
 * stage and error are stored in English by lib/fsrs-optimizer; `serverMessage` translates them.
 */
function announcement(run: OptimizerRunView | null, t: Translate, serverMessage: (message: string) => string): string {
  if (!run) return "";
  if (run.status === "RUNNING") return run.stage ? serverMessage(run.stage) : t("stageStarting");
  if (run.status === "FAILED") return t("announce.failed", { error: run.error ? serverMessage(run.error) : "" });
  return run.applied ? t("announce.applied") : t("announce.unchanged");
}

function outcome(run: OptimizerRunView, usingPersonalParameters: boolean, t: Translate): string {
  if (!run.applied) return t("outcome.notApplied");
  return usingPersonalParameters ? t("outcome.applied") : t("outcome.revoked");
}

function RunResult({ run, usingPersonalParameters, timeZone }: { run: OptimizerRunView; usingPersonalParameters: boolean; timeZone: string }) {
  const t = useTranslations("settings.optimizer");
  const finished = run.finishedAt ? finishedLabel(run.finishedAt, timeZone) : null;
  const counts = { reviews: run.reviewCount, items: run.itemCount };
  return (
    <div className="space-y-3">
      <p className={run.applied && usingPersonalParameters ? "alert-success" : "rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-sm dark:border-slate-700 dark:bg-slate-800/60"}>
        {outcome(run, usingPersonalParameters, t)}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="mb-2 text-left text-xs text-slate-500 dark:text-slate-400">{t("table.caption")}</caption>
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-700">
              <th scope="col" className="py-2 pr-3 font-medium">{t("table.measure")}</th>
              <th scope="col" className="py-2 pr-3 font-medium">{t("table.before")}</th>
              <th scope="col" className="py-2 font-medium">{t("table.after")}</th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            <tr className="border-b border-slate-100 dark:border-slate-800">
              <th scope="row" className="py-2 pr-3 font-normal">{t("table.logLoss")}</th>
              <td className="py-2 pr-3">{logLoss(run.logLossBefore)}</td>
              <td className="py-2">{logLoss(run.logLossAfter)}</td>
            </tr>
            <tr>
              <th scope="row" className="py-2 pr-3 font-normal">{t("table.rmse")}</th>
              <td className="py-2 pr-3">{rmse(run.rmseBefore)}</td>
              <td className="py-2">{rmse(run.rmseAfter)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {finished ? t("summaryFinished", { ...counts, finished }) : t("summary", counts)}
      </p>
    </div>
  );
}

/**
 * "Your scheduler": how many reviews the learner has against the number needed, the optimise button, a progress bar
 * polled from GET /api/optimizer while a run goes on (it carries on if the page is left), the result, and the way
 * back to the default parameters.
 */
export function OptimizerPanel({ initial, timeZone }: { initial: OptimizerOverview; timeZone: string }) {
  const t = useTranslations("settings.optimizer");
  const tCommon = useTranslations("common");
  const serverMessage = useServerMessage();
  const [overview, setOverview] = useState(initial);
  const [busy, setBusy] = useState<"start" | "reset" | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const run = overview.latestRun;
  const runningId = run?.status === "RUNNING" ? run.id : null;
  const eligible = overview.reviewCount >= overview.minReviews;
  const canStart = eligible && runningId === null && busy === null;

  useEffect(() => {
    if (runningId === null) return;
    let cancelled = false;
    let delay = POLL_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const response = await fetch("/api/optimizer", { cache: "no-store", headers: { accept: "application/json" } });
        if (cancelled) return;
        if (response.status === 401) {
          setMessage({ ok: false, text: t("sessionEnded") });
          return;
        }
        if (!response.ok) throw new Error(`status ${response.status}`);
        const next = (await response.json()) as OptimizerOverview;
        if (cancelled) return;
        setOverview(next);
        delay = POLL_MS;
        if (next.latestRun?.status === "RUNNING") timer = setTimeout(poll, delay);
      } catch {
        // Keep trying with longer waits: the run goes on on the server whatever happens to this page.
        if (cancelled) return;
        delay = Math.min(delay * 2, MAX_POLL_MS);
        timer = setTimeout(poll, delay);
      }
    };
    timer = setTimeout(poll, delay);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [runningId, t]);

  async function act(kind: "start" | "reset") {
    setBusy(kind);
    setMessage(null);
    try {
      const result = kind === "start" ? await startOptimizerAction() : await resetFsrsParametersAction();
      if (result.data) setOverview(result.data);
      // While running, the progress bar and the live region say what happens; a message would repeat it.
      if (!result.ok || kind === "reset") setMessage({ ok: result.ok, text: result.message ?? (result.ok ? t("done") : t("didNotWork")) });
    } catch {
      setMessage({ ok: false, text: tCommon("networkError") });
    } finally {
      setBusy(null);
    }
  }

  const missing = overview.minReviews - overview.reviewCount;
  const progress = run ? percent(run.progress) : 0;
  const stage = run?.stage ? serverMessage(run.stage) : t("stageStarting");
  return (
    <section className="card space-y-4" aria-labelledby="scheduler-heading">
      <div>
        <h2 id="scheduler-heading" className="font-semibold">{t("title")}</h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("intro")}</p>
      </div>

      <p className="text-sm">
        {t.rich("inUse", {
          parameters: overview.usingPersonalParameters ? "personal" : "default",
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>

      {eligible ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("eligible", { count: overview.reviewCount })}</p>
      ) : (
        <div id="optimizer-why" className="space-y-2 rounded-lg border border-dashed border-slate-300 p-4 text-sm dark:border-slate-700">
          <p className="font-medium">{t("notEnoughTitle")}</p>
          <p className="text-slate-600 dark:text-slate-400">{t("notEnoughBody", { count: overview.reviewCount, min: overview.minReviews, missing })}</p>
          <div className="h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800" role="progressbar" aria-label={t("reviewsProgress")} aria-valuemin={0} aria-valuemax={overview.minReviews} aria-valuenow={overview.reviewCount}>
            <div className="h-full rounded-full bg-slate-500" style={{ width: `${percent(overview.reviewCount / overview.minReviews)}%` }} />
          </div>
        </div>
      )}

      <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
        <button
          type="button"
          className={`btn-primary ${UNAVAILABLE}`}
          aria-disabled={canStart ? undefined : true}
          aria-describedby={eligible ? undefined : "optimizer-why"}
          onClick={() => canStart && void act("start")}
        >
          {busy === "start" ? t("starting") : runningId ? t("optimising") : t("optimise")}
        </button>
        {overview.usingPersonalParameters && (
          <button
            type="button"
            className={`btn-secondary ${UNAVAILABLE}`}
            aria-disabled={runningId === null && busy === null ? undefined : true}
            onClick={() => runningId === null && busy === null && void act("reset")}
          >
            {busy === "reset" ? t("switching") : t("useDefaults")}
          </button>
        )}
      </div>

      {run?.status === "RUNNING" && (
        <div className="space-y-2">
          <div className="flex items-baseline justify-between gap-3 text-sm">
            <span>{stage}</span>
            <span className="tabular-nums text-slate-600 dark:text-slate-400">{progress} %</span>
          </div>
          <div
            className="h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
            role="progressbar"
            aria-label={t("progress")}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={progress}
            aria-valuetext={`${progress} %: ${stage}`}
          >
            <div className="h-full rounded-full bg-brand-600 transition-[width]" style={{ width: `${progress}%` }} />
          </div>
          <p className="text-xs text-slate-500 dark:text-slate-400">{t("takesTime")}</p>
        </div>
      )}
      {run?.status === "DONE" && <RunResult run={run} usingPersonalParameters={overview.usingPersonalParameters} timeZone={timeZone} />}
      {run?.status === "FAILED" && <p className="alert-error">{run.error ? serverMessage(run.error) : t("failed")}</p>}

      <p role="status" aria-live="polite" className="sr-only">{announcement(run, t, serverMessage)}</p>
      <StatusMessage message={message} />
    </section>
  );
}
