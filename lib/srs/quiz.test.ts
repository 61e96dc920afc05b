import { describe, expect, it } from "vitest";
import { allowedRatings, defaultRating, isRatingAllowed, SrsError, type QuestionKind } from "./index";

describe("quiz outcomes → ratings", () => {
  it("allows only Again after a wrong multiple-choice or numeric answer", () => {
    for (const kind of ["MULTIPLE_CHOICE", "NUMERIC"] as const) {
      expect(allowedRatings(kind, false)).toEqual([1]);
      expect(defaultRating(kind, false)).toBe(1);
      expect(isRatingAllowed(kind, false, 3)).toBe(false);
    }
  });

  it("allows Hard/Good/Easy after a right answer, Good by default", () => {
    for (const kind of ["MULTIPLE_CHOICE", "NUMERIC"] as const) {
      expect(allowedRatings(kind, true)).toEqual([2, 3, 4]);
      expect(defaultRating(kind, true)).toBe(3);
      expect(isRatingAllowed(kind, true, 1)).toBe(false);
      expect(isRatingAllowed(kind, true, 4)).toBe(true);
    }
  });

  it("lets flashcards (self-graded) use all four ratings, Good by default", () => {
    expect(allowedRatings("FLASHCARD")).toEqual([1, 2, 3, 4]);
    expect(allowedRatings("FLASHCARD", false)).toEqual([1, 2, 3, 4]);
    expect(defaultRating("FLASHCARD")).toBe(3);
    expect(isRatingAllowed("FLASHCARD", undefined, 1)).toBe(true);
    expect(isRatingAllowed("FLASHCARD", undefined, 5)).toBe(false);
  });

  it("the default is always allowed", () => {
    for (const kind of ["FLASHCARD", "MULTIPLE_CHOICE", "NUMERIC"] as const) {
      for (const correct of [true, false]) expect(allowedRatings(kind, correct)).toContain(defaultRating(kind, correct));
    }
  });

  it("requires correctness for quiz kinds and rejects unknown kinds", () => {
    expect(() => allowedRatings("NUMERIC")).toThrow("correct: A NUMERIC answer must be marked right or wrong before it is rated.");
    expect(() => defaultRating("MULTIPLE_CHOICE")).toThrow(SrsError);
    expect(() => allowedRatings("ESSAY" as QuestionKind, true)).toThrow(SrsError);
  });
});
