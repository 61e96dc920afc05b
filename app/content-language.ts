import "server-only";
import { getLocale } from "next-intl/server";
import type { QuestionLanguage } from "@/lib/content/translations";
import { contentLanguageOf } from "@/lib/i18n/locales";
import { toTraditional } from "@/lib/i18n/traditional";

/**
 * The bank's language for this request's interface language, and how to write its Chinese: the bank holds
 * Simplified Chinese, which a zh-Hant reader gets converted to Traditional (lib/i18n/traditional.ts).
 */
export async function questionLanguageForRequest() {
  const locale = await getLocale();
  return {
    locale,
    language: contentLanguageOf(locale) as QuestionLanguage,
    /** Text in `shown` language as this reader should see it. */
    script: (text: string, shown: QuestionLanguage) => (shown === "zh" && locale === "zh-Hant" ? toTraditional(text) : text),
  };
}
