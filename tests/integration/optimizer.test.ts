/**
 * "Optimise my scheduler" against PostgreSQL: who may start a run and when, a real run over a synthetic review log
 * drawn from known parameters (DONE with figures, parameters applied, the next review scheduled with them), going
 * back to the defaults, runs lost to a restart, and that a learner only ever sees their own run.
 */
import { randomUUID } from "node:crypto";
import { createEmptyCard, fsrs, Rating, type FSRS } from "ts-fsrs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db-client";

const session = vi.hoisted(() => ({ db: null as unknown as Db, user: null as null | { id: string; email: string; name: string; role: "LEARNER" | "ADMIN" } }));
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/db", () => ({ getDb: () => session.db }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

import { GET } from "@/app/api/optimizer/route";
import { resetFsrsParametersAction, startOptimizerAction } from "@/app/settings/optimizer-actions";
import { generateSyntheticLog } from "@/lib/fsrs-optimizer";
import {
  getLatestOptimizerRun,
  getOptimizerOverview,
  MIN_REVIEWS,
  PROGRESS_WRITE_INTERVAL_MS,
  resetFsrsParameters,
  startOptimizerRun,
  STALE_AFTER_MS,
} from "@/lib/fsrs-optimizer/service";
import { cardVersion, submitReview } from "@/lib/study/service";
import { loadStudySettings } from "@/lib/study/settings";
import { createUser, expectAppError, testDb } from "./helpers";

const db = testDb();
session.db = db;
afterAll(async () => {
  // Leave the shared database as other files expect it: no extra deck or questions (review logs go with the cards).
  await db.card.deleteMany({ where: { question: { deckId } } });
  await db.question.deleteMany({ where: { deckId } });
  await db.deck.deleteMany({ where: { id: deckId } });
  await db.$disconnect();
});

/** A learner who forgets faster than FSRS-6's defaults assume (low first stabilities, steeper decay w20). */
const KNOWN = [0.1, 0.4, 1.0, 5.0, 7.5, 0.5, 2.5, 0.01, 1.0, 0.25, 0.6, 2.5, 0.15, 0.35, 1.2, 0.4, 2.5, 0.6, 0.1, 0.08, 0.5];
const DAY_MS = 86_400_000;
let deckId = "";
let questionSerial = 0;

beforeAll(async () => {
  deckId = (await db.deck.create({ data: { slug: `optimizer-${randomUUID().slice(0, 8)}`, title: "Optimizer deck", order: 90 } })).id;
});

/** `count` fresh questions of the test deck with a card each for the learner; returns the card ids. */
async function cards(userId: string, count: number): Promise<string[]> {
  const keys = Array.from({ length: count }, () => `opt-q-${(questionSerial += 1)}-${randomUUID().slice(0, 6)}`);
  await db.question.createMany({ data: keys.map((key) => ({ key, deckId, kind: "FLASHCARD" as const, title: key, prompt: "P", answer: "A" })) });
  const questions = await db.question.findMany({ where: { key: { in: keys } }, select: { id: true, key: true } });
  const idOf = new Map(questions.map((question) => [question.key, question.id]));
  await db.card.createMany({ data: keys.map((key) => ({ userId, questionId: idOf.get(key)!, due: new Date("2026-01-01T00:00:00Z"), state: "REVIEW" as const })) });
  const created = await db.card.findMany({ where: { userId, questionId: { in: [...idOf.values()] } }, select: { id: true, questionId: true } });
  const cardOf = new Map(created.map((card) => [card.questionId, card.id]));
  return keys.map((key) => cardOf.get(idOf.get(key)!)!);
}

type Row = { cardId: string; rating: number; stateBefore: "NEW" | "LEARNING" | "REVIEW" | "RELEARNING"; reviewedAt: Date };

