/**
 * Simulated learners doing the real study loop over HTTP: each learner, one request at a time and without
 * pauses, GET /api/study/next → POST /api/study/review (Good, or the correct option of a multiple-choice card),
 * until stopped. Every review sent is remembered with its body, so a run can be checked against ReviewLog (each
 * acknowledged review stored exactly once, nothing stored that was refused or never sent) and unanswered
 * reviews can be retried with the same clientRequestId after a crash.
 *
 * A small Node driver rather than autocannon: per-request bookkeeping (which request id was acknowledged) is the
 * point of the crash and load checks, and one async loop per learner is what a learner does.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "../../lib/db-client";
import { percentile, sleep } from "./format";
import { HttpClient } from "./http";
import { reviewFor, type Learner, type StudyCard } from "./learners";

/** One POST /api/study/review the driver sent. */
export interface SentReview {
  /** Index into the learners array. */
  learner: number;
  clientRequestId: string;
  /** The exact JSON body, for a retry. */
  body: string;
  /** The HTTP status, or undefined when no answer came (network error, timeout, server killed). */
  status?: number;
  /** For a 2xx answer: whether the server said it had applied this request id before. */
  duplicate?: boolean;
  error?: string;
}

export interface StudyLoadOptions {
  baseUrl: string;
  learners: readonly Learner[];
  correct: Map<string, number>;
  /** Per-request timeout (default 15 s). */
  requestTimeoutMs?: number;
}

const isOk = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;

export class StudyLoad {
  readonly reviews: SentReview[] = [];
  readonly getLatencies: number[] = [];
  readonly postLatencies: number[] = [];
  readonly getStatus = new Map<number, number>();
  readonly postStatus = new Map<number, number>();
  /** GETs that found the learner's queue empty. */
  queueEmpty = 0;
  /** Requests that got no HTTP answer (refused connection, reset, timeout). */
  networkErrors = 0;
  /** Reviews answered 2xx so far. */
  acknowledgedCount = 0;
  /** Reviews sent and not yet answered (nor failed). */
  inFlight = 0;
  readonly errorSamples: string[] = [];
  private stopping = false;
  private running: Promise<void> | null = null;
  private startedAt = 0;
  private stoppedAt = 0;
  private readonly http: HttpClient;

  constructor(private readonly options: StudyLoadOptions) {
    this.http = new HttpClient(options.baseUrl, options.requestTimeoutMs ?? 15_000);
  }

  /** Starts one loop per learner; returns at once. */
  start(): void {
    if (this.running) throw new Error("the load is already running");
    this.startedAt = performance.now();
    this.running = Promise.all(this.options.learners.map((learner, index) => this.loop(learner, index))).then(() => {
      this.stoppedAt = performance.now();
    });
  }

  /**
   * Lets every learner finish the request it has in flight (no new review starts after this call), then resolves.
   * Afterwards every review sent has either an answer or an error.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.running;
    this.http.close();
  }

  /** Runs for `ms`, then stops as {@link stop} does. */
  async runFor(ms: number): Promise<void> {
    this.start();
    await sleep(ms);
    await this.stop();
  }

  /** Wall time from start until the last loop ended (or until now while running). */
  get elapsedMs(): number {
    return (this.stoppedAt || performance.now()) - this.startedAt;
  }

  get acknowledged(): SentReview[] {
    return this.reviews.filter((review) => isOk(review.status));
  }

  get unanswered(): SentReview[] {
    return this.reviews.filter((review) => review.status === undefined);
  }

  /** Figures of the run (latencies in ms, rates per second of wall time). */
  summary() {
    const all = [...this.getLatencies, ...this.postLatencies];
    const seconds = this.elapsedMs / 1000;
    const responses = all.length;
    const non2xx = [...this.getStatus, ...this.postStatus].filter(([status]) => !isOk(status)).reduce((sum, [, count]) => sum + count, 0);
    return {
      seconds,
      learners: this.options.learners.length,
      responses,
      requestsPerSecond: responses / seconds,
      reviewsPerSecond: this.acknowledged.length / seconds,
      p50: percentile(all, 50),
      p90: percentile(all, 90),
      p99: percentile(all, 99),
      max: all.reduce((most, value) => Math.max(most, value), -Infinity),
      getP50: percentile(this.getLatencies, 50),
      getP99: percentile(this.getLatencies, 99),
      postP50: percentile(this.postLatencies, 50),
      postP99: percentile(this.postLatencies, 99),
      non2xx,
      networkErrors: this.networkErrors,
      errors: non2xx + this.networkErrors,
      sent: this.reviews.length,
      acknowledged: this.acknowledged.length,
      unanswered: this.unanswered.length,
      queueEmpty: this.queueEmpty,
    };
  }

  private sample(line: string): void {
    if (this.errorSamples.length < 8 && !this.errorSamples.includes(line)) this.errorSamples.push(line);
  }

