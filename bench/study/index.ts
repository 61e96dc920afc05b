// The study loop under load, end to end: the real launcher (embedded PostgreSQL, migrations, seed, production
// build when stale, `next start`) on a throwaway data folder, 50 learners logged in over HTTP, autocannon running
// GET /api/study/next → POST /api/study/review per learner, /api/health for comparison, and the due-queue
// queries for a learner with 1,000 versus 100,000 cards (timings and EXPLAIN ANALYZE).
// Prints figures only; it never asserts timings, because they depend on the machine.
//
// Run: npx tsx bench/study/index.ts [--duration=30] [--health-duration=10] [--plans] [--sql] [--verbose]
//   --plans    print the full EXPLAIN (ANALYZE, BUFFERS) output of every queue query for the 100k learner
//   --sql      print the SQL (and parameters) getQueueOverview sends for the 100k learner
//   --verbose  echo the launcher's output
// Takes about 2 minutes on 2 cores, plus a production build (~1 minute) when .next is stale.
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { cpus, loadavg } from "node:os";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../../generated/prisma/client";
import { createPrismaClient, type Db } from "../../lib/db-client";
import { refreshBankOrder } from "../../lib/bank/order";
import { getNextStudyCard, getQueueOverview } from "../../lib/study/service";
import { loadStudySettings } from "../../lib/study/settings";
import { intArg } from "../lib/cli";
import { errorText, fmt, heading, median, percentile, seconds, withTimeout } from "../lib/format";
import { Launcher, removeDataDir } from "../lib/launcher";
import { correctChoices, createUsers, login, loginAll, reviewFor, studyDeckIds, type Learner, type StudyCard } from "../lib/learners";
import { recordFigures } from "../lib/results";
import { statusList } from "../lib/study-driver";

// ─── settings ────────────────────────────────────────────────────────────────────────────────────────────────

const STUDY_SECONDS = intArg("duration", 30, { quick: 10, min: 5, max: 300 });
const HEALTH_SECONDS = intArg("health-duration", 10, { quick: 3, min: 2, max: 120 });
const SHOW_PLANS = process.argv.includes("--plans");
const SHOW_SQL = process.argv.includes("--sql");
const VERBOSE = process.argv.includes("--verbose");

const LEARNERS = 50;
const CONNECTIONS = 50;
const SMALL_CARDS = 1_000;
const BIG_CARDS = 100_000;
/** The day's work of both queue learners (see createCards). */
const LEARNING_CARDS = 10;
const DUE_REVIEWS = 250;
const SYNTHETIC_DECK = "bench-synthetic";
const WARMUPS = 3;
const PROBE_ITERATIONS = 20;
const RUNS = 20;

const REQUEST_TIMEOUT_S = 15; // autocannon's per-request timeout

// ─── autocannon (no bundled types; only what this file uses) ─────────────────────────────────────────────────

interface Histogram {
  average: number;
  total: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

interface AutocannonResult {
  requests: Histogram;
  latency: Histogram;
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  "2xx": number;
  statusCodeStats: Record<string, { count: number }>;
}

interface RequestParams {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

interface LoopContext {
  card?: StudyCard;
  learner?: number;
  /** When the current request was built, which is right before autocannon writes it. */
  sentAt?: number;
}

interface AutocannonRequest {
  method: "GET" | "POST";
  path: string;
  setupRequest?: (request: RequestParams, context: LoopContext) => RequestParams | undefined;
  onResponse?: (status: number, body: string, context: LoopContext) => void;
}

interface AutocannonClient {
  setHeaders(headers: Record<string, string>): void;
}

interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  requests?: AutocannonRequest[];
  setupClient?: (client: AutocannonClient) => void;
}

interface AutocannonInstance {
  stop(): void;
}

type Autocannon = (options: AutocannonOptions, done: (error: Error | null, result: AutocannonResult) => void) => AutocannonInstance;

const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

// ─── the launcher and the database clients owned by the benchmark ───────────────────────────────────────────

let launcher: Launcher | null = null;
let cleanupReport: { processes: number; survivors: number; folderRemoved: boolean; dataDir: string } | null = null;
const clients: Array<{ $disconnect(): Promise<void> }> = [];

async function disconnectAll(): Promise<void> {
  await Promise.all(clients.splice(0).map((client) => withTimeout(client.$disconnect(), 5_000, "Prisma disconnect").catch(() => {})));
}

/** Stops the load, the Prisma clients and the launcher, then deletes the data folder. Idempotent. */
let cleaning: Promise<void> | null = null;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    stopLoad?.();
    await disconnectAll();
    const current = launcher;
    launcher = null;
    if (current) {
      const report = await current.stop();
      cleanupReport = { ...report, folderRemoved: await removeDataDir(current.dataDir), dataDir: current.dataDir };
    }
  })();
  return cleaning;
}

