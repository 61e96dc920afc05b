import type { Metadata } from "next";
import Link from "next/link";
import { listDecksForAdmin } from "@/lib/admin/decks";
import { requireAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AdminNav } from "../admin-nav";
import { DeckRow, NewDeckForm } from "./deck-forms";

export const metadata: Metadata = { title: "Decks · Admin" };

export default async function AdminDecksPage() {
  const admin = await requireAdmin("/admin/decks");
  const decks = await listDecksForAdmin(getDb(), admin.id);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Decks</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">The decks learners study, in study order: rename, describe, reorder or add one.</p>
      </div>
      <AdminNav />
      <section aria-labelledby="deck-list-heading" className="card overflow-hidden p-0">
        <h2 id="deck-list-heading" className="px-4 pt-5 font-semibold sm:px-6">
          {decks.length} {decks.length === 1 ? "deck" : "decks"}
        </h2>
        {decks.length === 0 ? (
          <p className="px-4 py-5 text-sm text-slate-600 sm:px-6 dark:text-slate-400">
            No decks yet. Create the first one below, or import a content folder on{" "}
            <Link href="/admin/transfer" className="font-medium text-brand-600 hover:underline dark:text-brand-500">Import &amp; export</Link>.
          </p>
        ) : (
          <ol className="mt-3 divide-y divide-slate-200 border-t border-slate-200 dark:divide-slate-800 dark:border-slate-800">
            {decks.map((deck, index) => (
              <li key={deck.id}>
                <DeckRow
                  deck={{ id: deck.id, slug: deck.slug, title: deck.title, description: deck.description, active: deck.active, archived: deck.archived }}
                  index={index}
                  total={decks.length}
                />
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="new-deck-heading" className="card space-y-4">
        <div>
          <h2 id="new-deck-heading" className="font-semibold">New deck</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">It is added at the end of the study order, with no questions yet.</p>
        </div>
        <NewDeckForm />
      </section>
    </div>
  );
}
