/**
 * A seeded synthetic review log whose learner remembers exactly as FSRS-6 with KNOWN parameters says, for tests
 * and benchmarks of the optimiser: if training on it does not predict held-out reviews better than the defaults,
 * the optimiser (or the conversion feeding it) is broken.
 *
 * The memory model is ts-fsrs's (`FSRSAlgorithm.next_state` and `forgetting_curve`), an implementation separate
 * from the fsrs-rs binding being tested. ts-fsrs's snake_case names stay inside this module.
 */
import { default_w, fsrs, type FSRS, type FSRSState } from "ts-fsrs";
import { createRng, type Rng } from "@/lib/numeric/rng";
import { FSRS_PARAMETER_COUNT, type CardState, type SrsRating } from "@/lib/srs";
import { OptimizerError } from "./errors";
import type { OptimizerReviewLog } from "./items";

/** Options for {@link generateSyntheticLog}. */
export interface SyntheticLogOptions {
  /** The simulated learner's true memory: 21 FSRS-6 weights within ts-fsrs's ranges (ts-fsrs clamps others). */
  parameters: readonly number[];
  /** Weights of the scheduler that chose the review days; default ts-fsrs's defaults (a learner who never optimised). */
  schedulerParameters?: readonly number[];
  /** Integer 0..2³²−1; the same options always give the same log. */
  seed: number;
  /** When the first session starts; session d starts exactly d × 24 h later. */
  start: Date;
  /** Days simulated, integer >= 1. */
  days: number;
  /** New cards introduced in each session, integer >= 0. */
  newCardsPerDay: number;
  /** Recall probability the scheduler aims for, 0.7..0.99; default 0.9. */
  desiredRetention?: number;
  /** Probability of skipping a day's session (not the first), 0..0.9; default 0.15. Due cards then wait. */
  skipProbability?: number;
  /** Prefix of the generated card ids (`${prefix}${n}`); default "card-". */
  cardIdPrefix?: string;
}

/** One generated review: a ReviewLog row's optimiser columns, with the rating typed. */
export interface SyntheticReview extends OptimizerReviewLog {
  rating: SrsRating;
}

/** Reviews within a session are this far apart (10 s). */
export const SECONDS_BETWEEN_REVIEWS = 10;
/**
 * Most reviews one session may hold: 12 hours of them. Why: a session must stay within one study day, and from a
 * start at e.g. 10:00 UTC, 12 hours stay clear of any day start hour from 22:00 round to 10:00.
 */
export const MAX_REVIEWS_PER_SESSION = (12 * 3_600) / SECONDS_BETWEEN_REVIEWS;

const DAY_MS = 86_400_000;
/** First rating of a new card: Again 25 %, Hard 10 %, Good 55 %, Easy 10 % (cumulative bounds below). */
const FIRST_RATING: ReadonlyArray<[number, SrsRating]> = [[0.25, 1], [0.35, 2], [0.9, 3], [1, 4]];
/** Rating when the card is recalled: Hard 15 %, Good 75 %, Easy 10 %. */
const RECALL_RATING: ReadonlyArray<[number, SrsRating]> = [[0.15, 2], [0.9, 3], [1, 4]];

function draw(rng: Rng, table: ReadonlyArray<[number, SrsRating]>): SrsRating {
  const u = rng.nextFloat();
  return (table.find(([bound]) => u < bound) ?? table[table.length - 1]!)[1];
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new OptimizerError("INVALID_INPUT", message);
}

interface SimCard {
  id: string;
  /** Memory state under the true parameters. */
  truth: FSRSState;
  /** Memory state the scheduler believes in (its own parameters, same ratings). */
  plan: FSRSState;
  lastDay: number;
  dueDay: number;
}

/**
 * Simulates one learner day by day:
 *
 * - Each session (skipped with `skipProbability`, never the first) first reviews every card due by that day, then
 *   introduces `newCardsPerDay` new cards.
 * - A due card was last seen `Δ` whole days ago; it is recalled with probability R = `forgetting_curve(Δ, S)` of
 *   the TRUE parameters and stability S, drawn with the seeded generator. Recalled: Hard/Good/Easy with
 *   15/75/10 %; forgotten: Again, followed by one relearning step rated Good in the same session.
 * - A new card's first rating is Again/Hard/Good/Easy with 25/10/55/10 %; after Again or Hard, one learning step
 *   rated Good follows in the same session. Same-day steps update memory with FSRS-6's short-term formula.
 * - Both the true memory state and the scheduler's own estimate follow every rating; the next review is due after
 *   the scheduler's interval for `desiredRetention`, stretched by a factor drawn from 0.8..1.3 (learners are not
 *   punctual), at least 1 day.
 *
 * Reviews are returned in time order, `SECONDS_BETWEEN_REVIEWS` apart within a session. With `start` at 10:00 in
 * a zone without daylight-saving changes (UTC) and a day start hour of 4, session d is study day d.
 *
 * Throws {@link OptimizerError} INVALID_INPUT for options out of range or a session over
 * {@link MAX_REVIEWS_PER_SESSION} reviews.
 *
 * @example
 * ```ts
 * const log = generateSyntheticLog({ parameters: known, seed: 7, start: new Date("2026-01-01T10:00:00Z"), days: 60, newCardsPerDay: 10 });
 * log[0]; // { cardId: "card-0", rating: 1..4, stateBefore: "NEW", reviewedAt: 2026-01-01T10:00:00.000Z }
 * ```
 */
