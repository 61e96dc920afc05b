/**
 * Two app instances on one PostgreSQL, as behind a load balancer without sticky sessions: two `next start`
 * processes of the production build with the same NEXTAUTH_SECRET on two ports. A session made on one works on
 * the other, a review request id is applied once whichever instance gets it (also both at the same moment), and
 * the login rate limits count failures made on either instance.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "../../lib/db-client";
import { correctChoices, createUsers, login, reviewFor, studyDeckIds, tryLogin, LEARNER_PASSWORD, type StudyCard } from "../../bench/lib/learners";
import { requireCurrentBuild, startNextServer, startSeededDatabase, type NextServer, type TestDatabase } from "./servers";

const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_IP = 8;
const RATE_LIMITED = /Too many failed log-in attempts/;

let database: TestDatabase | null = null;
let db: Db;
let a: NextServer | null = null;
let b: NextServer | null = null;
let deckIds: string[] = [];
let correct = new Map<string, number>();
let userCount = 0;

/** A new learner studying the test decks; each test uses its own. */
async function newLearner(): Promise<{ id: string; email: string }> {
  const [user] = await createUsers(db, `multi-${userCount++}`, 1, deckIds, { newCardsPerDay: 100 });
  return user!;
}

/** A documentation-range address per test, so each test has its own per-address rate-limit bucket. */
function testAddress(n: number): Record<string, string> {
  return { "x-forwarded-for": `198.51.100.${n}` };
}

async function nextCard(server: NextServer, cookie: string): Promise<StudyCard> {
  const response = await fetch(`${server.baseUrl}/api/study/next`, { headers: { cookie } });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { done: boolean; card?: StudyCard };
  expect(body.card).toBeDefined();
  return body.card!;
}

function postReview(server: NextServer, cookie: string, review: Record<string, unknown>): Promise<Response> {
  return fetch(`${server.baseUrl}/api/study/review`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify(review) });
}

beforeAll(async () => {
  await requireCurrentBuild();
  database = await startSeededDatabase("receptive-system-multi-");
  db = createPrismaClient(database.url, 2);
  deckIds = await studyDeckIds(db);
  correct = await correctChoices(db, deckIds);
  const secret = randomBytes(32).toString("base64url");
  const env = { LOGIN_MAX_FAILURES_PER_ACCOUNT: String(MAX_FAILURES_PER_ACCOUNT), LOGIN_MAX_FAILURES_PER_IP: String(MAX_FAILURES_PER_IP) };
  [a, b] = await Promise.all([startNextServer({ databaseUrl: database.url, secret, env }), startNextServer({ databaseUrl: database.url, secret, env })]);
}, 180_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await db?.$disconnect();
  if (database) {
    await database.postgres.stop();
    await rm(database.root, { recursive: true, force: true });
  }
}, 60_000);

