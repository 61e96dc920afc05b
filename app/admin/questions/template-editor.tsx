"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { TOLERANCES, formToYaml, yamlToForm, type TemplateForm, type VariableKind, type VariableRow } from "@/lib/admin/template-form";
import { addedOrigin, removedOrigin, type Origin } from "@/lib/admin/translation-draft";
import { NUMERIC_UNITS } from "@/lib/numeric/units";

/**
 * The numeric template as a form: variables, constraints, answer, tolerance, unit, mistakes and solution, each
 * with its own field and its own problems. The form writes the same YAML block a content file has (the draft
 * carries that text, and the server validates it with the content-file rules); "Edit as YAML" shows that text
 * directly, for templates the form cannot show (comments, unusual layouts) or for pasting from a file.
 */

type Errors = Record<string, string[]>;

function messages(errors: Errors, field: string): string[] {
  return Object.entries(errors).flatMap(([key, list]) => (key === field || key.startsWith(`${field}.`) ? list.map((message) => (key === field ? message : `${key.slice(field.length + 1)}: ${message}`)) : []));
}

function Problems({ id, list }: { id: string; list: string[] }) {
  if (list.length === 0) return null;
  return (
    <ul id={id} className="field-error space-y-0.5" role="alert">
      {list.map((message, index) => <li key={index}>{message}</li>)}
    </ul>
  );
}

/** Template syntax shown in the hints as it is written (not message arguments). */
const NAME_PLACEHOLDER = "{{name}}";
const ANSWER_PLACEHOLDER = "{{answer}}";
const CONSTRAINT_EXAMPLE = "c_out >= c_in";
const ANSWER_EXAMPLE = "convParams({kernel: k, inChannels: c, outChannels: c})";

const small = "field-input font-mono text-sm";
const rowButton = "btn-ghost px-2 py-1 text-xs";

interface Props {
  yaml: string;
  /** `mistakes`: where each mistake came from when the form removed or added one (the translation follows it). */
  onChange: (yaml: string, mistakes?: Origin) => void;
  /** Problems of the whole draft; this editor shows the `template…` ones. */
  errors: Errors;
}

