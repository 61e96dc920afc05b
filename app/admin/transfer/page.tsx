import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { MAX_UPLOAD_BYTES } from "@/lib/admin/bank-transfer";
import { listDecksForAdmin } from "@/lib/admin/decks";
import { requireAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AdminNav } from "../admin-nav";
import { CsvImport } from "./csv-import";
import { ZipImport } from "./zip-import";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminBank.transfer");
  return { title: t("metaTitle") };
}

const code = (chunks: ReactNode) => <code>{chunks}</code>;

export default async function AdminTransferPage() {
  const admin = await requireAdmin("/admin/transfer");
  const decks = await listDecksForAdmin(getDb(), admin.id);
  const t = await getTranslations("adminBank.transfer");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t("heading")}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t("intro")}</p>
      </div>
      <AdminNav />

      <section aria-labelledby="export-heading" className="card space-y-4">
        <div>
          <h2 id="export-heading" className="font-semibold">{t("exportHeading")}</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t.rich("exportBody", { code })}</p>
        </div>
        {/* A plain link and a GET form: the route answers with an attachment, so the browser downloads it and stays here. */}
        <a href="/admin/export" className="btn-primary">{t("downloadAll")}</a>
        {decks.length > 0 && (
          <form method="get" action="/admin/export" className="flex flex-col gap-2 sm:flex-row sm:items-end">
            <div className="sm:w-80">
              <label htmlFor="export-deck" className="field-label">{t("oneDeck")}</label>
              <select id="export-deck" name="deck" defaultValue={decks[0]?.slug} className="field-input">
                {decks.map((deck) => (
                  <option key={deck.id} value={deck.slug}>
                    {t("deckOption", { title: deck.title, count: deck.active })}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="btn-secondary">{t("downloadDeck")}</button>
          </form>
        )}
      </section>

      <section aria-labelledby="zip-import-heading" className="card space-y-4">
        <div>
          <h2 id="zip-import-heading" className="font-semibold">{t("zipHeading")}</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t.rich("zipIntro", { code })}</p>
        </div>
        <ZipImport maxBytes={MAX_UPLOAD_BYTES} />
      </section>

      <section aria-labelledby="csv-import-heading" className="card space-y-4">
        <div>
          <h2 id="csv-import-heading" className="font-semibold">{t("csvHeading")}</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("csvIntro")}</p>
        </div>
        <CsvImport decks={decks.map((deck) => ({ slug: deck.slug, title: deck.title }))} maxBytes={MAX_UPLOAD_BYTES} />
      </section>
    </div>
  );
}
