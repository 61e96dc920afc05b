/**
 * The world the endpoint table (./endpoints.ts) runs in: one user per actor, a shared deck with a flashcard, a
 * multiple-choice and a numeric question, a personal deck of the learner, an Anki package and a content image; plus
 * a fingerprint of every table, so "nothing changed" covers the whole database, and a uniform way to call an action or
 * a route handler. Everything created carries the fixture's tag, so `destroyFixture` removes exactly that.
 *
 * Not a test file: the test files that use it declare the session and database mocks themselves (vi.mock is hoisted
 * per file).
 */
import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { saveQuestion } from "@/lib/admin/questions";
import { hashPassword } from "@/lib/auth/password";
import { refreshBankOrder } from "@/lib/bank/order";
import type { QuestionDraft } from "@/lib/content/draft";
import type { Db } from "@/lib/db-client";
import { createGroup, createGroupInvite } from "@/lib/groups/service";
import { BASIC_MODEL, buildApkg } from "@/lib/learner-data/apkg-fixture";

/** Who calls: nobody, two unrelated learners, the three roles of a study group (all learners), and an admin. */
export type Actor = "anonymous" | "learner" | "otherLearner" | "member" | "moderator" | "owner" | "admin";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: "LEARNER" | "ADMIN";
}

/** A group made for one case: the fixture's owner, moderator and member, and the bystander as a second member. */
export interface GroupFixture {
  id: string;
  name: string;
  inviteId: string;
  code: string;
}

export interface Fixture {
  db: Db;
  /** Lower-case prefix of every email, slug, key and group name the fixture creates. */
  tag: string;
  /** The learner's password (the others share another one). */
  learnerPassword: string;
  users: Record<Exclude<Actor, "anonymous"> | "bystander", SessionUser>;
  deck: { id: string; slug: string };
  questions: { flashcard: string; choice: string; numeric: string; archivable: string; restorable: string };
  /** The learner's personal deck: its slug and its questions' ids. */
  personal: { slug: string; questionIds: string[] };
  /** An Anki package nobody has imported. */
  apkg: Uint8Array;
  /** Path segments of an image under the content folder (RECEPTIVE_CONTENT_DIR points at a temporary one). */
  asset: string[];
  /** Names of every group made so far, which no refused response may mention. */
  groupNames: string[];
  /** Whether the learner gets the 400 reviews "Optimise my scheduler" needs (the fuzz file keeps it off). */
  optimizerReviews: boolean;
  /** Temporary content folder and the RECEPTIVE_CONTENT_DIR it replaced. */
  contentDir: string;
  previousContentDir: string | undefined;
  serial: number;
}

/** A flashcard draft; `key` and `deck` make it the fixture's. */
export function flashcardDraft(fx: Fixture, key: string): QuestionDraft {
  return {
    key,
    deck: fx.deck.slug,
    kind: "flashcard",
    title: "What does the matrix check?",
    tags: [],
    difficulty: 1,
    choices: [],
    templateYaml: "",
    prompt: "Who may call each endpoint?",
    answer: "The table says.",
    explanation: "Each endpoint has one row.",
    translations: { zh: null },
  };
}

export function numericDraft(fx: Fixture, key: string): QuestionDraft {
  return {
    ...flashcardDraft(fx, key),
    kind: "numeric",
    title: "Parameters of a square kernel",
    templateYaml: 'variables:\n  k: { choices: [3] }\nanswer: "k * k"\ntolerance: { type: exact }\nunit: parameters\nsolution: "{{k}} squared is {{answer}}."\n',
    prompt: "A {{k}}×{{k}} kernel has how many parameters?",
    answer: "{{answer}} parameters.",
  };
}

