import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { listDecks } from "@/lib/bank/queries";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage() {
  const user = await requireUser("/home");
  const decks = await listDecks(getDb());
  const total = decks.reduce((sum, deck) => sum + deck.questionCount, 0);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Welcome, {user.name}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">This is your study home.</p>
      </div>
      {total === 0 ? (
        <section className="card">
          <h2 className="font-semibold">The question bank is empty</h2>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            Questions are loaded from the <code>content/</code> folder when Receptive starts. Ask an administrator to run{" "}
            <code>npm run seed</code>.
          </p>
        </section>
      ) : (
        <>
        <section className="card flex flex-wrap items-center justify-between gap-4">
          <div>
            <h2 className="font-semibold">Numeric practice</h2>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              Parameter counts, output sizes, FLOPs and memory with fresh numbers every time.
            </p>
          </div>
          <Link href="/practice" className="btn-primary">Practise numbers</Link>
        </section>
        <section className="card space-y-4">
          <div>
            <h2 className="font-semibold">Browse the question bank</h2>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              {total} questions in {decks.length} decks, from vanishing gradients to RoI pooling. Daily spaced-repetition
              reviews arrive in a coming release; until then, read through a deck and test yourself.
            </p>
          </div>
          <ul className="flex flex-wrap gap-2">
            {decks.map((deck) => (
              <li key={deck.slug}>
                <Link href={`/decks/${deck.slug}`} className="btn-secondary">
                  {deck.title} <span className="text-xs text-slate-500 dark:text-slate-400">{deck.questionCount}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
        </>
      )}
    </div>
  );
}
