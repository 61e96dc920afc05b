// The Statistics page at scale: a throwaway embedded PostgreSQL with the real migrations and the real bank seeded,
// plus a generated deck of extra flashcards so the learner has a few thousand cards; one learner (Europe/Berlin,
// day from 04:00) with a card on every ACTIVE question, 100,000 review logs over two years (inserted with
// INSERT … SELECT generate_series; the StudyDay triggers summarise them by study day, as they do in use), numeric
// answers as the app writes them (an attempt per numeric review, plus practice attempts spread evenly over the
// numeric templates, a third of them wrong, so every template passes the re-grading cap of 100 wrong answers),
// ANALYZE, then the median time of getLearnerStats (lib/stats/learner.ts, the one call app/stats/page.tsx makes)
// for all decks and for one deck, the median of each query function on its own, and the SQL statements one call
// sends (from Prisma's query log); then the same again after a VACUUM (the visibility map autovacuum would set).
//
// Run: npx tsx bench/stats/index.ts [--reviews=100000] [--days=730] [--extra-questions=3000] [--practice=20000] [--runs=10] [--quick]
//   --quick  5 runs
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../generated/prisma/client";
import { seedQuestionBank } from "../../lib/bank/seed";
import { loadContent } from "../../lib/content/load";
import { createPrismaClient, type Db } from "../../lib/db-client";
import { activityByDay } from "../../lib/stats/activity";
import { deckCards, tagMastery } from "../../lib/stats/cards";
import { dueForecast, STATS_FORECAST_DAYS } from "../../lib/stats/forecast";
import { getLearnerStats, HISTORY_DAYS } from "../../lib/stats/learner";
import { memoryDistribution } from "../../lib/stats/memory";
import { numericAccuracy, numericAnswers } from "../../lib/stats/numeric";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { findFreePort } from "../../scripts/lib/free-port";
import { migrateDeploy } from "../../scripts/lib/run";
import { intArg } from "../lib/cli";
import { recordFigures } from "../lib/results";

const REVIEWS = intArg("reviews", 100_000);
const DAYS = intArg("days", 730);
const EXTRA_QUESTIONS = intArg("extra-questions", 3000);
const PRACTICE = intArg("practice", 20_000);
const RUNS = intArg("runs", 10, { quick: 5 });
const USER = "bench-learner";
const OPTIONS = { timeZone: "Europe/Berlin", dayStartHour: 4 };
const TAGS = ["conv", "pooling", "normalisation", "attention", "detection", "segmentation", "optimiser", "loss", "augmentation", "quantisation", "memory", "flops"];

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await fn();
  console.log(`  ${label} in ${seconds(performance.now() - start)}`);
  return result;
}

/** Median, min and max of RUNS calls after one warm-up call, in ms. */
async function measure(fn: () => Promise<unknown>): Promise<{ median: number; min: number; max: number }> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, min: times[0]!, max: times.at(-1)! };
}

const ms = (value: number) => `${value.toFixed(1).padStart(7)} ms`;

