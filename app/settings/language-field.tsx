"use client";

import { useTranslations } from "next-intl";
import { LocaleOptions, useLocaleChange } from "@/app/ui/locale-switcher";

/**
 * The interface language, applied at once (like the header's menu) rather than with "Save settings": it is stored
 * on the account and in a cookie, then the page re-renders in the new language.
 */
export function LanguageField() {
  const t = useTranslations("settings.language");
  const { locale, pending, change } = useLocaleChange();

  return (
    <section className="card space-y-4" aria-labelledby="language-heading">
      <h2 id="language-heading" className="font-semibold">{t("title")}</h2>
      <div className="sm:max-w-xs">
        <label htmlFor="interfaceLanguage" className="field-label">{t("label")}</label>
        <select
          id="interfaceLanguage"
          value={locale}
          onChange={(event) => change(event.target.value)}
          disabled={pending}
          aria-busy={pending}
          aria-describedby="interfaceLanguage-hint"
          className="field-input"
          data-testid="settings-locale"
        >
          <LocaleOptions />
        </select>
        <p id="interfaceLanguage-hint" className="mt-1 text-xs text-slate-500 dark:text-slate-400">{t("hint")}</p>
      </div>
    </section>
  );
}
