/**
 * kill -9 under load: the real launcher (scripts/start.ts) with its own throwaway data folder, 20 learners doing
 * the study loop over HTTP (bench/lib/study-driver.ts), then SIGKILL in the middle of it, twice:
 *   1. the Next.js server alone: the launcher notices, stops PostgreSQL cleanly and exits by itself;
 *   2. the launcher's whole process group (launcher, Next.js, PostgreSQL and its backends) at once, as an OOM kill
 *      or a power cut would: PostgreSQL left a stale postmaster.pid and needs crash recovery.
 * After each, the launcher is started again on the same data folder, without any manual step, and must serve
 * again; every review the server acknowledged must be in ReviewLog exactly once, nothing refused or unknown may
 * be stored, and the reviews that got no answer, sent again with the same clientRequestId, must then be stored
 * exactly once as well. Sessions from before the crash keep working (the secret is kept in the data folder).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../lib/db-client";
import { checkRecovery, crashAndRestart, type CrashRound } from "../../bench/lib/crash";
import { Launcher, removeDataDir } from "../../bench/lib/launcher";
import { correctChoices, createUsers, loginAll, studyDeckIds, type Learner } from "../../bench/lib/learners";
import type { SentReview } from "../../bench/lib/study-driver";
import { isRunning } from "../../bench/lib/processes";
import { requireCurrentBuild } from "./servers";

const LEARNERS = 20;
/** Before each kill: at least 2 s of study and two reviews per learner acknowledged (at most 60 s on a slow machine). */
const CRASH = { minMs: 2_000, minReviews: 2 * LEARNERS, maxMs: 60_000 };

let launcher: Launcher | null = null;
let learners: Learner[] = [];
let correct = new Map<string, number>();
/** Every review sent in this file, across both crashes, so each check covers all of them. */
const reviews: SentReview[] = [];

beforeAll(async () => {
  await requireCurrentBuild();
  launcher = await Launcher.start({ adminEmail: "admin@system.test" });
  const db = createPrismaClient(launcher.databaseUrl, 2);
  try {
    const deckIds = await studyDeckIds(db);
    correct = await correctChoices(db, deckIds);
    learners = await loginAll(launcher.baseUrl, await createUsers(db, "crash-learner", LEARNERS, deckIds, { newCardsPerDay: 1000 }));
  } finally {
    await db.$disconnect();
  }
}, 240_000);

afterAll(async () => {
  if (launcher) {
    await launcher.stop();
    await removeDataDir(launcher.dataDir);
  }
}, 90_000);

async function crashAndCheck(target: "next" | "all"): Promise<CrashRound> {
  const previous = launcher!;
  const pids = previous.tree();
  const round = await crashAndRestart(previous, learners, correct, { ...CRASH, target });
  launcher = round.launcher;
  reviews.push(...round.load.reviews);
  console.log(
    `kill -9 (${target}): ${round.load.acknowledged.length} reviews acknowledged, ${round.inFlight} in flight; ` +
      `processes gone after ${round.killMs.toFixed(0)} ms; restarted and healthy in ${(round.restartMs / 1000).toFixed(1)} s`,
  );

  // The study loop really ran, and the kill hit it with reviews in flight.
  expect(round.load.acknowledged.length).toBeGreaterThanOrEqual(CRASH.minReviews);
  expect(round.inFlight).toBeGreaterThan(0);
  // Nothing of the old instance survives: no orphaned PostgreSQL holding the data folder.
  expect(pids.filter(isRunning)).toEqual([]);

  const recovery = await checkRecovery(launcher, learners, reviews);
  console.log(
    `  after restart: ${recovery.before.acknowledged} acknowledged, ${recovery.before.stored} stored (${recovery.before.unansweredStored} of the in-flight ones); ` +
      `retried ${recovery.retry.retried}: ${recovery.retry.applied} applied, ${recovery.retry.duplicates} duplicates`,
  );
  // Every acknowledged review is stored, exactly once; nothing refused or never sent is stored.
  expect(recovery.before.lost).toEqual([]);
  expect(recovery.before.doubled).toEqual([]);
  expect(recovery.before.unexpected).toEqual([]);
  // Retrying the unanswered ones with the same request id applies each exactly once.
  expect(recovery.retry.failed.map((review) => `${review.status ?? "no answer"} ${review.error ?? ""}`)).toEqual([]);
  expect(recovery.retry.duplicates).toBe(recovery.before.unansweredStored);
  expect(recovery.after.ok).toBe(true);
  expect(recovery.after.stored).toBe(recovery.after.acknowledged);
  expect(recovery.after.acknowledged).toBe(reviews.filter((review) => review.status !== undefined && review.status < 300).length);
  // The app serves again, with sessions from before the crash.
  expect(recovery.health).toBe(200);
  expect(recovery.study).toBe(200);
  return round;
}

describe("kill -9 during the study loop", () => {
  it("of the Next.js server: the launcher stops PostgreSQL and exits; a restart loses and doubles nothing", async () => {
    const round = await crashAndCheck("next");
    // The launcher reported the crash with a failure exit code rather than hanging on, after a clean PostgreSQL stop.
    expect(round.exit.code).not.toBe(0);
    expect(round.stalePidFile).toBe(false);
  }, 180_000);

  it("of the whole app with PostgreSQL: the restart recovers the database without manual repair; nothing lost or doubled", async () => {
    const round = await crashAndCheck("all");
    expect(round.exit.signal).toBe("SIGKILL");
    // PostgreSQL was killed, not stopped: the restart found its stale postmaster.pid and recovered on its own.
    expect(round.stalePidFile).toBe(true);
  }, 180_000);
});