export function generateSyntheticLog(options: SyntheticLogOptions): SyntheticReview[] {
  const { parameters, seed, start, days, newCardsPerDay } = options;
  const desiredRetention = options.desiredRetention ?? 0.9;
  const skipProbability = options.skipProbability ?? 0.15;
  const prefix = options.cardIdPrefix ?? "card-";
  const schedulerParameters = options.schedulerParameters ?? default_w;
  for (const [name, weights] of [["parameters", parameters], ["schedulerParameters", schedulerParameters]] as const) {
    check(weights.length === FSRS_PARAMETER_COUNT && weights.every(Number.isFinite), `${name} must be ${FSRS_PARAMETER_COUNT} finite numbers.`);
  }
  check(start instanceof Date && Number.isFinite(start.getTime()), "start must be a valid Date.");
  check(Number.isInteger(days) && days >= 1, "days must be an integer >= 1.");
  check(Number.isInteger(newCardsPerDay) && newCardsPerDay >= 0, "newCardsPerDay must be an integer >= 0.");
  check(desiredRetention >= 0.7 && desiredRetention <= 0.99, "desiredRetention must be from 0.7 to 0.99.");
  check(skipProbability >= 0 && skipProbability <= 0.9, "skipProbability must be from 0 to 0.9.");

  const rng = createRng(seed);
  const truth: FSRS = fsrs({ w: [...parameters], enable_short_term: true, enable_fuzz: false });
  const scheduler: FSRS = fsrs({ w: [...schedulerParameters], request_retention: desiredRetention, enable_short_term: true, enable_fuzz: false });
  const cards: SimCard[] = [];
  const log: SyntheticReview[] = [];

  const schedule = (card: SimCard, day: number) => {
    const interval = scheduler.next_interval(card.plan.stability, day - card.lastDay);
    card.lastDay = day;
    card.dueDay = day + Math.max(1, Math.round(interval * (0.8 + 0.5 * rng.nextFloat())));
  };
  const sameDayStep = (card: SimCard) => {
    card.truth = truth.next_state(card.truth, 0, 3);
    card.plan = scheduler.next_state(card.plan, 0, 3);
  };

  for (let day = 0; day < days; day += 1) {
    if (day > 0 && rng.nextFloat() < skipProbability) continue;
    let inSession = 0;
    const record = (cardId: string, rating: SrsRating, stateBefore: CardState) => {
      check(inSession < MAX_REVIEWS_PER_SESSION, `Session ${day} would hold more than ${MAX_REVIEWS_PER_SESSION} reviews.`);
      const reviewedAt = new Date(start.getTime() + day * DAY_MS + inSession * SECONDS_BETWEEN_REVIEWS * 1_000);
      inSession += 1;
      log.push({ cardId, rating, stateBefore, reviewedAt });
    };

    for (const card of cards.filter((candidate) => candidate.dueDay <= day)) {
      const elapsed = day - card.lastDay;
      const recalled = rng.nextFloat() < truth.forgetting_curve(elapsed, card.truth.stability);
      const rating = recalled ? draw(rng, RECALL_RATING) : 1;
      record(card.id, rating, "REVIEW");
      card.truth = truth.next_state(card.truth, elapsed, rating);
      card.plan = scheduler.next_state(card.plan, elapsed, rating);
      if (rating === 1) {
        record(card.id, 3, "RELEARNING");
        sameDayStep(card);
      }
      schedule(card, day);
    }

    for (let n = 0; n < newCardsPerDay; n += 1) {
      const rating = draw(rng, FIRST_RATING);
      const card: SimCard = {
        id: `${prefix}${cards.length}`,
        truth: truth.next_state(null, 0, rating),
        plan: scheduler.next_state(null, 0, rating),
        lastDay: day,
        dueDay: day,
      };
      cards.push(card);
      record(card.id, rating, "NEW");
      if (rating <= 2) {
        record(card.id, 3, "LEARNING");
        sameDayStep(card);
      }
      schedule(card, day);
    }
  }
  return log;
}
