import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { MAX_PACKAGE_BYTES } from "@/lib/learner-data/apkg-archive";
import { MAX_NOTES } from "@/lib/learner-data/apkg";
import { MAX_CARDS } from "@/lib/learner-data/convert";
import { fetchLearnerDataOverview } from "@/lib/learner-data/overview";
import { REVIEW_LOG_COLUMN_DOCS } from "@/lib/learner-data/review-log-csv";
import { ApkgImport } from "./apkg-import";
import { DeleteDeckButton } from "./delete-deck-button";
import { DeletionNoticeArea } from "./deletion-notice";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.data");
  return { title: t("metaTitle") };
}

export default async function YourDataPage() {
  const user = await requireUser("/account/data");
  const [overview, t, format] = await Promise.all([fetchLearnerDataOverview(getDb(), user.id), getTranslations("account.data"), getFormatter()]);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <nav aria-label={t("breadcrumb")} className="text-sm text-slate-500 dark:text-slate-400">
        <Link href="/account" className="hover:underline">{t("account")}</Link> <span aria-hidden="true">/</span> {t("title")}
      </nav>
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t("intro")}</p>
      </div>

      <section aria-labelledby="export-heading" className="card space-y-5">
        <div>
          <h2 id="export-heading" className="font-semibold">{t("export.title")}</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("export.intro")}</p>
        </div>
        <div className="space-y-2">
          <h3 className="text-sm font-semibold">{t("export.reviewsTitle")}</h3>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {t.rich("export.reviewsBody", {
              count: overview.reviews,
              link: (chunks) => (
                <a href="https://github.com/open-spaced-repetition/fsrs-optimizer" className="underline" rel="noopener noreferrer" target="_blank">{chunks}</a>
              ),
            })}
          </p>
          {/* A plain link: the route answers with an attachment, so the browser downloads it and stays here. */}
          <a href="/api/me/reviews.csv" className="btn-primary" download>{t("export.reviewsDownload")}</a>
          <details className="text-sm">
            <summary className="cursor-pointer font-medium">{t("export.columnsSummary")}</summary>
            <dl className="mt-2 space-y-1.5">
              {REVIEW_LOG_COLUMN_DOCS.map((column) => (
                <div key={column.name} className="sm:grid sm:grid-cols-[10rem_1fr] sm:gap-3">
                  <dt className="font-mono text-xs break-all">{column.name}</dt>
                  <dd className="text-slate-600 dark:text-slate-400">{t(`columns.${column.name}`)}</dd>
                </div>
              ))}
            </dl>
          </details>
        </div>
        <div className="space-y-2 border-t border-slate-200 pt-4 dark:border-slate-800">
          <h3 className="text-sm font-semibold">{t("export.cardsTitle")}</h3>
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("export.cardsBody", { count: overview.cards })}</p>
          <a href="/api/me/cards.json" className="btn-secondary" download>{t("export.cardsDownload")}</a>
        </div>
      </section>

      <section aria-labelledby="import-heading" className="card space-y-4">
        <div>
          <h2 id="import-heading" className="font-semibold">{t("import.title")}</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("import.intro")}</p>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            {t.rich("import.howTo", {
              megabytes: Math.round(MAX_PACKAGE_BYTES / 1024 / 1024),
              notes: MAX_NOTES,
              cards: MAX_CARDS,
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </p>
        </div>
        <ApkgImport maxBytes={MAX_PACKAGE_BYTES} />
      </section>

      <section aria-labelledby="decks-heading" className="card space-y-3">
        <h2 id="decks-heading" className="font-semibold">{t("decks.title")}</h2>
        <DeletionNoticeArea>
          {overview.personalDecks.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">{t("decks.none")}</p>
          ) : (
            <ul className="divide-y divide-slate-200 dark:divide-slate-800">
              {overview.personalDecks.map((deck) => (
                <li key={deck.slug} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between">
                  <div className="min-w-0">
                    <Link href={`/decks/${deck.slug}`} className="font-medium break-words hover:underline">{deck.title}</Link>
                    <p className="text-xs text-slate-500 dark:text-slate-400">
                      {t("decks.meta", { count: deck.questions, date: format.dateTime(deck.createdAt, { dateStyle: "medium", timeZone: "UTC" }) })}
                    </p>
                  </div>
                  <DeleteDeckButton slug={deck.slug} title={deck.title} questions={deck.questions} />
                </li>
              ))}
            </ul>
          )}
        </DeletionNoticeArea>
      </section>
    </div>
  );
}
