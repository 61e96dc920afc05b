/**
 * Small pieces the app's client forms share: the network-failure message, the busy-button style, a status region
 * and the textarea twin of FormField.
 */
import type { TextareaHTMLAttributes } from "react";

/**
 * The English text of `common.networkError`; components show `useTranslations("common")("networkError")`. Kept for
 * code that compares or logs the English message.
 */
export const NETWORK_ERROR = "Could not reach the server. Check your connection and try again.";
export const DESCRIPTION_MAX = 500;
// Busy buttons stay focusable (aria-disabled, clicks ignored) so keyboard focus is not dropped mid-action.
export const BUSY = "aria-disabled:cursor-wait aria-disabled:opacity-60";
export const SMALL_BUTTON = `btn-secondary min-h-9 px-3 py-1 text-xs ${BUSY}`;

export type Message = { ok: boolean; text: string } | null;

/** Always rendered, so screen readers already watch the region when the text arrives. */
export function StatusMessage({ message, className = "" }: { message: Message; className?: string }) {
  return (
    <p role="status" aria-live="polite" className={message ? `${message.ok ? "alert-success" : "alert-error"} ${className}` : "sr-only"}>
      {message?.text ?? ""}
    </p>
  );
}

interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  id: string;
  name: string;
  label: string;
  errors?: string[];
  hint?: string;
}

/** The textarea twin of FormField: label, hint and errors linked with aria-describedby. */
export function TextAreaField({ id, name, label, errors, hint, ...textarea }: TextAreaFieldProps) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="field-label">{label}</label>
      <textarea id={id} name={name} className="field-input" aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy} {...textarea} />
      {hint && <p id={hintId} className="mt-1 text-xs text-slate-500 dark:text-slate-400">{hint}</p>}
      {errors?.length ? <p id={errorId} className="field-error" role="alert">{errors.join(" ")}</p> : null}
    </div>
  );
}
