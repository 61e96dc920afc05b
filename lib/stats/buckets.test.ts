import { describe, expect, it } from "vitest";
import { MASTERY_STABILITY_DAYS } from "@/lib/groups/progress";
import { RETRIEVABILITY_BUCKETS, retrievabilityBucket, STABILITY_BOUNDS_DAYS, STABILITY_BUCKETS, stabilityBucket } from "./buckets";

describe("stability buckets", () => {
  it("has one more bucket than bounds, each starting where the previous ends", () => {
    expect(STABILITY_BUCKETS.map((bucket) => bucket.label)).toEqual(["< 1 day", "1–7 days", "1–3 weeks", "3 weeks–3 months", "3–12 months", "> 1 year"]);
    expect(STABILITY_BUCKETS.slice(1).map((bucket) => bucket.from)).toEqual([...STABILITY_BOUNDS_DAYS]);
    expect(STABILITY_BUCKETS.slice(0, -1).map((bucket) => bucket.to)).toEqual([...STABILITY_BOUNDS_DAYS]);
    expect(STABILITY_BUCKETS.at(-1)?.to).toBeNull();
  });

  it("puts the mastery threshold at the start of '3 weeks–3 months'", () => {
    expect(MASTERY_STABILITY_DAYS).toBe(21);
    expect(stabilityBucket(20.999)).toBe(2);
    expect(stabilityBucket(21)).toBe(3);
  });

  it.each([
    [-1, 0], [0, 0], [0.999, 0], [1, 1], [6.99, 1], [7, 2], [89.99, 3], [90, 4], [364.9, 4], [365, 5], [36_500, 5],
  ])("stability %s days → bucket %s (lower bounds inclusive)", (days, bucket) => {
    expect(stabilityBucket(days)).toBe(bucket);
  });
});

describe("retrievability buckets", () => {
  it("labels ten tenths", () => {
    expect(RETRIEVABILITY_BUCKETS).toHaveLength(10);
    expect(RETRIEVABILITY_BUCKETS[0]).toEqual({ label: "0–10%", from: 0, to: 0.1 });
    expect(RETRIEVABILITY_BUCKETS[9]).toEqual({ label: "90–100%", from: 0.9, to: 1 });
  });

  it.each([
    [0, 0], [0.0999, 0], [0.1, 1], [0.55, 5], [0.8999, 8], [0.9, 9], [0.99, 9], [1, 9],
  ])("R = %s → bucket %s (1 goes in the last bucket)", (r, bucket) => {
    expect(retrievabilityBucket(r)).toBe(bucket);
  });
});
