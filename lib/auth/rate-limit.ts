/**
 * Fixed-window counters in PostgreSQL, so limits hold across restarts and across several app instances.
 * One atomic statement per hit: concurrent requests cannot both slip under the limit.
 */
import type { Db } from "@/lib/db-client";

export interface RateLimitRule {
  /** Most hits allowed inside one window. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitState {
  /** Hits counted in the current window, including this one for {@link hitRateLimit}. */
  count: number;
  /** Whether the count is over the rule's limit. */
  limited: boolean;
  /** Seconds until the window resets (0 when nothing is counted). */
  retryAfterSeconds: number;
}

function stateOf(count: number, expiresAt: Date | null, rule: RateLimitRule, now: Date): RateLimitState {
  const retryAfterSeconds = expiresAt ? Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000)) : 0;
  return { count, limited: count > rule.limit, retryAfterSeconds };
}

/** Counts one hit against `key` and returns the state after it. */
export async function hitRateLimit(db: Db, key: string, rule: RateLimitRule, now = new Date()): Promise<RateLimitState> {
  const expiresAt = new Date(now.getTime() + rule.windowSeconds * 1000);
  const rows = await db.$queryRaw<Array<{ points: number; expiresAt: Date }>>`
    INSERT INTO "RateLimitBucket" ("key", "points", "expiresAt")
    VALUES (${key}, 1, ${expiresAt})
    ON CONFLICT ("key") DO UPDATE SET
      "points"    = CASE WHEN "RateLimitBucket"."expiresAt" <= ${now} THEN 1 ELSE "RateLimitBucket"."points" + 1 END,
      "expiresAt" = CASE WHEN "RateLimitBucket"."expiresAt" <= ${now} THEN ${expiresAt} ELSE "RateLimitBucket"."expiresAt" END
    RETURNING "points", "expiresAt"`;
  const row = rows[0];
  if (!row) throw new Error("rate limit upsert returned no row");
  return stateOf(row.points, row.expiresAt, rule, now);
}

/** Reads the state of `key` without counting a hit. */
export async function peekRateLimit(db: Db, key: string, rule: RateLimitRule, now = new Date()): Promise<RateLimitState> {
  const bucket = await db.rateLimitBucket.findUnique({ where: { key } });
  if (!bucket || bucket.expiresAt <= now) return stateOf(0, null, rule, now);
  return { ...stateOf(bucket.points, bucket.expiresAt, rule, now), limited: bucket.points >= rule.limit };
}

export async function resetRateLimit(db: Db, key: string): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key } });
}

/** Drops expired buckets; called opportunistically so the table stays small. */
export async function pruneRateLimits(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.rateLimitBucket.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
