"use client";

import { useState } from "react";
import { TOLERANCES, formToYaml, yamlToForm, type TemplateForm, type VariableKind, type VariableRow } from "@/lib/admin/template-form";
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

const small = "field-input font-mono text-sm";
const rowButton = "btn-ghost px-2 py-1 text-xs";

interface Props {
  yaml: string;
  onChange: (yaml: string) => void;
  /** Problems of the whole draft; this editor shows the `template…` ones. */
  errors: Errors;
}

export function TemplateEditor({ yaml, onChange, errors }: Props) {
  // The form keeps what is typed ("3, " while adding a value); the YAML it writes is what the draft carries.
  const [form, setForm] = useState<TemplateForm | null>(() => yamlToForm(yaml));
  const [mode, setMode] = useState<"form" | "yaml">(() => (form ? "form" : "yaml"));
  const [switchError, setSwitchError] = useState<string | null>(null);

  const set = (patch: Partial<TemplateForm>) => {
    if (!form) return;
    const next = { ...form, ...patch };
    setForm(next);
    onChange(formToYaml(next));
  };
  const names = form?.variables.map((row) => row.name) ?? [];
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  const setVariable = (index: number, patch: Partial<VariableRow>) => form && set({ variables: form.variables.map((row, i) => (i === index ? { ...row, ...patch } : row)) });
  // Problems found beyond the shape (drawing instances, satisfying constraints) are reported on `template` itself.
  const general = errors.template ?? [];

  return (
    <fieldset className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <legend className="field-label">Numeric template</legend>
        <div className="flex gap-1" role="group" aria-label="Template editing mode">
          <button type="button" className={`${rowButton} ${mode === "form" ? "bg-slate-100 dark:bg-slate-800" : ""}`} aria-pressed={mode === "form"} onClick={() => {
            const parsed = yamlToForm(yaml);
            if (parsed) {
              setForm(parsed);
              setMode("form");
              setSwitchError(null);
            } else {
              setSwitchError("The form cannot show this YAML (it has a syntax error or fields the form does not know); keep editing it as YAML.");
            }
          }}>Form</button>
          <button type="button" className={`${rowButton} ${mode === "yaml" ? "bg-slate-100 dark:bg-slate-800" : ""}`} aria-pressed={mode === "yaml"} onClick={() => { setMode("yaml"); setSwitchError(null); }}>Edit as YAML</button>
        </div>
      </div>
      {switchError && <p className="alert-error" role="alert">{switchError}</p>}
      <Problems id="q-template-error" list={general} />

      {mode === "yaml" || !form ? (
        <div>
          <label htmlFor="q-template" className="sr-only">Numeric template (YAML)</label>
          <textarea id="q-template" value={yaml} onChange={(event) => onChange(event.target.value)} rows={16} spellCheck={false} className={small} aria-describedby="q-template-hint" />
          <p id="q-template-hint" className="mt-1 text-xs text-slate-500 dark:text-slate-400">Exactly the <code>template:</code> block of a content file (content/README.md).</p>
          <Problems id="q-template-fields-error" list={Object.keys(errors).filter((key) => key.startsWith("template.")).flatMap((key) => errors[key]!.map((message) => `${key.slice(9)}: ${message}`))} />
        </div>
      ) : (
        <>
          <div className="space-y-2">
            <p className="text-sm font-medium">Variables</p>
            <p className="text-xs text-slate-500 dark:text-slate-400">Drawn in this order; a derived variable may use the ones above it. Use them as {"{{name}}"} in the prompt and solution.</p>
            {form.variables.map((row, index) => {
              const problems = messages(errors, `template.variables.${row.name}`);
              return (
                <div key={index} className="space-y-2 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
                  <div className="flex flex-wrap items-end gap-2">
                    <div className="w-28">
                      <label htmlFor={`var-name-${index}`} className="text-xs text-slate-600 dark:text-slate-400">Name</label>
                      <input id={`var-name-${index}`} value={row.name} onChange={(event) => setVariable(index, { name: event.target.value.trim() })} className={small} autoComplete="off" />
                    </div>
                    <div className="w-36">
                      <label htmlFor={`var-kind-${index}`} className="text-xs text-slate-600 dark:text-slate-400">Drawn from</label>
                      <select id={`var-kind-${index}`} value={row.kind} onChange={(event) => setVariable(index, { kind: event.target.value as VariableKind })} className="field-input text-sm">
                        <option value="choices">a list</option>
                        <option value="range">a range</option>
                        <option value="derive">an expression</option>
                      </select>
                    </div>
                    {row.kind === "choices" && (
                      <div className="min-w-40 flex-1">
                        <label htmlFor={`var-choices-${index}`} className="text-xs text-slate-600 dark:text-slate-400">Values (comma-separated)</label>
                        <input id={`var-choices-${index}`} value={row.choices} onChange={(event) => setVariable(index, { choices: event.target.value })} className={small} />
                      </div>
                    )}
                    {row.kind === "range" && (
                      <>
                        <div className="w-24">
                          <label htmlFor={`var-lo-${index}`} className="text-xs text-slate-600 dark:text-slate-400">From</label>
                          <input id={`var-lo-${index}`} value={row.lo} onChange={(event) => setVariable(index, { lo: event.target.value })} className={small} inputMode="numeric" />
                        </div>
                        <div className="w-24">
                          <label htmlFor={`var-hi-${index}`} className="text-xs text-slate-600 dark:text-slate-400">To</label>
                          <input id={`var-hi-${index}`} value={row.hi} onChange={(event) => setVariable(index, { hi: event.target.value })} className={small} inputMode="numeric" />
                        </div>
                        <div className="w-20">
                          <label htmlFor={`var-step-${index}`} className="text-xs text-slate-600 dark:text-slate-400">Step</label>
                          <input id={`var-step-${index}`} value={row.step} onChange={(event) => setVariable(index, { step: event.target.value })} className={small} inputMode="numeric" placeholder="1" />
                        </div>
                      </>
                    )}
                    {row.kind === "derive" && (
                      <div className="min-w-40 flex-1">
                        <label htmlFor={`var-derive-${index}`} className="text-xs text-slate-600 dark:text-slate-400">Expression</label>
                        <input id={`var-derive-${index}`} value={row.derive} onChange={(event) => setVariable(index, { derive: event.target.value })} className={small} />
                      </div>
                    )}
                    <button type="button" className={`${rowButton} text-red-700 dark:text-red-300`} onClick={() => set({ variables: form.variables.filter((_, i) => i !== index) })} aria-label={`Remove variable ${row.name || index + 1}`}>Remove</button>
                  </div>
                  <Problems id={`var-${index}-error`} list={problems} />
                </div>
              );
            })}
            <Problems id="template-variables-error" list={[...(errors["template.variables"] ?? []), ...(duplicate !== undefined ? [`Two variables are named "${duplicate}"; names must differ.`] : [])]} />
            <button type="button" className="btn-secondary" onClick={() => set({ variables: [...form.variables, { name: `v${form.variables.length + 1}`, kind: "choices", choices: "1, 2, 3", lo: "", hi: "", step: "", derive: "" }] })}>Add a variable</button>
          </div>

          <div className="space-y-2">
            <p className="text-sm font-medium">Constraints</p>
            <p className="text-xs text-slate-500 dark:text-slate-400">Conditions every drawn instance must meet, e.g. <code>c_out &gt;= c_in</code>.</p>
            {form.constraints.map((constraint, index) => (
              <div key={index} className="flex gap-2">
                <label htmlFor={`constraint-${index}`} className="sr-only">Constraint {index + 1}</label>
                <input id={`constraint-${index}`} value={constraint} onChange={(event) => set({ constraints: form.constraints.map((item, i) => (i === index ? event.target.value : item)) })} className={small} />
                <button type="button" className={`${rowButton} text-red-700 dark:text-red-300`} onClick={() => set({ constraints: form.constraints.filter((_, i) => i !== index) })} aria-label={`Remove constraint ${index + 1}`}>Remove</button>
              </div>
            ))}
            <Problems id="template-constraints-error" list={messages(errors, "template.constraints")} />
            <button type="button" className="btn-secondary" onClick={() => set({ constraints: [...form.constraints, ""] })}>Add a constraint</button>
          </div>

          <div>
            <label htmlFor="template-answer" className="text-sm font-medium">Answer expression</label>
            <textarea id="template-answer" value={form.answer} onChange={(event) => set({ answer: event.target.value })} rows={form.answer.length > 60 ? 4 : 1} spellCheck={false} className={small} />
            <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">Computed with the calculation library, e.g. <code>convParams({"{kernel: k, inChannels: c, outChannels: c}"})</code>.</p>
            <Problems id="template-answer-error" list={messages(errors, "template.answer")} />
          </div>

          <div className="grid gap-3 sm:grid-cols-3">
            <div>
              <label htmlFor="template-tolerance" className="text-sm font-medium">Tolerance</label>
              <select id="template-tolerance" value={form.toleranceType} onChange={(event) => set({ toleranceType: event.target.value as TemplateForm["toleranceType"] })} className="field-input text-sm">
                {TOLERANCES.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
              </select>
            </div>
            {form.toleranceType !== "exact" && (
              <div>
                <label htmlFor="template-tolerance-value" className="text-sm font-medium">Tolerance value</label>
                <input id="template-tolerance-value" value={form.toleranceValue} onChange={(event) => set({ toleranceValue: event.target.value })} className={small} inputMode="decimal" />
                <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{TOLERANCES.find((option) => option.value === form.toleranceType)?.hint}</p>
              </div>
            )}
            <div>
              <label htmlFor="template-unit" className="text-sm font-medium">Unit</label>
              <select id="template-unit" value={form.unit} onChange={(event) => set({ unit: event.target.value })} className="field-input text-sm">
                {!(NUMERIC_UNITS as readonly string[]).includes(form.unit) && <option value={form.unit}>{form.unit || "Choose a unit"}</option>}
                {NUMERIC_UNITS.map((unit) => <option key={unit} value={unit}>{unit}</option>)}
              </select>
            </div>
          </div>
          <Problems id="template-tolerance-error" list={[...messages(errors, "template.tolerance"), ...messages(errors, "template.unit")]} />

          <div className="space-y-2">
            <p className="text-sm font-medium">Known mistakes</p>
            <p className="text-xs text-slate-500 dark:text-slate-400">An expression for the number a typical mistake gives, and the feedback a learner who answers it sees.</p>
            {form.mistakes.map((mistake, index) => (
              <div key={index} className="space-y-2 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
                <div className="flex gap-2">
                  <div className="flex-1">
                    <label htmlFor={`mistake-when-${index}`} className="text-xs text-slate-600 dark:text-slate-400">Mistake {index + 1}: expression</label>
                    <input id={`mistake-when-${index}`} value={mistake.when} onChange={(event) => set({ mistakes: form.mistakes.map((item, i) => (i === index ? { ...item, when: event.target.value } : item)) })} className={small} />
                  </div>
                  <button type="button" className={`${rowButton} self-end text-red-700 dark:text-red-300`} onClick={() => set({ mistakes: form.mistakes.filter((_, i) => i !== index) })} aria-label={`Remove mistake ${index + 1}`}>Remove</button>
                </div>
                <label htmlFor={`mistake-feedback-${index}`} className="text-xs text-slate-600 dark:text-slate-400">Feedback</label>
                <input id={`mistake-feedback-${index}`} value={mistake.feedback} onChange={(event) => set({ mistakes: form.mistakes.map((item, i) => (i === index ? { ...item, feedback: event.target.value } : item)) })} className="field-input text-sm" />
                <Problems id={`mistake-${index}-error`} list={messages(errors, `template.mistakes.${index}`)} />
              </div>
            ))}
            <button type="button" className="btn-secondary" onClick={() => set({ mistakes: [...form.mistakes, { when: "", feedback: "" }] })} disabled={form.mistakes.length >= 12}>Add a mistake</button>
          </div>

          <div>
            <label htmlFor="template-solution" className="text-sm font-medium">Worked solution</label>
            <textarea id="template-solution" value={form.solution} onChange={(event) => set({ solution: event.target.value })} rows={5} className={small} />
            <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">Markdown shown after answering; {"{{name}}"} and {"{{answer}}"} insert this instance&apos;s numbers.</p>
            <Problems id="template-solution-error" list={messages(errors, "template.solution")} />
          </div>
        </>
      )}
    </fieldset>
  );
}
