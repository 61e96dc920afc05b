import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCurrentUser, requireUser } from "@/lib/auth/session";
import { KIND_LABELS, getDeckWithQuestions, parseDeckFilters } from "@/lib/bank/queries";
import { getDb } from "@/lib/db";
import { visibleDecks } from "@/lib/bank/visibility";
import { DifficultyDots, KindBadge, TagChip } from "@/app/ui/badges";

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  const viewer = await getCurrentUser();
  const deck = await getDb().deck.findFirst({ where: { slug, ...visibleDecks(viewer?.id ?? null) }, select: { title: true } });
  return { title: deck?.title ?? "Deck" };
}

export default async function DeckPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { slug } = await params;
  const user = await requireUser(`/decks/${slug}`);
  const filters = parseDeckFilters(await searchParams);
  const result = await getDeckWithQuestions(getDb(), slug, filters, user.id);
  if (!result) notFound();
  const { deck, questions, tags } = result;
  const filtered = Boolean(filters.kind || filters.tag || filters.difficulty || filters.q);

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500 dark:text-slate-400">
        <Link href="/decks" className="hover:underline">Decks</Link> <span aria-hidden="true">/</span> {deck.title}
      </nav>
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{deck.title}</h1>
        {deck.description && <p className="mt-1 text-slate-600 dark:text-slate-400">{deck.description}</p>}
      </div>

      <form method="get" role="search" aria-label="Filter questions" className="card grid gap-3 p-4 sm:grid-cols-[2fr_1fr_1fr_1fr_auto] sm:items-end">
        <div>
          <label htmlFor="filter-q" className="field-label">Search</label>
          <input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder="Title or tag" className="field-input" />
        </div>
        <div>
          <label htmlFor="filter-kind" className="field-label">Kind</label>
          <select id="filter-kind" name="kind" defaultValue={filters.kind ?? ""} className="field-input">
            <option value="">All kinds</option>
            {Object.entries(KIND_LABELS).map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-tag" className="field-label">Tag</label>
          <select id="filter-tag" name="tag" defaultValue={filters.tag ?? ""} className="field-input">
            <option value="">All tags</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>{tag}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-difficulty" className="field-label">Difficulty</label>
          <select id="filter-difficulty" name="difficulty" defaultValue={filters.difficulty ? String(filters.difficulty) : ""} className="field-input">
            <option value="">Any</option>
            {[1, 2, 3, 4, 5].map((level) => (
              <option key={level} value={level}>{level}</option>
            ))}
          </select>
        </div>
        <div className="flex gap-2">
          <button type="submit" className="btn-primary">Filter</button>
          {filtered && <Link href={`/decks/${deck.slug}`} className="btn-ghost">Clear</Link>}
        </div>
      </form>

      <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
        {filtered ? `${questions.length} of ${deck.questionCount} questions match.` : `${deck.questionCount} questions.`}
      </p>

      {questions.length === 0 ? (
        <div className="card text-center">
          <p className="font-medium">{filtered ? "No question matches these filters." : "This deck has no questions yet."}</p>
          {filtered && <Link href={`/decks/${deck.slug}`} className="mt-3 inline-flex btn-secondary">Show all questions</Link>}
        </div>
      ) : (
        <ol className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
          {questions.map((question) => (
            <li key={question.key}>
              <Link href={`/decks/${deck.slug}/${question.key}`} className="flex flex-col gap-1.5 px-4 py-3 hover:bg-slate-50 sm:flex-row sm:items-center sm:gap-4 dark:hover:bg-slate-800/60">
                <span className="flex-1 font-medium">{question.title}</span>
                <span className="flex flex-wrap items-center gap-2">
                  <KindBadge kind={question.kind} />
                  <DifficultyDots value={question.difficulty} />
                  {question.tags.slice(0, 3).map((tag) => (
                    <TagChip key={tag} tag={tag} />
                  ))}
                </span>
              </Link>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
