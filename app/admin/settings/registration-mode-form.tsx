"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import type { RegistrationMode } from "@/lib/admin/schemas";
import { setRegistrationModeAction } from "./actions";

const OPTIONS: RegistrationMode[] = ["open", "invite", "closed"];

export function RegistrationModeForm({ initial, envDefault }: { initial: RegistrationMode; envDefault: RegistrationMode }) {
  const t = useTranslations("admin");
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
      setResult({ ok: false, message: t("common.networkError") });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <fieldset aria-describedby={result?.errors ? "mode-error" : undefined}>
        <legend className="field-label">{t("settings.registration")}</legend>
        <div className="space-y-2">
          {OPTIONS.map((option) => (
            <label key={option} className="flex items-start gap-3 text-sm">
              <input type="radio" name="mode" value={option} defaultChecked={option === initial} className="mt-1" />
              <span>
                <span className="font-medium">{t(`settings.modes.${option}.label`)}</span>
                {option === envDefault && <span className="text-slate-500 dark:text-slate-400"> {t("settings.serverDefault")}</span>}
                <span className="block text-slate-600 dark:text-slate-400">{t(`settings.modes.${option}.help`)}</span>
              </span>
            </label>
          ))}
        </div>
        {result?.errors && <p id="mode-error" className="field-error" role="alert">{result.errors.join(" ")}</p>}
      </fieldset>
      {result && <p className={result.ok ? "alert-success" : "alert-error"} role="status">{result.message}</p>}
      <button type="submit" className="btn-primary" disabled={pending}>{pending ? t("settings.saving") : t("settings.save")}</button>
    </form>
  );
}
