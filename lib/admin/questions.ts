/**
 * Question-bank editing for admins: the paged list with filters, create and edit (validated with the content-file
 * rules, see lib/content/draft.ts), archive and restore, revisions with diffs, and restoring a revision.
 *
 * Every save writes a QuestionRevision (who, when, the full content) and an AuditLog row in the same transaction.
 * Learners' cards and review history are kept; only a material change (see `isMaterialChange`) can, when the
 * admin asks for it, reset the cards to new, and the number of learners affected is shown before.
 */
import type { Prisma } from "@/generated/prisma/client";
import { refreshBankOrder } from "@/lib/bank/order";
import { KIND_TO_DB, STORED_CONTENT_SELECT, contentColumns, contentOfRow, revisionSnapshot, type QuestionContent } from "@/lib/bank/stored";
import { draftFromContent, questionDraftSchema, translationIsStale, validateDraft, type QuestionDraft } from "@/lib/content/draft";
import type { Db } from "@/lib/db-client";
import { AppError } from "@/lib/errors";
import { z } from "zod";
import { writeAudit } from "./audit";
import { assertAdmin, type Tx } from "./guard";
import { parseOrThrow } from "./schemas";
import { diffSnapshots, isMaterialChange, parseRevisionSnapshot, type FieldChange, type RevisionSnapshot } from "./revision-diff";
import { SHARED_DECKS } from "@/lib/bank/visibility";

export const QUESTION_PAGE_SIZE = 50;

const optionalText = (max: number) => z.string().trim().max(max).catch("").default("");

export const questionListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  q: optionalText(200),
  deck: optionalText(100),
  kind: z.enum(["FLASHCARD", "MULTIPLE_CHOICE", "NUMERIC", ""]).catch("").default(""),
  status: z.enum(["ACTIVE", "ARCHIVED", "ALL"]).catch("ACTIVE").default("ACTIVE"),
  tag: optionalText(100),
  difficulty: z.union([z.coerce.number().int().min(1).max(5), z.literal("")]).catch("").default(""),
  /** "1": only questions edited in the browser since they were last seeded (or made in the browser). */
  edited: z.enum(["1", ""]).catch("").default(""),
});
export type QuestionListQuery = z.infer<typeof questionListQuerySchema>;

export interface AdminQuestionRow {
  id: string;
  key: string;
  title: string;
  kind: "FLASHCARD" | "MULTIPLE_CHOICE" | "NUMERIC";
  status: "ACTIVE" | "ARCHIVED";
  origin: "CONTENT" | "ADMIN";
  difficulty: number;
  tags: string[];
  deck: { slug: string; title: string };
  editedInBrowser: boolean;
  version: number;
  updatedAt: Date;
}

export interface AdminQuestionPage {
  rows: AdminQuestionRow[];
  total: number;
  page: number;
  pageCount: number;
  query: QuestionListQuery;
}

function listWhere(query: QuestionListQuery): Prisma.QuestionWhereInput {
  // The shared bank only: learners' personal (imported) decks are theirs (lib/bank/visibility.ts).
  const where: Prisma.QuestionWhereInput = { deck: SHARED_DECKS };
  const and: Prisma.QuestionWhereInput[] = [];
  if (query.status !== "ALL") where.status = query.status;
  if (query.deck) where.deck = { ...SHARED_DECKS, slug: query.deck };
  if (query.kind) where.kind = query.kind;
  if (query.difficulty !== "") where.difficulty = query.difficulty;
  if (query.tag) where.tags = { has: query.tag };
  if (query.edited) and.push({ OR: [{ editedAt: { not: null } }, { origin: "ADMIN" }] });
  for (const word of query.q.split(/\s+/).filter(Boolean).slice(0, 5)) {
    and.push({ OR: [{ title: { contains: word, mode: "insensitive" } }, { key: { contains: word.toLowerCase() } }] });
  }
  if (and.length > 0) where.AND = and;
  return where;
}

/** One page of questions (deck order, then bank order) with the total, for /admin/questions. */
export async function listQuestionsForAdmin(db: Db, actorId: string, input: unknown): Promise<AdminQuestionPage> {
  await assertAdmin(db, actorId);
  const query = questionListQuerySchema.parse(input ?? {});
  const where = listWhere(query);
  const [rows, total] = await Promise.all([
    db.question.findMany({
      where,
      orderBy: [{ deck: { order: "asc" } }, { deckId: "asc" }, { bankRank: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * QUESTION_PAGE_SIZE,
      take: QUESTION_PAGE_SIZE,
      select: {
        id: true, key: true, title: true, kind: true, status: true, origin: true, difficulty: true, tags: true, editedAt: true, version: true, updatedAt: true,
        deck: { select: { slug: true, title: true } },
      },
    }),
    db.question.count({ where }),
  ]);
  return {
    rows: rows.map(({ editedAt, ...row }) => ({ ...row, editedInBrowser: editedAt !== null || row.origin === "ADMIN" })),
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / QUESTION_PAGE_SIZE)),
    query,
  };
}

