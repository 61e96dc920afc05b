import type { SrsCard } from "./card";
import { default_w, forgetting_curve } from "ts-fsrs";
import { assertDate } from "./validate";

const DAY_MS = 86_400_000;

/**
 * Probability (0..1] that the learner recalls the card at `now`: FSRS's forgetting curve
 * $R(t, S) = \left(1 + \text{factor} \cdot \frac{t}{S}\right)^{-w_{20}}$ with $\text{factor} = 0.9^{-1/w_{20}} - 1$,
 * evaluated by ts-fsrs (`forgetting_curve` with the learner's own FSRS-6 weights when given, else the defaults;
 * desired retention does not enter it), so $R(S, S) = 0.9$ whatever the decay.
 *
 * - `t` is the time since `card.lastReview` in **fractional days** (ms / 86 400 000, clamped at 0 when `now` is
 *   earlier), so R falls smoothly during the day. ts-fsrs's `get_retrievability` floors `t` to whole days; at
 *   whole days the two agree.
 * - Returns `null` for a NEW card (and for any card without `lastReview` or a positive `stability`): it has no
 *   memory state yet, and 0 would read as "certainly forgotten" in a chart (ts-fsrs's `get_retrievability`
 *   returns 0 there).
 *
 * Non-increasing in `now`; 1 at `now = lastReview`.
 *
 * @see https://github.com/open-spaced-repetition/fsrs4anki/wiki/The-Algorithm
 * @example
 * ```ts
 * retrievability(card, card.lastReview);                                         // 1
 * retrievability(card, new Date(card.lastReview.getTime() + card.stability * DAY)); // 0.9
 * retrievability(newCard(now), now);                                              // null
 * ```
 */
export function retrievability(card: Pick<SrsCard, "state" | "stability" | "lastReview">, now: Date, parameters: readonly number[] = []): number | null {
  assertDate(now, "now");
  if (card.state === "NEW" || card.lastReview === null) return null;
  assertDate(card.lastReview, "card.lastReview");
  if (!(card.stability > 0)) return null;
  const elapsedDays = Math.max(0, (now.getTime() - card.lastReview.getTime()) / DAY_MS);
  return forgetting_curve(parameters.length > 0 ? [...parameters] : default_w, elapsedDays, card.stability);
}
