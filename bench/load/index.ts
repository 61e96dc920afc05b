// The study loop under sustained load, then a crash in the middle of it. The real launcher (embedded PostgreSQL,
// migrations, seed, production build when stale, `next start`) on a throwaway data folder; 100 simulated learners,
// each logged in over HTTP and looping GET /api/study/next → POST /api/study/review without pauses for 60 s
// (bench/lib/study-driver.ts). Prints throughput, latency percentiles and errors, and checks the reviews the
// server acknowledged against the ReviewLog rows (nothing lost, nothing doubled, nothing extra).
//
// Then, unless --no-crash: the same learners study again, the launcher's whole process group (launcher, Next.js,
// PostgreSQL) is killed with SIGKILL in the middle of it, the launcher is started again on the same data folder,
// and every acknowledged review must be in ReviewLog exactly once; the reviews that got no answer are sent again
// with the same clientRequestId and must then be stored exactly once too; the old sessions must still work.
// Timings are printed, never asserted (they depend on the machine); the review checks fail the run.
//
// Run: npx tsx bench/load/index.ts [--learners=100] [--duration=60] [--crash-after=10] [--no-crash] [--quick] [--verbose]
//   --quick    20 s of load and 5 s before the crash (same 100 learners)
//   --verbose  echo the launcher's output
// Takes about 2 minutes on 2 cores, plus a production build (~1 minute) when .next is stale.
import { cpus, loadavg } from "node:os";
import { createPrismaClient } from "../../lib/db-client";
import { hasFlag, intArg } from "../lib/cli";
import { checkRecovery, crashAndRestart } from "../lib/crash";
import { errorText, fmt, heading, percentile, seconds, sleep } from "../lib/format";
import { Launcher, removeDataDir } from "../lib/launcher";
import { correctChoices, createUsers, loginAll, studyDeckIds, type Learner } from "../lib/learners";
import { recordFigures } from "../lib/results";
import { checkStored, statusList, StudyLoad, type StoredCheck } from "../lib/study-driver";

const LEARNERS = intArg("learners", 100, { max: 1000 });
const DURATION_S = intArg("duration", 60, { quick: 20, max: 3600 });
const CRASH_AFTER_S = intArg("crash-after", 10, { quick: 5, max: 600 });
const CRASH = !hasFlag("no-crash");
const VERBOSE = hasFlag("verbose");
const WARMUP_LEARNERS = 4;
const WARMUP_MS = 3_000;
const PROGRESS_EVERY_MS = 10_000;

let launcher: Launcher | null = null;
let load: StudyLoad | null = null;

function describeCheck(check: StoredCheck): string {
  const problems = [
    check.lost.length ? `${check.lost.length} LOST` : "",
    check.doubled.length ? `${check.doubled.length} DOUBLED` : "",
    check.unexpected.length ? `${check.unexpected.length} UNEXPECTED` : "",
  ].filter(Boolean);
  return `acknowledged ${fmt(check.acknowledged)}, ReviewLog rows ${fmt(check.stored)} → ${problems.length ? problems.join(", ") : "OK"}`;
}