export interface RevisionSummary {
  id: string;
  version: number;
  reason: string;
  authorEmail: string | null;
  createdAt: Date;
}

export interface QuestionForEdit {
  id: string;
  version: number;
  status: "ACTIVE" | "ARCHIVED";
  origin: "CONTENT" | "ADMIN";
  editedAt: Date | null;
  draft: QuestionDraft;
  /** The stored Chinese translation was made from older English (the editor warns); false without one. */
  translationStale: boolean;
  /** Learners who have reviewed this question at least once: whose cards a reset would affect. */
  affectedLearners: number;
  revisions: RevisionSummary[];
}

/** Learners with a reviewed card for the question. */
export function countAffectedLearners(db: Db | Tx, questionId: string): Promise<number> {
  return db.card.count({ where: { questionId, reps: { gt: 0 } } });
}

export async function getQuestionForEdit(db: Db, actorId: string, id: string): Promise<QuestionForEdit | null> {
  await assertAdmin(db, actorId);
  const row = await db.question.findFirst({
    where: { id, deck: SHARED_DECKS },
    select: {
      id: true, version: true, status: true, origin: true, editedAt: true, ...STORED_CONTENT_SELECT,
      revisions: { orderBy: { version: "desc" }, take: 100, select: { id: true, version: true, reason: true, createdAt: true, author: { select: { email: true } } } },
    },
  });
  if (!row) return null;
  const content = contentOfRow(row);
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    origin: row.origin,
    editedAt: row.editedAt,
    draft: draftFromContent(content),
    translationStale: translationIsStale(content),
    affectedLearners: await countAffectedLearners(db, row.id),
    revisions: row.revisions.map((revision) => ({ ...revision, authorEmail: revision.author?.email ?? null })),
  };
}

export const saveQuestionSchema = z.object({
  /** Absent: create a new question. */
  id: z.string().min(1).max(64).optional(),
  /** The version the admin edited; a save over a newer version is refused. */
  expectedVersion: z.number().int().min(1).optional(),
  draft: questionDraftSchema,
  /** On a material change: reset learners' cards of this question to new (their history is kept). */
  resetCards: z.boolean().default(false),
});

export interface SaveOutcome {
  id: string;
  version: number;
  /** False when the draft equals the stored question (nothing written). */
  changed: boolean;
  material: boolean;
  cardsReset: number;
  /** The Chinese translation as saved (null without one): the English fingerprint it records and whether that is stale. */
  translation: TranslationState | null;
}

export interface TranslationState {
  source: string;
  stale: boolean;
}

function translationState(content: QuestionContent): TranslationState | null {
  const zh = content.translations.zh;
  return zh ? { source: zh.source, stale: translationIsStale(content) } : null;
}

function invalidDraft(issues: Array<{ field: string; message: string }>): AppError {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) (fieldErrors[issue.field] ??= []).push(issue.message);
  return new AppError("VALIDATION", "Please fix the highlighted fields.", fieldErrors);
}

async function deckIdOf(tx: Tx, slug: string): Promise<string> {
  const deck = await tx.deck.findFirst({ where: { slug, ...SHARED_DECKS }, select: { id: true } });
  if (!deck) throw new AppError("VALIDATION", "Please fix the highlighted fields.", { deck: [`There is no deck "${slug}".`] });
  return deck.id;
}

/** Creates or updates a question from an editor draft. */
export async function saveQuestion(db: Db, actorId: string, input: unknown, now = new Date()): Promise<SaveOutcome> {
  await assertAdmin(db, actorId);
  const parsed = saveQuestionSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "The form was incomplete. Reload the page and try again.");
  const { id, expectedVersion, draft, resetCards } = parsed.data;
  const result = validateDraft(draft);
  if (!result.ok) throw invalidDraft(result.issues);
  if (!id) return createQuestion(db, actorId, result.content);
  if (expectedVersion === undefined) throw new AppError("VALIDATION", "The form was incomplete. Reload the page and try again.");
  return db.$transaction((tx) => updateQuestion(tx, actorId, { id, expectedVersion, content: result.content, resetCards, reason: "admin-edit", now }));
}