/** A few bytes with a PNG signature: the route serves files as they are. */
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export async function createFixture(db: Db, options: { optimizerReviews: boolean }): Promise<Fixture> {
  const tag = `pm${randomUUID().slice(0, 8)}`;
  const learnerPassword = "learner horse battery";
  const [learnerHash, otherHash] = await Promise.all([hashPassword(learnerPassword), hashPassword("someone else's battery")]);
  const user = async (label: string, role: "LEARNER" | "ADMIN" = "LEARNER"): Promise<SessionUser> => {
    const row = await db.user.create({
      data: { email: `${tag}-${label.toLowerCase()}@example.test`, name: `${label} ${tag}`, passwordHash: label === "Learner" ? learnerHash : otherHash, role },
    });
    return { id: row.id, email: row.email, name: row.name, role: row.role };
  };
  const users = {
    learner: await user("Learner"),
    otherLearner: await user("Otherlearner"),
    member: await user("Member"),
    moderator: await user("Moderator"),
    owner: await user("Owner"),
    admin: await user("Admin", "ADMIN"),
    bystander: await user("Bystander"),
  };

  const deck = await db.deck.create({ data: { slug: `${tag}-deck`, title: `Deck ${tag}`, order: 900 }, select: { id: true, slug: true } });
  const fx: Fixture = {
    db,
    tag,
    learnerPassword,
    users,
    deck,
    questions: { flashcard: "", choice: "", numeric: "", archivable: "", restorable: "" },
    personal: { slug: "", questionIds: [] },
    apkg: new Uint8Array(),
    asset: [],
    groupNames: [],
    optimizerReviews: options.optimizerReviews,
    contentDir: "",
    previousContentDir: process.env.RECEPTIVE_CONTENT_DIR,
    serial: 0,
  };
  const save = async (draft: QuestionDraft) => (await saveQuestion(db, users.admin.id, { draft })).id;
  fx.questions.flashcard = await save(flashcardDraft(fx, `${tag}-flashcard`));
  fx.questions.choice = await save({
    ...flashcardDraft(fx, `${tag}-choice`),
    kind: "multiple-choice",
    choices: [
      { text: "The table", correct: true, why: "" },
      { text: "Nobody", correct: false, why: "Someone always does." },
    ],
  });
  fx.questions.numeric = await save(numericDraft(fx, `${tag}-numeric`));
  fx.questions.archivable = await save(flashcardDraft(fx, `${tag}-archivable`));
  fx.questions.restorable = await save(flashcardDraft(fx, `${tag}-restorable`));
  await saveQuestion(db, users.admin.id, { id: fx.questions.restorable, expectedVersion: 1, draft: { ...flashcardDraft(fx, `${tag}-restorable`), title: "Edited once" } });

  fx.personal = await personalDeck(fx, "mine");
  fx.apkg = await buildApkg({
    models: [BASIC_MODEL],
    notes: [
      { guid: `${tag}-a`, modelId: BASIC_MODEL.id, fields: ["Front A", "Back A"] },
      { guid: `${tag}-b`, modelId: BASIC_MODEL.id, fields: ["Front B", "Back B"] },
    ],
  });

  fx.contentDir = await mkdtemp(path.join(tmpdir(), "receptive-matrix-"));
  await mkdir(path.join(fx.contentDir, deck.slug));
  await writeFile(path.join(fx.contentDir, deck.slug, "figure.png"), PNG);
  fx.asset = [deck.slug, "figure.png"];
  process.env.RECEPTIVE_CONTENT_DIR = fx.contentDir;
  return fx;
}

/** A new personal deck of the learner with three flashcards (as an Anki import makes them). */
export async function personalDeck(fx: Fixture, label: string): Promise<{ slug: string; questionIds: string[] }> {
  const slug = `${fx.tag}-${label}-${(fx.serial += 1)}`;
  const deck = await fx.db.deck.create({ data: { slug, title: `Personal ${slug}`, ownerId: fx.users.learner.id }, select: { id: true } });
  const questionIds: string[] = [];
  for (const n of [1, 2, 3]) {
    const question = await fx.db.question.create({
      data: { key: `${slug}-q${n}`, deckId: deck.id, kind: "FLASHCARD", title: `Personal card ${n}`, prompt: "P?", answer: "A.", origin: "ADMIN" },
    });
    questionIds.push(question.id);
  }
  await refreshBankOrder(fx.db, [deck.id]);
  return { slug, questionIds };
}

/** A new group with every group role filled, for one case. */
export async function freshGroup(fx: Fixture): Promise<GroupFixture> {
  const { db, users } = fx;
  const name = `${fx.tag} circle ${(fx.serial += 1)}`;
  const { id } = await createGroup(db, users.owner.id, { name });
  await db.groupMember.createMany({
    data: [
      { groupId: id, userId: users.moderator.id, role: "MODERATOR" },
      { groupId: id, userId: users.member.id, role: "MEMBER" },
      { groupId: id, userId: users.bystander.id, role: "MEMBER" },
    ],
  });
  const { code } = await createGroupInvite(db, users.owner.id, { groupId: id, validDays: 7, maxUses: 50 });
  const inviteId = (await db.groupInvite.findFirstOrThrow({ where: { groupId: id }, select: { id: true } })).id;
  fx.groupNames.push(name);
  return { id, name, inviteId, code };
}