async function main(): Promise<void> {
  const failures: string[] = [];
  console.log(`load benchmark — node ${process.version}, ${cpus().length} cores, load average ${loadavg().map((v) => v.toFixed(2)).join(" ")}`);
  console.log(`${LEARNERS} learners × ${DURATION_S} s${CRASH ? `, then a kill -9 of the whole app after ${CRASH_AFTER_S} s of a second run` : ""}`);

  heading("1. start-up (scripts/start.ts on a throwaway data folder)");
  launcher = await Launcher.start({
    verbose: VERBOSE,
    onBuild: () => console.log("  the production build is stale: the launcher is building it (about a minute on 2 cores)…"),
  });
  console.log(`  ready at ${launcher.baseUrl} in ${seconds(launcher.startupMs)}${launcher.built ? " (incl. production build)" : ""}; data folder ${launcher.dataDir}`);

  heading(`2. ${LEARNERS} learners`);
  let learners: Learner[];
  let correct: Map<string, number>;
  let warm: Learner[];
  {
    const db = createPrismaClient(launcher.databaseUrl, 2);
    try {
      const deckIds = await studyDeckIds(db, (line) => console.log(`  ${line}`));
      correct = await correctChoices(db, deckIds);
      const started = performance.now();
      learners = await loginAll(launcher.baseUrl, await createUsers(db, "load-learner", LEARNERS, deckIds, { newCardsPerDay: 1000 }));
      warm = await loginAll(launcher.baseUrl, await createUsers(db, "load-warmup", WARMUP_LEARNERS, deckIds, { newCardsPerDay: 1000 }));
      console.log(`  created (newCardsPerDay 1000) and logged in over HTTP in ${seconds(performance.now() - started)}`);
    } finally {
      await db.$disconnect();
    }
  }
  // Separate learners warm the routes up, so the measured run starts on compiled, cached code paths.
  await new StudyLoad({ baseUrl: launcher.baseUrl, learners: warm, correct }).runFor(WARMUP_MS);

  heading(`3. study loop: ${LEARNERS} learners, ${DURATION_S} s`);
  load = new StudyLoad({ baseUrl: launcher.baseUrl, learners, correct });
  load.start();
  const end = Date.now() + DURATION_S * 1000;
  let lastResponses = 0;
  while (Date.now() < end) {
    await sleep(Math.min(PROGRESS_EVERY_MS, end - Date.now()));
    const responses = load.getLatencies.length + load.postLatencies.length;
    console.log(`  ${seconds(load.elapsedMs).padStart(7)}: ${fmt(responses)} responses (${fmt((responses - lastResponses) / (PROGRESS_EVERY_MS / 1000), 0)}/s lately), ${fmt(load.acknowledged.length)} reviews, ${fmt(load.networkErrors)} network errors`);
    lastResponses = responses;
  }
  await load.stop();
  const run = load.summary();
  const db = createPrismaClient(launcher.databaseUrl, 2);
  let stored: StoredCheck;
  try {
    stored = await checkStored(db, learners, load.reviews);
  } finally {
    await db.$disconnect();
  }
  const loadOk = stored.ok && stored.stored === stored.acknowledged && run.unanswered === 0;
  if (!loadOk) failures.push(`load run: ${describeCheck(stored)}, ${run.unanswered} unanswered`);
  const perLearner = learners.map((_, index) => load!.reviews.filter((review) => review.learner === index && review.status !== undefined && review.status < 300).length).sort((a, b) => a - b);
  console.log(`  ${fmt(run.responses)} responses in ${seconds(run.seconds * 1000)} (incl. the drain of in-flight requests): ${fmt(run.requestsPerSecond, 1)} requests/s, ${fmt(run.reviewsPerSecond, 1)} reviews/s`);
  console.log(`  latency p50 ${fmt(run.p50)} ms, p90 ${fmt(run.p90)} ms, p99 ${fmt(run.p99)} ms, max ${fmt(run.max)} ms`);
  console.log(`  GET  /api/study/next:   ${statusList(load.getStatus)}; p50 ${fmt(run.getP50)} ms, p99 ${fmt(run.getP99)} ms; queue empty ${fmt(run.queueEmpty)}×`);
  console.log(`  POST /api/study/review: ${statusList(load.postStatus)}; p50 ${fmt(run.postP50)} ms, p99 ${fmt(run.postP99)} ms`);
  console.log(`  errors: ${fmt(run.non2xx)} non-2xx, ${fmt(run.networkErrors)} without an answer`);
  for (const line of load.errorSamples) console.log(`    sample: ${line}`);
  console.log(`  reviews per learner: min ${perLearner[0]}, median ${percentile(perLearner, 50)}, max ${perLearner.at(-1)}`);
  console.log(`  ${describeCheck(stored)}`);

  const figures: Parameters<typeof recordFigures>[1] = [
    { figure: `study loop, ${LEARNERS} learners × ${DURATION_S} s (Node driver)`, value: run.requestsPerSecond, unit: "requests/s", digits: 1 },
    { figure: "reviews stored per second", value: run.reviewsPerSecond, unit: "reviews/s", digits: 1 },
    { figure: "latency p50 (GET next + POST review)", value: run.p50, unit: "ms", digits: 0 },
    { figure: "latency p99 (GET next + POST review)", value: run.p99, unit: "ms", digits: 0 },
    { figure: "POST review p50 / p99", value: `${fmt(run.postP50)} / ${fmt(run.postP99)}`, unit: "ms" },
    { figure: "errors (non-2xx + no answer)", value: run.errors, unit: "requests" },
    { figure: "reviews acknowledged / ReviewLog rows", value: `${fmt(stored.acknowledged)} / ${fmt(stored.stored)}`, unit: loadOk ? "equal" : "MISMATCH" },
  ];

  if (CRASH) {
    heading(`4. kill -9 of the whole app after ${CRASH_AFTER_S} s of study, restart on the same data folder`);
    const round = await crashAndRestart(launcher, learners, correct, { target: "all", minMs: CRASH_AFTER_S * 1000, minReviews: 0, maxMs: (CRASH_AFTER_S + 30) * 1000 });
    launcher = round.launcher;
    const crashRun = round.load.summary();
    console.log(`  before the kill: ${fmt(crashRun.acknowledged)} reviews acknowledged; ${round.inFlight} in flight at the kill; all processes gone ${fmt(round.killMs)} ms after SIGKILL`);
    console.log(`  restarted (PostgreSQL crash recovery, migrate, seed, next start) and healthy in ${seconds(round.restartMs)}`);
    const recovery = await checkRecovery(launcher, learners, [...load.reviews, ...round.load.reviews]);
    console.log(`  after restart, before retries: ${describeCheck(recovery.before)}; of the ${round.inFlight} in flight, ${recovery.before.unansweredStored} had been stored`);
    console.log(`  retried ${recovery.retry.retried} with the same request id: ${recovery.retry.applied} applied now, ${recovery.retry.duplicates} answered as duplicates, ${recovery.retry.failed.length} failed`);
    for (const review of recovery.retry.failed.slice(0, 5)) console.log(`    failed retry: HTTP ${review.status ?? "-"} ${review.error ?? ""}`);
    console.log(`  after retries: ${describeCheck(recovery.after)}`);
    console.log(`  GET /api/health ${recovery.health}, GET /api/study/next with a session from before the crash ${recovery.study}`);
    const crashOk =
      recovery.before.ok && recovery.after.ok && recovery.retry.failed.length === 0 && recovery.after.stored === recovery.after.acknowledged && recovery.health === 200 && recovery.study === 200;
    if (!crashOk) failures.push("crash: an acknowledged review was lost or doubled, a retry failed, or the app did not serve after the restart");
    figures.push(
      { figure: `kill -9 under load (${LEARNERS} learners): reviews in flight`, value: round.inFlight, unit: "reviews" },
      { figure: "restart after kill -9 until healthy", value: round.restartMs / 1000, unit: "s", digits: 1 },
      { figure: "acknowledged reviews after the crash, all in ReviewLog once", value: crashOk ? "yes" : "NO", unit: `${fmt(recovery.after.acknowledged)} / ${fmt(recovery.after.stored)}` },
    );
  }

  recordFigures("load", figures);
  if (failures.length > 0) throw new Error(failures.join("; "));
}

let interrupted = false;
async function cleanup(): Promise<void> {
  await load?.stop().catch(() => undefined);
  const current = launcher;
  launcher = null;
  if (current) {
    const report = await current.stop();
    const removed = await removeDataDir(current.dataDir);
    console.log(`\nserver stopped (${report.processes} child processes, ${report.survivors} had to be killed); data folder ${removed ? "removed" : `NOT removed: ${current.dataDir}`}`);
  }
}

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
  if (!interrupted) await cleanup();
}
if (!interrupted) process.exit(exitCode);
