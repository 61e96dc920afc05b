import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { questionLanguageForRequest } from "@/app/content-language";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listNumericDecks } from "@/lib/practice/numeric";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("practice");
  return { title: t("metaTitle") };
}

const PRACTICE_LENGTHS = [5, 10, 20] as const;

export default async function PracticePage() {
  await requireUser("/practice");
  const t = await getTranslations("practice");
  const { language, script } = await questionLanguageForRequest();
  const decks = await listNumericDecks(getDb(), language);
  const total = decks.reduce((sum, deck) => sum + deck.count, 0);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t("intro")}</p>
      </div>
      {total === 0 ? (
        <div className="card">
          <h2 className="font-semibold">{t("empty.title")}</h2>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{t.rich("empty.body", { code: (chunks) => <code>{chunks}</code> })}</p>
        </div>
      ) : (
        <form action="/practice/run" method="get" className="card space-y-5">
          <div>
            <label htmlFor="deck" className="field-label">{t("questionsFrom")}</label>
            <select id="deck" name="deck" className="field-input" defaultValue="">
              <option value="">{t("allDecksOption", { count: total })}</option>
              {decks.map((deck) => (
                <option key={deck.slug} value={deck.slug}>
                  {script(deck.title, language)} ({deck.count})
                </option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend className="field-label">{t("lengthLabel")}</legend>
            <div className="flex gap-2">
              {PRACTICE_LENGTHS.map((length) => (
                <label key={length} className="flex cursor-pointer items-center gap-2 rounded-lg border border-slate-300 px-3 py-2 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50 dark:border-slate-700 dark:has-[:checked]:bg-slate-800">
                  <input type="radio" name="n" value={length} defaultChecked={length === 10} className="accent-brand-600" />
                  {t("lengthOption", { count: length })}
                </label>
              ))}
            </div>
          </fieldset>
          <button type="submit" className="btn-primary">{t("start")}</button>
        </form>
      )}
    </div>
  );
}