async function insertLogs(userId: string, rows: Row[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 2_000) {
    await db.reviewLog.createMany({
      data: rows.slice(start, start + 2_000).map((row) => ({
        ...row, userId, dueBefore: row.reviewedAt, stability: 0, difficulty: 0, elapsedDays: 0, lastElapsedDays: 0, scheduledDays: 0,
        learningSteps: 0, clientRequestId: randomUUID(),
      })),
    });
  }
}

/** A learner with `count` first reviews (one per card, all Good, all on one day): enough reviews, no gaps. */
async function learnerWithSameDayReviews(count: number): Promise<string> {
  const userId = (await createUser(db)).user.id;
  const cardIds = await cards(userId, count);
  await insertLogs(userId, cardIds.map((cardId, index) => ({ cardId, rating: 3, stateBefore: "NEW", reviewedAt: new Date(Date.UTC(2026, 0, 5, 10, 0, index)) })));
  return userId;
}

/** A learner whose reviews are the synthetic log of a learner with the KNOWN memory; returns the log's figures. */
async function learnerWithSyntheticLog() {
  const userId = (await createUser(db)).user.id;
  // 60 days of 8 new cards: about 2,800 reviews on 480 cards.
  const log = generateSyntheticLog({ parameters: KNOWN, seed: 2026, start: new Date("2026-01-05T10:00:00Z"), days: 60, newCardsPerDay: 8 });
  const syntheticIds = [...new Set(log.map((review) => review.cardId))];
  const realIds = await cards(userId, syntheticIds.length);
  const cardOf = new Map(syntheticIds.map((id, index) => [id, realIds[index]!]));
  await insertLogs(userId, log.map((review) => ({ ...review, cardId: cardOf.get(review.cardId)! })));
  // The generator schedules REVIEW rows a day or more after the card's previous review, and nothing else: each is
  // one prediction of the optimiser (see lib/fsrs-optimizer/items.ts, rule 5).
  return { userId, reviews: log.length, predictions: log.filter((review) => review.stateBefore === "REVIEW").length };
}

/** A Db whose optimizerRun.updateMany calls (the progress writes among them) are recorded with their time. */
function recordingDb(target: Db, writes: Array<{ at: number; data: Record<string, unknown> }>): Db {
  const runs = new Proxy(target.optimizerRun, {
    get(delegate, property) {
      if (property === "updateMany") {
        return (args: { data: Record<string, unknown> }) => {
          writes.push({ at: Date.now(), data: args.data });
          return delegate.updateMany(args as Parameters<typeof delegate.updateMany>[0]);
        };
      }
      return Reflect.get(delegate, property);
    },
  });
  return new Proxy(target, {
    get(client, property) {
      if (property === "optimizerRun") return runs;
      const value = Reflect.get(client, property);
      return typeof value === "function" ? value.bind(client) : value;
    },
  });
}

/** A Db whose reviewLog.findMany (a run's first read, in the background) waits until `gate` resolves. */
function gatedDb(target: Db, gate: Promise<void>): Db {
  const logs = new Proxy(target.reviewLog, {
    get(delegate, property) {
      if (property === "findMany") {
        return async (args: Parameters<typeof delegate.findMany>[0]) => {
          await gate;
          return delegate.findMany(args);
        };
      }
      return Reflect.get(delegate, property);
    },
  });
  return new Proxy(target, {
    get(client, property) {
      if (property === "reviewLog") return logs;
      const value = Reflect.get(client, property);
      return typeof value === "function" ? value.bind(client) : value;
    },
  });
}

/** ts-fsrs as the app configures it by default (fuzz on, steps 1m 10m / 10m), with the given weights. */
function scheduler(w?: number[]): FSRS {
  return fsrs({ w, request_retention: 0.9, maximum_interval: 36_500, enable_fuzz: true, enable_short_term: true, learning_steps: ["1m", "10m"], relearning_steps: ["10m"] });
}

