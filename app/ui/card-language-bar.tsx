"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { QuestionLanguage } from "@/lib/content/translations";

interface CardLanguageBarProps {
  /** The language the card's texts are in now. */
  language: QuestionLanguage;
  /** The learner's language has no translation: English is shown instead. */
  fallback: boolean;
  /** The shown translation was made from an older English version. */
  stale: boolean;
  /** The question exists in both languages, so it can be flipped. */
  bilingual: boolean;
  pending?: boolean;
  onFlip?: () => void;
  /** Instead of `onFlip`: a link to the page in the other language (works without JavaScript). */
  flipHref?: string;
}

/**
 * Under a card's title: which language the card is in when that is not the reader's, a marker for a missing or
 * outdated translation, and the button (or L) that shows the card in the other language; with `flipHref`, a link
 * to the same page in the other language instead.
 */
export function CardLanguageBar({ language, fallback, stale, bilingual, pending = false, onFlip, flipHref }: CardLanguageBarProps) {
  const t = useTranslations("study.language");
  if (!fallback && !stale && !bilingual) return null;
  const flipClass = "ml-auto rounded-md border border-slate-300 px-2 py-0.5 font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800";
  const otherLanguage = language === "en" ? "zh" : "en";
  const flipLabel = language === "en" ? t("toChinese") : t("toEnglish");
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500 dark:text-slate-400">
      {fallback && (
        <span className="rounded-full border border-slate-300 px-2 py-0.5 dark:border-slate-700" data-testid="translation-fallback">
          {t("fallback")}
        </span>
      )}
      {stale && (
        <span className="rounded-full border border-amber-300 px-2 py-0.5 text-amber-800 dark:border-amber-800 dark:text-amber-200" data-testid="translation-stale">
          {t("stale")}
        </span>
      )}
      {bilingual && flipHref !== undefined && (
        <Link href={flipHref} replace scroll={false} className={flipClass} lang={otherLanguage} data-testid="translation-flip">
          {flipLabel}
        </Link>
      )}
      {bilingual && flipHref === undefined && onFlip && (
        <button type="button" className={flipClass} onClick={onFlip} disabled={pending} aria-keyshortcuts="L" title={t("shortcut")} lang={otherLanguage}>
          {flipLabel}
        </button>
      )}
    </div>
  );
}
