import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { plural } from "@/lib/format";
import { MAX_PACKAGE_BYTES } from "@/lib/learner-data/apkg-archive";
import { MAX_NOTES } from "@/lib/learner-data/apkg";
import { MAX_CARDS } from "@/lib/learner-data/convert";
import { fetchLearnerDataOverview } from "@/lib/learner-data/overview";
import { REVIEW_LOG_COLUMN_DOCS } from "@/lib/learner-data/review-log-csv";
import { ApkgImport } from "./apkg-import";
import { DeleteDeckButton } from "./delete-deck-button";

export const metadata: Metadata = { title: "Your data" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

export default async function YourDataPage() {
  const user = await requireUser("/account/data");
  const overview = await fetchLearnerDataOverview(getDb(), user.id);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500 dark:text-slate-400">
        <Link href="/account" className="hover:underline">Account</Link> <span aria-hidden="true">/</span> Your data
      </nav>
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Your data</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">Download your study history, or bring your own flashcards in from Anki.</p>
      </div>

      <section aria-labelledby="export-heading" className="card space-y-5">
        <div>
          <h2 id="export-heading" className="font-semibold">Export</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Files with only your own reviews and cards, generated when you click.</p>
        </div>
        <div className="space-y-2">
          <h3 className="text-sm font-semibold">Review history (.csv)</h3>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            One row per review ({plural(overview.reviews, "review", "reviews")} so far), by card and then time. The first five columns are the ones the{" "}
            <a href="https://github.com/open-spaced-repetition/fsrs-optimizer" className="underline" rel="noopener noreferrer" target="_blank">FSRS optimiser</a> reads; the
            others follow Anki&apos;s review log.
          </p>
          {/* A plain link: the route answers with an attachment, so the browser downloads it and stays here. */}
          <a href="/api/me/reviews.csv" className="btn-primary" download>Download review history</a>
          <details className="text-sm">
            <summary className="cursor-pointer font-medium">What each column holds</summary>
            <dl className="mt-2 space-y-1.5">
              {REVIEW_LOG_COLUMN_DOCS.map((column) => (
                <div key={column.name} className="sm:grid sm:grid-cols-[10rem_1fr] sm:gap-3">
                  <dt className="font-mono text-xs break-all">{column.name}</dt>
                  <dd className="text-slate-600 dark:text-slate-400">{column.meaning}</dd>
                </div>
              ))}
            </dl>
          </details>
        </div>
        <div className="space-y-2 border-t border-slate-200 pt-4 dark:border-slate-800">
          <h3 className="text-sm font-semibold">Card states (.json)</h3>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Every card you have started ({plural(overview.cards, "card", "cards")}) with its question, deck and schedule: state, due date, stability, difficulty,
            reviews, lapses and whether it is suspended.
          </p>
          <a href="/api/me/cards.json" className="btn-secondary" download>Download card states</a>
        </div>
      </section>

      <section aria-labelledby="import-heading" className="card space-y-4">
        <div>
          <h2 id="import-heading" className="font-semibold">Import an Anki deck</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            The package becomes a new deck that only you see and study. Basic, reversed and cloze notes become flashcards; other note types, images and sounds
            are left out, and the check lists everything that would be. Your Anki scheduling history is not imported: the cards start as new.
          </p>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            In Anki choose <strong>File › Export</strong>, <strong>Anki Deck Package (.apkg)</strong>, and tick <strong>Support older Anki versions</strong>. Up to{" "}
            {Math.round(MAX_PACKAGE_BYTES / 1024 / 1024)} MB, {MAX_NOTES.toLocaleString("en-US")} notes and {MAX_CARDS.toLocaleString("en-US")} cards per package.
          </p>
        </div>
        <ApkgImport maxBytes={MAX_PACKAGE_BYTES} />
      </section>

      <section aria-labelledby="decks-heading" className="card space-y-3">
        <h2 id="decks-heading" className="font-semibold">Your imported decks</h2>
        {overview.personalDecks.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">None yet. Decks you import appear here and in your deck list.</p>
        ) : (
          <ul className="divide-y divide-slate-200 dark:divide-slate-800">
            {overview.personalDecks.map((deck) => (
              <li key={deck.slug} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <Link href={`/decks/${deck.slug}`} className="font-medium break-words hover:underline">{deck.title}</Link>
                  <p className="text-xs text-slate-500 dark:text-slate-400">
                    {plural(deck.questions, "flashcard", "flashcards")} · imported {dateFormat.format(deck.createdAt)}
                  </p>
                </div>
                <DeleteDeckButton slug={deck.slug} title={deck.title} questions={deck.questions} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
