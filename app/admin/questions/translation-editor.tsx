"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState, type ReactNode } from "react";
import { emptyTranslation, otherTranslationIssues, templateTexts, translationIssueCount } from "@/lib/admin/translation-draft";
import type { QuestionDraft, TranslationDraft } from "@/lib/content/draft";
import { errorsFor, FieldErrors, Labelled, type Errors } from "./editor-fields";

interface Props {
  draft: QuestionDraft;
  errors: Errors;
  /** The saved translation was made from older English. */
  stale: boolean;
  /** The English differs from the English last saved (or loaded). */
  englishEdited: boolean;
  onChange: (zh: TranslationDraft | null) => void;
}

const FIELD = "translations.zh";

/**
 * The question's Chinese translation: one input per English text (title, sections, each choice and reason, the
 * numeric solution and each mistake's feedback), with the English shown under it. Editing any Chinese text ticks
 * "The Chinese matches this English", which records the saved English as the translation's source.
 */
export function TranslationEditor({ draft, errors, stale, englishEdited, onChange }: Props) {
  const t = useTranslations("adminBank.translation");
  const zh = draft.translations.zh;
  // The inputs show an empty translation until the admin writes something (which creates it).
  const shown = zh ?? emptyTranslation(draft);
  const english = useMemo(() => (draft.kind === "numeric" ? templateTexts(draft.templateYaml) : null), [draft.kind, draft.templateYaml]);
  const issueCount = translationIssueCount(errors);
  const [open, setOpen] = useState(zh !== null);

  const edit = (patch: Partial<TranslationDraft>) => onChange({ ...shown, ...patch, current: true });
  const setChoice = (index: number, patch: Partial<TranslationDraft["choices"][number]>) => edit({ choices: shown.choices.map((choice, i) => (i === index ? { ...choice, ...patch } : choice)) });
  const setMistake = (index: number, feedback: string) => edit({ mistakes: shown.mistakes.map((mistake, i) => (i === index ? { feedback } : mistake)) });

  const englishHint = (text: string | undefined): ReactNode =>
    text?.trim() ? (
      <>
        <span>{t("english")}</span>{" "}
        <span lang="en" className="mt-0.5 block max-h-32 overflow-y-auto whitespace-pre-wrap">{text}</span>
      </>
    ) : (
      t("englishEmpty")
    );
  const invalid = (field: string) => errorsFor(errors, field).length > 0 || undefined;
  const describedBy = (id: string, field: string) => (errorsFor(errors, field).length > 0 ? `${id}-error` : undefined);

  const textarea = "field-input font-mono text-sm leading-relaxed";
  const sectionField = (name: "prompt" | "answer" | "explanation", label: string) => {
    const id = `q-zh-${name}`;
    const field = `${FIELD}.${name}`;
    return (
      <Labelled id={id} label={label} hint={englishHint(draft[name])} errors={errorsFor(errors, field)}>
        <textarea
          id={id}
          lang="zh-Hans"
          value={shown[name]}
          onChange={(event) => edit({ [name]: event.target.value })}
          rows={name === "explanation" ? 8 : 5}
          className={textarea}
          aria-invalid={invalid(field)}
          aria-describedby={describedBy(id, field)}
        />
      </Labelled>
    );
  };

  const status = issueCount > 0 ? t("problems", { count: issueCount }) : !zh ? t("none") : stale ? t("staleBadge") : null;

  return (
    <details className="card" open={open || issueCount > 0} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer font-semibold">
        {t("heading")}
        {status && <span className={`ml-2 text-xs font-normal ${issueCount > 0 ? "text-red-700 dark:text-red-300" : "text-slate-500 dark:text-slate-400"}`}>{status}</span>}
      </summary>
      <div className="mt-4 space-y-4">
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("intro")}</p>
        {zh && stale && (
          <p role="note" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/60 dark:text-amber-100">
            {t("stale")}
          </p>
        )}
        {zh && !stale && zh.source !== "" && englishEdited && !zh.current && (
          <p role="note" className="text-sm text-amber-800 dark:text-amber-200">{t("englishEdited")}</p>
        )}
        <FieldErrors id="q-zh-error" messages={otherTranslationIssues(errors)} />

        <Labelled id="q-zh-title" label={t("title")} hint={englishHint(draft.title)} errors={errorsFor(errors, `${FIELD}.title`)}>
          <input
            id="q-zh-title"
            lang="zh-Hans"
            value={shown.title}
            onChange={(event) => edit({ title: event.target.value })}
            placeholder={draft.title}
            className="field-input"
            aria-invalid={invalid(`${FIELD}.title`)}
            aria-describedby={describedBy("q-zh-title", `${FIELD}.title`)}
          />
        </Labelled>
        {sectionField("prompt", t("prompt"))}

        {draft.kind === "multiple-choice" && (
          <fieldset className="space-y-3">
            <legend className="field-label">{t("choices")}</legend>
            <FieldErrors id="q-zh-choices-error" messages={errorsFor(errors, `${FIELD}.choices`, { nested: false })} />
            {draft.choices.map((choice, index) => {
              const textField = `${FIELD}.choices.${index}.text`;
              const whyField = `${FIELD}.choices.${index}.why`;
              const hasWhy = choice.why.trim() !== "";
              const translated = shown.choices[index] ?? { text: "", why: "" };
              return (
                <div key={index} className="space-y-2 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
                  <Labelled id={`q-zh-choice-${index}`} label={t("choice", { number: index + 1 })} hint={englishHint(choice.text)} errors={errorsFor(errors, textField)}>
                    <input
                      id={`q-zh-choice-${index}`}
                      lang="zh-Hans"
                      value={translated.text}
                      onChange={(event) => setChoice(index, { text: event.target.value })}
                      placeholder={choice.text}
                      className="field-input"
                      aria-invalid={invalid(textField)}
                      aria-describedby={describedBy(`q-zh-choice-${index}`, textField)}
                    />
                  </Labelled>
                  {hasWhy ? (
                    <Labelled id={`q-zh-why-${index}`} label={t("why", { number: index + 1 })} hint={englishHint(choice.why)} errors={errorsFor(errors, whyField)}>
                      <input
                        id={`q-zh-why-${index}`}
                        lang="zh-Hans"
                        value={translated.why}
                        onChange={(event) => setChoice(index, { why: event.target.value })}
                        placeholder={choice.why}
                        className="field-input"
                        aria-invalid={invalid(whyField)}
                        aria-describedby={describedBy(`q-zh-why-${index}`, whyField)}
                      />
                    </Labelled>
                  ) : (
                    <FieldErrors id={`q-zh-why-${index}-error`} messages={errorsFor(errors, whyField)} />
                  )}
                </div>
              );
            })}
          </fieldset>
        )}

        {draft.kind === "numeric" && (
          <>
            <Labelled id="q-zh-solution" label={t("solution")} hint={english ? englishHint(english.solution) : t("templateUnreadable")} errors={errorsFor(errors, `${FIELD}.solution`)}>
              <textarea
                id="q-zh-solution"
                lang="zh-Hans"
                value={shown.solution}
                onChange={(event) => edit({ solution: event.target.value })}
                rows={5}
                className={textarea}
                aria-invalid={invalid(`${FIELD}.solution`)}
                aria-describedby={describedBy("q-zh-solution", `${FIELD}.solution`)}
              />
            </Labelled>
            <fieldset className="space-y-3">
              <legend className="field-label">{t("mistakes")}</legend>
              {!english && <p className="text-xs text-slate-500 dark:text-slate-400">{t("templateUnreadable")}</p>}
              {english && shown.mistakes.length === 0 && <p className="text-xs text-slate-500 dark:text-slate-400">{t("noMistakes")}</p>}
              <FieldErrors id="q-zh-mistakes-error" messages={errorsFor(errors, `${FIELD}.mistakes`, { nested: false })} />
              {shown.mistakes.map((mistake, index) => {
                const field = `${FIELD}.mistakes.${index}.feedback`;
                const extra = english !== null && index >= english.mistakes.length;
                return (
                  <div key={index} className="space-y-2">
                    <Labelled
                      id={`q-zh-mistake-${index}`}
                      label={t("mistake", { number: index + 1 })}
                      hint={extra ? t("extraMistake") : english ? englishHint(english.mistakes[index]) : undefined}
                      errors={errorsFor(errors, field)}
                    >
                      <input
                        id={`q-zh-mistake-${index}`}
                        lang="zh-Hans"
                        value={mistake.feedback}
                        onChange={(event) => setMistake(index, event.target.value)}
                        placeholder={english?.mistakes[index]}
                        className="field-input"
                        aria-invalid={invalid(field)}
                        aria-describedby={describedBy(`q-zh-mistake-${index}`, field)}
                      />
                    </Labelled>
                    {extra && (
                      <button type="button" className="btn-ghost px-2 py-1 text-xs text-red-700 dark:text-red-300" onClick={() => edit({ mistakes: shown.mistakes.filter((_, i) => i !== index) })}>
                        {t("removeMistake", { number: index + 1 })}
                      </button>
                    )}
                  </div>
                );
              })}
            </fieldset>
          </>
        )}

        {sectionField("answer", t("answer"))}
        {sectionField("explanation", t("explanation"))}

        {zh && (
          <div className="space-y-3 border-t border-slate-200 pt-3 dark:border-slate-800">
            {zh.source !== "" && (
              <div>
                <label className="flex items-start gap-2 text-sm">
                  <input type="checkbox" checked={zh.current} onChange={(event) => onChange({ ...zh, current: event.target.checked })} className="mt-0.5 h-4 w-4" aria-describedby="q-zh-current-hint" />
                  <span>{t("current")}</span>
                </label>
                <p id="q-zh-current-hint" className="mt-1 text-xs text-slate-500 dark:text-slate-400">{t("currentHint")}</p>
              </div>
            )}
            <button
              type="button"
              className="btn-ghost text-red-700 dark:text-red-300"
              onClick={() => {
                if (window.confirm(t("removeConfirm"))) onChange(null);
              }}
            >
              {t("remove")}
            </button>
          </div>
        )}
      </div>
    </details>
  );
}
