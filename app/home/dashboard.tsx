import "server-only";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { questionLanguageForRequest } from "@/app/content-language";
import { deckTextLookup } from "@/lib/bank/deck-text";
import { getDb } from "@/lib/db";
import { studyDay, type SchedulerSettings } from "@/lib/srs";
import { dueToday, forecast, heatmap, streak, todaySummary, type DeckDueToday, type ForecastDay } from "@/lib/study/stats";
import { formatDayLong, formatDayShort } from "./day-format";
import { ForecastChart, type ForecastBar } from "./forecast-chart";
import { ReviewHeatmap } from "./review-heatmap";

/** The learner's settings the dashboard reads (a `SchedulerSettings` or `StudySettings` object fits). */
export type DashboardSettings = Pick<SchedulerSettings, "timeZone" | "dayStartHour" | "newCardsPerDay">;

export interface DashboardProps {
  /** The logged-in learner; the caller has checked the session (`requireUser`). */
  userId: string;
  /** Their validated settings: day boundary and daily new-card limit. */
  settings: DashboardSettings;
}

const muted = "text-sm text-slate-600 dark:text-slate-400";

/**
 * Hours and minutes for the `home.duration` message: 754 000 ms → "12 min"; 3 900 000 ms → "1 h 5 min";
 * under a minute → "under a minute".
 */
function durationParts(ms: number): { hours: number; minutes: number } {
  const minutes = Math.round(ms / 60_000);
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}

function studyHref(slug?: string): string {
  return slug ? `/study?${new URLSearchParams({ deck: slug })}` : "/study";
}

/**
 * The learner's home dashboard: what is due today per deck, today's progress, streaks, a 30-day forecast and a
 * year of reviews. Runs its reads in parallel; wrap it in `<Suspense fallback={<DashboardSkeleton />}>`.
 */
export async function Dashboard({ userId, settings }: DashboardProps) {
  const db = getDb();
  const [t, locale, { language, script }] = await Promise.all([getTranslations("home"), getLocale(), questionLanguageForRequest()]);
  const now = new Date();
  const options = { timeZone: settings.timeZone, dayStartHour: settings.dayStartHour };
  const today = studyDay(now, options);
  const [due, summary, streaks, upcoming, history, deckText] = await Promise.all([
    dueToday(db, userId, options, now),
    todaySummary(db, userId, { ...options, newCardsPerDay: settings.newCardsPerDay }, now),
    streak(db, userId, options, now),
    forecast(db, userId, options, now),
    heatmap(db, userId, options, now),
    deckTextLookup(db, userId, language),
  ]);
  const decks = due.map((deck) => ({ ...deck, title: script(deckText.title(deck.slug, deck.title), language) }));
  const dueTotal = decks.reduce((sum, deck) => sum + deck.due, 0);
  const learningTotal = decks.reduce((sum, deck) => sum + deck.learning, 0);
  const newAvailable = decks.reduce((sum, deck) => sum + deck.newAvailable, 0);
  const canStudy = dueTotal > 0 || summary.newLeft > 0;

  return (
    <div className="space-y-6">
      <section aria-labelledby="today-heading" className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="today-heading" className="text-lg font-semibold">
            {t("today.heading")} <span className="font-normal text-slate-500 dark:text-slate-400">· {formatDayLong(today.key, locale)}</span>
          </h2>
          {canStudy && (
            <Link href={studyHref()} className="btn-primary">
              {t("studyNow")}
            </Link>
          )}
        </div>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Stat label={t("today.dueToday")} value={dueTotal}>
            {dueTotal > 0
              ? learningTotal > 0
                ? t("today.inLearning", { count: learningTotal })
                : t("today.toReview")
              : learningTotal > 0
                ? t("today.inLearningNotDue", { count: learningTotal })
                : t("today.upToDate")}
          </Stat>
          <Stat label={t("today.newCardsLeft")} value={summary.newLeft}>
            {summary.newLeft > 0
              ? t("today.newStarted", { done: summary.newDone, limit: settings.newCardsPerDay })
              : newAvailable === 0
                ? t("today.noNewQuestions")
                : t("today.dailyLimitReached", { limit: settings.newCardsPerDay })}
          </Stat>
          <Stat label={t("today.reviewsToday")} value={summary.reviewsDone} testId="reviews-today">
            {summary.reviewsDone > 0
              ? t("today.timeSpent", { duration: t("duration", durationParts(summary.timeSpentMs)) })
              : canStudy
                ? t("today.noReviewsCanStudy")
                : t("today.noReviewsNothingWaiting")}
          </Stat>
          <Stat label={t("today.currentStreak")} value={t("today.streakDays", { count: streaks.current })}>
            {streaks.longest === 0
              ? t("today.noStreak")
              : streaks.current === 0
                ? t("today.startNewStreak", { count: streaks.longest })
                : t("today.longest", { count: streaks.longest })}
          </Stat>
        </dl>
      </section>

      <DueByDeck decks={decks} newLeft={summary.newLeft} />

      <section aria-labelledby="forecast-heading" className="card space-y-3">
        <h2 id="forecast-heading" className="font-semibold">
          {t("forecast.heading")}
        </h2>
        <Forecast days={upcoming} />
      </section>

      <section aria-labelledby="heatmap-heading" className="card space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="heatmap-heading" className="font-semibold">
            {t("heatmap.heading")}
          </h2>
          <Link href="/stats" className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-500">
            {t("heatmap.allStatistics")}
          </Link>
        </div>
        <ReviewHeatmap days={history} today={today.key} />
      </section>
    </div>
  );
}

