/**
 * The interface languages and how one is chosen. Framework-free so the request config, the settings action and
 * the tests share one definition.
 */
export const LOCALES = ["en", "zh-Hans", "zh-Hant"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The cookie that remembers a visitor's choice (a logged-in learner's choice is also stored on their account). */
export const LOCALE_COOKIE = "locale";

/** Each language named in itself, so a reader finds their own language whatever the page is in. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", "zh-Hans": "简体中文", "zh-Hant": "繁體中文" };

/** The bank is written in two languages; Traditional Chinese reads the Chinese text converted character by character. */
export type ContentLanguage = "en" | "zh";
export const CONTENT_LANGUAGES = ["en", "zh"] as const satisfies readonly ContentLanguage[];

export function contentLanguageOf(locale: Locale): ContentLanguage {
  return locale === "en" ? "en" : "zh";
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * Maps one BCP 47 tag to a supported locale: Chinese written in Traditional characters (zh-Hant, or a region
 * that uses them: Taiwan, Hong Kong, Macau) → zh-Hant; any other Chinese → zh-Hans; any English → en.
 */
export function matchLocaleTag(tag: string): Locale | null {
  const parts = tag.trim().toLowerCase().split(/[-_]/);
  const [language, ...rest] = parts;
  if (language === "en") return "en";
  if (language !== "zh") return null;
  if (rest.includes("hant")) return "zh-Hant";
  if (rest.includes("hans")) return "zh-Hans";
  return rest.some((part) => part === "tw" || part === "hk" || part === "mo") ? "zh-Hant" : "zh-Hans";
}

/**
 * The best supported locale for an Accept-Language header (RFC 9110: comma-separated tags with optional
 * `;q=` weights, highest weight first, ties in header order); the default when nothing matches.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranges = acceptLanguage
    .split(",")
    .map((entry, index) => {
      const [tag = "", ...params] = entry.split(";");
      const qParam = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((range) => range.tag !== "" && range.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const range of ranges) {
    const locale = matchLocaleTag(range.tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}