/** A learner account nobody else uses, for actions that change or lock one (role, disable, reset link). */
export async function freshUser(fx: Fixture): Promise<SessionUser> {
  const label = `target-${(fx.serial += 1)}`;
  const row = await fx.db.user.create({ data: { email: `${fx.tag}-${label}@example.test`, name: `Target ${fx.tag}`, passwordHash: "not a hash" } });
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

/** Gives the learner the 400 reviews "Optimise my scheduler" asks for (once; same-day reviews, so the run ends fast). */
export async function ensureOptimizerReviews(fx: Fixture): Promise<void> {
  const { db } = fx;
  const userId = fx.users.learner.id;
  if (!fx.optimizerReviews || (await db.reviewLog.count({ where: { userId } })) >= 400) return;
  const card = await db.card.upsert({
    where: { userId_questionId: { userId, questionId: fx.personal.questionIds[2]! } },
    create: { userId, questionId: fx.personal.questionIds[2]!, due: new Date("2020-01-02T00:00:00Z"), state: "REVIEW" },
    update: {},
  });
  await db.reviewLog.createMany({
    data: Array.from({ length: 400 }, (_, index) => ({
      cardId: card.id,
      userId,
      rating: 3,
      stateBefore: "NEW" as const,
      dueBefore: new Date("2020-01-01T00:00:00Z"),
      reviewedAt: new Date(Date.UTC(2020, 0, 1, 10, 0, index)),
      stability: 0,
      difficulty: 0,
      elapsedDays: 0,
      lastElapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      clientRequestId: randomUUID(),
    })),
  });
}

/** Waits until none of the user's optimiser runs is RUNNING (they train in the background of this process). */
export async function optimizerSettled(db: Db, userId: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while ((await db.optimizerRun.count({ where: { userId, status: "RUNNING" } })) > 0) {
    if (Date.now() > deadline) throw new Error("the optimiser run did not finish within 20 s");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Strings a refused response must not contain: every other fixture user's name and email, and every group's name. */
export function secretsFor(fx: Fixture, actor: Actor): string[] {
  const own = actor === "anonymous" ? null : fx.users[actor].id;
  const people = Object.values(fx.users).filter((user) => user.id !== own);
  return [...people.flatMap((user) => [user.name, user.email]), ...fx.groupNames];
}

/** Removes what the fixture (and the allowed calls in its name) created, and restores RECEPTIVE_CONTENT_DIR. */
export async function destroyFixture(fx: Fixture): Promise<void> {
  const { db, tag } = fx;
  const mine = { email: { startsWith: `${tag}-` } };
  // Decks an accepted fuzz call created under another slug are found through the audit log.
  const audited = await db.auditLog.findMany({ where: { action: "deck.create", actor: mine }, select: { targetId: true } });
  const createdIds = audited.flatMap((row) => (row.targetId ? [row.targetId] : []));
  const decks = { OR: [{ slug: { startsWith: `${tag}-` } }, { owner: mine }, { id: { in: createdIds } }] };
  await db.card.deleteMany({ where: { OR: [{ user: mine }, { question: { deck: decks } }] } });
  await db.question.deleteMany({ where: { deck: decks } });
  await db.deck.deleteMany({ where: decks });
  await db.studyGroup.deleteMany({ where: { OR: [{ name: { startsWith: tag } }, { members: { some: { user: mine } } }] } });
  await db.user.deleteMany({ where: mine });
  await db.instanceSetting.deleteMany({ where: { key: "registrationMode" } });
  if (fx.previousContentDir === undefined) delete process.env.RECEPTIVE_CONTENT_DIR;
  else process.env.RECEPTIVE_CONTENT_DIR = fx.previousContentDir;
  await rm(fx.contentDir, { recursive: true, force: true });
}

/** Every table's row count and a hash of its rows, keyed by table name: equal fingerprints mean no row changed. */
export type Fingerprint = Map<string, string>;

let tableQuery: string | null = null;

export async function fingerprint(db: Db): Promise<Fingerprint> {
  if (!tableQuery) {
    const tables = await db.$queryRaw<Array<{ name: string }>>`
      SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename`;
    // Names come from the catalogue, not from input; quoted as identifiers.
    tableQuery = tables
      .map(({ name }) => `SELECT '${name}' AS name, count(*)::text || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS print FROM "${name}" t`)
      .join(" UNION ALL ");
  }
  const rows = await db.$queryRawUnsafe<Array<{ name: string; print: string }>>(tableQuery);
  return new Map(rows.map((row) => [row.name, row.print]));
}

/** Names of the tables whose fingerprint differs, sorted. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((name) => before.get(name) !== after.get(name)).sort();
}

/** What a call returned, reduced to what the tests judge: accepted or not, the HTTP status, and the text sent. */
export interface Outcome {
  ok: boolean;
  status: number | null;
  text: string;
}

/** Calls an action or a route handler; a Response's body is read in full (streamed downloads included). */
export async function invoke(fn: (...args: unknown[]) => unknown, args: unknown[]): Promise<Outcome> {
  const result = await fn(...args);
  if (result instanceof Response) {
    const text = await result.text();
    return { ok: result.status >= 200 && result.status < 300, status: result.status, text };
  }
  const ok = typeof result === "object" && result !== null && (result as { ok?: unknown }).ok === true;
  return { ok, status: null, text: JSON.stringify(result) ?? "undefined" };
}
