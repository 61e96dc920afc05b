"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { NumericCard } from "@/app/practice/numeric-card";
import { CardLanguageBar } from "@/app/ui/card-language-bar";
import { ChoiceList } from "@/app/ui/choice-list";
import {
  cardInLanguageAction,
  checkChoiceAction,
  nextStudyCardAction,
  submitReviewAction,
  undoLastReviewAction,
  type CardTextsView,
  type ChoiceResponse,
  type NextCardResponse,
  type StudyCardView,
} from "./actions";

type Rating = 1 | 2 | 3 | 4;
const RATING_KEYS = { 1: "again", 2: "hard", 3: "good", 4: "easy" } as const satisfies Record<Rating, string>;
const RATING_STYLES: Record<Rating, string> = {
  1: "border-red-300 bg-red-50 text-red-800 hover:bg-red-100 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200",
  2: "border-amber-300 bg-amber-50 text-amber-800 hover:bg-amber-100 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-200",
  3: "border-emerald-300 bg-emerald-50 text-emerald-800 hover:bg-emerald-100 dark:border-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-200",
  4: "border-sky-300 bg-sky-50 text-sky-800 hover:bg-sky-100 dark:border-sky-900 dark:bg-sky-950/50 dark:text-sky-200",
};

type Done = Extract<NextCardResponse, { ok: true; done: true }>;
type Picked = { index: number; result: Extract<ChoiceResponse, { ok: true }> };

/** Wall-clock helpers kept outside the component: reading the clock is not part of rendering. */
function nowMs(): number {
  return Date.now();
}

function millisecondsSince(start: number): number {
  return Math.min(Math.max(0, nowMs() - start), 86_400_000);
}

/** lib/srs formatInterval's labels: a number and a unit ("10m", "4d", "2.3mo"). */
const INTERVAL_LABEL = /^(\d+(?:\.\d+)?)(s|m|h|d|mo|y)$/;
type IntervalUnit = "s" | "m" | "h" | "d" | "mo" | "y";

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

/**
 * One study session, keyboard-first: Space reveals, 1–4 rate (number keys pick a multiple-choice option first),
 * Enter rates the default (Good, or Again after a wrong answer), U undoes the last review. Every review carries a
 * request id made when the card was shown, so a retry after a network error is applied once.
 */
