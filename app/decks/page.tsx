import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { localizeDeck } from "@/lib/bank/deck-text";
import { listDecks, type DeckSummary } from "@/lib/bank/queries";
import { getDb } from "@/lib/db";
import { questionLanguageForRequest } from "@/app/content-language";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("decks");
  return { title: t("metaTitle") };
}

export default async function DecksPage() {
  const user = await requireUser("/decks");
  const t = await getTranslations("decks");
  const all = await listDecks(getDb(), user.id);
  const decks = all.filter((deck) => !deck.personal);
  const personal = all.filter((deck) => deck.personal);
  const total = decks.reduce((sum, deck) => sum + deck.questionCount, 0);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t("summary", { questions: total, decks: decks.length })}</p>
      </div>
      {decks.length === 0 ? (
        <div className="card">
          <h2 className="font-semibold">{t("empty.title")}</h2>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{t.rich("empty.body", { code: (chunks) => <code>{chunks}</code> })}</p>
        </div>
      ) : (
        <DeckGrid decks={decks} />
      )}
      {personal.length > 0 && (
        <section aria-labelledby="personal-decks" className="space-y-3">
          <div>
            <h2 id="personal-decks" className="text-lg font-semibold">{t("personal.title")}</h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {t.rich("personal.body", {
                link: (chunks) => <Link href="/account/data" className="text-brand-600 hover:underline dark:text-brand-500">{chunks}</Link>,
              })}
            </p>
          </div>
          <DeckGrid decks={personal} />
        </section>
      )}
    </div>
  );
}

async function DeckGrid({ decks }: { decks: DeckSummary[] }) {
  const t = await getTranslations("decks");
  const { language, script } = await questionLanguageForRequest();
  return (
    <ul className="grid gap-4 sm:grid-cols-2">
      {decks.map((summary) => localizeDeck(summary, language)).map((deck) => (
        <li key={deck.slug}>
          <Link href={`/decks/${deck.slug}`} className="card block h-full transition-colors hover:border-brand-500 dark:hover:border-brand-500">
            <div className="flex items-start justify-between gap-3">
              <h2 className="font-semibold">{script(deck.title, language)}</h2>
              <span className="shrink-0 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600 dark:bg-slate-800 dark:text-slate-300">
                {t("questionCount", { count: deck.questionCount })}
              </span>
            </div>
            {deck.description && <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{script(deck.description, language)}</p>}
          </Link>
        </li>
      ))}
    </ul>
  );
}
