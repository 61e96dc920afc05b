import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser, requireUser } from "@/lib/auth/session";
import { localizeDeck } from "@/lib/bank/deck-text";
import { KIND_LABELS, getDeckWithQuestions, parseDeckFilters, questionTitleIn, type QuestionKind } from "@/lib/bank/queries";
import { getDb } from "@/lib/db";
import { visibleDecks } from "@/lib/bank/visibility";
import { questionLanguageForRequest } from "@/app/content-language";
import { DifficultyDots, KindBadge, TagChip } from "@/app/ui/badges";

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  const viewer = await getCurrentUser();
  const deck = await getDb().deck.findFirst({ where: { slug, ...visibleDecks(viewer?.id ?? null) }, select: { title: true, description: true, translations: true } });
  if (!deck) return { title: (await getTranslations("decks.deck"))("metaTitle") };
  const { language, script } = await questionLanguageForRequest();
  return { title: script(localizeDeck(deck, language).title, language) };
}

export default async function DeckPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { slug } = await params;
  const user = await requireUser(`/decks/${slug}`);
  const t = await getTranslations("decks.deck");
  const filters = parseDeckFilters(await searchParams);
  const { language, script } = await questionLanguageForRequest();
  const result = await getDeckWithQuestions(getDb(), slug, filters, user.id, language);
  if (!result) notFound();
  const { questions, tags } = result;
  const deck = localizeDeck(result.deck, language);
  const deckTitle = script(deck.title, language);
  const filtered = Boolean(filters.kind || filters.tag || filters.difficulty || filters.q);

  return (
    <div className="space-y-6">
      <nav aria-label={t("breadcrumb")} className="text-sm text-slate-500 dark:text-slate-400">
        <Link href="/decks" className="hover:underline">{t("decks")}</Link> <span aria-hidden="true">/</span> {deckTitle}
      </nav>
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{deckTitle}</h1>
        {deck.description && <p className="mt-1 text-slate-600 dark:text-slate-400">{script(deck.description, language)}</p>}
      </div>

      <form method="get" role="search" aria-label={t("filterQuestions")} className="card grid gap-3 p-4 sm:grid-cols-[2fr_1fr_1fr_1fr_auto] sm:items-end">
        <div>
          <label htmlFor="filter-q" className="field-label">{t("search")}</label>
          <input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder={t("searchPlaceholder")} className="field-input" />
        </div>
        <div>
          <label htmlFor="filter-kind" className="field-label">{t("kind")}</label>
          <select id="filter-kind" name="kind" defaultValue={filters.kind ?? ""} className="field-input">
            <option value="">{t("allKinds")}</option>
            {(Object.keys(KIND_LABELS) as QuestionKind[]).map((value) => (
              <option key={value} value={value}>{t(`kinds.${value}`)}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-tag" className="field-label">{t("tag")}</label>
          <select id="filter-tag" name="tag" defaultValue={filters.tag ?? ""} className="field-input">
            <option value="">{t("allTags")}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>{tag}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-difficulty" className="field-label">{t("difficulty")}</label>
          <select id="filter-difficulty" name="difficulty" defaultValue={filters.difficulty ? String(filters.difficulty) : ""} className="field-input">
            <option value="">{t("anyDifficulty")}</option>
            {[1, 2, 3, 4, 5].map((level) => (
              <option key={level} value={level}>{level}</option>
            ))}
          </select>
        </div>
        <div className="flex gap-2">
          <button type="submit" className="btn-primary">{t("filter")}</button>
          {filtered && <Link href={`/decks/${deck.slug}`} className="btn-ghost">{t("clear")}</Link>}
        </div>
      </form>

      <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
        {filtered ? t("matchCount", { shown: questions.length, total: deck.questionCount }) : t("total", { total: deck.questionCount })}
      </p>

      {questions.length === 0 ? (
        <div className="card text-center">
          <p className="font-medium">{filtered ? t("noMatch") : t("noQuestions")}</p>
          {filtered && <Link href={`/decks/${deck.slug}`} className="mt-3 inline-flex btn-secondary">{t("showAll")}</Link>}
        </div>
      ) : (
        <ol className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
          {questions.map((question) => {
            const shown = questionTitleIn(question, language);
            return (
              <li key={question.key}>
                <Link href={`/decks/${deck.slug}/${question.key}`} className="flex flex-col gap-1.5 px-4 py-3 hover:bg-slate-50 sm:flex-row sm:items-center sm:gap-4 dark:hover:bg-slate-800/60">
                  {/* An untranslated title is English: say so for screen readers. */}
                  <span className="flex-1 font-medium" lang={shown.language === language ? undefined : shown.language}>{script(shown.title, shown.language)}</span>
                  <span className="flex flex-wrap items-center gap-2">
                    <KindBadge kind={question.kind} />
                    <DifficultyDots value={question.difficulty} />
                    {question.tags.slice(0, 3).map((tag) => (
                      <TagChip key={tag} tag={tag} />
                    ))}
                  </span>
                </Link>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