export function StudySession({ deck, scopeTitle, initialTotal }: { deck?: string; scopeTitle: string; initialTotal: number }) {
  const t = useTranslations("study.session");
  const locale = useLocale();
  const [card, setCard] = useState<StudyCardView | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [revealed, setRevealed] = useState(false);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [numericCorrect, setNumericCorrect] = useState<boolean | null>(null);
  const [pending, setPending] = useState(false);
  const [reviewed, setReviewed] = useState(0);
  // The card in the other language, when the learner flipped it (L); null shows it as served.
  const [flipped, setFlipped] = useState<CardTextsView | null>(null);
  const [flipping, setFlipping] = useState(false);
  const requestId = useRef<string>("");
  const shownAt = useRef<number>(0);
  // Read through a ref in the first load's effect, so that switching the language does not fetch the card again.
  const translate = useRef(t);
  useEffect(() => {
    translate.current = t;
  });

  const apply = useCallback((result: NextCardResponse) => {
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setError(null);
    setRevealed(false);
    setPicked(null);
    setNumericCorrect(null);
    setFlipped(null);
    if (result.done) {
      setCard(null);
      setDone(result);
      return;
    }
    requestId.current = crypto.randomUUID();
    shownAt.current = nowMs();
    setDone(null);
    setCard(result.card);
  }, []);

  const fetchNext = useCallback(() => nextStudyCardAction({ deck }), [deck]);

  async function loadNext() {
    setPending(true);
    try {
      apply(await fetchNext());
    } catch {
      setError(t("errors.offline"));
    } finally {
      setPending(false);
    }
  }

  useEffect(() => {
    let cancelled = false;
    fetchNext().then(
      (result) => !cancelled && apply(result),
      () => !cancelled && setError(translate.current("errors.offline")),
    );
    return () => {
      cancelled = true;
    };
  }, [fetchNext, apply]);

  const answered = card !== null && (card.kind === "FLASHCARD" ? revealed : card.kind === "MULTIPLE_CHOICE" ? picked !== null : numericCorrect !== null);
  const correct = card?.kind === "MULTIPLE_CHOICE" ? picked?.result.correct : card?.kind === "NUMERIC" ? numericCorrect ?? undefined : undefined;
  const allowed: Rating[] = !answered ? [] : correct === false ? [1] : card?.kind === "FLASHCARD" ? [1, 2, 3, 4] : [2, 3, 4];
  const defaultRating: Rating | null = allowed.length === 0 ? null : correct === false ? 1 : 3;

  async function rate(rating: Rating) {
    if (!card || pending || !allowed.includes(rating)) return;
    setPending(true);
    setNotice(null);
    try {
      const result = await submitReviewAction({
        clientRequestId: requestId.current,
        questionId: card.questionId,
        cardVersion: card.cardVersion,
        rating,
        durationMs: millisecondsSince(shownAt.current),
        ...(card.kind === "MULTIPLE_CHOICE" && picked ? { choiceIndex: picked.index } : {}),
        ...(card.kind === "NUMERIC" && card.numeric ? { attemptId: card.numeric.attemptId } : {}),
      });
      if (!result.ok) {
        if (result.code === "CONFLICT") {
          setNotice(result.message);
          apply(await fetchNext());
        } else {
          setError(t("errors.ratingNotSaved", { message: result.message }));
        }
        return;
      }
      setReviewed((value) => value + 1);
      if (result.leech) setNotice(t("leech", { title: card.title }));
      apply(await fetchNext());
    } catch {
      setError(t("errors.offlineRating"));
    } finally {
      setPending(false);
    }
  }

  async function pick(index: number) {
    if (!card || card.kind !== "MULTIPLE_CHOICE" || picked || pending || index >= card.choicesHtml.length) return;
    setPending(true);
    try {
      const result = await checkChoiceAction({ questionId: card.questionId, choiceIndex: index, language: flipped?.language ?? card.language });
      if (!result.ok) setError(result.message);
      else setPicked({ index, result });
    } catch {
      setError(t("errors.offline"));
    } finally {
      setPending(false);
    }
  }

  /** Fetches the card's texts in `language` (for a numeric card: the same numbers, and the grading if answered). */
  async function loadLanguage(language: "en" | "zh") {
    if (!card) return;
    setFlipping(true);
    try {
      const result = await cardInLanguageAction({ questionId: card.questionId, language, ...(card.numeric ? { attemptId: card.numeric.attemptId } : {}) });
      if (!result.ok) setError(result.message);
      else setFlipped(result);
    } catch {
      setError(t("errors.offline"));
    } finally {
      setFlipping(false);
    }
  }

  function flip() {
    if (!card || !card.bilingual || flipping) return;
    if (flipped) setFlipped(null);
    else void loadLanguage(card.language === "en" ? "zh" : "en");
  }

  async function undo() {
    if (pending) return;
    setPending(true);
    try {
      const result = await undoLastReviewAction();
      if (!result.ok) {
        setNotice(result.message);
        return;
      }
      setReviewed((value) => Math.max(0, value - 1));
      setNotice(t("undid", { title: result.questionTitle }));
      apply(await fetchNext());
    } catch {
      setError(t("errors.offlineUndo"));
    } finally {
      setPending(false);
    }
  }

  // Keyboard shortcuts; the numeric answer box handles its own Enter.
  const handlers = useRef({ rate, pick, undo, flip, reveal: () => setRevealed(true) });
  useEffect(() => {
    handlers.current = { rate, pick, undo, flip, reveal: () => setRevealed(true) };
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
      if (isTyping(event.target)) return;
      const key = event.key;
      if (key === "u" || key === "U") {
        event.preventDefault();
        void handlers.current.undo();
      } else if (key === "l" || key === "L") {
        event.preventDefault();
        handlers.current.flip();
      } else if (key === " " && card?.kind === "FLASHCARD" && !revealed) {
        event.preventDefault();
        handlers.current.reveal();
      } else if (/^[1-6]$/.test(key) && card?.kind === "MULTIPLE_CHOICE" && !picked) {
        event.preventDefault();
        void handlers.current.pick(Number(key) - 1);
      } else if (/^[1-4]$/.test(key) && answered) {
        event.preventDefault();
        void handlers.current.rate(Number(key) as Rating);
      } else if (key === "Enter" && answered && defaultRating && !(event.target instanceof HTMLButtonElement)) {
        event.preventDefault();
        void handlers.current.rate(defaultRating);
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [card, revealed, picked, answered, defaultRating]);

  const remaining = card ? card.remaining.new + card.remaining.learning + card.remaining.review : 0;
  const total = Math.max(reviewed + remaining, 1);

  // What the card shows: the flipped texts when the learner asked for the other language.
  const shown = card
    ? {
        language: flipped?.language ?? card.language,
        fallback: flipped ? flipped.fallback : card.fallback,
        stale: flipped ? flipped.stale : card.stale,
        title: flipped?.title ?? card.title,
        promptHtml: flipped?.promptHtml ?? card.promptHtml,
        answerHtml: flipped?.answerHtml ?? card.answerHtml,
        explanationHtml: flipped?.explanationHtml ?? card.explanationHtml,
        choicesHtml: flipped?.choicesHtml ?? card.choicesHtml,
      }
    : null;
  const languageBar = card && shown && (
    <CardLanguageBar language={shown.language} fallback={shown.fallback} stale={shown.stale} bilingual={card.bilingual} pending={flipping} onFlip={flip} />
  );

  /** An interval preview in the interface language; a label of another shape is shown as it is. */
  function intervalText(label: string): string {
    const match = INTERVAL_LABEL.exec(label);
    return match ? t(`interval.${match[2] as IntervalUnit}`, { value: Number(match[1]) }) : label;
  }

  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <div className="space-y-2">
        <div className="flex items-baseline justify-between gap-3 text-sm text-slate-600 dark:text-slate-400">
          <span className="truncate">{scopeTitle}</span>
          {card && (
            <span className="shrink-0 tabular-nums" aria-label={t("remaining", card.remaining)}>
              <span className="text-sky-700 dark:text-sky-300">{card.remaining.new}</span> ·{" "}
              <span className="text-amber-700 dark:text-amber-300">{card.remaining.learning}</span> ·{" "}
              <span className="text-emerald-700 dark:text-emerald-300">{card.remaining.review}</span>
            </span>
          )}
        </div>
        <div className="h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800" role="progressbar" aria-label={t("progress")} aria-valuemin={0} aria-valuemax={done ? reviewed : total} aria-valuenow={reviewed}>
          <div className="h-full rounded-full bg-brand-600 transition-[width]" style={{ width: `${done ? 100 : (reviewed / total) * 100}%` }} />
        </div>
      </div>

      {notice && <p role="status" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-100">{notice}</p>}
      {error && (
        <div role="alert" className="alert-error flex items-center justify-between gap-3">
          <span>{error}</span>
          <button type="button" className="btn-secondary" onClick={() => (card ? setError(null) : void loadNext())}>
            {card ? t("dismiss") : t("tryAgain")}
          </button>
        </div>
      )}

      {done ? (
        <section className="card space-y-3 text-center" aria-label={t("finished")}>
          <p className="text-sm font-semibold tracking-wide text-slate-500 uppercase">{t("finished")}</p>
          <p className="text-3xl font-bold">{t("reviewsDone", { count: reviewed })}</p>
          <p className="text-slate-600 dark:text-slate-400">
            {done.nextLearningDue
              ? `${t("learningComesBack", { time: new Date(done.nextLearningDue).toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit" }) })} `
              : ""}
            {done.dueTomorrow > 0 ? t("dueTomorrow", { count: done.dueTomorrow }) : t("nothingDueTomorrow")}
          </p>
          <div className="flex flex-wrap justify-center gap-3">
            <Link href="/home" className="btn-primary">{t("backHome")}</Link>
            <button type="button" className="btn-secondary" onClick={() => void undo()}>
              {/* i18n-ignore: the key letter is the same in every language */}
              {t("undoLast")} <kbd className="text-xs">U</kbd>
            </button>
          </div>
        </section>
      ) : !card ? (
        <div className="card min-h-64 space-y-3" aria-busy="true">
          <span className="sr-only">{t("loadingNext")}</span>
          <div className="h-6 w-2/3 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
          <div className="h-24 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
        </div>
      ) : !shown ? null : (
        <>
          <div className="flex items-center justify-between text-xs text-slate-500 dark:text-slate-400">
            <span>
              {card.deckTitle} · {t(`queue.${card.queueKind}`)}
            </span>
            <Link href={`/decks/${card.deckSlug}/${card.questionKey}`} className="hover:underline">{t("openQuestion")}</Link>
          </div>
          {card.kind === "NUMERIC" && card.numeric ? (
            <NumericCard
              key={card.numeric.attemptId}
              item={{
                attemptId: card.numeric.attemptId,
                questionKey: card.questionKey,
                deckSlug: card.deckSlug,
                title: shown.title,
                promptHtml: flipped?.numeric?.promptHtml ?? card.numeric.promptHtml,
                unit: card.numeric.unit,
              }}
              titleExtra={languageBar}
              gradedTexts={flipped?.numeric?.graded ?? null}
              onGraded={(graded) => {
                setNumericCorrect(graded.verdict === "correct");
                // A flipped card fetches the grading's texts in its language too.
                if (flipped) void loadLanguage(flipped.language);
              }}
            />
          ) : (
            <section aria-labelledby="study-title" className="card min-h-48 space-y-4">
              <h1 id="study-title" className="text-lg font-semibold" lang={shown.language === "zh" ? "zh" : "en"}>{shown.title}</h1>
              {languageBar}
              <div className="prose-receptive" dangerouslySetInnerHTML={{ __html: shown.promptHtml }} />
              {card.kind === "MULTIPLE_CHOICE" && (
                <ChoiceList
                  disabled={picked !== null || pending}
                  onPick={(index) => void pick(index)}
                  choices={shown.choicesHtml.map((html, index) => {
                    const isRight = picked?.result.correctIndexes.includes(index) ?? false;
                    return {
                      html,
                      picked: picked?.index === index,
                      state: !picked ? "idle" : isRight ? "correct" : picked.index === index ? "wrong" : "muted",
                      whyHtml: picked && !isRight && picked.index === index ? (flipped?.whyHtml[index] ?? picked.result.whyHtml[index] ?? null) : null,
                    };
                  })}
                />
              )}
              {answered && (
                <div className="space-y-4 border-t border-slate-200 pt-4 dark:border-slate-800">
                  <div>
                    <h2 className="mb-1 text-sm font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">{t("answer")}</h2>
                    <div className="prose-receptive" dangerouslySetInnerHTML={{ __html: shown.answerHtml }} />
                  </div>
                  <details className="text-sm" open={card.kind === "FLASHCARD"}>
                    <summary className="cursor-pointer font-medium">{t("explanation")}</summary>
                    <div className="prose-receptive mt-2" dangerouslySetInnerHTML={{ __html: shown.explanationHtml }} />
                  </details>
                </div>
              )}
            </section>
          )}

          {/* The action bar keeps its height so the page does not jump between states. */}
          <div className="sticky bottom-0 -mx-4 min-h-20 border-t border-slate-200 bg-slate-50/95 px-4 py-3 backdrop-blur sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:px-0 dark:border-slate-800 dark:bg-slate-950/95 sm:dark:bg-transparent">
            {card.kind === "FLASHCARD" && !revealed ? (
              <button type="button" className="btn-primary w-full" onClick={() => setRevealed(true)}>
                {t("showAnswer")} <kbd className="rounded border border-white/40 px-1.5 text-xs">{t("space")}</kbd>
              </button>
            ) : answered ? (
              <div className="grid grid-cols-4 gap-2" role="group" aria-label={t("rateGroup")}>
                {([1, 2, 3, 4] as Rating[]).map((rating) => (
                  <button
                    key={rating}
                    type="button"
                    disabled={!allowed.includes(rating) || pending}
                    onClick={() => void rate(rating)}
                    className={`flex flex-col items-center rounded-lg border px-2 py-2 text-sm font-semibold transition-colors disabled:cursor-not-allowed disabled:opacity-35 ${RATING_STYLES[rating]} ${defaultRating === rating ? "ring-2 ring-brand-500 ring-offset-1 dark:ring-offset-slate-950" : ""}`}
                  >
                    <span>{t(`ratings.${RATING_KEYS[rating]}`)}</span>
                    <span className="text-xs font-normal opacity-80">{intervalText(card.intervals[rating])}</span>
                    <span className="sr-only">{t("ratingKey", { key: rating })}</span>
                  </button>
                ))}
              </div>
            ) : (
              <p className="py-2 text-center text-sm text-slate-500 dark:text-slate-400">
                {card.kind === "MULTIPLE_CHOICE" ? t("pickOption") : t("answerToRate")}
              </p>
            )}
            <div className="mt-2 flex justify-between text-xs text-slate-500 dark:text-slate-400">
              <span>{t("reviewed", { count: reviewed })}</span>
              <button type="button" className="underline disabled:opacity-50" onClick={() => void undo()} disabled={pending || reviewed === 0}>
                {t("undoLastShortcut")}
              </button>
            </div>
          </div>
        </>
      )}
      <span className="sr-only" aria-live="polite">{t("dueWhenStarted", { count: initialTotal })}</span>
    </div>
  );
}
