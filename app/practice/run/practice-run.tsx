"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { nextPracticeItemAction, type NextItemResult, type PracticeItem } from "../actions";
import { NumericCard, type Verdict } from "../numeric-card";


/**
 * A run of N numeric questions: each instance comes from the server, the answer goes back to it, and only then
 * does the page see the correct value and the worked solution. Enter submits, Enter again moves on.
 */
export function PracticeRun({ deck, deckTitle, total }: { deck?: string; deckTitle: string; total: number }) {
  const t = useTranslations("practice.run");
  const [index, setIndex] = useState(0);
  const [item, setItem] = useState<PracticeItem | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [history, setHistory] = useState<Array<{ title: string; verdict: Verdict }>>([]);
  const [finished, setFinished] = useState(false);
  const seen = useRef<string[]>([]);
  // Read through a ref in the first load's effect, so that switching the language does not serve another question.
  const translate = useRef(t);
  useEffect(() => {
    translate.current = t;
  });

  const applyNext = useCallback((result: NextItemResult) => {
    if (!result.ok) {
      setLoadError(result.message);
      return;
    }
    seen.current.push(result.item.questionKey);
    setLoadError(null);
    setItem(result.item);
  }, []);

  const requestNext = useCallback(() => nextPracticeItemAction({ deck, exclude: seen.current.slice(-10) }), [deck]);

  async function load() {
    setPending(true);
    try {
      applyNext(await requestNext());
    } catch {
      setLoadError(t("offline"));
    } finally {
      setPending(false);
    }
  }

  // The first question; later ones are loaded from the Next button.
  useEffect(() => {
    let cancelled = false;
    requestNext().then(
      (result) => {
        if (!cancelled) applyNext(result);
      },
      () => {
        if (!cancelled) setLoadError(translate.current("offline"));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [requestNext, applyNext]);

  function next() {
    if (index + 1 >= total) {
      setFinished(true);
      return;
    }
    setIndex((value) => value + 1);
    void load();
  }

  const done = history.length;
  const correct = history.filter((entry) => entry.verdict === "correct").length;

  if (finished) {
    return (
      <div className="mx-auto max-w-2xl space-y-5">
        <div className="card space-y-2 text-center">
          <p className="text-sm font-semibold tracking-wide text-slate-500 uppercase">{t("finished")}</p>
          <p className="text-4xl font-bold" aria-label={t("score", { correct, total: done })}>
            {correct} / {done}
          </p>
          <p className="text-slate-600 dark:text-slate-400">{deckTitle}</p>
        </div>
        <ol className="card divide-y divide-slate-200 p-0 dark:divide-slate-800">
          {history.map((entry, position) => (
            <li key={position} className="flex items-center justify-between gap-3 px-4 py-2.5 text-sm">
              <span>{entry.title}</span>
              <span className={entry.verdict === "correct" ? "font-semibold text-emerald-700 dark:text-emerald-300" : "font-semibold text-red-700 dark:text-red-300"}>
                {entry.verdict === "correct" ? t("correct") : t("wrong")}
              </span>
            </li>
          ))}
        </ol>
        <div className="flex flex-wrap gap-3">
          <a href={`/practice/run?${new URLSearchParams({ ...(deck ? { deck } : {}), n: String(total) })}`} className="btn-primary">{t("again")}</a>
          <Link href="/practice" className="btn-secondary">{t("chooseAnotherDeck")}</Link>
        </div>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <div className="space-y-2">
        <div className="flex items-baseline justify-between text-sm text-slate-600 dark:text-slate-400">
          <span>{deckTitle}</span>
          <span>{t("position", { number: Math.min(index + 1, total), total, correct })}</span>
        </div>
        <div className="h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800" role="progressbar" aria-label={t("progress")} aria-valuemin={0} aria-valuemax={total} aria-valuenow={done}>
          <div className="h-full rounded-full bg-brand-600 transition-[width]" style={{ width: `${(done / total) * 100}%` }} />
        </div>
      </div>

      {loadError ? (
        <div className="card space-y-3" role="alert">
          <p>{loadError}</p>
          <button type="button" className="btn-secondary" onClick={() => void load()}>{t("tryAgain")}</button>
        </div>
      ) : !item ? (
        <div className="card space-y-3" aria-busy="true">
          <span className="sr-only">{t("loading")}</span>
          <div className="h-6 w-2/3 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
          <div className="h-24 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
        </div>
      ) : (
        <NumericCard
          key={item.attemptId}
          item={item}
          titleAs="h1"
          onGraded={(graded) => setHistory((previous) => [...previous, { title: item.title, verdict: graded.verdict }])}
          after={() => (
            <button type="button" className="btn-primary" onClick={next} disabled={pending} autoFocus>
              {index + 1 >= total ? t("seeScore") : t("nextQuestion")} <kbd className="rounded border border-white/40 px-1.5 text-xs">{t("enter")}</kbd>
            </button>
          )}
        />
      )}
    </div>
  );
}
