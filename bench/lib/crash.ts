/**
 * A crash under load and the checks after it, shared by bench/load (100 learners) and tests/system/crash.test.ts
 * (20 learners): run the study loop, SIGKILL the app in the middle of it, start the launcher again on the same
 * data folder, then compare what clients were told with ReviewLog, retry the reviews that got no answer with the
 * same clientRequestId, and compare again.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../../lib/db-client";
import { sleep } from "./format";
import type { Launcher } from "./launcher";
import type { Learner } from "./learners";
import { checkStored, retryUnanswered, StudyLoad, type SentReview, type StoredCheck } from "./study-driver";

export interface CrashRound {
  /** The launcher started again on the same data folder. */
  launcher: Launcher;
  /** The load that was running when the app was killed (stopped, every review answered or failed). */
  load: StudyLoad;
  /** Reviews sent that had no answer when the app died. */
  inFlight: number;
  /** How the killed launcher ended. */
  exit: { code: number | null; signal: NodeJS.Signals | null };
  /** From the SIGKILL until every process of the app was gone. */
  killMs: number;
  /**
   * Whether PostgreSQL's postmaster.pid was left behind (it was killed, not shut down): the restart then had to
   * remove it and PostgreSQL ran crash recovery.
   */
  stalePidFile: boolean;
  /** From spawning the new launcher until /api/health answered 200. */
  restartMs: number;
}

export interface CrashOptions {
  /** "next": the Next.js server only; "all": the launcher's whole process group (see {@link crashAndRestart}). */
  target: "next" | "all";
  /** Study at least this long before the kill. */
  minMs: number;
  /** ... and until this many reviews were acknowledged and at least one is in flight, */
  minReviews: number;
  /** ... but no longer than this (the kill then happens whatever the counts). */
  maxMs: number;
}

/**
 * Runs `learners` against `launcher`, SIGKILLs `target` in the middle of the study loop ("next": the Next.js
 * server only, after which the launcher stops PostgreSQL and exits by itself; "all": the launcher's whole process
 * group, PostgreSQL included, so the database needs crash recovery and postmaster.pid is stale), then restarts
 * the launcher on the same data folder and port.
 */
export async function crashAndRestart(launcher: Launcher, learners: readonly Learner[], correct: Map<string, number>, options: CrashOptions): Promise<CrashRound> {
  const load = new StudyLoad({ baseUrl: launcher.baseUrl, learners, correct });
  const started = performance.now();
  load.start();
  await sleep(options.minMs);
  // Kill while reviews are in flight, so "acknowledged" and "sent but unanswered" are both put to the test.
  while ((load.acknowledgedCount < options.minReviews || load.inFlight === 0) && performance.now() - started < options.maxMs) await sleep(10);
  const killed = performance.now();
  await launcher.kill(options.target);
  const killMs = performance.now() - killed;
  await load.stop();
  const exit = await launcher.exited;
  const inFlight = load.unanswered.length;
  const stalePidFile = existsSync(path.join(launcher.dataDir, "pg", "postmaster.pid"));
  const restarted = await launcher.restart();
  return { launcher: restarted, load, inFlight, exit, killMs, stalePidFile, restartMs: restarted.startupMs };
}

export interface RecoveryCheck {
  /** Before any retry: acknowledged reviews against ReviewLog. */
  before: StoredCheck;
  /** The unanswered reviews sent again with the same request id: newly applied, or answered as duplicates. */
  retry: { retried: number; applied: number; duplicates: number; failed: SentReview[] };
  /** After the retries: every review sent and not refused is stored exactly once. */
  after: StoredCheck;
  /** HTTP status of GET /api/health and of GET /api/study/next with a session from before the crash. */
  health: number;
  study: number;
}

/** The checks after a restart, over every review the learners sent (all phases). */
export async function checkRecovery(launcher: Launcher, learners: readonly Learner[], reviews: readonly SentReview[]): Promise<RecoveryCheck> {
  const db = createPrismaClient(launcher.databaseUrl, 2);
  try {
    const before = await checkStored(db, learners, reviews);
    const retry = await retryUnanswered(launcher.baseUrl, learners, reviews);
    const after = await checkStored(db, learners, reviews);
    const health = (await fetch(`${launcher.baseUrl}/api/health`, { signal: AbortSignal.timeout(15_000) })).status;
    const study = (await fetch(`${launcher.baseUrl}/api/study/next`, { headers: { cookie: learners[0]!.cookie }, signal: AbortSignal.timeout(15_000) })).status;
    return { before, retry, after, health, study };
  } finally {
    await db.$disconnect();
  }
}
