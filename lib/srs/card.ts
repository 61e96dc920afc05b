import { createEmptyCard, State, type Card as FsrsCard } from "ts-fsrs";
import { SrsError } from "./errors";
import { assertDate, copyDate } from "./validate";

/** Learning phase of a card, spelled as the database's `CardState` enum. */
export type CardState = "NEW" | "LEARNING" | "REVIEW" | "RELEARNING";

/** All card states, in ts-fsrs's numeric order (New 0, Learning 1, Review 2, Relearning 3). */
export const CARD_STATES: readonly CardState[] = Object.freeze(["NEW", "LEARNING", "REVIEW", "RELEARNING"] as const);

/**
 * A learner's scheduling state for one question: the database's `Card` row without its ids and timestamps.
 * Field meanings follow ts-fsrs's `Card` (converted from snake_case inside `lib/srs` only).
 */
export interface SrsCard {
  /** When the card is next due (an instant). */
  due: Date;
  /** FSRS memory stability in days: the interval at which recall probability falls to 90 %. 0 for a NEW card. */
  stability: number;
  /** FSRS difficulty, 1..10 once reviewed; 0 for a NEW card. */
  difficulty: number;
  /** Whole days between the previous review and the latest one (ts-fsrs's deprecated `elapsed_days`). */
  elapsedDays: number;
  /** Whole days from the latest review to `due`; 0 while in (re)learning steps shorter than a day. */
  scheduledDays: number;
  /** Index of the current (re)learning step (0-based); 0 in REVIEW. */
  learningSteps: number;
  /** Number of reviews so far. */
  reps: number;
  /** Number of times the card was forgotten (rated Again) while in REVIEW. */
  lapses: number;
  /** Learning phase. */
  state: CardState;
  /** When the card was last reviewed, or `null` if never. */
  lastReview: Date | null;
  /** Suspended cards are never queued; reviews do not change this flag (see `shouldSuspendAsLeech`). */
  suspended: boolean;
}

const TO_FSRS_STATE: Record<CardState, State> = {
  NEW: State.New,
  LEARNING: State.Learning,
  REVIEW: State.Review,
  RELEARNING: State.Relearning,
};

const FROM_FSRS_STATE: Record<State, CardState> = {
  [State.New]: "NEW",
  [State.Learning]: "LEARNING",
  [State.Review]: "REVIEW",
  [State.Relearning]: "RELEARNING",
};

/** Converts a database card state to ts-fsrs's `State`; throws {@link SrsError} for an unknown value. */
export function toFsrsState(state: CardState, path = "card.state"): State {
  const converted = TO_FSRS_STATE[state] as State | undefined;
  if (converted === undefined) {
    throw new SrsError({ path, message: `Expected NEW, LEARNING, REVIEW or RELEARNING, got ${String(state)}.` });
  }
  return converted;
}

/** Converts ts-fsrs's `State` to the database spelling. */
export function fromFsrsState(state: State): CardState {
  return FROM_FSRS_STATE[state];
}

/**
 * Converts an {@link SrsCard} to a ts-fsrs `Card` (internal to `lib/srs`; the rest of the app never sees
 * snake_case). Dates are copied; `suspended` has no ts-fsrs counterpart and is dropped.
 * Throws {@link SrsError} when `due`/`lastReview` is not a valid date or `state` is unknown.
 */
export function toFsrsCard(card: SrsCard): FsrsCard {
  assertDate(card.due, "card.due");
  if (card.lastReview !== null) assertDate(card.lastReview, "card.lastReview");
  return {
    due: copyDate(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: toFsrsState(card.state),
    last_review: card.lastReview === null ? undefined : copyDate(card.lastReview),
  };
}

/** Converts a ts-fsrs `Card` back to an {@link SrsCard} with the given `suspended` flag. Dates are copied. */
export function fromFsrsCard(card: FsrsCard, suspended: boolean): SrsCard {
  return {
    due: copyDate(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: fromFsrsState(card.state),
    lastReview: card.last_review === undefined ? null : copyDate(card.last_review),
    suspended,
  };
}

/**
 * A never-reviewed card, due at `now` (ts-fsrs `createEmptyCard`): state NEW, stability and difficulty 0,
 * all counters 0, `lastReview` null, not suspended.
 *
 * @example
 * ```ts
 * newCard(new Date("2026-03-01T10:00:00Z"));
 * // { due: 2026-03-01T10:00:00Z, stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0,
 * //   learningSteps: 0, reps: 0, lapses: 0, state: "NEW", lastReview: null, suspended: false }
 * ```
 */
export function newCard(now: Date): SrsCard {
  assertDate(now, "now");
  return fromFsrsCard(createEmptyCard(copyDate(now)), false);
}
