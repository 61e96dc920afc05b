"use client";

import { useState, type FormEvent } from "react";
import type { RegistrationMode } from "@/lib/admin/schemas";
import { setRegistrationModeAction } from "./actions";

const OPTIONS: Array<{ value: RegistrationMode; label: string; help: string }> = [
  { value: "open", label: "Open", help: "Anyone who can reach this site can create an account." },
  { value: "invite", label: "Invite only", help: "New accounts need an invite code created below." },
  { value: "closed", label: "Closed", help: "Nobody can register; admins create accounts from the shell." },
];

export function RegistrationModeForm({ initial, envDefault }: { initial: RegistrationMode; envDefault: RegistrationMode }) {
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string; errors?: string[] } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const mode = new FormData(event.currentTarget).get("mode");
    setPending(true);
    setResult(null);
    try {
      const response = await setRegistrationModeAction({ mode });
      setResult({ ok: response.ok, message: response.message ?? "", errors: response.fieldErrors?.mode });
    } catch {
      setResult({ ok: false, message: "Could not reach the server. Check your connection and try again." });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <fieldset aria-describedby={result?.errors ? "mode-error" : undefined}>
        <legend className="field-label">Registration</legend>
        <div className="space-y-2">
          {OPTIONS.map((option) => (
            <label key={option.value} className="flex items-start gap-3 text-sm">
              <input type="radio" name="mode" value={option.value} defaultChecked={option.value === initial} className="mt-1" />
              <span>
                <span className="font-medium">{option.label}</span>
                {option.value === envDefault && <span className="text-slate-500 dark:text-slate-400"> (server default)</span>}
                <span className="block text-slate-600 dark:text-slate-400">{option.help}</span>
              </span>
            </label>
          ))}
        </div>
        {result?.errors && <p id="mode-error" className="field-error" role="alert">{result.errors.join(" ")}</p>}
      </fieldset>
      {result && <p className={result.ok ? "alert-success" : "alert-error"} role="status">{result.message}</p>}
      <button type="submit" className="btn-primary" disabled={pending}>{pending ? "Saving…" : "Save registration mode"}</button>
    </form>
  );
}