// ─── one learner alone ───────────────────────────────────────────────────────────────────────────────────────


/**
 * One learner, no concurrency: GET next → POST review `count` times. Latency without queueing, and a warm-up of
 * the server's routes before the load.
 */
async function probe(baseUrl: string, cookie: string, correct: Map<string, number>, count: number): Promise<{ get: number[]; post: number[] }> {
  const get: number[] = [];
  const post: number[] = [];
  for (let i = 0; i < count; i++) {
    let start = performance.now();
    const next = await fetch(`${baseUrl}/api/study/next`, { headers: { cookie }, signal: AbortSignal.timeout(30_000) });
    const body = (await next.json()) as { done: boolean; card?: StudyCard };
    get.push(performance.now() - start);
    if (next.status !== 200 || !body.card) throw new Error(`probe: GET /api/study/next answered HTTP ${next.status}${body.done ? " (queue empty)" : ""}`);
    start = performance.now();
    const review = await fetch(`${baseUrl}/api/study/review`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify(reviewFor(body.card, correct, randomUUID())),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await review.text();
    post.push(performance.now() - start);
    if (!review.ok) throw new Error(`probe: POST /api/study/review answered HTTP ${review.status}: ${text.slice(0, 200)}`);
  }
  return { get, post };
}

// ─── the study loop under load ───────────────────────────────────────────────────────────────────────────────

let stopLoad: (() => void) | null = null;

interface LoopStats {
  result: AutocannonResult;
  getStatus: Map<number, number>;
  postStatus: Map<number, number>;
  queueEmpty: number;
  postsSent: number;
  postsAnswered: number;
  acknowledged: number;
  perLearner: number[];
  getLatencies: number[];
  postLatencies: number[];
  errorSamples: string[];
  drainMs: number;
}

function countStatus(map: Map<number, number>, status: number): void {
  map.set(status, (map.get(status) ?? 0) + 1);
}

function runAutocannon(options: AutocannonOptions, onStart?: (instance: AutocannonInstance) => void): Promise<AutocannonResult> {
  return withTimeout(
    new Promise<AutocannonResult>((resolve, reject) => {
      const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
      onStart?.(instance);
    }),
    (options.duration + REQUEST_TIMEOUT_S + 60) * 1000,
    "autocannon",
  );
}

async function studyLoad(baseUrl: string, learners: Learner[], correct: Map<string, number>): Promise<LoopStats> {
  const learnerOf = new Map(learners.map((learner, index) => [learner.cookie, index]));
  const stats = {
    getStatus: new Map<number, number>(),
    postStatus: new Map<number, number>(),
    queueEmpty: 0,
    postsSent: 0,
    postsAnswered: 0,
    acknowledged: 0,
    perLearner: learners.map(() => 0),
    getLatencies: [] as number[],
    postLatencies: [] as number[],
    errorSamples: [] as string[],
  };
  const sample = (what: string, status: number, body: string) => {
    const line = `${what} ${status}: ${body.slice(0, 160)}`;
    if (stats.errorSamples.length < 5 && !stats.errorSamples.includes(line)) stats.errorSamples.push(line);
  };
  let nextLearner = 0;
  let draining = false;

  const requests: AutocannonRequest[] = [
    {
      method: "GET",
      path: "/api/study/next",
      setupRequest(request, context) {
        context.sentAt = performance.now();
        return request;
      },
      onResponse(status, body, context) {
        if (context.sentAt !== undefined) stats.getLatencies.push(performance.now() - context.sentAt);
        countStatus(stats.getStatus, status);
        context.card = undefined;
        if (status !== 200) return sample("GET /api/study/next", status, body);
        const parsed = JSON.parse(body) as { done: boolean; card?: StudyCard };
        if (parsed.done || !parsed.card) {
          stats.queueEmpty++;
          return;
        }
        context.card = { questionId: parsed.card.questionId, cardVersion: parsed.card.cardVersion, kind: parsed.card.kind };
      },
    },
    {
      method: "POST",
      path: "/api/study/review",
      // No card (queue empty, error) or the run is ending: skip the POST, autocannon restarts with the GET.
      setupRequest(request, context) {
        const card = context.card;
        if (!card || draining) return undefined;
        const review = reviewFor(card, correct, randomUUID());
        context.learner = learnerOf.get(request.headers.cookie ?? "");
        stats.postsSent++;
        context.sentAt = performance.now();
        return { ...request, headers: { ...request.headers, "content-type": "application/json" }, body: JSON.stringify(review) };
      },
      onResponse(status, body, context) {
        stats.postsAnswered++;
        if (context.sentAt !== undefined) stats.postLatencies.push(performance.now() - context.sentAt);
        countStatus(stats.postStatus, status);
        if (status >= 200 && status < 300) {
          stats.acknowledged++;
          if (context.learner !== undefined) stats.perLearner[context.learner]!++;
        } else {
          sample("POST /api/study/review", status, body);
        }
      },
    },
  ];

  let drainMs = 0;
  const result = await runAutocannon(
    {
      url: baseUrl,
      connections: CONNECTIONS,
      duration: STUDY_SECONDS + 30, // upper bound; stopped below after STUDY_SECONDS and a drain
      timeout: REQUEST_TIMEOUT_S,
      requests,
      // One learner per connection: its session cookie goes on every request of that connection.
      setupClient(client) {
        const learner = learners[nextLearner++ % learners.length]!;
        client.setHeaders({ cookie: learner.cookie });
      },
    },
    (instance) => {
      let drainTimer: NodeJS.Timeout | undefined;
      const timer = setTimeout(() => {
        // Stop starting reviews, wait until every review already sent is answered, then stop, so that
        // "acknowledged" and the ReviewLog rows can be compared exactly.
        draining = true;
        const drainStart = performance.now();
        const deadline = Date.now() + (REQUEST_TIMEOUT_S + 2) * 1000;
        drainTimer = setInterval(() => {
          if (stats.postsAnswered >= stats.postsSent || Date.now() > deadline) {
            clearInterval(drainTimer);
            drainMs = performance.now() - drainStart;
            instance.stop();
          }
        }, 20);
      }, STUDY_SECONDS * 1000);
      stopLoad = () => {
        clearTimeout(timer);
        clearInterval(drainTimer);
        instance.stop();
      };
    },
  );
  stopLoad = null;
  return { result, ...stats, drainMs };
}

// ─── due-queue scaling: 1k versus 100k cards ─────────────────────────────────────────────────────────────────

async function createSyntheticBank(db: Db, count: number): Promise<string> {
  const deck = await db.deck.create({ data: { slug: SYNTHETIC_DECK, title: "Benchmark: synthetic questions", order: 1000 } });
  await db.$executeRaw`
    INSERT INTO "Question" ("id", "key", "deckId", "kind", "title", "prompt", "answer", "tags", "difficulty", "status", "origin", "updatedAt")
    SELECT 'bench-q-' || lpad(g::text, 6, '0'), 'bench-synthetic/' || lpad(g::text, 6, '0'), ${deck.id}, 'FLASHCARD'::"QuestionKind",
           'Synthetic question ' || lpad(g::text, 6, '0'), 'Synthetic prompt ' || g, 'Synthetic answer ' || g, ARRAY[]::text[],
           1 + g % 5, 'ACTIVE'::"QuestionStatus", 'ADMIN'::"QuestionOrigin", now() AT TIME ZONE 'UTC'
    FROM generate_series(1, ${count}::int) AS g`;
  await refreshBankOrder(db, [deck.id]);
  return deck.id;
}

/**
 * `count` cards on the first `count` synthetic questions with the same day's work for every learner: 10 LEARNING
 * (due within ±10 minutes), 250 REVIEW due today or overdue (up to 2 days), the rest REVIEW due over the next year.
 * Both learners therefore face the same queue; only how many cards they own differs, which is what the
 * 1k-versus-100k ratio is meant to isolate (a queue that grows with the cards due is expected, not a defect).
 */
async function createCards(db: Db, userId: string, count: number): Promise<void> {
  await db.$executeRaw`
    WITH clock AS (SELECT (now() AT TIME ZONE 'UTC')::timestamp(3) AS now)
    INSERT INTO "Card" ("id", "userId", "questionId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays",
                        "learningSteps", "reps", "lapses", "state", "lastReview", "suspended", "updatedAt")
    SELECT 'bench-c-' || ${userId} || '-' || g, ${userId}, 'bench-q-' || lpad(g::text, 6, '0'),
           CASE WHEN g <= ${LEARNING_CARDS} THEN clock.now + make_interval(mins => g % 21 - 10)
                WHEN g <= ${LEARNING_CARDS + DUE_REVIEWS} THEN clock.now - make_interval(hours => g % 48)
                ELSE clock.now + make_interval(secs => 3600 + (g::bigint * 7919) % (365 * 86400)) END,
           CASE WHEN g <= ${LEARNING_CARDS} THEN 0.5 ELSE 5 + g % 60 END,
           5,
           CASE WHEN g <= ${LEARNING_CARDS} THEN 0 ELSE 10 END,
           CASE WHEN g <= ${LEARNING_CARDS} THEN 0 ELSE 10 + g % 60 END,
           CASE WHEN g <= ${LEARNING_CARDS} THEN 1 ELSE 0 END,
           CASE WHEN g <= ${LEARNING_CARDS} THEN 1 ELSE 3 + g % 5 END,
           0,
           (CASE WHEN g <= ${LEARNING_CARDS} THEN 'LEARNING' ELSE 'REVIEW' END)::"CardState",
           clock.now - make_interval(days => 10),
           false,
           clock.now
    FROM generate_series(1, ${count}::int) AS g, clock`;
}

async function medianMs(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARMUPS; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

interface QueueTiming {
  /** The first call, before the learner's new-card cursor for the deck exists (as after a bank change). */
  cold: number;
  overview: number;
  next: number;
  counts: string;
}

/** Median getQueueOverview and getNextStudyCard times for the 1k and the 100k learner. */
async function timeQueues(db: Db, smallId: string, bigId: string): Promise<{ small: QueueTiming; big: QueueTiming }> {
  const one = async (userId: string): Promise<QueueTiming> => {
    const settings = await loadStudySettings(db, userId);
    const start = performance.now();
    const overview = await getQueueOverview(db, userId, settings, new Date());
    const cold = performance.now() - start;
    return {
      cold,
      overview: await medianMs(() => getQueueOverview(db, userId, settings, new Date())),
      next: await medianMs(() => getNextStudyCard(db, userId, settings, new Date())),
      counts: `queue ${overview.counts.learning} learning, ${overview.counts.review} review, ${overview.counts.new} new`,
    };
  };
  return { small: await one(smallId), big: await one(bigId) };
}

interface CapturedQuery {
  query: string;
  params: string;
}

interface PlanSummary {
  label: string;
  executionMs: number;
  rows: string;
  indexes: string[];
  cardAccess: string;
  plan: string[];
}

/** Runs getQueueOverview with Prisma's query log on, so the exact SQL of the queue can be EXPLAINed. */
async function captureQueueSql(databaseUrl: string, userId: string): Promise<CapturedQuery[]> {
  const logged = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 5 }), log: [{ emit: "event", level: "query" }] });
  clients.push(logged);
  const db = logged as unknown as Db;
  const settings = await loadStudySettings(db, userId);
  const captured: CapturedQuery[] = [];
  let recording = false;
  logged.$on("query", (event) => {
    if (recording) captured.push({ query: event.query, params: event.params });
  });
  recording = true;
  await getQueueOverview(db, userId, settings, new Date());
  recording = false;
  return captured;
}