async function createQuestion(db: Db, actorId: string, content: QuestionContent): Promise<SaveOutcome> {
  try {
    return await db.$transaction(async (tx) => {
      const deckId = await deckIdOf(tx, content.deck);
      const created = await tx.question.create({ data: { key: content.key, ...contentColumns(content, deckId), origin: "ADMIN", contentHash: null, version: 1 } });
      await tx.questionRevision.create({ data: { questionId: created.id, version: 1, reason: "admin-create", authorId: actorId, snapshot: revisionSnapshot(content) } });
      await refreshBankOrder(tx, [deckId]);
      await writeAudit(tx, { actorId, action: "question.create", targetType: "Question", targetId: created.id, after: { key: content.key, deck: content.deck, kind: content.kind } });
      return { id: created.id, version: 1, changed: true, material: true, cardsReset: 0, translation: translationState(content) };
    });
  } catch (error) {
    if (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002") {
      throw new AppError("VALIDATION", "Please fix the highlighted fields.", { key: [`The key "${content.key}" is already used by another question.`] });
    }
    throw error;
  }
}

interface UpdateRequest {
  id: string;
  expectedVersion: number;
  content: QuestionContent;
  resetCards: boolean;
  reason: "admin-edit" | "restore";
  now: Date;
}

async function updateQuestion(tx: Tx, actorId: string, request: UpdateRequest): Promise<SaveOutcome> {
  const current = await tx.question.findUnique({ where: { id: request.id }, select: { id: true, version: true, deckId: true, ...STORED_CONTENT_SELECT } });
  if (!current) throw new AppError("NOT_FOUND", "That question no longer exists.");
  if (current.version !== request.expectedVersion) {
    throw new AppError("CONFLICT", `Someone saved this question meanwhile (now version ${current.version}). Reload to see their change, then edit again.`);
  }
  if (request.content.key !== current.key) {
    throw new AppError("VALIDATION", "Please fix the highlighted fields.", { key: ["The key of an existing question cannot change (content files are matched by it)."] });
  }
  const before = contentOfRow(current);
  const beforeSnapshot = parseRevisionSnapshot(revisionSnapshot(before));
  const afterSnapshot = parseRevisionSnapshot(revisionSnapshot(request.content))!;
  const changes = diffSnapshots(beforeSnapshot, afterSnapshot);
  // Unchanged: the request's content is the stored one, so its translation state is the stored state.
  if (changes.length === 0) return { id: current.id, version: current.version, changed: false, material: false, cardsReset: 0, translation: translationState(request.content) };

  const material = isMaterialChange(beforeSnapshot, afterSnapshot);
  const deckId = await deckIdOf(tx, request.content.deck);
  // Conditional on the version read: two admins saving at once cannot both win.
  const { count } = await tx.question.updateMany({
    where: { id: current.id, version: current.version },
    data: { ...contentColumns(request.content, deckId), editedAt: request.now, version: { increment: 1 } },
  });
  if (count !== 1) throw new AppError("CONFLICT", "Someone saved this question meanwhile. Reload to see their change, then edit again.");
  const version = current.version + 1;
  await tx.questionRevision.create({ data: { questionId: current.id, version, reason: request.reason, authorId: actorId, snapshot: revisionSnapshot(request.content) } });
  const cardsReset = material && request.resetCards ? await resetCards(tx, current.id, request.now) : 0;
  await refreshBankOrder(tx, deckId !== current.deckId ? [deckId] : []);
  await writeAudit(tx, {
    actorId,
    action: request.reason === "restore" ? "question.revision.restore" : "question.update",
    targetType: "Question",
    targetId: current.id,
    before: { version: current.version },
    after: { version, fields: changes.map((change) => change.field), material, cardsReset },
  });
  return { id: current.id, version, changed: true, material, cardsReset, translation: translationState(request.content) };
}

/**
 * Puts every learner's card of the question back to new (due now), keeping their review history. A card
 * suspended as a leech is released, since its lapses no longer count.
 */
async function resetCards(tx: Tx, questionId: string, now: Date): Promise<number> {
  const fresh = { state: "NEW" as const, due: now, stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, lastReview: null };
  await tx.card.updateMany({ where: { questionId, leech: true }, data: { leech: false, suspended: false } });
  const { count } = await tx.card.updateMany({ where: { questionId, reps: { gt: 0 } }, data: fresh });
  return count;
}

export const setArchivedSchema = z.object({ id: z.string().min(1).max(64), archived: z.boolean() });