describe("starting a run", () => {
  it(`refuses a learner with fewer than ${MIN_REVIEWS} reviews, and creates no run`, async () => {
    const userId = await learnerWithSameDayReviews(399);
    const error = await expectAppError(startOptimizerRun(db, userId));
    expect(error.code).toBe("VALIDATION");
    expect(error.message).toContain("at least 400 reviews; you have 399");
    expect(await db.optimizerRun.count({ where: { userId } })).toBe(0);
  });

  it("refuses while one of the learner's runs is RUNNING, also when two starts race", async () => {
    const userId = await learnerWithSameDayReviews(400);
    const running = await db.optimizerRun.create({ data: { userId, startedAt: new Date(Date.now() - 60_000) } });
    expect((await expectAppError(startOptimizerRun(db, userId))).code).toBe("CONFLICT");
    await db.optimizerRun.delete({ where: { id: running.id } });

    // The first run must still be RUNNING when the second start reads: its background work waits on a gate
    // (this learner's run would otherwise fail within milliseconds, and a start after that may rightly succeed).
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const gated = gatedDb(db, gate);
    const attempts = await Promise.allSettled([startOptimizerRun(gated, userId), startOptimizerRun(gated, userId)]);
    release();
    const started = attempts.flatMap((attempt) => (attempt.status === "fulfilled" ? [attempt.value] : []));
    const refused = attempts.flatMap((attempt) => (attempt.status === "rejected" ? [attempt.reason as { code?: string }] : []));
    expect(started).toHaveLength(1);
    expect(refused.map((reason) => reason.code)).toEqual(["CONFLICT"]);
    await started[0]!.finished;
  });

  it("fails a run without reviews a day apart with a message for the learner, changing nothing", async () => {
    const userId = await learnerWithSameDayReviews(400);
    const { run, finished } = await startOptimizerRun(db, userId);
    await finished;
    const stored = await getLatestOptimizerRun(db, userId);
    expect(stored).toMatchObject({ id: run.id, status: "FAILED", reviewCount: 400, itemCount: 0, applied: false });
    expect(stored!.error).toContain("a day or more after the card's previous review");
    expect(stored!.finishedAt).not.toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).fsrsParameters).toEqual([]);
  });

  it("stores a generic message, never the internal error, when the run breaks", async () => {
    const userId = await learnerWithSameDayReviews(399);
    const [cardId] = await cards(userId, 1);
    await insertLogs(userId, [{ cardId: cardId!, rating: 7, stateBefore: "REVIEW", reviewedAt: new Date("2026-01-09T10:00:00Z") }]);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await (await startOptimizerRun(db, userId)).finished;
      expect(logged).toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
    const stored = await getLatestOptimizerRun(db, userId);
    expect(stored).toMatchObject({ status: "FAILED", error: "Something went wrong while optimising. Your scheduler was not changed; please try again later." });
  });
});

