import type { Metadata } from "next";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { questionLanguageForRequest } from "@/app/content-language";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getLearnerStats, type LearnerStats } from "@/lib/stats";
import { loadStudySettings } from "@/lib/study/settings";
import { CardStatesSection, DeckMasterySection, RetrievabilitySection, StabilitySection, TagMasterySection } from "./card-sections";
import { durationParts, percent } from "./format";
import { ActivitySection, ForecastSection, HeatmapSection, RetentionSection } from "./history-sections";
import { NumericSection } from "./numeric-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("stats");
  return { title: t("metaTitle") };
}

/**
 * The charts' colours, light and dark (`dark:` follows the theme class on <html>). Okabe–Ito hues, darkened for
 * light mode and lightened for dark mode so every one has at least 4.5:1 contrast against the card's background
 * (white / slate-900), also when read as text; the brand blue (4.1:1 / 4.3:1) is the app's chart colour on home.
 * `surface` is the card background, used to separate stacked segments.
 */
const PALETTE = [
  "[--stats-primary:#2f7be6] [--stats-secondary:#a16207] [--stats-good:#007a5a] [--stats-surface:#ffffff]",
  "[--stats-new:#0072b2] [--stats-learning:#a16207] [--stats-review:#007a5a] [--stats-relearning:#cc3311] [--stats-suspended:#64748b]",
  "dark:[--stats-secondary:#f0a830] dark:[--stats-good:#2bc59a] dark:[--stats-surface:#0f172a]",
  "dark:[--stats-new:#56b4e9] dark:[--stats-learning:#f0a830] dark:[--stats-review:#2bc59a] dark:[--stats-relearning:#ff8c5a] dark:[--stats-suspended:#94a3b8]",
].join(" ");

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function StatsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("/stats");
  const t = await getTranslations("stats");
  const params = await searchParams;
  const raw = Array.isArray(params.deck) ? params.deck[0] : params.deck;
  const db = getDb();
  const [settings, { language, script }] = await Promise.all([loadStudySettings(db, user.id), questionLanguageForRequest()]);
  // The slug is validated and matched against the learner's decks in lib/stats; an unknown one shows all decks.
  const figures = await getLearnerStats(
    db,
    user.id,
    { timeZone: settings.timeZone, dayStartHour: settings.dayStartHour, deckSlug: raw, parameters: settings.parameters, language },
    new Date(),
  );
  const stats = withTitlesWritten(figures, (text) => script(text, language));

  return (
    <div className={`space-y-6 ${PALETTE}`}>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
          <p className="mt-1 text-slate-600 dark:text-slate-400">
            {stats.deck
              ? t.rich("progressIn", { deck: stats.deck.title, strong: (chunks) => <strong className="font-semibold">{chunks}</strong> })
              : t("progressAll")}
          </p>
        </div>
        {stats.decks.length > 0 && <DeckPicker stats={stats} />}
      </div>

      {stats.deckNotFound && (
        <p role="status" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/60 dark:text-amber-100">
          {t("deckNotFound")}{" "}
          <Link href="/stats" className="underline">{t("clearChoice")}</Link>
        </p>
      )}

      <Overview stats={stats} />
      <HeatmapSection stats={stats} />
      <ActivitySection stats={stats} />
      <div className="grid gap-6 lg:grid-cols-2">
        <RetentionSection stats={stats} desiredRetention={settings.desiredRetention} />
        <ForecastSection stats={stats} />
      </div>
      <CardStatesSection stats={stats} />
      <div className="grid gap-6 lg:grid-cols-2">
        <StabilitySection stats={stats} />
        <RetrievabilitySection stats={stats} />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <DeckMasterySection stats={stats} />
        <TagMasterySection stats={stats} />
      </div>
      <NumericSection stats={stats} />
    </div>
  );
}

/** `stats` with its deck and question titles (already in the reader's language) as the reader writes them. */
function withTitlesWritten(stats: LearnerStats, write: (text: string) => string): LearnerStats {
  const titled = <T extends { title: string }>(entry: T): T => ({ ...entry, title: write(entry.title) });
  return {
    ...stats,
    decks: stats.decks.map(titled),
    deck: stats.deck && titled(stats.deck),
    deckCards: stats.deckCards.map(titled),
    numeric: stats.numeric.map((row) => ({ ...titled(row), deckTitle: write(row.deckTitle) })),
  };
}

/** All decks or one: a plain GET form, so it works without JavaScript and the choice lives in the URL. */
function DeckPicker({ stats }: { stats: LearnerStats }) {
  const t = useTranslations("stats.picker");
  return (
    <form method="get" action="/stats" className="flex items-end gap-2">
      <div>
        <label htmlFor="stats-deck" className="field-label">
          {t("deck")}
        </label>
        {/* Keyed by the choice so the select shows it again after navigating. */}
        <select key={stats.deck?.slug ?? ""} id="stats-deck" name="deck" defaultValue={stats.deck?.slug ?? ""} className="field-input max-w-[16rem]">
          <option value="">{t("allDecks")}</option>
          {stats.decks.map((deck) => (
            <option key={deck.slug} value={deck.slug}>
              {deck.title}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn-secondary">
        {t("show")}
      </button>
    </form>
  );
}

/** The headline figures of the year, above the charts. */
function Overview({ stats }: { stats: LearnerStats }) {
  const t = useTranslations("stats");
  const format = useFormatter();
  const reviews = stats.days.reduce((sum, day) => sum + day.reviews, 0);
  const time = stats.days.reduce((sum, day) => sum + day.durationMs, 0);
  const studied = stats.days.filter((day) => day.reviews > 0).length;
  const recent = stats.weeks.slice(-4);
  const reviewed = recent.reduce((sum, week) => sum + week.reviewed, 0);
  const retained = recent.reduce((sum, week) => sum + week.retained, 0);
  const mastered = stats.deckCards.reduce((sum, deck) => sum + deck.mastered, 0);
  const questions = stats.deckCards.reduce((sum, deck) => sum + deck.questions, 0);
  return (
    <dl className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
      <Figure label={t("overview.reviews")} value={format.number(reviews)} note={t("overview.reviewsNote", { days: studied })} />
      <Figure label={t("overview.time")} value={t("duration", durationParts(time))} note={t("overview.timeNote")} />
      <Figure
        label={t("overview.retention")}
        value={percent(reviewed > 0 ? retained / reviewed : null)}
        note={reviewed > 0 ? t("overview.retentionNote", { count: reviewed }) : t("overview.retentionNone")}
      />
      <Figure label={t("overview.mastered")} value={format.number(mastered)} note={t("overview.masteredNote", { count: questions, scope: stats.deck ? "deck" : "all" })} />
    </dl>
  );
}

function Figure({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <div className="card p-4">
      <dt className="text-sm font-medium text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="mt-1 text-2xl font-bold tabular-nums">{value}</dd>
      <dd className="mt-1 text-xs text-slate-600 dark:text-slate-400">{note}</dd>
    </div>
  );
}
