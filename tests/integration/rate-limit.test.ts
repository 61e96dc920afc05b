import { afterAll, describe, expect, it } from "vitest";
import { hitRateLimit, peekRateLimit, pruneRateLimits, resetRateLimit } from "@/lib/auth/rate-limit";
import { testDb } from "./helpers";

const db = testDb();
afterAll(() => db.$disconnect());

const rule = { limit: 3, windowSeconds: 60 };
const t0 = new Date("2026-01-01T10:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe("PostgreSQL fixed-window rate limit", () => {
  it("counts hits and flags the one over the limit", async () => {
    const key = `test:count:${crypto.randomUUID()}`;
    const states = [];
    for (let i = 0; i < 4; i++) states.push(await hitRateLimit(db, key, rule, at(i)));
    expect(states.map((state) => state.count)).toEqual([1, 2, 3, 4]);
    expect(states.map((state) => state.limited)).toEqual([false, false, false, true]);
    // 3 s into a 60 s window that started at t0: 57 s left.
    expect(states[3]!.retryAfterSeconds).toBe(57);
  });

  it("peek reports 'limited' once the limit is reached, without counting", async () => {
    const key = `test:peek:${crypto.randomUUID()}`;
    for (let i = 0; i < 3; i++) await hitRateLimit(db, key, rule, t0);
    const first = await peekRateLimit(db, key, rule, t0);
    const second = await peekRateLimit(db, key, rule, t0);
    expect(first).toEqual(second);
    expect(first.count).toBe(3);
    expect(first.limited).toBe(true);
  });

  it("starts a new window after the old one expires", async () => {
    const key = `test:window:${crypto.randomUUID()}`;
    for (let i = 0; i < 5; i++) await hitRateLimit(db, key, rule, t0);
    expect((await peekRateLimit(db, key, rule, at(59))).limited).toBe(true);
    expect((await peekRateLimit(db, key, rule, at(60))).count).toBe(0);
    const fresh = await hitRateLimit(db, key, rule, at(61));
    expect(fresh.count).toBe(1);
    expect(fresh.retryAfterSeconds).toBe(60);
  });

  it("is exact under concurrent hits (one atomic statement per hit)", async () => {
    const key = `test:concurrent:${crypto.randomUUID()}`;
    await Promise.all(Array.from({ length: 25 }, () => hitRateLimit(db, key, { limit: 100, windowSeconds: 60 }, t0)));
    expect((await peekRateLimit(db, key, { limit: 100, windowSeconds: 60 }, t0)).count).toBe(25);
  });

  it("reset clears the key and prune removes only expired buckets", async () => {
    const live = `test:live:${crypto.randomUUID()}`;
    const old = `test:old:${crypto.randomUUID()}`;
    await hitRateLimit(db, live, rule, at(1000));
    await hitRateLimit(db, old, rule, t0);
    await pruneRateLimits(db, at(500));
    expect((await peekRateLimit(db, old, rule, t0)).count).toBe(0);
    expect((await peekRateLimit(db, live, rule, at(1000))).count).toBe(1);
    await resetRateLimit(db, live);
    expect((await peekRateLimit(db, live, rule, at(1000))).count).toBe(0);
  });
});
