"use client";

import { useSyncExternalStore } from "react";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, matchLocaleTag, type Locale } from "@/lib/i18n/locales";

// This page replaces the root layout when it fails, so next-intl's provider and catalogues may be unavailable:
// its three short texts are written here in each language instead (Traditional by hand, not by conversion).
const TEXTS: Record<Locale, { lang: string; title: string; body: string; retry: string }> = {
  // i18n-ignore: the global error page cannot use the catalogues (see above).
  en: { lang: "en", title: "Receptive could not load", body: "Please try again in a moment.", retry: "Try again" },
  // i18n-ignore: the global error page cannot use the catalogues (see above).
  "zh-Hans": { lang: "zh-Hans", title: "Receptive 无法加载", body: "请稍后再试。", retry: "重试" },
  // i18n-ignore: the global error page cannot use the catalogues (see above).
  "zh-Hant": { lang: "zh-Hant", title: "Receptive 無法載入", body: "請稍後再試。", retry: "重試" },
};

/** The learner's choice (the locale cookie), else the browser's languages; never throws. */
function browserLocale(): Locale {
  try {
    const cookie = document.cookie
      .split("; ")
      .find((entry) => entry.startsWith(`${LOCALE_COOKIE}=`))
      ?.slice(LOCALE_COOKIE.length + 1);
    if (cookie && isLocale(decodeURIComponent(cookie))) return decodeURIComponent(cookie) as Locale;
    for (const tag of navigator.languages?.length ? navigator.languages : [navigator.language]) {
      const locale = matchLocaleTag(tag ?? "");
      if (locale) return locale;
    }
  } catch {
    // Fall through to English.
  }
  return DEFAULT_LOCALE;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("languagechange", onChange);
  return () => window.removeEventListener("languagechange", onChange);
}

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  // English on the server and during hydration, then the browser's language.
  const locale = useSyncExternalStore(subscribe, browserLocale, () => DEFAULT_LOCALE);
  const text = TEXTS[locale];
  return (
    <html lang={text.lang}>
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "3rem", textAlign: "center" }}>
        <h1>{text.title}</h1>
        <p>{text.body}</p>
        <button type="button" onClick={reset}>{text.retry}</button>
      </body>
    </html>
  );
}
