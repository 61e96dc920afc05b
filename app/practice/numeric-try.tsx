"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { nextPracticeItemAction, type NextItemResult, type PracticeItem } from "./actions";
import { NumericCard } from "./numeric-card";

/** A numeric question on its own page: a fresh instance from the server, and "New numbers" for another. */
export function NumericTry({ questionKey }: { questionKey: string }) {
  const t = useTranslations("practice.try");
  const [item, setItem] = useState<PracticeItem | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Read through a ref in the first load's effect, so that switching the language does not serve other numbers.
  const translate = useRef(t);
  useEffect(() => {
    translate.current = t;
  });

  const apply = useCallback((result: NextItemResult) => {
    if (result.ok) {
      setItem(result.item);
      setError(null);
    } else {
      setError(result.message);
    }
  }, []);

  useEffect(() => {
    let cancelled = false;
    nextPracticeItemAction({ questionKey }).then(
      (result) => {
        if (!cancelled) apply(result);
      },
      () => {
        if (!cancelled) setError(translate.current("offline"));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [questionKey, apply]);

  async function newNumbers() {
    setPending(true);
    try {
      apply(await nextPracticeItemAction({ questionKey }));
    } catch {
      setError(t("offline"));
    } finally {
      setPending(false);
    }
  }

  if (error) {
    return (
      <div className="card space-y-3" role="alert">
        <p>{error}</p>
        <button type="button" className="btn-secondary" onClick={() => void newNumbers()}>{t("tryAgain")}</button>
      </div>
    );
  }
  if (!item) {
    return (
      <div className="card space-y-3" aria-busy="true">
        <span className="sr-only">{t("loading")}</span>
        <div className="h-24 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
      </div>
    );
  }
  return (
    <div className="space-y-5">
      <NumericCard
        key={item.attemptId}
        item={item}
        after={() => (
          <button type="button" className="btn-primary" onClick={() => void newNumbers()} disabled={pending} autoFocus>
            {t("newNumbers")}
          </button>
        )}
      />
    </div>
  );
}
