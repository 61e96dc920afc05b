"use client";

import { useTranslations } from "next-intl";

export type ChoiceState = "idle" | "correct" | "wrong" | "muted";

export interface ChoiceView {
  /** Sanitised inline HTML (lib/markdown). */
  html: string;
  state: ChoiceState;
  /** The learner's own pick (announced as pressed). */
  picked: boolean;
  /** Why this option is wrong, shown under it; sanitised inline HTML or null. */
  whyHtml: string | null;
}

const STYLES: Record<ChoiceState, string> = {
  idle: "border-slate-300 hover:border-brand-500 hover:bg-brand-50 dark:border-slate-700 dark:hover:bg-slate-800",
  correct: "border-emerald-500 bg-emerald-50 dark:bg-emerald-950/50",
  wrong: "border-red-500 bg-red-50 dark:bg-red-950/50",
  muted: "border-slate-200 opacity-75 dark:border-slate-800",
};

/** Numbered multiple-choice options (keys 1–n are handled by the caller), marked once the answer is known. */
export function ChoiceList({ choices, disabled, onPick, className = "" }: { choices: ChoiceView[]; disabled: boolean; onPick: (index: number) => void; className?: string }) {
  const t = useTranslations("common");
  return (
    <fieldset className={`space-y-2 ${className}`}>
      <legend className="mb-2 text-sm font-medium text-slate-600 dark:text-slate-400">{t("choices.legend", { count: choices.length })}</legend>
      {choices.map((choice, index) => (
        <div key={index}>
          <button
            type="button"
            disabled={disabled}
            aria-pressed={choice.picked}
            onClick={() => onPick(index)}
            className={`flex w-full items-start gap-3 rounded-lg border px-3 py-2.5 text-left transition-colors disabled:cursor-default ${STYLES[choice.state]}`}
          >
            <span aria-hidden="true" className="mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-md border border-current text-xs font-semibold">
              {index + 1}
            </span>
            <span className="flex-1" dangerouslySetInnerHTML={{ __html: choice.html }} />
            {choice.state === "correct" && <span className="text-sm font-semibold text-emerald-700 dark:text-emerald-300">{t("choices.correct")}</span>}
            {choice.state === "wrong" && <span className="text-sm font-semibold text-red-700 dark:text-red-300">{t("choices.yourPick")}</span>}
          </button>
          {choice.whyHtml && <p className="mt-1 ml-9 text-sm text-slate-600 dark:text-slate-400" dangerouslySetInnerHTML={{ __html: choice.whyHtml }} />}
        </div>
      ))}
    </fieldset>
  );
}