async function main() {
  console.log(`stats bench — node ${process.version}, ${cpus().length} cores, load average ${loadavg().map((n) => n.toFixed(2)).join(" ")}`);
  const root = await mkdtemp(path.join(tmpdir(), "receptive-bench-stats-"));
  const server = await startEmbeddedPostgres({ dataDir: path.join(root, "pg"), port: await findFreePort(), database: "receptive_bench" });
  const db = createPrismaClient(server.url);
  // A second client with Prisma's query log, to list (and time) the statements getLearnerStats sends.
  const logged = new PrismaClient({ adapter: new PrismaPg({ connectionString: server.url, max: 5 }), log: [{ emit: "event", level: "query" }] });
  try {
    await migrateDeploy(server.url);
    const content = await loadContent(path.resolve("content"));
    await seedQuestionBank(db, content);
    const now = new Date();
    const seedStart = performance.now();

    await timed(`the learner and a generated deck of ${EXTRA_QUESTIONS} flashcards`, async () => {
      await db.user.create({ data: { id: USER, email: "bench-stats@example.test", name: "Bench learner", passwordHash: "not used", ...OPTIONS } });
      await db.deck.create({ data: { id: "bench-deck", slug: "bench-extra", title: "Generated flashcards", order: 100 } });
      await db.$executeRaw`
        INSERT INTO "Question" ("id", "key", "deckId", "kind", "title", "prompt", "answer", "tags", "bankRank", "updatedAt")
        SELECT 'bench-q-' || g, 'bench-q-' || g, 'bench-deck', 'FLASHCARD', 'Generated question ' || g, 'Prompt?', 'Answer.',
               ARRAY[(${TAGS}::text[])[1 + g % ${TAGS.length}], (${TAGS}::text[])[1 + (g * 7) % ${TAGS.length}]], g, now()
        FROM generate_series(1, ${EXTRA_QUESTIONS}::int) AS g`;
    });

    // A card on every ACTIVE question, numbered 0..n−1: 8 % NEW, 5 % LEARNING, 7 % RELEARNING, the rest REVIEW;
    // every 20th suspended. Stabilities spread from hours to years on a log scale, last reviews over the past year.
    const cards = await timed("cards", () => db.$executeRaw`
      WITH qs AS (SELECT q."id", (row_number() OVER (ORDER BY q."deckId", q."bankRank", q."id") - 1)::int AS n FROM "Question" q WHERE q."status" = 'ACTIVE')
      INSERT INTO "Card" ("id", "userId", "questionId", "due", "stability", "difficulty", "reps", "lapses", "state", "lastReview", "suspended", "updatedAt")
      SELECT 'bench-c-' || qs.n, ${USER}, qs."id",
             last_review + make_interval(secs => stability * 86400),
             stability, 5, 8, 1,
             (CASE WHEN qs.n % 100 < 8 THEN 'NEW' WHEN qs.n % 100 < 13 THEN 'LEARNING' WHEN qs.n % 100 < 20 THEN 'RELEARNING' ELSE 'REVIEW' END)::"CardState",
             CASE WHEN qs.n % 100 < 8 THEN NULL ELSE last_review END, qs.n % 20 = 0, now()
      FROM qs
      CROSS JOIN LATERAL (SELECT CASE WHEN qs.n % 100 < 8 THEN 0 ELSE power(10, -1 + (qs.n * 37 % 1000) / 1000.0 * 4)::float8 END AS stability,
                                 ${now}::timestamp(3) - make_interval(mins => (qs.n * 7919) % (365 * 24 * 60)) AS last_review) v`);

    // REVIEWS logs spread evenly over DAYS days before `now`, on cards picked by a stride; 10 % first reviews,
    // 10 % learning, 10 % relearning, the rest reviews; about 11 % Again. Logs of numeric cards carry a seed, an
    // answer and a verdict (a third wrong), as lib/study/service.ts copies them from the answered attempt.
    const logs = await timed(`${REVIEWS.toLocaleString("en")} review logs over ${DAYS} days`, () => db.$executeRaw`
      WITH cs AS (
        SELECT c."id", q."kind", (row_number() OVER (ORDER BY c."id") - 1)::int AS n
        FROM "Card" c JOIN "Question" q ON q."id" = c."questionId" WHERE c."userId" = ${USER}
      ), total AS (SELECT count(*)::int AS k FROM cs)
      INSERT INTO "ReviewLog" ("id", "cardId", "userId", "rating", "stateBefore", "dueBefore", "stability", "difficulty",
        "elapsedDays", "lastElapsedDays", "scheduledDays", "learningSteps", "reviewedAt", "durationMs", "clientRequestId",
        "numericSeed", "answerGiven", "correct")
      SELECT 'bench-r-' || g, cs."id", ${USER},
             CASE WHEN g % 9 = 0 THEN 1 WHEN g % 13 = 0 THEN 2 WHEN g % 17 = 0 THEN 4 ELSE 3 END,
             (CASE g % 10 WHEN 0 THEN 'NEW' WHEN 1 THEN 'LEARNING' WHEN 2 THEN 'RELEARNING' ELSE 'REVIEW' END)::"CardState",
             t, 10, 5, 3, 3, 7, 0, t, 3000 + (g * 7) % 20000, 'bench-req-' || g,
             CASE WHEN cs."kind" = 'NUMERIC' THEN g END,
             CASE WHEN cs."kind" = 'NUMERIC' THEN (CASE WHEN g % 3 = 0 THEN (g % 997)::text ELSE 'see attempt' END) END,
             CASE WHEN cs."kind" = 'NUMERIC' THEN g % 3 <> 0 END
      FROM generate_series(0, ${REVIEWS - 1}::int) AS g
      JOIN cs ON cs.n = (g::bigint * 7919 % (SELECT k FROM total))::int
      CROSS JOIN LATERAL (SELECT ${now}::timestamp(3) - make_interval(secs => (${REVIEWS}::int - g) * (${DAYS}::float8 * 86400 / ${REVIEWS}::int)) AS t) instant`);

    const attempts = await timed("numeric attempts (one per numeric review, plus practice)", async () => {
      const studied = await db.$executeRaw`
        INSERT INTO "NumericAttempt" ("id", "userId", "questionId", "seed", "servedAt", "answeredAt", "answerGiven", "correct")
        SELECT 'bench-a-' || r."id", ${USER}, c."questionId", r."numericSeed", r."reviewedAt" - interval '40 seconds', r."reviewedAt" - interval '10 seconds',
               r."answerGiven", r."correct"
        FROM "ReviewLog" r JOIN "Card" c ON c."id" = r."cardId"
        WHERE r."userId" = ${USER} AND r."numericSeed" IS NOT NULL`;
      const practised = await db.$executeRaw`
        WITH nq AS (SELECT q."id", (row_number() OVER (ORDER BY q."id") - 1)::int AS n FROM "Question" q WHERE q."kind" = 'NUMERIC' AND q."status" = 'ACTIVE'),
             total AS (SELECT count(*)::int AS k FROM nq)
        INSERT INTO "NumericAttempt" ("id", "userId", "questionId", "seed", "servedAt", "answeredAt", "answerGiven", "correct")
        SELECT 'bench-p-' || g, ${USER}, nq."id", 1000000 + g, t, t + interval '30 seconds',
               CASE WHEN (g / k) % 3 = 0 THEN (g % 991)::text ELSE 'right' END, (g / k) % 3 <> 0
        FROM generate_series(0, ${PRACTICE - 1}::int) AS g
        CROSS JOIN total
        JOIN nq ON nq.n = g % total.k
        CROSS JOIN LATERAL (SELECT ${now}::timestamp(3) - make_interval(mins => g * 7) AS t) instant`;
      return studied + practised;
    });
    await timed("ANALYZE", () => db.$executeRawUnsafe("ANALYZE"));
    const [studyDays] = await db.$queryRaw<Array<{ days: number }>>`SELECT count(*)::int AS "days" FROM "StudyDay" WHERE "userId" = ${USER}`;
    console.log(`seeded ${cards.toLocaleString("en")} cards, ${logs.toLocaleString("en")} review logs (${studyDays?.days} study days), ${attempts.toLocaleString("en")} numeric attempts in ${seconds(performance.now() - seedStart)}\n`);

    const decks = await deckCards(db, USER);
    const largest = decks.filter((deck) => deck.slug !== "bench-extra").sort((a, b) => b.questions - a.questions)[0]!;

    const captured: Array<{ query: string; duration: number }> = [];
    let recording = false;
    logged.$on("query", (event) => {
      if (recording) captured.push({ query: event.query, duration: event.duration });
    });
    const label = (query: string) => {
      const compact = query.replace(/\s+/g, " ");
      return /FROM "StudyDay"/.test(compact) ? "activity by day (StudyDay)"
        : /FROM "ReviewLog" r JOIN "Card"/.test(compact) ? "activity by day (ReviewLog of one deck)"
        : /WITH numeric AS/.test(compact) ? "numeric answers + latest wrong ones"
        : /WITH memory AS/.test(compact) ? "stability + retrievability buckets"
        : /unnest\(q."tags"\)/.test(compact) ? "mastery per tag"
        : /GREATEST\(date/.test(compact) ? "forecast (90 days)"
        : /LEFT JOIN \( SELECT q."deckId", count/.test(compact) ? "decks + card states + mastery"
        : compact.slice(0, 40);
    };

    async function round(heading: string) {
      console.log(`${heading}`);
      for (const [name, deckSlug] of [["all decks", undefined], [`one deck (${largest.slug}, ${largest.questions} questions)`, largest.slug]] as const) {
        const options = { ...OPTIONS, deckSlug };
        const whole = await measure(() => getLearnerStats(db, USER, options, now));
        const stats = await getLearnerStats(db, USER, options, now);
        console.log(`  getLearnerStats, ${name}: median ${whole.median.toFixed(0)} ms of ${RUNS} runs after a warm-up (min ${whole.min.toFixed(0)}, max ${whole.max.toFixed(0)})`);
        figures.push({ figure: `getLearnerStats, ${(REVIEWS / 1000).toFixed(0)}k review logs, ${deckSlug ? "one deck" : "all decks"}, ${heading}`, value: whole.median, unit: "ms", digits: 0 });
        console.log(`    ${stats.days.reduce((sum, day) => sum + day.reviews, 0).toLocaleString("en")} reviews in the last ${HISTORY_DAYS} days, ` +
          `${stats.forecast.reduce((sum, day) => sum + day.due, 0).toLocaleString("en")} due in ${STATS_FORECAST_DAYS} days, ${stats.memory.cards.toLocaleString("en")} cards with a memory state, ` +
          `${stats.tags.length} tags, ${stats.numeric.length} numeric templates (${stats.numeric.reduce((sum, row) => sum + row.examined, 0).toLocaleString("en")} wrong answers re-graded)`);
        captured.length = 0;
        recording = true;
        await getLearnerStats(logged as unknown as Db, USER, options, now);
        recording = false;
        console.log(`    its ${captured.length} SQL statements (Prisma's duration, one call; all but the first run side by side):`);
        for (const { query, duration } of captured) console.log(`      ${label(query).padEnd(42)} ${ms(duration)}`);
      }
      const deckId = largest.deckId;
      console.log("  each query function alone, median (SQL and, for numeric, the re-grading in Node):");
      const parts: Array<[string, () => Promise<unknown>]> = [
        ["deckCards", () => deckCards(db, USER)],
        ["activityByDay (all decks, StudyDay)", () => activityByDay(db, USER, OPTIONS, now, HISTORY_DAYS, null)],
        ["activityByDay (one deck, ReviewLog)", () => activityByDay(db, USER, OPTIONS, now, HISTORY_DAYS, deckId)],
        ["dueForecast (all decks)", () => dueForecast(db, USER, OPTIONS, now, STATS_FORECAST_DAYS, null)],
        ["memoryDistribution (all decks)", () => memoryDistribution(db, USER, now, null)],
        ["tagMastery (all decks)", () => tagMastery(db, USER, null)],
        ["numericAnswers (all decks, its SQL alone)", () => numericAnswers(db, USER, null)],
        ["numericAccuracy (all decks, SQL + re-grading)", () => numericAccuracy(db, USER, null)],
      ];
      for (const [name, fn] of parts) {
        const result = await measure(fn);
        console.log(`    ${name.padEnd(40)} ${ms(result.median)}  (min ${result.min.toFixed(1)}, max ${result.max.toFixed(1)})`);
      }
    }

    const figures: Parameters<typeof recordFigures>[1] = [];
    await round("after ANALYZE");
    console.log("");
    await timed("VACUUM", () => db.$executeRawUnsafe('VACUUM "ReviewLog", "Card", "StudyDay", "NumericAttempt", "Question"'));
    await round("after VACUUM");
    recordFigures("stats", figures);
  } finally {
    await logged.$disconnect();
    await db.$disconnect();
    await server.stop();
    await rm(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
