import type { Metadata } from "next";
import { MAX_UPLOAD_BYTES } from "@/lib/admin/bank-transfer";
import { listDecksForAdmin } from "@/lib/admin/decks";
import { requireAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AdminNav } from "../admin-nav";
import { CsvImport } from "./csv-import";
import { ZipImport } from "./zip-import";

export const metadata: Metadata = { title: "Import & export · Admin" };

export default async function AdminTransferPage() {
  const admin = await requireAdmin("/admin/transfer");
  const decks = await listDecksForAdmin(getDb(), admin.id);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Import &amp; export</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">Download the question bank as files, or bring files and flashcards into it.</p>
      </div>
      <AdminNav />

      <section aria-labelledby="export-heading" className="card space-y-4">
        <div>
          <h2 id="export-heading" className="font-semibold">Export</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            The zip is exactly the <code>content/</code> folder format (<code>decks.yml</code> and one Markdown file per question), so it can be unpacked
            over <code>content/</code> and committed to git. Archived questions are not included.
          </p>
        </div>
        {/* A plain link and a GET form: the route answers with an attachment, so the browser downloads it and stays here. */}
        <a href="/admin/export" className="btn-primary">Download the whole bank (.zip)</a>
        {decks.length > 0 && (
          <form method="get" action="/admin/export" className="flex flex-col gap-2 sm:flex-row sm:items-end">
            <div className="sm:w-80">
              <label htmlFor="export-deck" className="field-label">One deck</label>
              <select id="export-deck" name="deck" defaultValue={decks[0]?.slug} className="field-input">
                {decks.map((deck) => (
                  <option key={deck.id} value={deck.slug}>
                    {deck.title} ({deck.active} {deck.active === 1 ? "question" : "questions"})
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="btn-secondary">Download deck (.zip)</button>
          </form>
        )}
      </section>

      <section aria-labelledby="zip-import-heading" className="card space-y-4">
        <div>
          <h2 id="zip-import-heading" className="font-semibold">Import a content folder (.zip)</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Works like <code>npm run seed</code>: check first to see every change, then apply. Unchanged files change nothing, learners&apos; cards and
            history are never touched, and only the decks in the zip are affected.
          </p>
        </div>
        <ZipImport maxBytes={MAX_UPLOAD_BYTES} />
      </section>

      <section aria-labelledby="csv-import-heading" className="card space-y-4">
        <div>
          <h2 id="csv-import-heading" className="font-semibold">Import flashcards from CSV</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Preview every row first; only the valid rows are imported, as new flashcards.</p>
        </div>
        <CsvImport decks={decks.map((deck) => ({ slug: deck.slug, title: deck.title }))} maxBytes={MAX_UPLOAD_BYTES} />
      </section>
    </div>
  );
}
