"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";

/** A read-only value (a link or code shown once) with a copy button. */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const t = useTranslations("admin.copyField");
  const id = useId();
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <div className="max-w-md">
      <label htmlFor={id} className="field-label text-xs">{label}</label>
      <div className="flex gap-2">
        <input id={id} readOnly value={value} className="field-input font-mono text-xs" onFocus={(event) => event.currentTarget.select()} />
        <button type="button" className="btn-secondary min-h-8 px-3 py-1 text-xs" onClick={copy}>
          {copied ? t("copied") : t("copy")}
        </button>
      </div>
      {hint && <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{hint}</p>}
    </div>
  );
}