/** Names a statement by its main table (the first FROM) and the enum values among its parameters. */
function labelFor(query: string, params: unknown[]): string {
  const has = (value: string) => params.includes(value);
  const table = /FROM "public"\."(\w+)"/.exec(query)?.[1] ?? /FROM "(\w+)" AS/.exec(query)?.[1] ?? "?";
  // The queue's own SQL (lib/study/service.ts) names its conditions inline rather than as parameters.
  if (table === "Card" && !query.includes('"public"')) {
    if (query.includes("'LEARNING'")) return "Card: learning/relearning";
    if (query.includes("'REVIEW'")) return "Card: reviews due (ORDER BY due LIMIT)";
    if (query.includes("'NEW'")) return "Card: NEW cards";
  }
  if (table === "Deck" && query.includes("LATERAL")) return "Question: new candidates (cursor, no card yet)";
  switch (table) {
    case "ReviewLog":
      return `ReviewLog: count done today (${has("NEW") ? "NEW" : "REVIEW"})`;
    case "Card":
      if (has("LEARNING")) return "Card: learning/relearning";
      if (has("REVIEW")) return "Card: reviews due (ORDER BY due LIMIT)";
      if (has("NEW")) return "Card: NEW cards";
      return "Card: other";
    case "Question":
      return query.includes('"public"."Card"') ? "Question: new candidates (no card yet)" : "Question: relation load";
    case "Deck":
      return "Deck: relation load";
    default:
      return `${table}: ${query.slice(0, 30)}`;
  }
}

