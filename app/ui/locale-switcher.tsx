"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { LOCALES, LOCALE_NAMES, isLocale } from "@/lib/i18n/locales";
import { setLocaleAction } from "../locale-actions";

/** The language menu in the header: a native select, so it works with the keyboard and on phones. */
export function LocaleSwitcher() {
  const t = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function change(next: string) {
    if (!isLocale(next) || next === locale) return;
    startTransition(async () => {
      const result = await setLocaleAction(next);
      if (result.ok) router.refresh();
    });
  }

  return (
    <label className="relative inline-flex items-center">
      <span className="sr-only">{t("language")}</span>
      <select
        value={locale}
        onChange={(event) => change(event.target.value)}
        disabled={pending}
        aria-busy={pending}
        className="field-input h-9 w-auto cursor-pointer py-1 pl-2 pr-7 text-sm"
        data-testid="locale-switcher"
      >
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LOCALE_NAMES[option]}
          </option>
        ))}
      </select>
    </label>
  );
}
