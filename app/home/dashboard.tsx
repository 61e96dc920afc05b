import "server-only";
import Link from "next/link";
import { getDb } from "@/lib/db";
import { studyDay, type SchedulerSettings } from "@/lib/srs";
import { dueToday, forecast, heatmap, streak, todaySummary, type DeckDueToday, type ForecastDay } from "@/lib/study/stats";
import { formatDayLong, formatDayShort } from "./day-format";
import { ForecastChart, type ForecastBar } from "./forecast-chart";
import { ReviewHeatmap } from "./review-heatmap";
import { plural } from "@/lib/format";

/** The learner's settings the dashboard reads (a `SchedulerSettings` or `StudySettings` object fits). */
export type DashboardSettings = Pick<SchedulerSettings, "timeZone" | "dayStartHour" | "newCardsPerDay">;

export interface DashboardProps {
  /** The logged-in learner; the caller has checked the session (`requireUser`). */
  userId: string;
  /** Their validated settings: day boundary and daily new-card limit. */
  settings: DashboardSettings;
}

const muted = "text-sm text-slate-600 dark:text-slate-400";

/** 754 000 ms → "12 min"; 3 900 000 ms → "1 h 5 min"; under a minute → "under a minute". */
function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return "under a minute";
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return rest === 0 ? `${Math.floor(minutes / 60)} h` : `${Math.floor(minutes / 60)} h ${rest} min`;
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
  const now = new Date();
  const options = { timeZone: settings.timeZone, dayStartHour: settings.dayStartHour };
  const today = studyDay(now, options);
  const [decks, summary, streaks, upcoming, history] = await Promise.all([
    dueToday(db, userId, options, now),
    todaySummary(db, userId, { ...options, newCardsPerDay: settings.newCardsPerDay }, now),
    streak(db, userId, options, now),
    forecast(db, userId, options, now),
    heatmap(db, userId, options, now),
  ]);
  const dueTotal = decks.reduce((sum, deck) => sum + deck.due, 0);
  const learningTotal = decks.reduce((sum, deck) => sum + deck.learning, 0);
  const newAvailable = decks.reduce((sum, deck) => sum + deck.newAvailable, 0);
  const canStudy = dueTotal > 0 || summary.newLeft > 0;

  return (
    <div className="space-y-6">
      <section aria-labelledby="today-heading" className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="today-heading" className="text-lg font-semibold">
            Today <span className="font-normal text-slate-500 dark:text-slate-400">· {formatDayLong(today.key)}</span>
          </h2>
          {canStudy && (
            <Link href={studyHref()} className="btn-primary">
              Study now
            </Link>
          )}
        </div>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Stat label="Due today" value={dueTotal}>
            {dueTotal > 0
              ? learningTotal > 0
                ? `${plural(learningTotal, "card")} in learning.`
                : "To review before this study day ends."
              : learningTotal > 0
                ? `${plural(learningTotal, "card")} in learning, not due yet.`
                : "Nothing due: you are up to date."}
          </Stat>
          <Stat label="New cards left" value={summary.newLeft}>
            {summary.newLeft > 0
              ? `${summary.newDone} of ${settings.newCardsPerDay} started today.`
              : newAvailable === 0
                ? "No new questions in your decks: choose more decks in settings."
                : `Daily limit of ${settings.newCardsPerDay} reached: more tomorrow.`}
          </Stat>
          <Stat label="Reviews today" value={summary.reviewsDone} testId="reviews-today">
            {summary.reviewsDone > 0
              ? `${formatDuration(summary.timeSpentMs)} spent studying.`
              : canStudy
                ? "No reviews yet today: press Study now to start."
                : "No reviews yet today, and nothing is waiting."}
          </Stat>
          <Stat label="Current streak" value={plural(streaks.current, "day")}>
            {streaks.longest === 0
              ? "No reviews yet: start studying to build your streak."
              : streaks.current === 0
                ? `Review today to start a new streak. Longest: ${plural(streaks.longest, "day")}.`
                : `Longest: ${plural(streaks.longest, "day")}.`}
          </Stat>
        </dl>
      </section>

      <DueByDeck decks={decks} newLeft={summary.newLeft} />

      <section aria-labelledby="forecast-heading" className="card space-y-3">
        <h2 id="forecast-heading" className="font-semibold">
          Coming up: the next 30 days
        </h2>
        <Forecast days={upcoming} />
      </section>

      <section aria-labelledby="heatmap-heading" className="card space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="heatmap-heading" className="font-semibold">
            Your year of reviews
          </h2>
          <Link href="/stats" className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-500">
            All statistics
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
  return (
    <section aria-labelledby="decks-heading" className="card space-y-3">
      <h2 id="decks-heading" className="font-semibold">
        Due today by deck
      </h2>
      {decks.length === 0 ? (
        <p className={muted}>
          No decks to study yet: the question bank is empty. Ask an administrator to run <code>npm run seed</code>, then come
          back here.
        </p>
      ) : (
        <>
          {decks.every((deck) => deck.due === 0 && (deck.newAvailable === 0 || newLeft === 0)) && (
            <p className={muted}>
              All caught up for today. Come back tomorrow, browse the <Link href="/decks" className="underline">question bank</Link>, or
              change your daily limits and decks in <Link href="/settings" className="underline">settings</Link>.
            </p>
          )}
          <div className="-mx-2 overflow-x-auto">
            <table className="w-full min-w-[18rem] text-sm">
              <caption className="sr-only">Cards due today and new questions per deck</caption>
              <thead className="text-left text-xs text-slate-500 dark:text-slate-400">
                <tr>
                  <th scope="col" className="px-2 py-2 font-medium">Deck</th>
                  <th scope="col" className="px-2 py-2 text-right font-medium">Due</th>
                  <th scope="col" className="px-2 py-2 text-right font-medium">New</th>
                  <th scope="col" className="px-2 py-2"><span className="sr-only">Action</span></th>
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
                          <span className="block text-xs font-normal text-slate-500 dark:text-slate-400">{deck.learning} in learning</span>
                        )}
                      </th>
                      <td className="px-2 py-2 text-right tabular-nums">{deck.due}</td>
                      <td className="px-2 py-2 text-right tabular-nums">{deck.newAvailable}</td>
                      <td className="px-2 py-2 text-right">
                        {studiable ? (
                          <Link href={studyHref(deck.slug)} className="btn-secondary min-h-8 px-3 py-1" aria-label={`Study ${deck.title}`}>
                            Study
                          </Link>
                        ) : (
                          <span className="text-xs text-slate-500 dark:text-slate-400">Done</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            New counts questions you have not started; your daily limit applies across decks.
          </p>
        </>
      )}
    </section>
  );
}

