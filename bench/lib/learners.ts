/**
 * Test learners for the study-loop benchmarks and system tests: created directly in the database (one argon2
 * hash for all), then logged in over HTTP with next-auth's credentials flow, as a browser would.
 */
import type { Db } from "../../lib/db-client";
import { hashPassword } from "../../lib/auth/password";

/** The password of every learner this module creates. */
export const LEARNER_PASSWORD = "bench-password-123";

/**
 * Seeded decks without numeric questions (checked against the database before a run), so the study loop can
 * rate every card without answering a numeric template first.
 */
export const STUDY_DECKS = ["training-dynamics", "regularization-and-normalization", "segmentation", "transformers-for-vision", "data-and-evaluation"];

export interface Learner {
  id: string;
  email: string;
  /** The session cookie(s) as a Cookie header value. */
  cookie: string;
}

export interface StudyCard {
  questionId: string;
  cardVersion: string;
  kind: string;
}

/** Ids of the seeded STUDY_DECKS that have no NUMERIC questions; `log` receives a one-line summary. */
export async function studyDeckIds(db: Db, log: (line: string) => void = () => {}): Promise<string[]> {
  const decks = await db.deck.findMany({ where: { slug: { in: STUDY_DECKS } }, select: { id: true, slug: true } });
  const missing = STUDY_DECKS.filter((slug) => !decks.some((deck) => deck.slug === slug));
  if (missing.length > 0) log(`warning: decks not seeded: ${missing.join(", ")}`);
  const numeric = await db.question.groupBy({ by: ["deckId"], where: { deckId: { in: decks.map((deck) => deck.id) }, kind: "NUMERIC" }, _count: true });
  const withNumeric = new Set(numeric.map((row) => row.deckId));
  for (const deck of decks) if (withNumeric.has(deck.id)) log(`warning: deck ${deck.slug} has NUMERIC questions; left out of the study decks`);
  const chosen = decks.filter((deck) => !withNumeric.has(deck.id));
  if (chosen.length === 0) throw new Error("none of the study decks is seeded without NUMERIC questions; check content/");
  const counts = await db.question.groupBy({ by: ["kind"], where: { deckId: { in: chosen.map((deck) => deck.id) }, status: "ACTIVE" }, _count: true });
  const summary = counts.map((row) => `${row._count} ${row.kind.toLowerCase().replace("_", "-")}`).join(", ");
  log(`study decks: ${chosen.map((deck) => deck.slug).join(", ")} (${summary}; verified: 0 NUMERIC)`);
  return chosen.map((deck) => deck.id);
}

/** questionId → index of a correct option, so multiple-choice reviews can be rated Good. */
export async function correctChoices(db: Db, deckIds: string[]): Promise<Map<string, number>> {
  const questions = await db.question.findMany({ where: { deckId: { in: deckIds }, kind: "MULTIPLE_CHOICE" }, select: { id: true, choices: true } });
  const map = new Map<string, number>();
  for (const question of questions) {
    const choices = Array.isArray(question.choices) ? (question.choices as Array<{ correct?: unknown } | null>) : [];
    const index = choices.findIndex((choice) => choice?.correct === true);
    if (index >= 0) map.set(question.id, index);
  }
  return map;
}

/**
 * `count` learners `<prefix>-000@bench.test` … studying `deckIds`, with LEARNER_PASSWORD, in UTC, sorted by email.
 */
export async function createUsers(db: Db, prefix: string, count: number, deckIds: string[], settings: { newCardsPerDay?: number } = {}): Promise<Array<{ id: string; email: string }>> {
  const passwordHash = await hashPassword(LEARNER_PASSWORD); // one hash for all: the same password verifies against it
  const emails = Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(3, "0")}@bench.test`);
  await db.user.createMany({
    data: emails.map((email, i) => ({ email, name: `${prefix} ${i}`, passwordHash, timeZone: "UTC", timeZoneConfirmed: true, ...settings })),
  });
  const users = await db.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true }, orderBy: { email: "asc" } });
  await db.studyDeck.createMany({ data: users.flatMap((user) => deckIds.map((deckId) => ({ userId: user.id, deckId }))) });
  return users;
}

function cookiePairs(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!.trim());
}

export interface LoginResult {
  /** The session cookie(s) as a Cookie header value; null when the login was refused. */
  cookie: string | null;
  /** next-auth's `error` parameter on a refusal: the app's own message ("Too many failed log-in attempts…"). */
  error: string | null;
}

/**
 * One next-auth v4 credentials login over HTTP (CSRF token first, as the login form does). `headers` go on the
 * credentials POST, e.g. an X-Forwarded-For that picks the per-address rate-limit bucket.
 */
export async function tryLogin(baseUrl: string, email: string, password = LEARNER_PASSWORD, headers: Record<string, string> = {}): Promise<LoginResult> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { signal: AbortSignal.timeout(30_000) });
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered HTTP ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error("GET /api/auth/csrf returned no csrfToken");
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: cookiePairs(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
  });
  const session = cookiePairs(response).filter((pair) => pair.startsWith("next-auth.session-token"));
  const text = await response.text();
  if (session.length > 0) return { cookie: session.join("; "), error: null };
  let error: string | null = null;
  try {
    const url = (JSON.parse(text) as { url?: string }).url;
    error = url ? new URL(url, baseUrl).searchParams.get("error") : null;
  } catch {
    // not next-auth's JSON answer
  }
  return { cookie: null, error: error ?? `HTTP ${response.status} ${text.slice(0, 200)}` };
}

/** Logs in and returns the session cookie; throws when the login is refused. */
export async function login(baseUrl: string, email: string, password = LEARNER_PASSWORD): Promise<string> {
  const result = await tryLogin(baseUrl, email, password);
  if (!result.cookie) throw new Error(`login of ${email} failed: ${result.error}`);
  return result.cookie;
}

/** Logs every user in, a few at a time (each login verifies an argon2 hash, ~30 ms of CPU); sorted by email. */
export async function loginAll(baseUrl: string, users: Array<{ id: string; email: string }>, parallel = 4): Promise<Learner[]> {
  const learners: Learner[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < users.length) {
        const user = users[next++]!;
        learners.push({ ...user, cookie: await login(baseUrl, user.email) });
      }
    }),
  );
  learners.sort((a, b) => a.email.localeCompare(b.email));
  // One authenticated request proves the cookie works before the load starts.
  const check = await fetch(`${baseUrl}/api/study/next`, { headers: { cookie: learners[0]!.cookie }, signal: AbortSignal.timeout(30_000) });
  if (check.status !== 200) throw new Error(`GET /api/study/next with a fresh session answered HTTP ${check.status}: ${(await check.text()).slice(0, 200)}`);
  return learners;
}

/**
 * The review body the study loop sends for `card`: Good (3), or for a multiple-choice card the correct option and
 * Good, or option 0 and Again (1) when the correct one is unknown (a wrong pick only allows Again).
 */
export function reviewFor(card: StudyCard, correct: Map<string, number>, clientRequestId: string): Record<string, unknown> {
  const review: Record<string, unknown> = { clientRequestId, questionId: card.questionId, cardVersion: card.cardVersion, rating: 3 };
  if (card.kind === "MULTIPLE_CHOICE") {
    const right = correct.get(card.questionId);
    Object.assign(review, right === undefined ? { choiceIndex: 0, rating: 1 } : { choiceIndex: right, rating: 3 });
  }
  return review;
}