describe("two app instances on one PostgreSQL", () => {
  it("a session made on A studies on B, and one made on B works on A", async () => {
    const learner = await newLearner();
    const cookieFromA = await login(a!.baseUrl, learner.email);
    const card = await nextCard(b!, cookieFromA);
    const review = await postReview(b!, cookieFromA, reviewFor(card, correct, randomUUID()));
    expect(review.status).toBe(201);

    const cookieFromB = await login(b!.baseUrl, learner.email);
    const next = await nextCard(a!, cookieFromB);
    expect(next.questionId).not.toBe(card.questionId);
    expect(await db.reviewLog.count({ where: { userId: learner.id } })).toBe(1);
  });

  it("the same clientRequestId sent to A, then to B, is stored once and B answers from the stored review", async () => {
    const learner = await newLearner();
    const cookie = await login(a!.baseUrl, learner.email);
    const card = await nextCard(a!, cookie);
    const review = reviewFor(card, correct, randomUUID());

    const first = await postReview(a!, cookie, review);
    const again = await postReview(b!, cookie, review);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    const [firstBody, againBody] = (await Promise.all([first.json(), again.json()])) as [{ duplicate: boolean; due: string; state: string }, unknown];
    expect(firstBody.duplicate).toBe(false);
    expect(againBody).toEqual({ ...firstBody, duplicate: true });
    expect(await db.reviewLog.count({ where: { clientRequestId: review.clientRequestId as string } })).toBe(1);
  });

  it("the same clientRequestId sent to A and B at the same moment is stored once; both answers agree", async () => {
    const learner = await newLearner();
    const cookie = await login(b!.baseUrl, learner.email);
    // Several rounds, so the two requests really overlap on at least some of them.
    for (let round = 0; round < 5; round++) {
      const card = await nextCard(a!, cookie);
      const review = reviewFor(card, correct, randomUUID());
      const answers = await Promise.all([postReview(a!, cookie, review), postReview(b!, cookie, review)]);
      const statuses = answers.map((answer) => answer.status).sort();
      expect(statuses).toEqual([200, 201]);
      const bodies = (await Promise.all(answers.map((answer) => answer.json()))) as Array<{ duplicate: boolean; due: string; state: string }>;
      expect(bodies.map((body) => body.duplicate).sort()).toEqual([false, true]);
      expect(bodies[0]!.due).toBe(bodies[1]!.due);
      expect(await db.reviewLog.count({ where: { clientRequestId: review.clientRequestId as string } })).toBe(1);
    }
    expect(await db.reviewLog.count({ where: { userId: learner.id } })).toBe(5);
  });

  it("the same clientRequestId for a card reviewed before, sent to A and B at the same moment, is stored once and answered as a duplicate", async () => {
    const learner = await newLearner();
    const cookie = await login(a!.baseUrl, learner.email);
    for (let round = 0; round < 5; round++) {
      // A card with history: review it once, then make it due again so it comes back first.
      const first = await nextCard(a!, cookie);
      expect((await postReview(a!, cookie, reviewFor(first, correct, randomUUID()))).status).toBe(201);
      await db.card.updateMany({ where: { userId: learner.id, question: { id: first.questionId } }, data: { due: new Date(Date.now() - 3_600_000) } });
      const card = await nextCard(b!, cookie);
      expect(card.questionId).toBe(first.questionId);
      expect(card.cardVersion).not.toBe("new");

      const review = reviewFor(card, correct, randomUUID());
      const answers = await Promise.all([postReview(a!, cookie, review), postReview(b!, cookie, review)]);
      expect(await db.reviewLog.count({ where: { clientRequestId: review.clientRequestId as string } })).toBe(1);
      // One applied it; the other is answered from the stored review, not refused as a conflicting edit.
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 201]);
    }
  });

  it("failed logins spread over A and B lock the account on both, even for the right password", async () => {
    const learner = await newLearner();
    const address = testAddress(1);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      const server = i % 2 === 0 ? a! : b!;
      const attempt = await tryLogin(server.baseUrl, learner.email, "wrong password", address);
      expect(attempt.cookie).toBeNull();
      expect(attempt.error).toBe("Email or password is incorrect.");
    }
    for (const server of [a!, b!]) {
      const refused = await tryLogin(server.baseUrl, learner.email, LEARNER_PASSWORD, address);
      expect(refused.cookie).toBeNull();
      expect(refused.error).toMatch(RATE_LIMITED);
    }
    // Only this account is locked: another learner from the same address still logs in.
    const other = await newLearner();
    expect((await tryLogin(b!.baseUrl, other.email, LEARNER_PASSWORD, address)).cookie).not.toBeNull();
  });

  it("failed logins for different accounts from one address, spread over A and B, lock that address on both", async () => {
    const learner = await newLearner();
    const address = testAddress(2);
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      const server = i % 2 === 0 ? b! : a!;
      const attempt = await tryLogin(server.baseUrl, `nobody-${i}@multi.test`, "wrong password", address);
      expect(attempt.error).toBe("Email or password is incorrect.");
    }
    for (const server of [a!, b!]) {
      const refused = await tryLogin(server.baseUrl, learner.email, LEARNER_PASSWORD, address);
      expect(refused.cookie).toBeNull();
      expect(refused.error).toMatch(RATE_LIMITED);
    }
    // The same learner from another address is not affected.
    expect((await tryLogin(a!.baseUrl, learner.email, LEARNER_PASSWORD, testAddress(3))).cookie).not.toBeNull();
  });
});
