import type { Metadata } from "next";
import Link from "next/link";
import { listDecksForAdmin } from "@/lib/admin/decks";
import { listQuestionsForAdmin } from "@/lib/admin/questions";
import { requireAdmin } from "@/lib/auth/session";
import { KIND_LABELS } from "@/lib/bank/queries";
import { getDb } from "@/lib/db";
import { AdminNav } from "../admin-nav";
import { Pagination } from "../pagination";

export const metadata: Metadata = { title: "Questions · Admin" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function AdminQuestionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin("/admin/questions");
  const params = await searchParams;
  const db = getDb();
  const input = Object.fromEntries(["page", "q", "deck", "kind", "status", "tag", "difficulty", "edited"].map((name) => [name, first(params[name])]));
  const [{ rows, total, page, pageCount, query }, decks] = await Promise.all([listQuestionsForAdmin(db, admin.id, input), listDecksForAdmin(db, admin.id)]);
  // Only the filters that are set, so paging links stay short and keep the filters.
  const kept = Object.fromEntries(
    Object.entries({ q: query.q, deck: query.deck, kind: query.kind, status: query.status === "ACTIVE" ? "" : query.status, tag: query.tag, difficulty: String(query.difficulty), edited: query.edited }).filter(([, value]) => value !== ""),
  );
  const filtered = Object.keys(kept).length > 0;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">Questions</h1>
          <p className="mt-1 text-slate-600 dark:text-slate-400">
            {total} {total === 1 ? "question" : "questions"}
            {filtered ? " match the filters" : query.status === "ACTIVE" ? " in use" : ""}.
          </p>
        </div>
        <Link href="/admin/questions/new" className="btn-primary">New question</Link>
      </div>
      <AdminNav />
      <form method="get" action="/admin/questions" role="search" className="card grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label="Filter questions">
        <div className="sm:col-span-2">
          <label htmlFor="filter-q" className="field-label">Search</label>
          <input id="filter-q" name="q" type="search" defaultValue={query.q} placeholder="Title or key" className="field-input" />
        </div>
        <div>
          <label htmlFor="filter-deck" className="field-label">Deck</label>
          <select id="filter-deck" name="deck" defaultValue={query.deck} className="field-input">
            <option value="">All decks</option>
            {decks.map((deck) => <option key={deck.id} value={deck.slug}>{deck.title}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="filter-kind" className="field-label">Kind</label>
          <select id="filter-kind" name="kind" defaultValue={query.kind} className="field-input">
            <option value="">All kinds</option>
            {Object.entries(KIND_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="filter-status" className="field-label">Status</label>
          <select id="filter-status" name="status" defaultValue={query.status} className="field-input">
            <option value="ACTIVE">Active</option>
            <option value="ARCHIVED">Archived</option>
            <option value="ALL">All</option>
          </select>
        </div>
        <div>
          <label htmlFor="filter-tag" className="field-label">Tag</label>
          <input id="filter-tag" name="tag" defaultValue={query.tag} placeholder="e.g. batch-norm" className="field-input" />
        </div>
        <div>
          <label htmlFor="filter-difficulty" className="field-label">Difficulty</label>
          <select id="filter-difficulty" name="difficulty" defaultValue={String(query.difficulty)} className="field-input">
            <option value="">Any</option>
            {[1, 2, 3, 4, 5].map((level) => <option key={level} value={level}>{level}</option>)}
          </select>
        </div>
        <div className="flex items-end gap-2">
          <label className="flex min-h-10 items-center gap-2 text-sm">
            <input type="checkbox" name="edited" value="1" defaultChecked={query.edited === "1"} className="h-4 w-4" />
            Edited in the browser
          </label>
        </div>
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
          <button type="submit" className="btn-secondary">Apply filters</button>
          {filtered && <Link href="/admin/questions" className="btn-ghost">Clear</Link>}
        </div>
      </form>
      <section className="card overflow-hidden p-0">
        {rows.length === 0 ? (
          <p className="px-6 py-5 text-sm text-slate-600 dark:text-slate-400">
            {filtered ? "No question matches these filters." : "The bank is empty. Create a question or import a zip of the content folder."}
          </p>
        ) : (
          <ul className="divide-y divide-slate-200 dark:divide-slate-800">
            {rows.map((question) => (
              <li key={question.id} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-center sm:justify-between sm:gap-4">
                <div className="min-w-0">
                  <Link href={`/admin/questions/${question.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                    {question.title}
                  </Link>
                  <div className="mt-0.5 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-500 dark:text-slate-400">
                    <span className="font-mono">{question.key}</span>
                    <span>{question.deck.title}</span>
                    <span>{KIND_LABELS[question.kind]}</span>
                    <span>difficulty {question.difficulty}</span>
                    {question.tags.length > 0 && <span>{question.tags.join(", ")}</span>}
                  </div>
                </div>
                <div className="flex shrink-0 flex-wrap items-center gap-2 text-xs">
                  {question.status === "ARCHIVED" && <span className="rounded-full bg-slate-200 px-2 py-0.5 font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-300">Archived</span>}
                  {question.editedInBrowser && <span className="rounded-full bg-amber-100 px-2 py-0.5 font-medium text-amber-800 dark:bg-amber-950 dark:text-amber-300">Edited in browser</span>}
                  <span className="text-slate-500 dark:text-slate-400">v{question.version} · {dateFormat.format(question.updatedAt)}</span>
                </div>
              </li>
            ))}
          </ul>
        )}
        <Pagination basePath="/admin/questions" page={page} pageCount={pageCount} params={kept} />
      </section>
    </div>
  );
}
