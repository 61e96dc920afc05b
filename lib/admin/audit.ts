/**
 * The audit log of admin actions: written inside the transaction of the change it records, read by /admin/audit.
 * `before`/`after` hold only the fields that changed, and never password hashes, tokens or invite codes.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db-client";
import { assertAdmin, type Tx } from "./guard";
import { ADMIN_PAGE_SIZE, auditListQuerySchema } from "./schemas";

export interface AuditEntryInput {
  actorId: string | null;
  /** Dotted name, e.g. `user.role.change`. */
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: Prisma.InputJsonObject;
  after?: Prisma.InputJsonObject;
  now?: Date;
}

export async function writeAudit(tx: Tx, entry: AuditEntryInput): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      before: entry.before,
      after: entry.after,
      ...(entry.now ? { createdAt: entry.now } : {}),
    },
  });
}

export interface AuditRow {
  id: string;
  createdAt: Date;
  action: string;
  actorEmail: string | null;
  targetType: string;
  targetId: string | null;
  /** A readable name of a target that still exists: a user's email, a question's key, a deck's slug. */
  targetLabel: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditPage {
  rows: AuditRow[];
  total: number;
  page: number;
  pageCount: number;
}

/** Audit entries newest first, {@link ADMIN_PAGE_SIZE} a page; admins only. */
export async function listAuditEntries(db: Db, actorId: string, input: unknown): Promise<AuditPage> {
  await assertAdmin(db, actorId);
  const { page } = auditListQuerySchema.parse(input ?? {});
  const [entries, total] = await Promise.all([
    db.auditLog.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * ADMIN_PAGE_SIZE,
      take: ADMIN_PAGE_SIZE,
      include: { actor: { select: { email: true } } },
    }),
    db.auditLog.count(),
  ]);
  // One query per target type on the page (no per-row lookups): users by email, questions by key, decks by slug.
  const idsOf = (type: string) => [...new Set(entries.filter((entry) => entry.targetType === type && entry.targetId).map((entry) => entry.targetId!))];
  const [users, questions, decks] = await Promise.all([
    db.user.findMany({ where: { id: { in: idsOf("User") } }, select: { id: true, email: true } }),
    db.question.findMany({ where: { id: { in: idsOf("Question") } }, select: { id: true, key: true } }),
    db.deck.findMany({ where: { id: { in: idsOf("Deck") } }, select: { id: true, slug: true } }),
  ]);
  const labelOf = new Map<string, string>([
    ...users.map((user) => [`User:${user.id}`, user.email] as const),
    ...questions.map((question) => [`Question:${question.id}`, question.key] as const),
    ...decks.map((deck) => [`Deck:${deck.id}`, deck.slug] as const),
  ]);
  return {
    rows: entries.map((entry) => ({
      id: entry.id,
      createdAt: entry.createdAt,
      action: entry.action,
      actorEmail: entry.actor?.email ?? null,
      targetType: entry.targetType,
      targetId: entry.targetId,
      targetLabel: entry.targetId ? (labelOf.get(`${entry.targetType}:${entry.targetId}`) ?? null) : null,
      before: entry.before,
      after: entry.after,
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE)),
  };
}
