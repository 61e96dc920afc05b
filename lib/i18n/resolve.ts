import { DEFAULT_LOCALE, isLocale, negotiateLocale, type Locale } from "./locales";

/**
 * Which language a request is served in: the logged-in learner's saved choice, else the visitor's cookie (a
 * choice made before logging in), else the browser's Accept-Language, else English.
 */
export function resolveLocale(input: { userLocale: string | null | undefined; cookie: string | undefined; acceptLanguage: string | null }): Locale {
  if (isLocale(input.userLocale)) return input.userLocale;
  if (isLocale(input.cookie)) return input.cookie;
  return input.acceptLanguage ? negotiateLocale(input.acceptLanguage) : DEFAULT_LOCALE;
}