function Forecast({ days }: { days: ForecastDay[] }) {
  const total = days.reduce((sum, day) => sum + day.due, 0);
  if (total === 0) {
    return (
      <p className={muted}>
        Nothing scheduled for the next 30 days yet: study some new cards and their reviews will show up here.
      </p>
    );
  }
  const bars: ForecastBar[] = days.map((day, index) => ({
    day: day.day,
    short: index === 0 ? "Today" : formatDayShort(day.day),
    long: index === 0 ? `Today (${formatDayLong(day.day)}), with overdue cards` : formatDayLong(day.day),
    due: day.due,
  }));
  const busiest = days.reduce((best, day) => (day.due > best.due ? day : best), days[0]!);
  const summary = `${plural(total, "card")} due over the next 30 days, ${days[0]?.due ?? 0} of them today; the busiest day is ${formatDayLong(busiest.day)} with ${busiest.due}.`;
  return (
    <>
      <p className={muted}>{summary} Today includes overdue cards.</p>
      <ForecastChart bars={bars} summary={summary} />
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-600 dark:text-slate-400">Show as a table</summary>
        <table className="mt-2 w-full max-w-xs">
          <thead className="text-left text-xs text-slate-500 dark:text-slate-400">
            <tr>
              <th scope="col" className="py-1 font-medium">Day</th>
              <th scope="col" className="py-1 text-right font-medium">Due</th>
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
  return (
    <div className="space-y-6" aria-busy="true">
      <p className="sr-only" role="status">Loading your dashboard…</p>
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
