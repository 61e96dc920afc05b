/**
 * The review-log CSV layout: hand-computed records for one card's learning, lapse and relearning, Anki's interval
 * units, and the file read back by two independent readers: csv-parse, and the FSRS optimiser's own CSV reader
 * (`convertCsvToFsrsItems` of @open-spaced-repetition/binding, fsrs-rs compiled to WASI), which must turn it into
 * the training items fsrs-rs defines (the review history up to each review on a later day, with whole days between
 * reviews counted from the day start).
 */
import { convertCsvToFsrsItems } from "@open-spaced-repetition/binding";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { REVIEW_LOG_COLUMNS, ankiInterval, reviewLogHeader, reviewLogRecord, type ReviewLogCsvInput } from "./review-log-csv";

const at = (iso: string) => new Date(iso);
const base = { questionKey: "q-stride", deckSlug: "cnn-basics", stability: 0, difficulty: 0, elapsedDays: 0 };

/** Card A: new → learning step → graduates for 3 days → forgotten → relearned (due the next day). */
const cardA: ReviewLogCsvInput[] = [
  { ...base, cardId: "card-a", reviewedAt: at("2026-01-10T09:00:00Z"), rating: 3, stateBefore: "NEW", durationMs: 4200, dueBefore: at("2026-01-10T08:00:00Z"), lastReviewBefore: null, dueAfter: at("2026-01-10T09:10:00Z") },
  { ...base, cardId: "card-a", reviewedAt: at("2026-01-10T09:10:00Z"), rating: 3, stateBefore: "LEARNING", durationMs: 3000, dueBefore: at("2026-01-10T09:10:00Z"), lastReviewBefore: at("2026-01-10T09:00:00Z"), dueAfter: at("2026-01-13T09:10:00Z"), stability: 2.3065, difficulty: 2.1181 },
  { ...base, cardId: "card-a", reviewedAt: at("2026-01-13T09:30:00Z"), rating: 1, stateBefore: "REVIEW", durationMs: null, dueBefore: at("2026-01-13T09:10:00Z"), lastReviewBefore: at("2026-01-10T09:10:00Z"), dueAfter: at("2026-01-13T09:40:00Z"), stability: 10.5, difficulty: 2.5, elapsedDays: 3 },
  { ...base, cardId: "card-a", reviewedAt: at("2026-01-13T09:40:00Z"), rating: 3, stateBefore: "RELEARNING", durationMs: 2500.4, dueBefore: at("2026-01-13T09:40:00Z"), lastReviewBefore: at("2026-01-13T09:30:00Z"), dueAfter: at("2026-01-14T09:40:00Z"), stability: 1.25, difficulty: 6.75 },
];
/** Card B: Easy on day one, Good five days later; the due time its last review set is unknown. */
const cardB: ReviewLogCsvInput[] = [
  { ...base, cardId: "card-b", questionKey: "q,with \"quotes\"", reviewedAt: at("2026-01-10T10:00:00Z"), rating: 4, stateBefore: "NEW", durationMs: 1000, dueBefore: at("2026-01-10T10:00:00Z"), lastReviewBefore: null, dueAfter: at("2026-01-15T10:00:00Z") },
  { ...base, cardId: "card-b", questionKey: "q,with \"quotes\"", reviewedAt: at("2026-01-15T11:00:00Z"), rating: 3, stateBefore: "REVIEW", durationMs: 0, dueBefore: at("2026-01-15T10:00:00Z"), lastReviewBefore: at("2026-01-10T10:00:00Z"), dueAfter: null, stability: 8.3, difficulty: 1 },
];
const csv = reviewLogHeader() + [...cardA, ...cardB].map(reviewLogRecord).join("");

describe("reviewLogRecord", () => {
  it("writes the header and one CRLF-terminated record per review, computed by hand", () => {
    expect(csv.split("\r\n")).toEqual([
      "card_id,review_time,review_rating,review_state,review_duration,review_type,interval,last_interval,stability,difficulty,elapsed_days,question_key,deck_slug",
      // 2026-01-10T09:00Z = 1768035600000 ms; Good on a new card: 10-minute step (-600 s), Anki type 0 (learn).
      "card-a,1768035600000,3,0,4200,0,-600,0,0,0,0,q-stride,cnn-basics",
      // Graduates: due 3 days later; the interval before was the 10-minute step.
      "card-a,1768036200000,3,1,3000,0,3,-600,2.3065,2.1181,0,q-stride,cnn-basics",
      // Again on a review card (type 1): relearning step of 10 minutes; the previous interval was 3 days; no duration → 0.
      "card-a,1768296600000,1,2,0,1,-600,3,10.5,2.5,3,q-stride,cnn-basics",
      // Relearning (type 2) → due a day later; 2500.4 ms rounds to 2500.
      "card-a,1768297200000,3,3,2500,2,1,-600,1.25,6.75,0,q-stride,cnn-basics",
      'card-b,1768039200000,4,0,1000,0,5,0,0,0,0,"q,with ""quotes""",cnn-basics',
      // Unknown due after the review: empty interval.
      'card-b,1768474800000,3,2,0,1,,5,8.3,1,0,"q,with ""quotes""",cnn-basics',
      "",
    ]);
  });

  it("is read back by csv-parse with the documented columns", () => {
    const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!)).toEqual([...REVIEW_LOG_COLUMNS]);
    expect(rows).toHaveLength(6);
    expect(rows[4]).toMatchObject({ card_id: "card-b", review_rating: "4", interval: "5", question_key: 'q,with "quotes"' });
    expect(rows[5]).toMatchObject({ interval: "", last_interval: "5" });
  });

  it("is read by the FSRS optimiser's CSV reader into the training items fsrs-rs defines", () => {
    // Day start 04:00 UTC. Card A's reviews fall on 10 Jan (twice) and 13 Jan (twice): ratings 3, 3, 1, 3 with
    // 0, 0, 3, 0 days between them. fsrs-rs makes an item for each review on a later day than the one before it,
    // holding the history up to it: card A gives one (ending with Again after 3 days), card B one (Good after 5).
    const items = convertCsvToFsrsItems(new TextEncoder().encode(csv), 4, "UTC", () => 0);
    expect(items.map((item) => item.reviews.map((review) => [review.rating, review.deltaT]))).toEqual([
      [
        [3, 0],
        [3, 0],
        [1, 3],
      ],
      [
        [4, 0],
        [3, 5],
      ],
    ]);
  });
});

describe("ankiInterval", () => {
  it("gives whole days from one day up, negative seconds below, 0 for nothing", () => {
    expect([ankiInterval(3 * 86_400_000), ankiInterval(1.6 * 86_400_000), ankiInterval(86_400_000), ankiInterval(600_000), ankiInterval(400), ankiInterval(0), ankiInterval(-5)]).toEqual([3, 2, 1, -600, -1, 0, 0]);
  });
});