describe("a run over a synthetic log from known parameters", () => {
  let userId = "";
  let figures = { reviews: 0, predictions: 0 };
  const writes: Array<{ at: number; data: Record<string, unknown> }> = [];

  beforeAll(async () => {
    const learner = await learnerWithSyntheticLog();
    userId = learner.userId;
    figures = { reviews: learner.reviews, predictions: learner.predictions };
  }, 60_000);

  it("returns at once with a RUNNING run, then finishes DONE with figures and applies the better parameters", async () => {
    const { run, finished } = await startOptimizerRun(recordingDb(db, writes), userId);
    expect(run).toMatchObject({ status: "RUNNING", progress: 0, applied: false, finishedAt: null });
    await finished;

    const done = await getLatestOptimizerRun(db, userId);
    expect(done).toMatchObject({ id: run.id, status: "DONE", progress: 1, reviewCount: figures.reviews, itemCount: figures.predictions, error: null, applied: true });
    for (const value of [done!.logLossBefore, done!.logLossAfter, done!.rmseBefore, done!.rmseAfter]) expect(value).toBeGreaterThan(0);
    expect(done!.logLossAfter!).toBeLessThan(done!.logLossBefore!);
    expect(done!.parameters).toHaveLength(21);
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).fsrsParameters).toEqual(done!.parameters);
    expect((await loadStudySettings(db, userId)).parameters).toEqual(done!.parameters);
    expect(await getOptimizerOverview(db, userId)).toMatchObject({ reviewCount: figures.reviews, minReviews: 400, usingPersonalParameters: true });
  }, 60_000);

  it("wrote progress as it went, rising, at most one write per half second", () => {
    const progress = writes.filter((write) => "progress" in write.data && "stage" in write.data && write.data.status === undefined);
    expect(progress.length).toBeGreaterThan(0);
    const values = progress.map((write) => write.data.progress as number);
    expect(values.every((value, index) => value >= 0 && value <= 1 && (index === 0 || value >= values[index - 1]!))).toBe(true);
    for (let index = 1; index < progress.length; index += 1) {
      expect(progress[index]!.at - progress[index - 1]!.at).toBeGreaterThanOrEqual(PROGRESS_WRITE_INTERVAL_MS - 10);
    }
    expect(progress.some((write) => String(write.data.stage).startsWith("Testing on your reviews") || write.data.stage === "Reading your reviews")).toBe(true);
  });

  it("schedules the learner's next reviews with the applied parameters, as ts-fsrs computes with those weights", async () => {
    const parameters = (await db.user.findUniqueOrThrow({ where: { id: userId } })).fsrsParameters;
    const question = await db.question.create({ data: { key: `opt-next-${randomUUID().slice(0, 8)}`, deckId, kind: "FLASHCARD", title: "Next", prompt: "P", answer: "A" } });
    const settings = await loadStudySettings(db, userId);
    const t1 = new Date("2026-06-01T10:00:00Z");
    const t2 = new Date(t1.getTime() + 10 * 60_000);
    await submitReview(db, userId, { clientRequestId: randomUUID(), questionId: question.id, cardVersion: "new", rating: 3 }, settings, t1);
    const afterFirst = await db.card.findUniqueOrThrow({ where: { userId_questionId: { userId, questionId: question.id } } });
    const outcome = await submitReview(db, userId, { clientRequestId: randomUUID(), questionId: question.id, cardVersion: cardVersion(afterFirst), rating: 4 }, settings, t2);
    const card = await db.card.findUniqueOrThrow({ where: { id: afterFirst.id } });

    // Independently: ts-fsrs with the stored weights, Good at t1 then Easy 10 minutes later.
    const mine = scheduler(parameters);
    const first = mine.next(createEmptyCard(t1), t1, Rating.Good).card;
    const second = mine.next(first, t2, Rating.Easy).card;
    expect(afterFirst.stability).toBe(first.stability);
    expect(card.stability).toBe(second.stability);
    expect(card.difficulty).toBe(second.difficulty);
    expect(outcome.due).toEqual(second.due);
    expect(card.state).toBe("REVIEW");

    const defaults = scheduler();
    expect(card.stability).not.toBe(defaults.next(defaults.next(createEmptyCard(t1), t1, Rating.Good).card, t2, Rating.Easy).card.stability);
  });

  it("goes back to the default parameters, keeps the run's record, and saving settings never clears parameters", async () => {
    await db.user.update({ where: { id: userId }, data: { fsrsParameters: KNOWN } });
    const settings = await loadStudySettings(db, userId);
    const { updateStudySettings } = await import("@/lib/study/settings");
    await updateStudySettings(db, userId, { ...settings, newCardsPerDay: 11 });
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).fsrsParameters).toEqual(KNOWN);

    const running = await db.optimizerRun.create({ data: { userId } });
    expect((await expectAppError(resetFsrsParameters(db, userId))).code).toBe("CONFLICT");
    await db.optimizerRun.delete({ where: { id: running.id } });

    await resetFsrsParameters(db, userId);
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).fsrsParameters).toEqual([]);
    expect((await loadStudySettings(db, userId)).parameters).toEqual([]);
    const overview = await getOptimizerOverview(db, userId);
    expect(overview.usingPersonalParameters).toBe(false);
    expect(overview.latestRun).toMatchObject({ status: "DONE", applied: true });
  });
});

