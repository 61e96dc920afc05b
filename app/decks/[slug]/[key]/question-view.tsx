"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ChoiceList } from "@/app/ui/choice-list";

interface ChoiceView {
  html: string;
  correct: boolean;
  whyHtml: string | null;
}

interface QuestionViewProps {
  kind: "FLASHCARD" | "MULTIPLE_CHOICE" | "NUMERIC";
  /** Sanitised HTML from lib/markdown (rendered on the server). */
  promptHtml: string;
  answerHtml: string;
  explanationHtml: string;
  choices: ChoiceView[];
  /** The `lang` of the question's texts when they are not in the interface language. */
  textLang?: string;
  previousHref: string | null;
  nextHref: string | null;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

/**
 * Browsing a question: the prompt, then the answer and explanation on request. Keyboard: Space reveals,
 * 1–6 pick a choice, ← and → move to the previous or next question.
 */
export function QuestionView({ kind, promptHtml, answerHtml, explanationHtml, choices, textLang, previousHref, nextHref }: QuestionViewProps) {
  const t = useTranslations("decks.question");
  const [revealed, setRevealed] = useState(false);
  const [picked, setPicked] = useState<number | null>(null);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (event.key === " " && !revealed) {
        event.preventDefault();
        setRevealed(true);
      } else if (kind === "MULTIPLE_CHOICE" && /^[1-6]$/.test(event.key) && picked === null) {
        const index = Number(event.key) - 1;
        if (index < choices.length) {
          setPicked(index);
          setRevealed(true);
        }
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [revealed, picked, kind, choices.length]);

  const pickedChoice = picked === null ? null : choices[picked];

  return (
    <div className="space-y-5">
      <section aria-labelledby="prompt-heading" className="card">
        <h2 id="prompt-heading" className="sr-only">{t("promptHeading")}</h2>
        <div className="prose-receptive" lang={textLang} dangerouslySetInnerHTML={{ __html: promptHtml }} />
        {kind === "MULTIPLE_CHOICE" && (
          <ChoiceList
            className="mt-5"
            disabled={picked !== null || revealed}
            onPick={(index) => {
              setPicked(index);
              setRevealed(true);
            }}
            choices={choices.map((choice, index) => ({
              html: choice.html,
              picked: picked === index,
              state: picked === null && !revealed ? "idle" : choice.correct ? "correct" : picked === index ? "wrong" : "muted",
              whyHtml: revealed && !choice.correct && (picked === index || picked === null) ? choice.whyHtml : null,
            }))}
          />
        )}
      </section>

      {pickedChoice && (
        <p role="status" className={pickedChoice.correct ? "alert-success" : "alert-error"}>
          {pickedChoice.correct ? t("right") : t("notQuite")}
        </p>
      )}

      {revealed ? (
        <section aria-labelledby="answer-heading" className="card space-y-4">
          <div>
            <h2 id="answer-heading" className="mb-2 text-sm font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">{t("answer")}</h2>
            <div className="prose-receptive" lang={textLang} dangerouslySetInnerHTML={{ __html: answerHtml }} />
          </div>
          <div className="border-t border-slate-200 pt-4 dark:border-slate-800">
            <h2 className="mb-2 text-sm font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">{t("explanation")}</h2>
            <div className="prose-receptive" lang={textLang} dangerouslySetInnerHTML={{ __html: explanationHtml }} />
          </div>
        </section>
      ) : (
        <button type="button" className="btn-primary w-full sm:w-auto" onClick={() => setRevealed(true)}>
          {t("showAnswer")} <kbd className="rounded border border-white/40 px-1.5 text-xs">{t("space")}</kbd>
        </button>
      )}

      <QuestionNavigation previousHref={previousHref} nextHref={nextHref} />
    </div>
  );
}

/** Previous/next links; ← and → follow them unless focus is in a text field. */
export function QuestionNavigation({ previousHref, nextHref }: { previousHref: string | null; nextHref: string | null }) {
  const t = useTranslations("decks.question");
  const router = useRouter();
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (event.key === "ArrowRight" && nextHref) router.push(nextHref);
      else if (event.key === "ArrowLeft" && previousHref) router.push(previousHref);
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [nextHref, previousHref, router]);
  return (
    <nav aria-label={t("navigation")} className="flex items-center justify-between gap-3 border-t border-slate-200 pt-4 dark:border-slate-800">
      {previousHref ? <Link href={previousHref} className="btn-secondary" rel="prev">{t("previous")}</Link> : <span />}
      {nextHref ? <Link href={nextHref} className="btn-secondary" rel="next">{t("next")}</Link> : <span />}
    </nav>
  );
}
