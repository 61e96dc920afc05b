import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listDecksForAdmin } from "@/lib/admin/decks";
import { requireAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AdminNav } from "../admin-nav";
import { DeckRow, NewDeckForm } from "./deck-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminBank.decks");
  return { title: t("metaTitle") };
}

export default async function AdminDecksPage() {
  const admin = await requireAdmin("/admin/decks");
  const decks = await listDecksForAdmin(getDb(), admin.id);
  const t = await getTranslations("adminBank.decks");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t("heading")}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t("intro")}</p>
      </div>
      <AdminNav />
      <section aria-labelledby="deck-list-heading" className="card overflow-hidden p-0">
        <h2 id="deck-list-heading" className="px-4 pt-5 font-semibold sm:px-6">
          {t("count", { count: decks.length })}
        </h2>
        {decks.length === 0 ? (
          <p className="px-4 py-5 text-sm text-slate-600 sm:px-6 dark:text-slate-400">
            {t.rich("empty", {
              link: (chunks) => <Link href="/admin/transfer" className="font-medium text-brand-600 hover:underline dark:text-brand-500">{chunks}</Link>,
            })}
          </p>
        ) : (
          <ol className="mt-3 divide-y divide-slate-200 border-t border-slate-200 dark:divide-slate-800 dark:border-slate-800">
            {decks.map((deck, index) => (
              <li key={deck.id}>
                <DeckRow
                  deck={{
                    id: deck.id,
                    slug: deck.slug,
                    title: deck.title,
                    description: deck.description,
                    zhTitle: deck.translations.zh?.title ?? "",
                    zhDescription: deck.translations.zh?.description ?? "",
                    active: deck.active,
                    archived: deck.archived,
                  }}
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
          <h2 id="new-deck-heading" className="font-semibold">{t("newHeading")}</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("newIntro")}</p>
        </div>
        <NewDeckForm />
      </section>
    </div>
  );
}
