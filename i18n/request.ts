/** next-intl's per-request configuration (no locale in the URL: the language comes from the learner). */
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";
import { resolveLocale } from "@/lib/i18n/resolve";

export default getRequestConfig(async () => {
  const [user, cookieStore, headerList] = await Promise.all([getCurrentUser(), cookies(), headers()]);
  const locale = resolveLocale({
    userLocale: user?.locale,
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
  return {
    locale,
    messages: messagesFor(locale),
    // Dates are shown in the learner's own zone where it matters (passed explicitly); this is the fallback.
    timeZone: "UTC",
    // A missing key shows its path rather than crashing a page; the catalogue test keeps keys complete.
    onError: (error) => {
      if (error.code !== "MISSING_MESSAGE") console.error(error);
    },
    getMessageFallback: ({ namespace, key }) => [namespace, key].filter(Boolean).join("."),
  };
});
