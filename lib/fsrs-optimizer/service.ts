/**
 * "Optimise my scheduler" on the server: start a run for a learner, train in the background of this Node process
 * (never awaited by the request that started it), report progress through the OptimizerRun row, and apply the
 * new FSRS parameters only when they predicted the learner's later reviews better (lib/fsrs-optimizer/decision).
 *
 * Concurrency: one RUNNING run per learner, checked while the learner's User row is locked (SELECT … FOR UPDATE),
 * so two clicks, two tabs or two app instances cannot start two. In one process, runs train one after another.
 * A run that is still RUNNING 15 minutes after it started was lost (the server restarted mid-run): it is marked
 * FAILED when the learner's status is next read or a new run starts. A live run cannot be mistaken for a lost one,
 * because it stops itself after 10 minutes.
 *
 * Requires a long-lived Node server (`npm start`), not a serverless function that stops when the response is sent.
 * Not marked "server-only" so integration tests can import it (like lib/study/stats.ts); its callers in app/ are.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db-client";
import { AppError } from "@/lib/errors";
import { loadStudySettings } from "@/lib/study/settings";
import { OptimizerError } from "./errors";
import { buildOptimizerItems } from "./items";
import { optimizeParameters } from "./optimize";

type Tx = Db | Prisma.TransactionClient;

/** Reviews a learner needs before optimising: fewer give parameters that mostly fit noise. */
export const MIN_REVIEWS = 400;
/**
 * Training items (reviews a day or more after the card's previous one) needed to split and evaluate: 10 per
 * segment of the 6-segment time-series split. A log of 400 same-day learning steps has none.
 */
export const MIN_ITEMS = 60;
/** A RUNNING run older than this was lost by a restart (runs stop themselves at {@link RUN_TIME_LIMIT_MS}). */
export const STALE_AFTER_MS = 15 * 60_000;
/** A run stops itself after this long, so it can never look stale while alive. */
export const RUN_TIME_LIMIT_MS = 10 * 60_000;
/** At most one progress write per this interval (two a second). */
export const PROGRESS_WRITE_INTERVAL_MS = 500;

const STALE_MESSAGE = "This optimisation was interrupted (the server restarted). Your scheduler was not changed; please try again.";
const TIMEOUT_MESSAGE = "This optimisation took too long and was stopped. Your scheduler was not changed; please try again later.";
const FAILED_MESSAGE = "Something went wrong while optimising. Your scheduler was not changed; please try again later.";

/** One run as the settings page and GET /api/optimizer show it (plain JSON: dates as ISO strings). */
export interface OptimizerRunView {
  id: string;
  status: "RUNNING" | "DONE" | "FAILED";
  /** What the run is doing (RUNNING) or did. */
  stage: string;
  /** 0..1. */
  progress: number;
  reviewCount: number;
  itemCount: number;
  /** Held-out log loss and RMSE of the parameters in use before the run and of the optimised ones (DONE only). */
  logLossBefore: number | null;
  logLossAfter: number | null;
  rmseBefore: number | null;
  rmseAfter: number | null;
  /** The optimised parameters (DONE), applied or not. */
  parameters: number[];
  applied: boolean;
  /** For the learner, when FAILED. */
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

/** Everything the "Your scheduler" section needs. */
export interface OptimizerOverview {
  reviewCount: number;
  minReviews: number;
  /** True when the learner's own parameters are in use (false: ts-fsrs's defaults). */
  usingPersonalParameters: boolean;
  latestRun: OptimizerRunView | null;
}

const RUN_SELECT = {
  id: true,
  status: true,
  stage: true,
  progress: true,
  reviewCount: true,
  itemCount: true,
  logLossBefore: true,
  logLossAfter: true,
  rmseBefore: true,
  rmseAfter: true,
  parameters: true,
  applied: true,
  error: true,
  startedAt: true,
  finishedAt: true,
} as const;

type RunRow = Prisma.OptimizerRunGetPayload<{ select: typeof RUN_SELECT }>;

function toView(run: RunRow): OptimizerRunView {
  return { ...run, startedAt: run.startedAt.toISOString(), finishedAt: run.finishedAt?.toISOString() ?? null };
}

/** Marks the learner's lost runs (RUNNING for longer than {@link STALE_AFTER_MS} before `now`) FAILED. */
async function failStaleRuns(db: Tx, userId: string, now: Date): Promise<void> {
  await db.optimizerRun.updateMany({
    where: { userId, status: "RUNNING", startedAt: { lt: new Date(now.getTime() - STALE_AFTER_MS) } },
    data: { status: "FAILED", stage: "Interrupted", error: STALE_MESSAGE, finishedAt: now },
  });
}

/** Locks the learner's User row until the transaction ends; a missing user is logged out. */
async function lockUser(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
  if (rows.length === 0) throw new AppError("UNAUTHENTICATED", "Please log in again.");
}

/** The learner's latest run (lost runs marked FAILED first), or null before their first. Only ever their own. */
export async function getLatestOptimizerRun(db: Db, userId: string, now = new Date()): Promise<OptimizerRunView | null> {
  await failStaleRuns(db, userId, now);
  const run = await db.optimizerRun.findFirst({ where: { userId }, orderBy: [{ startedAt: "desc" }, { id: "desc" }], select: RUN_SELECT });
  return run ? toView(run) : null;
}

/** Review count, whether personal parameters are in use, and the latest run. */
export async function getOptimizerOverview(db: Db, userId: string, now = new Date()): Promise<OptimizerOverview> {
  const [user, reviewCount, latestRun] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { fsrsParameters: true } }),
    db.reviewLog.count({ where: { userId } }),
    getLatestOptimizerRun(db, userId, now),
  ]);
  if (!user) throw new AppError("UNAUTHENTICATED", "Please log in again.");
  return { reviewCount, minReviews: MIN_REVIEWS, usingPersonalParameters: user.fsrsParameters.length > 0, latestRun };
}