function Stat({ label, value, testId, children }: { label: string; value: number | string; testId?: string; children: React.ReactNode }) {
  return (
    <div className="card p-4">
      <dt className="text-sm font-medium text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="mt-1 text-2xl font-bold tabular-nums" data-testid={testId}>{value}</dd>
      <dd className="mt-1 text-xs text-slate-600 dark:text-slate-400">{children}</dd>
    </div>
  );
}

function DueByDeck({ decks, newLeft }: { decks: DeckDueToday[]; newLeft: number }) {
  const t = useTranslations("home.decks");
  return (
    <section aria-labelledby="decks-heading" className="card space-y-3">
      <h2 id="decks-heading" className="font-semibold">
        {t("heading")}
      </h2>
      {decks.length === 0 ? (
        <p className={muted}>
          {t.rich("empty", { code: (chunks) => <code>{chunks}</code> })}
        </p>
      ) : (
        <>
          {decks.every((deck) => deck.due === 0 && (deck.newAvailable === 0 || newLeft === 0)) && (
            <p className={muted}>
              {t.rich("allCaughtUp", {
                bank: (chunks) => <Link href="/decks" className="underline">{chunks}</Link>,
                settings: (chunks) => <Link href="/settings" className="underline">{chunks}</Link>,
              })}
            </p>
          )}
          <div className="-mx-2 overflow-x-auto">
            <table className="w-full min-w-[18rem] text-sm">
              <caption className="sr-only">{t("caption")}</caption>
              <thead className="text-left text-xs text-slate-500 dark:text-slate-400">
                <tr>
                  <th scope="col" className="px-2 py-2 font-medium">{t("deck")}</th>
                  <th scope="col" className="px-2 py-2 text-right font-medium">{t("due")}</th>
                  <th scope="col" className="px-2 py-2 text-right font-medium">{t("new")}</th>
                  <th scope="col" className="px-2 py-2"><span className="sr-only">{t("action")}</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                {decks.map((deck) => {
                  const studiable = deck.due > 0 || (deck.newAvailable > 0 && newLeft > 0);
                  return (
                    <tr key={deck.slug}>
                      <th scope="row" className="px-2 py-2 text-left font-medium">
                        {deck.title}
                        {deck.learning > 0 && (
                          <span className="block text-xs font-normal text-slate-500 dark:text-slate-400">{t("inLearning", { count: deck.learning })}</span>
                        )}
                      </th>
                      <td className="px-2 py-2 text-right tabular-nums">{deck.due}</td>
                      <td className="px-2 py-2 text-right tabular-nums">{deck.newAvailable}</td>
                      <td className="px-2 py-2 text-right">
                        {studiable ? (
                          <Link href={studyHref(deck.slug)} className="btn-secondary min-h-8 px-3 py-1" aria-label={t("studyDeck", { deck: deck.title })}>
                            {t("study")}
                          </Link>
                        ) : (
                          <span className="text-xs text-slate-500 dark:text-slate-400">{t("done")}</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            {t("newNote")}
          </p>
        </>
      )}
    </section>
  );
}

function Forecast({ days }: { days: ForecastDay[] }) {
  const t = useTranslations("home.forecast");
  const locale = useLocale();
  const total = days.reduce((sum, day) => sum + day.due, 0);
  if (total === 0) {
    return (
      <p className={muted}>
        {t("empty")}
      </p>
    );
  }
  const bars: ForecastBar[] = days.map((day, index) => ({
    day: day.day,
    short: index === 0 ? t("today") : formatDayShort(day.day, locale),
    long: index === 0 ? t("todayLong", { date: formatDayLong(day.day, locale) }) : formatDayLong(day.day, locale),
    due: day.due,
  }));
  const busiest = days.reduce((best, day) => (day.due > best.due ? day : best), days[0]!);
  const summary = t("summary", { total, today: days[0]?.due ?? 0, date: formatDayLong(busiest.day, locale), busiest: busiest.due });
  return (
    <>
      <p className={muted}>{t("withOverdueNote", { summary })}</p>
      <ForecastChart bars={bars} summary={summary} />
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-600 dark:text-slate-400">{t("showTable")}</summary>
        <table className="mt-2 w-full max-w-xs">
          <thead className="text-left text-xs text-slate-500 dark:text-slate-400">
            <tr>
              <th scope="col" className="py-1 font-medium">{t("day")}</th>
              <th scope="col" className="py-1 text-right font-medium">{t("due")}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.day}>
                <td className="py-0.5">{bar.long}</td>
                <td className="py-0.5 text-right tabular-nums">{bar.due}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}

/** Placeholder with the dashboard's shape while its reads run (for `<Suspense fallback>`). */
export function DashboardSkeleton() {
  const t = useTranslations("home");
  return (
    <div className="space-y-6" aria-busy="true">
      <p className="sr-only" role="status">{t("loading")}</p>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-hidden="true">
        {[0, 1, 2, 3].map((index) => (
          <div key={index} className="card h-28 animate-pulse p-4" />
        ))}
      </div>
      {["h-48", "h-64", "h-44"].map((height) => (
        <div key={height} className={`card ${height} animate-pulse`} aria-hidden="true" />
      ))}
    </div>
  );
}
