import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { listDecksForAdmin } from "@/lib/admin/decks";
import { listQuestionsForAdmin } from "@/lib/admin/questions";
import { requireAdmin } from "@/lib/auth/session";
import { KIND_LABELS, type QuestionKind } from "@/lib/bank/queries";
import { getDb } from "@/lib/db";
import { AdminNav } from "../admin-nav";
import { Pagination } from "../pagination";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminBank.questions");
  return { title: t("metaTitle") };
}

/** The kinds in the filter, in the order lib/bank lists them; their names come from the catalogue. */
const QUESTION_KINDS = Object.keys(KIND_LABELS) as QuestionKind[];

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
  const [t, format] = await Promise.all([getTranslations("adminBank"), getFormatter()]);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">{t("questions.heading")}</h1>
          <p className="mt-1 text-slate-600 dark:text-slate-400">
            {filtered ? t("questions.countFiltered", { count: total }) : query.status === "ACTIVE" ? t("questions.countInUse", { count: total }) : t("questions.countAll", { count: total })}
          </p>
        </div>
        <Link href="/admin/questions/new" className="btn-primary">{t("questions.newQuestion")}</Link>
      </div>
      <AdminNav />
      <form method="get" action="/admin/questions" role="search" className="card grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label={t("questions.filters.ariaLabel")}>
        <div className="sm:col-span-2">
          <label htmlFor="filter-q" className="field-label">{t("questions.filters.search")}</label>
          <input id="filter-q" name="q" type="search" defaultValue={query.q} placeholder={t("questions.filters.searchPlaceholder")} className="field-input" />
        </div>
        <div>
          <label htmlFor="filter-deck" className="field-label">{t("fields.deck")}</label>
          <select id="filter-deck" name="deck" defaultValue={query.deck} className="field-input">
            <option value="">{t("questions.filters.allDecks")}</option>
            {decks.map((deck) => <option key={deck.id} value={deck.slug}>{deck.title}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="filter-kind" className="field-label">{t("fields.kind")}</label>
          <select id="filter-kind" name="kind" defaultValue={query.kind} className="field-input">
            <option value="">{t("questions.filters.allKinds")}</option>
            {QUESTION_KINDS.map((kind) => <option key={kind} value={kind}>{t(`kinds.${kind}`)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="filter-status" className="field-label">{t("questions.filters.status")}</label>
          <select id="filter-status" name="status" defaultValue={query.status} className="field-input">
            <option value="ACTIVE">{t("questions.filters.active")}</option>
            <option value="ARCHIVED">{t("questions.filters.archived")}</option>
            <option value="ALL">{t("questions.filters.all")}</option>
          </select>
        </div>
        <div>
          <label htmlFor="filter-tag" className="field-label">{t("questions.filters.tag")}</label>
          <input id="filter-tag" name="tag" defaultValue={query.tag} placeholder={t("questions.filters.tagPlaceholder")} className="field-input" />
        </div>
        <div>
          <label htmlFor="filter-difficulty" className="field-label">{t("fields.difficulty")}</label>
          <select id="filter-difficulty" name="difficulty" defaultValue={String(query.difficulty)} className="field-input">
            <option value="">{t("questions.filters.any")}</option>
            {[1, 2, 3, 4, 5].map((level) => <option key={level} value={level}>{level}</option>)}
          </select>
        </div>
        <div className="flex items-end gap-2">
          <label className="flex min-h-10 items-center gap-2 text-sm">
            <input type="checkbox" name="edited" value="1" defaultChecked={query.edited === "1"} className="h-4 w-4" />
            {t("questions.filters.editedInBrowser")}
          </label>
        </div>
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
          <button type="submit" className="btn-secondary">{t("questions.filters.apply")}</button>
          {filtered && <Link href="/admin/questions" className="btn-ghost">{t("questions.filters.clear")}</Link>}
        </div>
      </form>
      <section className="card overflow-hidden p-0">
        {rows.length === 0 ? (
          <p className="px-6 py-5 text-sm text-slate-600 dark:text-slate-400">
            {filtered ? t("questions.noMatch") : t("questions.empty")}
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
                    <span>{t(`kinds.${question.kind}`)}</span>
                    <span>{t("questions.difficulty", { level: question.difficulty })}</span>
                    {question.tags.length > 0 && <span>{question.tags.join(", ")}</span>}
                  </div>
                </div>
                <div className="flex shrink-0 flex-wrap items-center gap-2 text-xs">
                  {question.status === "ARCHIVED" && <span className="rounded-full bg-slate-200 px-2 py-0.5 font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-300">{t("questions.archivedBadge")}</span>}
                  {question.editedInBrowser && <span className="rounded-full bg-amber-100 px-2 py-0.5 font-medium text-amber-800 dark:bg-amber-950 dark:text-amber-300">{t("questions.editedBadge")}</span>}
                  <span className="text-slate-500 dark:text-slate-400">{t("questions.versionDate", { version: question.version, date: format.dateTime(question.updatedAt, { dateStyle: "medium" }) })}</span>
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