/** Shortens the long id lists Prisma's relation loads put into plans ('{a,b,c,…}'). */
function tidyPlanLine(line: string): string {
  const short = line.replace(/'\{([^}']*)\}'/g, (whole, list: string) => {
    const items = list.split(",");
    return items.length > 3 ? `'{${items.slice(0, 2).join(",")},… ${items.length} items}'` : whole;
  });
  return short.length > 200 ? `${short.slice(0, 200)}…` : short;
}

/** Prisma logs Date parameters in a form PostgreSQL reads; booleans, numbers and strings map directly. */
function pgParams(raw: string): unknown[] {
  try {
    const parsed = JSON.parse(raw) as unknown;
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

async function explainAll(databaseUrl: string, captured: CapturedQuery[]): Promise<PlanSummary[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const summaries: PlanSummary[] = [];
    for (const { query, params } of captured) {
      if (!/^\s*SELECT/i.test(query)) continue;
      const values = pgParams(params);
      const label = labelFor(query, values);
      let plan: string[];
      try {
        const result = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query}`, values);
        plan = result.rows.map((row) => row["QUERY PLAN"]);
      } catch (error) {
        summaries.push({ label, executionMs: NaN, rows: "?", indexes: [], cardAccess: `EXPLAIN failed: ${errorText(error)}`, plan: [] });
        continue;
      }
      const executionMs = Number(/Execution Time: ([\d.]+) ms/.exec(plan.join("\n"))?.[1] ?? NaN);
      const rows = /actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/.exec(plan[0] ?? "")?.[1] ?? "?";
      const indexes = [...new Set(plan.flatMap((line) => [...line.matchAll(/(?:using|Index Scan on|Bitmap Index Scan on) "?([\w]+)"?/g)].map((match) => match[1]!)))];
      const cardAccess = plan
        .map((line) => line.trim().replace(/^->\s*/, ""))
        .filter((line) => /(Scan|Index).*\bon "?Card"?\b|Scan using "?Card_|Bitmap Index Scan on "?Card_/.test(line))
        .map((line) => line.replace(/\s+\(cost=.*$/, "").replace(/\s+\(actual.*$/, "") + ` (${/actual time=[\d.]+\.\.([\d.]+) rows=(\d+)/.exec(line)?.slice(1).join(" ms, rows=") ?? ""})`)
        .join("; ");
      summaries.push({ label, executionMs, rows, indexes, cardAccess, plan });
    }
    return summaries;
  } finally {
    await client.end();
  }
}

// ─── main ────────────────────────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  const load = loadavg();
  console.log(`study-loop benchmark — node ${process.version}, ${cpus().length} cores, load average ${load.map((v) => v.toFixed(2)).join(" ")}`);
  console.log(`study loop ${STUDY_SECONDS} s × ${CONNECTIONS} connections, /api/health ${HEALTH_SECONDS} s, queue timings median of ${RUNS} (after ${WARMUPS} warm-ups)`);

  heading("1. start-up (scripts/start.ts on a throwaway data folder)");
  const started = await Launcher.start({
    verbose: VERBOSE,
    onBuild: () => console.log("  the production build is stale: the launcher is building it (about a minute on 2 cores)…"),
  });
  launcher = started;
  const { baseUrl } = started;
  const startup = `${seconds(started.startupMs)}${started.built ? ` (incl. production build${started.buildSeconds ? ` ${started.buildSeconds}` : ""})` : " (build was current)"}`;
  console.log(`  ready at ${baseUrl} in ${startup}; data folder ${started.dataDir}`);

  const db = createPrismaClient(started.databaseUrl);
  clients.push(db);

  heading(`2. ${LEARNERS} learners`);
  const deckIds = await studyDeckIds(db, (line) => console.log(`  ${line}`));
  const correct = await correctChoices(db, deckIds);
  let t = performance.now();
  const users = await createUsers(db, "bench-learner", LEARNERS, deckIds, { newCardsPerDay: 1000 });
  const learners = await loginAll(baseUrl, users);
  console.log(`  created (newCardsPerDay 1000) and logged in over HTTP in ${seconds(performance.now() - t)}`);
  // A separate learner (not counted below) measures latency without load and warms the routes up.
  const [prober] = await createUsers(db, "bench-probe", 1, deckIds, { newCardsPerDay: 1000 });
  const single = await probe(baseUrl, await login(baseUrl, prober!.email), correct, PROBE_ITERATIONS);
  console.log(`  one learner alone, ${PROBE_ITERATIONS} iterations: GET next p50 ${fmt(median(single.get))} ms, POST review p50 ${fmt(median(single.post))} ms`);

  heading(`3. study loop: GET /api/study/next → POST /api/study/review, ${CONNECTIONS} connections, ${STUDY_SECONDS} s`);
  const loop = await studyLoad(baseUrl, learners, correct);
  const reviewLogs = await db.reviewLog.count({ where: { userId: { in: learners.map((learner) => learner.id) } } });
  const perUserRows = await db.reviewLog.groupBy({ by: ["userId"], where: { userId: { in: learners.map((learner) => learner.id) } }, _count: true });
  const rowsOf = new Map(perUserRows.map((row) => [row.userId, row._count]));
  const learnerMismatches = learners.filter((learner, i) => (rowsOf.get(learner.id) ?? 0) !== loop.perLearner[i]).length;
  const loopRps = loop.result.requests.total / loop.result.duration;
  const reviewsMatch = reviewLogs === loop.acknowledged && learnerMismatches === 0;
  console.log(`  duration ${loop.result.duration.toFixed(1)} s (incl. ${fmt(loop.drainMs)} ms drain of in-flight reviews), ${fmt(loop.result.requests.total)} responses`);
  console.log(`  requests/s ${fmt(loopRps, 1)}, latency p50 ${fmt(loop.result.latency.p50)} ms, p90 ${fmt(loop.result.latency.p90)} ms, p99 ${fmt(loop.result.latency.p99)} ms, max ${fmt(loop.result.latency.max)} ms`);
  console.log(`  non-2xx ${fmt(loop.result.non2xx)}, errors ${fmt(loop.result.errors)} (timeouts ${fmt(loop.result.timeouts)})`);
  const split = (values: number[]) => `p50 ${fmt(percentile(values, 50))} ms, p99 ${fmt(percentile(values, 99))} ms`;
  console.log(`  GET  /api/study/next:    ${statusList(loop.getStatus)}; ${split(loop.getLatencies)}; queue empty ${fmt(loop.queueEmpty)}×`);
  console.log(`  POST /api/study/review:  ${statusList(loop.postStatus)}; ${split(loop.postLatencies)}; sent ${fmt(loop.postsSent)}, answered ${fmt(loop.postsAnswered)}`);
  for (const line of loop.errorSamples) console.log(`    sample: ${line}`);
  const perLearner = [...loop.perLearner].sort((a, b) => a - b);
  console.log(`  reviews per learner: min ${perLearner[0]}, median ${median(perLearner)}, max ${perLearner.at(-1)}`);
  console.log(`  reviews acknowledged (2xx) ${fmt(loop.acknowledged)}, ReviewLog rows ${fmt(reviewLogs)}, learners whose counts differ ${learnerMismatches} → ${reviewsMatch ? "OK" : "MISMATCH"}`);

  heading(`4. GET /api/health, ${CONNECTIONS} connections, ${HEALTH_SECONDS} s`);
  const health = await runAutocannon({ url: `${baseUrl}/api/health`, connections: CONNECTIONS, duration: HEALTH_SECONDS, timeout: REQUEST_TIMEOUT_S }, (instance) => {
    stopLoad = () => instance.stop();
  });
  stopLoad = null;
  const healthRps = health.requests.total / health.duration;
  console.log(`  requests/s ${fmt(healthRps, 1)}, latency p50 ${fmt(health.latency.p50)} ms, p99 ${fmt(health.latency.p99)} ms, non-2xx ${fmt(health.non2xx)}, errors ${fmt(health.errors)}`);
  console.log(`  study loop ÷ health: ${(loopRps / healthRps).toFixed(3)}`);

  heading(`5. due queue: ${fmt(SMALL_CARDS)} versus ${fmt(BIG_CARDS)} cards (deck ${SYNTHETIC_DECK}, ${fmt(BIG_CARDS)} questions)`);
  t = performance.now();
  const syntheticDeck = await createSyntheticBank(db, BIG_CARDS);
  const questionsMs = performance.now() - t;
  const [small, big] = await Promise.all([createUsers(db, "bench-small", 1, [syntheticDeck]), createUsers(db, "bench-big", 1, [syntheticDeck])]);
  t = performance.now();
  await createCards(db, small[0]!.id, SMALL_CARDS);
  await createCards(db, big[0]!.id, BIG_CARDS);
  const cardsMs = performance.now() - t;
  await db.$executeRawUnsafe('ANALYZE "Question", "Card", "ReviewLog", "StudyDeck", "Deck"');
  const states = await db.card.groupBy({ by: ["state"], where: { userId: big[0]!.id }, _count: true });
  console.log(
    `  inserted ${fmt(BIG_CARDS)} questions in ${seconds(questionsMs)}, ${fmt(SMALL_CARDS + BIG_CARDS)} cards in ${seconds(cardsMs)}, then ANALYZE; 100k learner: ${states.map((row) => `${fmt(row._count)} ${row.state}`).join(", ")}`,
  );

  const timings = await timeQueues(db, small[0]!.id, big[0]!.id);
  const overviewRatio = timings.big.overview / timings.small.overview;
  const nextRatio = timings.big.next / timings.small.next;
  console.log(`  1k learner:   getQueueOverview ${timings.small.overview.toFixed(1)} ms, getNextStudyCard ${timings.small.next.toFixed(1)} ms (${timings.small.counts})`);
  console.log(`  100k learner: getQueueOverview ${timings.big.overview.toFixed(1)} ms, getNextStudyCard ${timings.big.next.toFixed(1)} ms (${timings.big.counts})`);
  console.log(`  first call (no new-card cursor yet, as after a bank change): 1k ${timings.small.cold.toFixed(1)} ms, 100k ${timings.big.cold.toFixed(1)} ms`);
  console.log(`  ratio 100k ÷ 1k: getQueueOverview ×${overviewRatio.toFixed(2)}, getNextStudyCard ×${nextRatio.toFixed(2)}`);

  heading("   EXPLAIN (ANALYZE, BUFFERS) of the SQL getQueueOverview sends (captured from Prisma's query log)");
  const plansSmall = await explainAll(started.databaseUrl, await captureQueueSql(started.databaseUrl, small[0]!.id));
  const bigSql = await captureQueueSql(started.databaseUrl, big[0]!.id);
  const plansBig = await explainAll(started.databaseUrl, bigSql);
  if (SHOW_SQL) {
    const compact = (text: string) => text.replace(/\((\$\d+),(?:\$\d+,)+(\$\d+)\)/g, "($1,…,$2)");
    for (const { query, params } of bigSql) console.log(`  SQL: ${compact(query)}\n       params: ${params.length > 200 ? `${params.slice(0, 200)}…` : params}`);
  }
  const smallByLabel = new Map(plansSmall.map((plan) => [plan.label, plan]));
  console.log(`  ${"query".padEnd(40)} ${"1k ms".padStart(8)} ${"100k ms".padStart(8)}  rows(100k)  indexes used (100k)`);
  for (const plan of plansBig) {
    const smallMs = smallByLabel.get(plan.label)?.executionMs ?? NaN;
    console.log(`  ${plan.label.padEnd(40)} ${smallMs.toFixed(2).padStart(8)} ${plan.executionMs.toFixed(2).padStart(8)}  ${plan.rows.padStart(10)}  ${plan.indexes.join(", ") || "none (sequential scans)"}`);
    if (plan.cardAccess) console.log(`      Card access: ${plan.cardAccess}`);
  }
  const cardPlans = plansBig.filter((plan) => plan.label.startsWith("Card:") || plan.label.startsWith("Question: new"));
  // How each queue statement reaches the Card table: an index name, or a sequential scan (the thing to avoid).
  const cardAccessSummary = cardPlans
    .map((plan) => `${plan.label.replace(/^(Card|Question): /, "").replace(/ \(.*\)$/, "")}: ${plan.indexes.filter((name) => name.startsWith("Card_")).join(" + ") || "no Card index"}`)
    .join("; ");
  console.log(`  Card access (100k learner): ${cardAccessSummary}`);
  const slowest = [...plansBig].sort((a, b) => (b.executionMs || 0) - (a.executionMs || 0))[0];
  if (slowest) console.log(`  slowest statement for the 100k learner: ${slowest.label}, ${slowest.executionMs.toFixed(1)} ms (1k learner: ${(smallByLabel.get(slowest.label)?.executionMs ?? NaN).toFixed(1)} ms)`);
  if (SHOW_PLANS) {
    for (const plan of plansBig) {
      console.log(`\n  ── ${plan.label} (100k learner)`);
      for (const line of plan.plan) console.log(`  ${tidyPlanLine(line)}`);
    }
  } else if (slowest) {
    console.log(`  its plan (run with --plans for all):`);
    for (const line of slowest.plan.filter((line) => !/^\s*(Buffers|Planning|Heap Blocks|Worker)/.test(line))) console.log(`    ${tidyPlanLine(line)}`);
  }

  heading("6. summary");
  const rows: Array<[string, string]> = [
    ["start-up", startup],
    ["one learner alone: GET next / POST review p50", `${fmt(median(single.get))} / ${fmt(median(single.post))} ms`],
    ["study loop requests/s", fmt(loopRps, 1)],
    ["study loop latency p50 / p99", `${fmt(loop.result.latency.p50)} / ${fmt(loop.result.latency.p99)} ms`],
    ["p50 GET next / POST review", `${fmt(percentile(loop.getLatencies, 50))} / ${fmt(percentile(loop.postLatencies, 50))} ms`],
    ["study loop non-2xx / errors", `${fmt(loop.result.non2xx)} / ${fmt(loop.result.errors)}`],
    ["reviews acknowledged / ReviewLog rows", `${fmt(loop.acknowledged)} / ${fmt(reviewLogs)} ${reviewsMatch ? "OK" : "MISMATCH"}`],
    ["/api/health requests/s", fmt(healthRps, 1)],
    ["study loop ÷ health", (loopRps / healthRps).toFixed(3)],
    ["getQueueOverview 1k / 100k cards", `${timings.small.overview.toFixed(1)} / ${timings.big.overview.toFixed(1)} ms (×${overviewRatio.toFixed(2)})`],
    ["  first call, no cursor yet, 1k / 100k", `${timings.small.cold.toFixed(1)} / ${timings.big.cold.toFixed(1)} ms`],
    ["getNextStudyCard 1k / 100k cards", `${timings.small.next.toFixed(1)} / ${timings.big.next.toFixed(1)} ms (×${nextRatio.toFixed(2)})`],
    ["Card access per queue statement (100k)", cardAccessSummary],
    ["load average at start → now", `${load[0]!.toFixed(2)} → ${loadavg()[0]!.toFixed(2)} (${cpus().length} cores)`],
  ];
  for (const [name, value] of rows) console.log(`  ${name.padEnd(46)} ${value}`);

  recordFigures("study", [
    { figure: "start-up of the launcher", value: started.startupMs / 1000, unit: started.built ? "s (incl. build)" : "s", digits: 1 },
    { figure: "one learner alone: GET next p50", value: median(single.get), unit: "ms", digits: 0 },
    { figure: "one learner alone: POST review p50", value: median(single.post), unit: "ms", digits: 0 },
    { figure: `study loop, ${CONNECTIONS} connections (autocannon)`, value: loopRps, unit: "requests/s", digits: 1 },
    { figure: "study loop latency p50", value: loop.result.latency.p50, unit: "ms" },
    { figure: "study loop latency p99", value: loop.result.latency.p99, unit: "ms" },
    { figure: "study loop non-2xx + errors", value: loop.result.non2xx + loop.result.errors, unit: "responses" },
    { figure: "study loop reviews acknowledged = ReviewLog rows", value: reviewsMatch ? "yes" : "NO", unit: `${fmt(loop.acknowledged)} / ${fmt(reviewLogs)}` },
    { figure: `/api/health, ${CONNECTIONS} connections`, value: healthRps, unit: "requests/s", digits: 0 },
    { figure: "getQueueOverview, 1k cards", value: timings.small.overview, unit: "ms", digits: 1 },
    { figure: "getQueueOverview, 100k cards", value: timings.big.overview, unit: "ms", digits: 1 },
    { figure: "getNextStudyCard, 1k cards", value: timings.small.next, unit: "ms", digits: 1 },
    { figure: "getNextStudyCard, 100k cards", value: timings.big.next, unit: "ms", digits: 1 },
  ]);
  if (!reviewsMatch) throw new Error(`acknowledged reviews (${loop.acknowledged}) differ from ReviewLog rows (${reviewLogs})`);
}

let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal} received: stopping the server and removing the data folder…`);
    void cleanup().finally(() => process.exit(130));
  });
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  exitCode = 1;
  if (!interrupted) console.error(`\nbenchmark failed: ${errorText(error)}`);
} finally {
  if (!interrupted) {
    await cleanup();
    if (cleanupReport) {
      const { processes, survivors, folderRemoved, dataDir } = cleanupReport;
      console.log(`\nserver stopped (${processes} child processes, ${survivors} had to be killed); data folder ${folderRemoved ? "removed" : `NOT removed: ${dataDir}`}`);
    }
  }
}
if (!interrupted) process.exit(exitCode);
