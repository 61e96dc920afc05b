import type { InputHTMLAttributes } from "react";

interface FormFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  name: string;
  label: string;
  errors?: string[];
  hint?: string;
}

/** A labelled input whose errors are announced and linked with aria-describedby. */
export function FormField({ name, label, errors, hint, id, ...input }: FormFieldProps) {
  const inputId = id ?? `field-${name}`;
  const errorId = `${inputId}-error`;
  const hintId = `${inputId}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={inputId} className="field-label">{label}</label>
      <input id={inputId} name={name} className="field-input" aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy} {...input} />
      {hint && <p id={hintId} className="mt-1 text-xs text-slate-500 dark:text-slate-400">{hint}</p>}
      {errors?.length ? (
        <p id={errorId} className="field-error" role="alert">{errors.join(" ")}</p>
      ) : null}
    </div>
  );
}