/** What {@link startOptimizerRun} returns. */
export interface StartedRun {
  run: OptimizerRunView;
  /**
   * Settles when the background work has stored its result (DONE or FAILED); never rejects. Requests do not wait
   * for it; tests and scripts may.
   */
  finished: Promise<void>;
}

/**
 * Starts an optimisation for the learner and returns at once with the new RUNNING run; training continues in
 * the background (see the module comment). Refuses with an {@link AppError}: VALIDATION when the learner has
 * fewer than {@link MIN_REVIEWS} reviews, CONFLICT when one of their runs is already RUNNING (lost runs are
 * marked FAILED first, so they do not block).
 */
export async function startOptimizerRun(db: Db, userId: string, now = new Date()): Promise<StartedRun> {
  const run = await db.$transaction(async (tx) => {
    await lockUser(tx, userId);
    await failStaleRuns(tx, userId, now);
    if ((await tx.optimizerRun.count({ where: { userId, status: "RUNNING" } })) > 0) {
      throw new AppError("CONFLICT", "Your scheduler is already being optimised. Wait for that run to finish.");
    }
    const reviewCount = await tx.reviewLog.count({ where: { userId } });
    if (reviewCount < MIN_REVIEWS) {
      throw new AppError("VALIDATION", `Optimising needs at least ${MIN_REVIEWS} reviews; you have ${reviewCount}. Keep studying and try again then.`);
    }
    return tx.optimizerRun.create({ data: { userId, stage: "Waiting to start", reviewCount, startedAt: now }, select: RUN_SELECT });
  });
  const finished = executeRun(db, run.id, userId);
  return { run: toView(run), finished };
}

/**
 * Puts the learner back on ts-fsrs's default parameters. Refused (CONFLICT) while a run is RUNNING: that run was
 * compared against the parameters in use when it started, and must not apply over a change made meanwhile.
 */
export async function resetFsrsParameters(db: Db, userId: string, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockUser(tx, userId);
    await failStaleRuns(tx, userId, now);
    if ((await tx.optimizerRun.count({ where: { userId, status: "RUNNING" } })) > 0) {
      throw new AppError("CONFLICT", "Your scheduler is being optimised. Wait for that run to finish first.");
    }
    await tx.user.update({ where: { id: userId }, data: { fsrsParameters: [] } });
  });
}

/** Runs one task at a time in this process: trainings compete for the same CPU cores. */
let queueTail: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const result = queueTail.then(task, task);
  queueTail = result.catch(() => undefined);
  return result;
}

/**
 * Throttled progress writes: the latest stage and fraction are written at most once per
 * {@link PROGRESS_WRITE_INTERVAL_MS}, one write at a time; a failed write is logged and does not stop the run.
 */
