import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { listDecks, type DeckSummary } from "@/lib/bank/queries";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Decks" };

export default async function DecksPage() {
  const user = await requireUser("/decks");
  const all = await listDecks(getDb(), user.id);
  const decks = all.filter((deck) => !deck.personal);
  const personal = all.filter((deck) => deck.personal);
  const total = decks.reduce((sum, deck) => sum + deck.questionCount, 0);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Question bank</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">
          {total} questions in {decks.length} decks.
        </p>
      </div>
      {decks.length === 0 ? (
        <div className="card">
          <h2 className="font-semibold">No decks yet</h2>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            The question bank is loaded from the <code>content/</code> folder when the app starts. Ask an administrator
            to run <code>npm run seed</code>.
          </p>
        </div>
      ) : (
        <DeckGrid decks={decks} />
      )}
      {personal.length > 0 && (
        <section aria-labelledby="personal-decks" className="space-y-3">
          <div>
            <h2 id="personal-decks" className="text-lg font-semibold">Your decks</h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Decks you imported. Only you see them. Manage them under <Link href="/account/data" className="text-brand-600 hover:underline dark:text-brand-500">Your data</Link>.
            </p>
          </div>
          <DeckGrid decks={personal} />
        </section>
      )}
    </div>
  );
}

function DeckGrid({ decks }: { decks: DeckSummary[] }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2">
      {decks.map((deck) => (
        <li key={deck.slug}>
          <Link href={`/decks/${deck.slug}`} className="card block h-full transition-colors hover:border-brand-500 dark:hover:border-brand-500">
            <div className="flex items-start justify-between gap-3">
              <h2 className="font-semibold">{deck.title}</h2>
              <span className="shrink-0 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600 dark:bg-slate-800 dark:text-slate-300">
                {deck.questionCount} {deck.questionCount === 1 ? "question" : "questions"}
              </span>
            </div>
            {deck.description && <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{deck.description}</p>}
          </Link>
        </li>
      ))}
    </ul>
  );
}