describe("runs lost to a restart", () => {
  it(`marks a RUNNING run older than ${STALE_AFTER_MS / 60_000} minutes FAILED when read, and keeps a younger one`, async () => {
    const userId = (await createUser(db)).user.id;
    const now = new Date();
    const young = await db.optimizerRun.create({ data: { userId, startedAt: new Date(now.getTime() - STALE_AFTER_MS + 60_000) } });
    expect(await getLatestOptimizerRun(db, userId, now)).toMatchObject({ id: young.id, status: "RUNNING" });
    await db.optimizerRun.update({ where: { id: young.id }, data: { startedAt: new Date(now.getTime() - STALE_AFTER_MS - 60_000) } });
    const lost = await getLatestOptimizerRun(db, userId, now);
    expect(lost).toMatchObject({ id: young.id, status: "FAILED" });
    expect(lost!.error).toContain("interrupted");
    expect(lost!.finishedAt).toBe(now.toISOString());
  });

  it("does not let a lost run block the next one", async () => {
    const userId = await learnerWithSameDayReviews(400);
    const now = new Date();
    const lost = await db.optimizerRun.create({ data: { userId, startedAt: new Date(now.getTime() - 2 * DAY_MS) } });
    const { run, finished } = await startOptimizerRun(db, userId, now);
    await finished;
    expect(run.id).not.toBe(lost.id);
    expect((await db.optimizerRun.findUniqueOrThrow({ where: { id: lost.id } })).status).toBe("FAILED");
  });
});

describe("who sees what", () => {
  let mine = "";
  let theirs = "";
  let myRunId = "";

  beforeAll(async () => {
    const me = await createUser(db);
    const them = await createUser(db);
    mine = me.user.id;
    theirs = them.user.id;
    myRunId = (await db.optimizerRun.create({ data: { userId: mine, status: "DONE", stage: "Done", progress: 1, logLossBefore: 0.5, logLossAfter: 0.4, finishedAt: new Date() } })).id;
  });

  it("another learner cannot read my run", async () => {
    expect((await getLatestOptimizerRun(db, mine))?.id).toBe(myRunId);
    expect(await getLatestOptimizerRun(db, theirs)).toBeNull();
    expect((await getOptimizerOverview(db, theirs)).latestRun).toBeNull();
  });

  it("GET /api/optimizer answers 401 JSON when logged out and each learner's own run otherwise", async () => {
    session.user = null;
    const anonymous = await GET();
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });

    session.user = { id: mine, email: "me@example.test", name: "Me", role: "LEARNER" };
    const own = await GET();
    expect(own.status).toBe(200);
    expect(own.headers.get("cache-control")).toBe("no-store");
    expect(await own.json()).toMatchObject({ reviewCount: 0, minReviews: 400, usingPersonalParameters: false, latestRun: { id: myRunId, status: "DONE", logLossAfter: 0.4 } });

    session.user = { id: theirs, email: "them@example.test", name: "Them", role: "LEARNER" };
    expect(await (await GET()).json()).toMatchObject({ latestRun: null });
    session.user = null;
  });

  it("the actions check the session and the review count again on the server", async () => {
    session.user = null;
    expect(await startOptimizerAction()).toMatchObject({ ok: false, message: "Your session has ended. Log in again." });
    expect(await resetFsrsParametersAction()).toMatchObject({ ok: false });

    session.user = { id: theirs, email: "them@example.test", name: "Them", role: "LEARNER" };
    const refused = await startOptimizerAction();
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain("at least 400 reviews; you have 0");
    expect(await startOptimizerAction({ forged: true })).toMatchObject({ ok: false });
    expect(await resetFsrsParametersAction()).toMatchObject({ ok: true, data: { usingPersonalParameters: false } });
    expect(await db.optimizerRun.count({ where: { userId: theirs } })).toBe(0);
    session.user = null;
  });
});
