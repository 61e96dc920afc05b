import type { ReactNode } from "react";

/** The question editor's field problems, by field (`title`, `choices.1.why`, `translations.zh.prompt`…). */
export type Errors = Record<string, string[]>;

export function groupIssues(issues: Array<{ field: string; message: string }>): Errors {
  const grouped: Errors = {};
  for (const issue of issues) (grouped[issue.field] ??= []).push(issue.message);
  return grouped;
}

/** Messages for a field and for anything below it (`template` also collects `template.answer`). */
export function errorsFor(errors: Errors, field: string, options: { nested?: boolean } = { nested: true }): string[] {
  return Object.entries(errors).flatMap(([key, messages]) =>
    key === field ? messages : options.nested && key.startsWith(`${field}.`) ? messages.map((message) => `${key.slice(field.length + 1)}: ${message}`) : [],
  );
}

export function FieldErrors({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul id={id} className="field-error space-y-0.5" role="alert">
      {messages.map((message, index) => <li key={index}>{message}</li>)}
    </ul>
  );
}

export function Labelled({ id, label, hint, errors, children }: { id: string; label: string; hint?: ReactNode; errors: string[]; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="field-label">{label}</label>
      {children}
      {hint && <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{hint}</p>}
      <FieldErrors id={`${id}-error`} messages={errors} />
    </div>
  );
}