  private async loop(learner: Learner, index: number): Promise<void> {
    const headers = { cookie: learner.cookie };
    while (!this.stopping) {
      let card: StudyCard | undefined;
      let started = performance.now();
      try {
        const next = await this.http.request("GET", "/api/study/next", headers);
        this.getLatencies.push(performance.now() - started);
        count(this.getStatus, next.status);
        if (next.status !== 200) {
          this.sample(`GET /api/study/next ${next.status}: ${next.body.slice(0, 160)}`);
          await sleep(100);
          continue;
        }
        const parsed = JSON.parse(next.body) as { done: boolean; card?: StudyCard };
        if (parsed.done || !parsed.card) {
          this.queueEmpty++;
          await sleep(250);
          continue;
        }
        card = parsed.card;
      } catch (error) {
        this.networkErrors++;
        this.sample(`GET /api/study/next: ${(error as Error).message}`);
        await sleep(200);
        continue;
      }
      if (this.stopping) break;

      const clientRequestId = randomUUID();
      const review: SentReview = { learner: index, clientRequestId, body: JSON.stringify(reviewFor(card, this.options.correct, clientRequestId)) };
      this.reviews.push(review);
      started = performance.now();
      this.inFlight++;
      try {
        const answer = await this.http.request("POST", "/api/study/review", headers, review.body);
        this.postLatencies.push(performance.now() - started);
        count(this.postStatus, answer.status);
        review.status = answer.status;
        if (isOk(answer.status)) {
          review.duplicate = (JSON.parse(answer.body) as { duplicate?: boolean }).duplicate === true;
          this.acknowledgedCount++;
        } else {
          this.sample(`POST /api/study/review ${answer.status}: ${answer.body.slice(0, 160)}`);
        }
      } catch (error) {
        this.networkErrors++;
        review.error = (error as Error).message;
        this.sample(`POST /api/study/review: ${review.error}`);
        await sleep(200);
      } finally {
        this.inFlight--;
      }
    }
  }
}

function count(map: Map<number, number>, status: number): void {
  map.set(status, (map.get(status) ?? 0) + 1);
}

/** "200×1,234, 409×2" */
export function statusList(map: Map<number, number>): string {
  return [...map.entries()].sort((a, b) => a[0] - b[0]).map(([status, n]) => `${status}×${n.toLocaleString("en-US")}`).join(", ") || "none";
}

/**
 * Sends every unanswered review again, with the same clientRequestId and body, as a client does after a
 * connection error. Resolves with the reviews whose retry got no 2xx answer (each keeps its new status or error).
 */
export async function retryUnanswered(baseUrl: string, learners: readonly Learner[], reviews: readonly SentReview[]): Promise<{ retried: number; applied: number; duplicates: number; failed: SentReview[] }> {
  const http = new HttpClient(baseUrl, 30_000);
  const pending = reviews.filter((review) => review.status === undefined);
  let applied = 0;
  let duplicates = 0;
  const failed: SentReview[] = [];
  try {
    for (const review of pending) {
      try {
        const answer = await http.request("POST", "/api/study/review", { cookie: learners[review.learner]!.cookie }, review.body);
        review.status = answer.status;
        review.error = undefined;
        if (isOk(answer.status)) {
          review.duplicate = (JSON.parse(answer.body) as { duplicate?: boolean }).duplicate === true;
          if (review.duplicate) duplicates++;
          else applied++;
        } else {
          review.error = answer.body.slice(0, 200);
          failed.push(review);
        }
      } catch (error) {
        review.error = (error as Error).message;
        failed.push(review);
      }
    }
  } finally {
    http.close();
  }
  return { retried: pending.length, applied, duplicates, failed };
}

export interface StoredCheck {
  /** Reviews answered 2xx. */
  acknowledged: number;
  /** ReviewLog rows of the run's learners. */
  stored: number;
  /** Acknowledged request ids with no ReviewLog row. */
  lost: string[];
  /** Request ids with more than one ReviewLog row. */
  doubled: string[];
  /** Rows whose request id was never sent, or was refused (4xx/5xx). */
  unexpected: string[];
  /** Sent without an answer (a crash) yet stored: committed before the connection broke. */
  unansweredStored: number;
  /** Sent without an answer and not stored. */
  unansweredMissing: number;
  /** Nothing lost, doubled or unexpected. */
  ok: boolean;
}

/** Compares what the driver saw with the ReviewLog rows of its learners. */
export async function checkStored(db: Db, learners: readonly Learner[], reviews: readonly SentReview[]): Promise<StoredCheck> {
  const rows = await db.reviewLog.findMany({ where: { userId: { in: learners.map((learner) => learner.id) } }, select: { clientRequestId: true } });
  const rowsPerId = new Map<string, number>();
  for (const row of rows) rowsPerId.set(row.clientRequestId, (rowsPerId.get(row.clientRequestId) ?? 0) + 1);
  const sent = new Map(reviews.map((review) => [review.clientRequestId, review]));
  const acknowledged = reviews.filter((review) => isOk(review.status));
  const lost = acknowledged.filter((review) => !rowsPerId.has(review.clientRequestId)).map((review) => review.clientRequestId);
  const doubled = [...rowsPerId].filter(([, n]) => n > 1).map(([id]) => id);
  const unexpected = [...rowsPerId.keys()].filter((id) => {
    const review = sent.get(id);
    return !review || (review.status !== undefined && !isOk(review.status));
  });
  const unanswered = reviews.filter((review) => review.status === undefined);
  const unansweredStored = unanswered.filter((review) => rowsPerId.has(review.clientRequestId)).length;
  return {
    acknowledged: acknowledged.length,
    stored: rows.length,
    lost,
    doubled,
    unexpected,
    unansweredStored,
    unansweredMissing: unanswered.length - unansweredStored,
    ok: lost.length === 0 && doubled.length === 0 && unexpected.length === 0,
  };
}