export function TemplateEditor({ yaml, onChange, errors }: Props) {
  const t = useTranslations("adminBank.template");
  const tCommon = useTranslations("adminBank.common");
  const code = (chunks: ReactNode) => <code>{chunks}</code>;
  // The form keeps what is typed ("3, " while adding a value); the YAML it writes is what the draft carries.
  const [form, setForm] = useState<TemplateForm | null>(() => yamlToForm(yaml));
  const [mode, setMode] = useState<"form" | "yaml">(() => (form ? "form" : "yaml"));
  const [switchError, setSwitchError] = useState<string | null>(null);

  const set = (patch: Partial<TemplateForm>, mistakes?: Origin) => {
    if (!form) return;
    const next = { ...form, ...patch };
    setForm(next);
    onChange(formToYaml(next), mistakes);
  };
  const names = form?.variables.map((row) => row.name) ?? [];
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  const setVariable = (index: number, patch: Partial<VariableRow>) => form && set({ variables: form.variables.map((row, i) => (i === index ? { ...row, ...patch } : row)) });
  // Problems found beyond the shape (drawing instances, satisfying constraints) are reported on `template` itself.
  const general = errors.template ?? [];

  return (
    <fieldset className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <legend className="field-label">{t("legend")}</legend>
        <div className="flex gap-1" role="group" aria-label={t("modeGroup")}>
          <button type="button" className={`${rowButton} ${mode === "form" ? "bg-slate-100 dark:bg-slate-800" : ""}`} aria-pressed={mode === "form"} onClick={() => {
            const parsed = yamlToForm(yaml);
            if (parsed) {
              setForm(parsed);
              setMode("form");
              setSwitchError(null);
            } else {
              setSwitchError(t("switchError"));
            }
          }}>{t("modeForm")}</button>
          <button type="button" className={`${rowButton} ${mode === "yaml" ? "bg-slate-100 dark:bg-slate-800" : ""}`} aria-pressed={mode === "yaml"} onClick={() => { setMode("yaml"); setSwitchError(null); }}>{t("modeYaml")}</button>
        </div>
      </div>
      {switchError && <p className="alert-error" role="alert">{switchError}</p>}
      <Problems id="q-template-error" list={general} />

      {mode === "yaml" || !form ? (
        <div>
          <label htmlFor="q-template" className="sr-only">{t("yamlLabel")}</label>
          <textarea id="q-template" value={yaml} onChange={(event) => onChange(event.target.value)} rows={16} spellCheck={false} className={small} aria-describedby="q-template-hint" />
          <p id="q-template-hint" className="mt-1 text-xs text-slate-500 dark:text-slate-400">{t.rich("yamlHint", { code })}</p>
          <Problems id="q-template-fields-error" list={Object.keys(errors).filter((key) => key.startsWith("template.")).flatMap((key) => errors[key]!.map((message) => `${key.slice(9)}: ${message}`))} />
        </div>
      ) : (
        <>
          <div className="space-y-2">
            <p className="text-sm font-medium">{t("variables")}</p>
            <p className="text-xs text-slate-500 dark:text-slate-400">{t("variablesHint", { placeholder: NAME_PLACEHOLDER })}</p>
            {form.variables.map((row, index) => {
              const problems = messages(errors, `template.variables.${row.name}`);
              return (
                <div key={index} className="space-y-2 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
                  <div className="flex flex-wrap items-end gap-2">
                    <div className="w-28">
                      <label htmlFor={`var-name-${index}`} className="text-xs text-slate-600 dark:text-slate-400">{t("name")}</label>
                      <input id={`var-name-${index}`} value={row.name} onChange={(event) => setVariable(index, { name: event.target.value.trim() })} className={small} autoComplete="off" />
                    </div>
                    <div className="w-36">
                      <label htmlFor={`var-kind-${index}`} className="text-xs text-slate-600 dark:text-slate-400">{t("drawnFrom")}</label>
                      <select id={`var-kind-${index}`} value={row.kind} onChange={(event) => setVariable(index, { kind: event.target.value as VariableKind })} className="field-input text-sm">
                        <option value="choices">{t("kindChoices")}</option>
                        <option value="range">{t("kindRange")}</option>
                        <option value="derive">{t("kindDerive")}</option>
                      </select>
                    </div>
                    {row.kind === "choices" && (
                      <div className="min-w-40 flex-1">
                        <label htmlFor={`var-choices-${index}`} className="text-xs text-slate-600 dark:text-slate-400">{t("values")}</label>
                        <input id={`var-choices-${index}`} value={row.choices} onChange={(event) => setVariable(index, { choices: event.target.value })} className={small} />
                      </div>
                    )}
                    {row.kind === "range" && (
                      <>
                        <div className="w-24">
                          <label htmlFor={`var-lo-${index}`} className="text-xs text-slate-600 dark:text-slate-400">{t("from")}</label>
                          <input id={`var-lo-${index}`} value={row.lo} onChange={(event) => setVariable(index, { lo: event.target.value })} className={small} inputMode="numeric" />
                        </div>
                        <div className="w-24">
                          <label htmlFor={`var-hi-${index}`} className="text-xs text-slate-600 dark:text-slate-400">{t("to")}</label>
                          <input id={`var-hi-${index}`} value={row.hi} onChange={(event) => setVariable(index, { hi: event.target.value })} className={small} inputMode="numeric" />
                        </div>
                        <div className="w-20">
                          <label htmlFor={`var-step-${index}`} className="text-xs text-slate-600 dark:text-slate-400">{t("step")}</label>
                          <input id={`var-step-${index}`} value={row.step} onChange={(event) => setVariable(index, { step: event.target.value })} className={small} inputMode="numeric" placeholder="1" />
                        </div>
                      </>
                    )}
                    {row.kind === "derive" && (
                      <div className="min-w-40 flex-1">
                        <label htmlFor={`var-derive-${index}`} className="text-xs text-slate-600 dark:text-slate-400">{t("expression")}</label>
                        <input id={`var-derive-${index}`} value={row.derive} onChange={(event) => setVariable(index, { derive: event.target.value })} className={small} />
                      </div>
                    )}
                    <button type="button" className={`${rowButton} text-red-700 dark:text-red-300`} onClick={() => set({ variables: form.variables.filter((_, i) => i !== index) })} aria-label={t("removeVariable", { name: row.name || String(index + 1) })}>{tCommon("remove")}</button>
                  </div>
                  <Problems id={`var-${index}-error`} list={problems} />
                </div>
              );
            })}
            <Problems id="template-variables-error" list={[...(errors["template.variables"] ?? []), ...(duplicate !== undefined ? [t("duplicate", { name: duplicate })] : [])]} />
            <button type="button" className="btn-secondary" onClick={() => set({ variables: [...form.variables, { name: `v${form.variables.length + 1}`, kind: "choices", choices: "1, 2, 3", lo: "", hi: "", step: "", derive: "" }] })}>{t("addVariable")}</button>
          </div>

          <div className="space-y-2">
            <p className="text-sm font-medium">{t("constraints")}</p>
            <p className="text-xs text-slate-500 dark:text-slate-400">{t.rich("constraintsHint", { code, example: CONSTRAINT_EXAMPLE })}</p>
            {form.constraints.map((constraint, index) => (
              <div key={index} className="flex gap-2">
                <label htmlFor={`constraint-${index}`} className="sr-only">{t("constraint", { number: index + 1 })}</label>
                <input id={`constraint-${index}`} value={constraint} onChange={(event) => set({ constraints: form.constraints.map((item, i) => (i === index ? event.target.value : item)) })} className={small} />
                <button type="button" className={`${rowButton} text-red-700 dark:text-red-300`} onClick={() => set({ constraints: form.constraints.filter((_, i) => i !== index) })} aria-label={t("removeConstraint", { number: index + 1 })}>{tCommon("remove")}</button>
              </div>
            ))}
            <Problems id="template-constraints-error" list={messages(errors, "template.constraints")} />
            <button type="button" className="btn-secondary" onClick={() => set({ constraints: [...form.constraints, ""] })}>{t("addConstraint")}</button>
          </div>

          <div>
            <label htmlFor="template-answer" className="text-sm font-medium">{t("answer")}</label>
            <textarea id="template-answer" value={form.answer} onChange={(event) => set({ answer: event.target.value })} rows={form.answer.length > 60 ? 4 : 1} spellCheck={false} className={small} />
            <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{t.rich("answerHint", { code, example: ANSWER_EXAMPLE })}</p>
            <Problems id="template-answer-error" list={messages(errors, "template.answer")} />
          </div>

          <div className="grid gap-3 sm:grid-cols-3">
            <div>
              <label htmlFor="template-tolerance" className="text-sm font-medium">{t("tolerance")}</label>
              <select id="template-tolerance" value={form.toleranceType} onChange={(event) => set({ toleranceType: event.target.value as TemplateForm["toleranceType"] })} className="field-input text-sm">
                {TOLERANCES.map((option) => <option key={option.value} value={option.value}>{t(`tolerances.${option.value}`)}</option>)}
              </select>
            </div>
            {form.toleranceType !== "exact" && (
              <div>
                <label htmlFor="template-tolerance-value" className="text-sm font-medium">{t("toleranceValue")}</label>
                <input id="template-tolerance-value" value={form.toleranceValue} onChange={(event) => set({ toleranceValue: event.target.value })} className={small} inputMode="decimal" />
                <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{t(`toleranceHints.${form.toleranceType}`)}</p>
              </div>
            )}
            <div>
              <label htmlFor="template-unit" className="text-sm font-medium">{t("unit")}</label>
              <select id="template-unit" value={form.unit} onChange={(event) => set({ unit: event.target.value })} className="field-input text-sm">
                {!(NUMERIC_UNITS as readonly string[]).includes(form.unit) && <option value={form.unit}>{form.unit || t("chooseUnit")}</option>}
                {NUMERIC_UNITS.map((unit) => <option key={unit} value={unit}>{unit}</option>)}
              </select>
            </div>
          </div>
          <Problems id="template-tolerance-error" list={[...messages(errors, "template.tolerance"), ...messages(errors, "template.unit")]} />

          <div className="space-y-2">
            <p className="text-sm font-medium">{t("mistakes")}</p>
            <p className="text-xs text-slate-500 dark:text-slate-400">{t("mistakesHint")}</p>
            {form.mistakes.map((mistake, index) => (
              <div key={index} className="space-y-2 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
                <div className="flex gap-2">
                  <div className="flex-1">
                    <label htmlFor={`mistake-when-${index}`} className="text-xs text-slate-600 dark:text-slate-400">{t("mistakeExpression", { number: index + 1 })}</label>
                    <input id={`mistake-when-${index}`} value={mistake.when} onChange={(event) => set({ mistakes: form.mistakes.map((item, i) => (i === index ? { ...item, when: event.target.value } : item)) })} className={small} />
                  </div>
                  <button type="button" className={`${rowButton} self-end text-red-700 dark:text-red-300`} onClick={() => set({ mistakes: form.mistakes.filter((_, i) => i !== index) }, removedOrigin(form.mistakes.length, index))} aria-label={t("removeMistake", { number: index + 1 })}>{tCommon("remove")}</button>
                </div>
                <label htmlFor={`mistake-feedback-${index}`} className="text-xs text-slate-600 dark:text-slate-400">{t("feedback")}</label>
                <input id={`mistake-feedback-${index}`} value={mistake.feedback} onChange={(event) => set({ mistakes: form.mistakes.map((item, i) => (i === index ? { ...item, feedback: event.target.value } : item)) })} className="field-input text-sm" />
                <Problems id={`mistake-${index}-error`} list={messages(errors, `template.mistakes.${index}`)} />
              </div>
            ))}
            <button type="button" className="btn-secondary" onClick={() => set({ mistakes: [...form.mistakes, { when: "", feedback: "" }] }, addedOrigin(form.mistakes.length))} disabled={form.mistakes.length >= 12}>{t("addMistake")}</button>
          </div>

          <div>
            <label htmlFor="template-solution" className="text-sm font-medium">{t("solution")}</label>
            <textarea id="template-solution" value={form.solution} onChange={(event) => set({ solution: event.target.value })} rows={5} className={small} />
            <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{t("solutionHint", { namePlaceholder: NAME_PLACEHOLDER, answerPlaceholder: ANSWER_PLACEHOLDER })}</p>
            <Problems id="template-solution-error" list={messages(errors, "template.solution")} />
          </div>
        </>
      )}
    </fieldset>
  );
}
