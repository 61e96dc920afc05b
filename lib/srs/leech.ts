import type { SrsCard } from "./card";

/**
 * Lapses at which a card is a leech: 8, Anki's default "leech threshold". A lapse is an Again on a REVIEW card
 * (ts-fsrs increments `lapses` only then), so a leech is a card forgotten 8 times after it was learnt.
 */
export const LEECH_LAPSES = 8;

/** True when the card has lapsed at least {@link LEECH_LAPSES} (8) times. */
export function isLeech(card: Pick<SrsCard, "lapses">): boolean {
  return card.lapses >= LEECH_LAPSES;
}

/**
 * True exactly when the review that turned `before` into `after` made the card a leech (`before.lapses < 8 <=
 * after.lapses`, i.e. the 8th lapse), so the service suspends it once. Later lapses of a card the learner
 * unsuspended return false: it is not suspended again.
 */
export function shouldSuspendAsLeech(before: Pick<SrsCard, "lapses">, after: Pick<SrsCard, "lapses">): boolean {
  return !isLeech(before) && isLeech(after);
}
