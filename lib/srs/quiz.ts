import { SrsError } from "./errors";
import { RATING, type SrsRating } from "./rating";

/** Question kinds, spelled as the database's `QuestionKind` enum. */
export type QuestionKind = "FLASHCARD" | "MULTIPLE_CHOICE" | "NUMERIC";

const ALL: readonly SrsRating[] = Object.freeze([1, 2, 3, 4] as const);
const WRONG: readonly SrsRating[] = Object.freeze([RATING.again]);
const RIGHT: readonly SrsRating[] = Object.freeze([RATING.hard, RATING.good, RATING.easy]);

function isQuiz(kind: QuestionKind): boolean {
  if (kind === "FLASHCARD") return false;
  if (kind === "MULTIPLE_CHOICE" || kind === "NUMERIC") return true;
  throw new SrsError({ path: "kind", message: `Unknown question kind ${String(kind)}.` });
}

function checkedCorrect(kind: QuestionKind, correct: boolean | undefined): boolean {
  if (typeof correct !== "boolean") {
    throw new SrsError({ path: "correct", message: `A ${kind} answer must be marked right or wrong before it is rated.` });
  }
  return correct;
}

/**
 * Ratings the learner may choose after answering, ascending.
 * - FLASHCARD: self-graded, all four `[1, 2, 3, 4]`; `correct` is ignored.
 * - MULTIPLE_CHOICE and NUMERIC: a wrong answer is a lapse, so only Again `[1]`; a right one `[2, 3, 4]`
 *   (Hard if it took effort, Easy if instant). `correct` is required.
 *
 * Throws {@link SrsError} for an unknown kind or a quiz kind without `correct`.
 */
export function allowedRatings(kind: QuestionKind, correct?: boolean): readonly SrsRating[] {
  if (!isQuiz(kind)) return ALL;
  return checkedCorrect(kind, correct) ? RIGHT : WRONG;
}

/**
 * The rating preselected after answering (what Enter/Space confirms): Again (1) for a wrong quiz answer, Good (3)
 * otherwise, including flashcards. Always one of {@link allowedRatings}. Throws like {@link allowedRatings}.
 */
export function defaultRating(kind: QuestionKind, correct?: boolean): SrsRating {
  if (!isQuiz(kind)) return RATING.good;
  return checkedCorrect(kind, correct) ? RATING.good : RATING.again;
}

/**
 * True when `rating` is allowed for this outcome; the server checks a submitted rating with it (the UI hiding
 * buttons is not the check). Throws like {@link allowedRatings}.
 */
export function isRatingAllowed(kind: QuestionKind, correct: boolean | undefined, rating: number): boolean {
  return (allowedRatings(kind, correct) as readonly number[]).includes(rating);
}
