/**
 * Everything the Statistics page (app/stats) shows about one learner, overall or for one deck, in one call:
 * {@link getLearnerStats}. The figures come from the modules beside this one; each runs its aggregation in
 * PostgreSQL and returns small plain objects (bench/stats times them for a learner with 100,000 reviews).
 *
 * Two round trips: the learner's decks first (the requested deck must be one of them before anything is filtered
 * by it), then the five independent statements side by side.
 *
 * Not marked "server-only" so integration tests and the bench can import it (like lib/study/stats.ts); its caller
 * in the app, app/stats/page.tsx, is.
 */
import { z } from "zod";
import type { QuestionLanguage } from "@/lib/content/translations";
import type { Db } from "@/lib/db-client";
import { studyDay, type StudyDayOptions } from "@/lib/srs";
import { HEATMAP_DAYS, type ForecastDay } from "@/lib/study/stats";
import { activityByDay } from "./activity";
import { deckCards, tagMastery, type DeckCards, type StatsDeck, type TagMastery } from "./cards";
import { fillDays, retentionWeeks, type ActivityDay, type RetentionWeek } from "./days";
import { dueForecast, STATS_FORECAST_DAYS } from "./forecast";
import { memoryDistribution, type MemoryDistribution } from "./memory";
import { numericAccuracy, type NumericTemplateStats } from "./numeric";

/** Study days of history on the page: the heatmap's year (today and the 364 days before). */
export const HISTORY_DAYS = HEATMAP_DAYS;
/** Weeks of true retention: 52 weeks of 7 study days ending today, inside {@link HISTORY_DAYS}. */
export const RETENTION_WEEKS = 52;

/**
 * The `?deck=` value as it reaches the data layer: a deck slug is matched exactly against the learner's decks,
 * so only its length is bounded here; anything else (too long, not a string) is treated as an unknown deck.
 */
export const deckSlugSchema = z.string().trim().min(1).max(200);

/** The learner's day boundary plus the deck to narrow the figures to. */
export interface LearnerStatsOptions extends StudyDayOptions {
  /** Slug of one of the learner's decks (from the URL, unvalidated); undefined or empty for all decks. */
  deckSlug?: string;
  /** The learner's own FSRS weights (StudySettings.parameters); empty or absent for the defaults. */
  parameters?: readonly number[];
  /** The language of deck and question titles (the English ones without a translation); English when absent. */
  language?: QuestionLanguage;
}

/** One deck's card counts, as on the page (the internal deck id left out). */
export type DeckCardCounts = Omit<DeckCards, "deckId">;

/** The Statistics page's figures; see each module for the exact definitions. */
export interface LearnerStats {
  /** Today's study-day key, `YYYY-MM-DD`: the last day of `days` and of the last week. */
  today: string;
  /** Decks the learner has cards in or numeric answers on, for the deck selector, in study-page order. */
  decks: StatsDeck[];
  /** The deck the figures cover; null for all decks. */
  deck: StatsDeck | null;
  /** True when a deck was asked for that is not one of `decks`: the figures then cover all decks. */
  deckNotFound: boolean;
  /**
   * Each of the {@link HISTORY_DAYS} study days ending today, oldest first (zeros on days without reviews): reviews,
   * first reviews, true-retention counts and time. Every review log counts, whatever its card's state now.
   */
  days: ActivityDay[];
  /** True retention for each of the {@link RETENTION_WEEKS} weeks ending today, oldest first (lib/stats/days.ts). */
  weeks: RetentionWeek[];
  /** Due reviews on each of the next {@link STATS_FORECAST_DAYS} study days, today (with overdue cards) first. */
  forecast: ForecastDay[];
  /** Card states and mastery per deck: every deck of `decks`, or only the chosen one. */
  deckCards: DeckCardCounts[];
  /** Stability and retrievability distributions at `now`. */
  memory: MemoryDistribution;
  /** Mastery per tag of the questions the learner has cards on, most cards first. */
  tags: TagMastery[];
  /** Accuracy per numeric template the learner has answered, weakest first, with their most frequent mistakes. */
  numeric: NumericTemplateStats[];
}

function withoutId(deck: DeckCards): DeckCardCounts {
  const { slug, title, questions, new: fresh, learning, review, relearning, suspended, mastered } = deck;
  return { slug, title, questions, new: fresh, learning, review, relearning, suspended, mastered };
}

/**
 * The Statistics page's figures for `userId` at `now`, in their time zone and day start hour (their stored
 * settings, as `loadStudySettings` returns them: the all-decks history reads StudyDay, which is bucketed by the
 * stored values). With `deckSlug`, every figure is narrowed to that deck; an unknown slug gives the all-decks
 * figures with `deckNotFound` set, never an error.
 *
 * Throws SrsError for an invalid `now`, time zone or day start hour.
 */
export async function getLearnerStats(db: Db, userId: string, options: LearnerStatsOptions, now: Date): Promise<LearnerStats> {
  const day = { timeZone: options.timeZone, dayStartHour: options.dayStartHour };
  const today = studyDay(now, day); // validates `now` and the options before any statement is sent
  const language = options.language ?? "en";
  const decks = await deckCards(db, userId, language);

  const requested = options.deckSlug === undefined || options.deckSlug.trim() === "" ? null : deckSlugSchema.safeParse(options.deckSlug);
  const chosen = requested?.success ? decks.find((deck) => deck.slug === requested.data) ?? null : null;
  const deckId = chosen?.deckId ?? null;

  const [activity, forecast, memory, tags, numeric] = await Promise.all([
    activityByDay(db, userId, day, now, HISTORY_DAYS, deckId),
    dueForecast(db, userId, day, now, STATS_FORECAST_DAYS, deckId),
    memoryDistribution(db, userId, now, deckId, options.parameters ?? []),
    tagMastery(db, userId, deckId),
    numericAccuracy(db, userId, deckId, language),
  ]);

  return {
    today: today.key,
    decks: decks.map((deck) => ({ slug: deck.slug, title: deck.title })),
    deck: chosen ? { slug: chosen.slug, title: chosen.title } : null,
    deckNotFound: requested !== null && chosen === null,
    days: fillDays(activity, today.key, HISTORY_DAYS),
    weeks: retentionWeeks(activity, today.key, RETENTION_WEEKS),
    forecast,
    deckCards: (chosen ? [chosen] : decks).map(withoutId),
    memory,
    tags,
    numeric,
  };
}
