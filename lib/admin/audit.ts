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
  /** The target user's email when the target is a user that still exists. */
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
  // One query for every user target on the page (no per-row lookups).
  const userIds = [...new Set(entries.filter((entry) => entry.targetType === "User" && entry.targetId).map((entry) => entry.targetId!))];
  const users = userIds.length ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } }) : [];
  const emailOf = new Map(users.map((user) => [user.id, user.email]));
  return {
    rows: entries.map((entry) => ({
      id: entry.id,
      createdAt: entry.createdAt,
      action: entry.action,
      actorEmail: entry.actor?.email ?? null,
      targetType: entry.targetType,
      targetId: entry.targetId,
      targetLabel: entry.targetType === "User" && entry.targetId ? (emailOf.get(entry.targetId) ?? null) : null,
      before: entry.before,
      after: entry.after,
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE)),
  };
}