function progressWriter(db: Db, runId: string) {
  let pending: { stage: string; progress: number } | null = null;
  let lastWrite = 0;
  let inFlight: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const write = () => {
    timer = null;
    if (stopped || inFlight || !pending) return;
    const data = pending;
    pending = null;
    lastWrite = Date.now();
    inFlight = db.optimizerRun
      .updateMany({ where: { id: runId, status: "RUNNING" }, data })
      .then(
        () => undefined,
        (error: unknown) => console.error("optimizer progress write failed", { runId, error }),
      )
      .finally(() => {
        inFlight = null;
        if (pending) schedule();
      });
  };
  const schedule = () => {
    if (stopped || timer || inFlight) return;
    timer = setTimeout(write, Math.max(0, lastWrite + PROGRESS_WRITE_INTERVAL_MS - Date.now()));
  };
  return {
    set(stage: string, progress: number) {
      pending = { stage, progress: Math.round(Math.min(1, Math.max(0, progress)) * 1000) / 1000 };
      schedule();
    },
    /** Stops writing and waits for a write in flight, so the final update is the last one. */
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}

/** A failure whose message is written for the learner as is. */
class LearnerFacingError extends Error {}

function learnerMessage(error: unknown): string {
  if (error instanceof LearnerFacingError) return error.message;
  if (error instanceof OptimizerError && error.code === "INTERRUPTED") return TIMEOUT_MESSAGE;
  return FAILED_MESSAGE;
}

/** The background part of a run. Never rejects: failures are logged and stored as FAILED with a friendly message. */
async function executeRun(db: Db, runId: string, userId: string): Promise<void> {
  const progress = progressWriter(db, runId);
  // Real time, whatever `now` the run was started with: the limit is about how long this process works on it.
  const deadline = Date.now() + RUN_TIME_LIMIT_MS;
  try {
    await oneAtATime(async () => {
      progress.set("Reading your reviews", 0.01);
      const [settings, logs] = await Promise.all([
        loadStudySettings(db, userId),
        // The whole log in one query, in the order the item builder breaks ties by.
        db.reviewLog.findMany({
          where: { userId },
          select: { cardId: true, rating: true, stateBefore: true, reviewedAt: true },
          orderBy: [{ reviewedAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
        }),
      ]);
      const { items } = buildOptimizerItems(logs, settings);
      await db.optimizerRun.updateMany({ where: { id: runId, status: "RUNNING" }, data: { reviewCount: logs.length, itemCount: items.length } });
      if (items.length < MIN_ITEMS) {
        throw new LearnerFacingError(
          `Only ${items.length} of your reviews came a day or more after the card's previous review; testing new parameters needs at least ${MIN_ITEMS}. Keep studying and try again later.`,
        );
      }
      const result = await optimizeParameters(items, {
        currentParameters: settings.parameters,
        numRelearningSteps: settings.relearningSteps.length,
        onProgress: ({ stage, fraction }) => progress.set(stage, 0.05 + 0.9 * fraction),
        shouldStop: () => Date.now() > deadline,
      });
      progress.set("Saving the result", 0.97);
      await progress.stop();
      await db.$transaction(async (tx) => {
        await lockUser(tx, userId);
        // Only a run still RUNNING may finish: one marked lost meanwhile must not apply anything.
        const { count } = await tx.optimizerRun.updateMany({
          where: { id: runId, status: "RUNNING" },
          data: {
            status: "DONE",
            stage: "Done",
            progress: 1,
            logLossBefore: result.evaluation.logLossBefore,
            logLossAfter: result.evaluation.logLossAfter,
            rmseBefore: result.evaluation.rmseBefore,
            rmseAfter: result.evaluation.rmseAfter,
            parameters: result.parameters,
            applied: result.better,
            finishedAt: new Date(),
          },
        });
        if (count === 1 && result.better) await tx.user.update({ where: { id: userId }, data: { fsrsParameters: result.parameters } });
      });
    });
  } catch (error) {
    // Too little data is the learner's situation, not a fault: only real failures are logged.
    if (!(error instanceof LearnerFacingError)) console.error("FSRS optimisation failed", { runId, userId, error });
    await progress.stop();
    await db.optimizerRun
      .updateMany({ where: { id: runId, status: "RUNNING" }, data: { status: "FAILED", stage: "Failed", error: learnerMessage(error), finishedAt: new Date() } })
      .catch((writeError: unknown) => console.error("could not mark the optimisation FAILED", { runId, error: writeError }));
  }
}
