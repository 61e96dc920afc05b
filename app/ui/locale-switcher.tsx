"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { LOCALES, LOCALE_NAMES, isLocale } from "@/lib/i18n/locales";
import { setLocaleAction } from "../locale-actions";

/** Switching the interface language: saved (cookie, and the account when logged in), then the page re-renders. */
export function useLocaleChange() {
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

  return { locale, pending, change };
}

/** The three languages as options, each named in itself. */
export function LocaleOptions() {
  return LOCALES.map((option) => (
    <option key={option} value={option} lang={option}>
      {LOCALE_NAMES[option]}
    </option>
  ));
}

/**
 * The language menu in the header: a native select, so it works with the keyboard and on phones. On a phone it
 * takes the room of an icon (a globe, with the select laid over it transparently) so the header still fits.
 */
export function LocaleSwitcher() {
  const t = useTranslations("common");
  const { locale, pending, change } = useLocaleChange();

  return (
    <label className="relative inline-flex h-9 items-center rounded-md px-2 max-sm:focus-within:ring-2 max-sm:focus-within:ring-brand-500 max-sm:hover:bg-slate-100 sm:px-0 max-sm:dark:hover:bg-slate-800">
      <span className="sr-only">{t("language")}</span>
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 sm:hidden" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
        <circle cx="12" cy="12" r="9" />
        <path d="M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18" />
      </svg>
      <select
        value={locale}
        onChange={(event) => change(event.target.value)}
        disabled={pending}
        aria-busy={pending}
        className="field-input absolute inset-0 h-9 w-full cursor-pointer py-1 pl-2 pr-7 text-sm opacity-0 sm:static sm:w-auto sm:opacity-100"
        data-testid="locale-switcher"
      >
        <LocaleOptions />
      </select>
    </label>
  );
}