/** Archives (hidden from learners; cards and history kept) or restores a question. */
export async function setQuestionArchived(db: Db, actorId: string, input: unknown, now = new Date()): Promise<void> {
  await assertAdmin(db, actorId);
  const { id, archived } = parseOrThrow(setArchivedSchema, input);
  await db.$transaction(async (tx) => {
    const question = await tx.question.findUnique({ where: { id }, select: { id: true, status: true, deckId: true, key: true } });
    if (!question) throw new AppError("NOT_FOUND", "That question no longer exists.");
    const status = archived ? "ARCHIVED" : "ACTIVE";
    if (question.status === status) return;
    // editedAt marks the decision as the browser's, so the next seed keeps it (see planSeed).
    await tx.question.update({ where: { id }, data: { status, editedAt: now } });
    await refreshBankOrder(tx, archived ? [] : [question.deckId]);
    await writeAudit(tx, { actorId, action: archived ? "question.archive" : "question.unarchive", targetType: "Question", targetId: id, before: { status: question.status }, after: { status } });
  });
}

export interface RevisionWithChanges extends RevisionSummary {
  /** What this revision changed compared with the one before it. */
  changes: FieldChange[];
}

/** A question's revisions, newest first, each with its diff against the previous one. */
export async function listRevisions(db: Db, actorId: string, questionId: string): Promise<{ key: string; title: string; version: number; revisions: RevisionWithChanges[] } | null> {
  await assertAdmin(db, actorId);
  const question = await db.question.findUnique({
    where: { id: questionId },
    select: {
      key: true, title: true, version: true,
      revisions: { orderBy: { version: "asc" }, select: { id: true, version: true, reason: true, createdAt: true, snapshot: true, author: { select: { email: true } } } },
    },
  });
  if (!question) return null;
  let previous: RevisionSnapshot | null = null;
  const revisions: RevisionWithChanges[] = [];
  for (const revision of question.revisions) {
    const snapshot = parseRevisionSnapshot(revision.snapshot);
    revisions.push({
      id: revision.id,
      version: revision.version,
      reason: revision.reason,
      authorEmail: revision.author?.email ?? null,
      createdAt: revision.createdAt,
      changes: snapshot ? diffSnapshots(previous, snapshot) : [],
    });
    if (snapshot) previous = snapshot;
  }
  return { key: question.key, title: question.title, version: question.version, revisions: revisions.reverse() };
}

export const restoreRevisionSchema = z.object({
  revisionId: z.string().min(1).max(64),
  expectedVersion: z.number().int().min(1),
  resetCards: z.boolean().default(false),
});

/** Makes an earlier revision the current content again (a new revision, reason "restore"). */
export async function restoreRevision(db: Db, actorId: string, input: unknown, now = new Date()): Promise<SaveOutcome> {
  await assertAdmin(db, actorId);
  const { revisionId, expectedVersion, resetCards: reset } = parseOrThrow(restoreRevisionSchema, input);
  const revision = await db.questionRevision.findUnique({ where: { id: revisionId }, select: { snapshot: true, question: { select: { id: true, key: true } } } });
  if (!revision) throw new AppError("NOT_FOUND", "That revision no longer exists.");
  const snapshot = parseRevisionSnapshot(revision.snapshot);
  if (!snapshot) throw new AppError("VALIDATION", "That revision cannot be read, so it cannot be restored.");
  // Through the editor's validation: a revision from before a rule change must still meet today's rules.
  const draft = draftFromSnapshot(revision.question.key, snapshot);
  const result = draft ? validateDraft(draft) : null;
  if (!result?.ok) {
    const problems = result && !result.ok ? result.issues.map((issue) => `${issue.field}: ${issue.message}`).join("; ") : "its template cannot be read";
    throw new AppError("VALIDATION", `That revision does not pass today's checks (${problems}). Edit the question instead.`);
  }
  return db.$transaction((tx) =>
    updateQuestion(tx, actorId, { id: revision.question.id, expectedVersion, content: result.content, resetCards: reset, reason: "restore", now }),
  );
}

function draftFromSnapshot(key: string, snapshot: RevisionSnapshot): QuestionDraft | null {
  try {
    const content = contentOfRow({
      key,
      kind: KIND_TO_DB[snapshot.kind],
      title: snapshot.title,
      tags: snapshot.tags,
      difficulty: snapshot.difficulty,
      choices: snapshot.choices,
      template: snapshot.template as Prisma.JsonValue,
      prompt: snapshot.prompt,
      answer: snapshot.answer,
      explanation: snapshot.explanation,
      translations: (snapshot.translations ?? {}) as Prisma.JsonValue,
      deck: { slug: snapshot.deck },
    });
    return draftFromContent(content);
  } catch {
    return null;
  }
}
