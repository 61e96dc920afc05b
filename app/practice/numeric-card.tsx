"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { submitPracticeAnswerAction, type PracticeItem, type SubmitResult } from "./actions";

export type Verdict = "correct" | "mistake" | "incorrect";
export type Graded = Extract<SubmitResult, { ok: true }>;

const VERDICT_STYLES: Record<Verdict, string> = { correct: "alert-success", mistake: "alert-error", incorrect: "alert-error" };

/** Units shown without a label; the others are named by the `practice.card.unit` message ("percent" → "%"). */
const UNITLESS = new Set(["none", "ratio"]);

interface NumericCardProps {
  item: PracticeItem;
  /** Heading level of the title: h1 on the practice page, h2 inside a question page. */
  titleAs?: "h1" | "h2";
  onGraded?: (graded: Graded) => void;
  /** Rendered under the feedback once graded (e.g. a Next button). */
  after?: (graded: Graded) => ReactNode;
  /** The grading's texts in another language (the study card flipped to it); the verdict and numbers stay. */
  gradedTexts?: { feedbackHtml: string | null; solutionHtml: string; explanationHtml: string } | null;
  /** Shown next to the title: the card's language controls (study). */
  titleExtra?: ReactNode;
}

/**
 * One served numeric instance: the prompt, an answer box (Enter submits; unparseable input is explained and not
 * counted), then the verdict, the correct value and the worked solution, all from the server.
 */
export function NumericCard({ item, titleAs: Title = "h2", onGraded, after, gradedTexts, titleExtra }: NumericCardProps) {
  const t = useTranslations("practice.card");
  const [answer, setAnswer] = useState("");
  const [inputError, setInputError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [gradedResult, setGraded] = useState<Graded | null>(null);
  const graded = gradedResult && gradedTexts ? { ...gradedResult, ...gradedTexts } : gradedResult;
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!gradedResult) inputRef.current?.focus();
  }, [gradedResult]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending || gradedResult) return;
    if (answer.trim() === "") {
      setInputError(t("typeFirst"));
      return;
    }
    setPending(true);
    try {
      const result = await submitPracticeAnswerAction({ attemptId: item.attemptId, answer });
      if (!result.ok) {
        setInputError(result.message);
        inputRef.current?.focus();
        return;
      }
      setInputError(null);
      setGraded(result);
      onGraded?.(result);
    } catch {
      setInputError(t("offline"));
    } finally {
      setPending(false);
    }
  }

  const unitLabel = (unit: string) => (UNITLESS.has(unit) ? "" : t("unit", { unit }));
  const itemUnit = unitLabel(item.unit);
  const answerUnit = graded ? unitLabel(graded.unit) : "";

  return (
    <>
      <section aria-labelledby={`numeric-title-${item.attemptId}`} className="card space-y-4">
        <Title id={`numeric-title-${item.attemptId}`} className="text-lg font-semibold">{item.title}</Title>
        {titleExtra}
        <div className="prose-receptive" dangerouslySetInnerHTML={{ __html: item.promptHtml }} />
        <form onSubmit={submit} noValidate className="space-y-2">
          <label htmlFor="numeric-answer" className="field-label">
            {itemUnit === "" ? t("yourAnswer") : t("yourAnswerWithUnit", { unit: itemUnit })}
          </label>
          <div className="flex gap-2">
            <input
              ref={inputRef}
              id="numeric-answer"
              name="answer"
              className="field-input font-mono"
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              enterKeyHint="done"
              value={answer}
              disabled={graded !== null}
              placeholder={t("placeholder")}
              onChange={(event) => setAnswer(event.target.value)}
              aria-invalid={inputError ? true : undefined}
              aria-describedby={inputError ? "numeric-answer-error" : undefined}
            />
            <button type="submit" className="btn-primary shrink-0 whitespace-nowrap" disabled={pending || graded !== null}>
              {pending ? t("checking") : t("check")}
            </button>
          </div>
          {inputError && <p id="numeric-answer-error" role="alert" className="field-error">{inputError}</p>}
        </form>
      </section>

      {graded && (
        <section aria-label={t("feedback")} className="card space-y-4">
          <div className={VERDICT_STYLES[graded.verdict]} role="status">
            <p className="font-semibold">{t(`verdict.${graded.verdict}`)}</p>
            <p className="mt-1">
              {t.rich(answerUnit === "" ? "answerIs" : "answerIsWithUnit", {
                value: graded.correctAnswerText,
                unit: answerUnit,
                answer: (chunks) => <strong className="font-mono">{chunks}</strong>,
              })}
            </p>
            {graded.feedbackHtml && <div className="prose-receptive mt-2" dangerouslySetInnerHTML={{ __html: graded.feedbackHtml }} />}
          </div>
          <div>
            <h3 className="mb-2 text-sm font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">{t("workedSolution")}</h3>
            <div className="prose-receptive" dangerouslySetInnerHTML={{ __html: graded.solutionHtml }} />
          </div>
          <details className="text-sm">
            <summary className="cursor-pointer font-medium">{t("whyFormula")}</summary>
            <div className="prose-receptive mt-2" dangerouslySetInnerHTML={{ __html: graded.explanationHtml }} />
          </details>
          {after?.(graded)}
        </section>
      )}
    </>
  );
}
