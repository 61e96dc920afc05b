/**
 * Memory state of the learner's cards for the Statistics page: how stability and retrievability are distributed
 * over the cards that have one (REVIEW and RELEARNING, not suspended, question ACTIVE).
 *
 * Retrievability is computed in SQL with the formula and constants lib/srs `retrievability` uses (ts-fsrs's
 * forgetting curve with the default FSRS-6 weights, elapsed time in fractional days, rounded to 8 decimals like
 * ts-fsrs), so a card lands in the bucket its value in lib/srs gives; tests/integration/learner-stats.test.ts
 * compares the two. A learner with their own FSRS weights ("Optimise my scheduler") gets their own curve: the
 * decay w20 comes from their parameters, as in the scheduler.
 */
import { Prisma } from "@/generated/prisma/client";
import { computeDecayFactor, default_w } from "ts-fsrs";
import type { Db } from "@/lib/db-client";
import { RETRIEVABILITY_BUCKET_COUNT, RETRIEVABILITY_BUCKETS, STABILITY_BOUNDS_DAYS, STABILITY_BUCKETS } from "./buckets";

/**
 * $-w_{20}$ and $\text{factor} = 0.9^{-1/w_{20}} - 1$ of the learner's FSRS-6 weights (the defaults when they have
 * none: decay −0.1542, factor 0.98034649), with factor rounded to 8 decimals as ts-fsrs rounds it.
 */
function curveOf(parameters: readonly number[]): { decay: number; factor: number } {
  return computeDecayFactor(parameters.length > 0 ? [...parameters] : default_w);
}
const DAY_MS = 86_400_000;

/** Cards per bucket of a distribution. */
export interface DistributionBucket {
  /** Axis label, from lib/stats/buckets.ts. */
  label: string;
  cards: number;
}

/** Distributions of the cards' memory state; see the module comment for which cards count. */
export interface MemoryDistribution {
  /** Cards with a memory state (REVIEW or RELEARNING, not suspended, question ACTIVE). */
  cards: number;
  /** Those cards per stability bucket ({@link STABILITY_BUCKETS}); sums to `cards`. */
  stability: DistributionBucket[];
  /**
   * Per retrievability bucket ({@link RETRIEVABILITY_BUCKETS}) at `now`. Cards without a last review or with a
   * stability of 0 have no retrievability (lib/srs gives null) and are left out, so this can sum to less.
   */
  retrievability: DistributionBucket[];
  /** Mean retrievability at `now` of the cards in `retrievability`, 0..1; null when there are none. */
  averageRetrievability: number | null;
}

/**
 * SQL for the retrievability at `now` of the card aliased `c` (needs `c."lastReview"` and `c."stability"`):
 * $R = \mathrm{round}_8\left((1 + \text{factor} \cdot t / S)^{-w_{20}}\right)$ with $t$ the milliseconds since
 * the last review (0 if negative) over 86 400 000; NULL when there is no last review or `S <= 0`. A `numeric`.
 * The card's state is not checked here: callers select the cards.
 *
 * @see lib/srs/retrievability.ts
 */
export function retrievabilitySql(now: Date, parameters: readonly number[] = []): Prisma.Sql {
  const { decay: DECAY, factor: FACTOR } = curveOf(parameters);
  const elapsedMs = Prisma.sql`GREATEST(0, (EXTRACT(EPOCH FROM (${now}::timestamp(3) - c."lastReview")) * 1000)::float8)`;
  return Prisma.sql`(CASE WHEN c."lastReview" IS NULL OR NOT (c."stability" > 0) THEN NULL
    ELSE round(power(1 + ${FACTOR}::float8 * (${elapsedMs} / ${DAY_MS}::float8) / c."stability", ${DECAY}::float8)::numeric, 8) END)`;
}

/**
 * Stability and retrievability distributions of the learner's cards (one deck's when `deckId` is set) at `now`,
 * in one statement: both buckets are counted from the same selection of cards.
 */
export async function memoryDistribution(
  db: Db,
  userId: string,
  now: Date,
  deckId: string | null,
  parameters: readonly number[] = [],
): Promise<MemoryDistribution> {
  const rows = await db.$queryRaw<Array<{ kind: "stability" | "retrievability"; bucket: number; cards: number; total: number | null }>>`
    WITH memory AS (
      SELECT c."stability", ${retrievabilitySql(now, parameters)} AS "r"
      FROM "Card" c
      JOIN "Question" q ON q."id" = c."questionId"
      WHERE c."userId" = ${userId} AND c."state" IN ('REVIEW', 'RELEARNING') AND NOT c."suspended" AND q."status" = 'ACTIVE'
        ${deckId === null ? Prisma.empty : Prisma.sql`AND q."deckId" = ${deckId}`}
    )
    SELECT 'stability' AS "kind", width_bucket(m."stability", ${[...STABILITY_BOUNDS_DAYS]}::float8[])::int AS "bucket",
      count(*)::int AS "cards", NULL::float8 AS "total"
    FROM memory m GROUP BY 2
    UNION ALL
    SELECT 'retrievability', LEAST(${RETRIEVABILITY_BUCKET_COUNT - 1}::int, floor(m."r" * ${RETRIEVABILITY_BUCKET_COUNT}::int))::int,
      count(*)::int, sum(m."r")::float8
    FROM memory m WHERE m."r" IS NOT NULL GROUP BY 2`;

  const count = (kind: "stability" | "retrievability", bucket: number) =>
    rows.find((row) => row.kind === kind && row.bucket === bucket)?.cards ?? 0;
  const stability = STABILITY_BUCKETS.map((range, index) => ({ label: range.label, cards: count("stability", index) }));
  const retrievability = RETRIEVABILITY_BUCKETS.map((range, index) => ({ label: range.label, cards: count("retrievability", index) }));
  const withR = rows.filter((row) => row.kind === "retrievability");
  const rCards = withR.reduce((sum, row) => sum + row.cards, 0);
  const rTotal = withR.reduce((sum, row) => sum + (row.total ?? 0), 0);
  return {
    cards: stability.reduce((sum, bucket) => sum + bucket.cards, 0),
    stability,
    retrievability,
    averageRetrievability: rCards > 0 ? rTotal / rCards : null,
  };
}
