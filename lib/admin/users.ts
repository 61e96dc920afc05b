/**
 * User management for admins: the paged list, role changes, disabling, and one-time password-reset links.
 * Every function takes the acting user's id and refuses (FORBIDDEN) unless that user is an enabled admin now.
 * Changes and their audit rows are written in one transaction.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db-client";
import { AppError } from "@/lib/errors";
import { writeAudit } from "./audit";
import { assertAdmin, lockActiveAdmins, type Tx } from "./guard";
import { ADMIN_PAGE_SIZE, changeRoleSchema, parseOrThrow, createResetLinkSchema, setDisabledSchema, userListQuerySchema } from "./schemas";

/** Reset links work for 24 hours. */
export const RESET_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

export interface AdminUserRow {
  id: string;
  email: string;
  name: string;
  role: "LEARNER" | "ADMIN";
  disabled: boolean;
  createdAt: Date;
  lastActiveAt: Date | null;
  reviewCount: number;
}

export interface AdminUserPage {
  rows: AdminUserRow[];
  total: number;
  page: number;
  pageCount: number;
  q: string;
}

/** SHA-256 (hex) of a reset token: what the database keeps instead of the token. */
export function hashResetToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** One page ({@link ADMIN_PAGE_SIZE} users) ordered by creation, with review counts from one grouped query. */
export async function listUsersForAdmin(db: Db, actorId: string, input: unknown): Promise<AdminUserPage> {
  await assertAdmin(db, actorId);
  const { page, q } = userListQuerySchema.parse(input ?? {});
  const where: Prisma.UserWhereInput = q
    ? { OR: [{ email: { contains: q, mode: "insensitive" } }, { name: { contains: q, mode: "insensitive" } }] }
    : {};
  const [users, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * ADMIN_PAGE_SIZE,
      take: ADMIN_PAGE_SIZE,
      select: { id: true, email: true, name: true, role: true, disabled: true, createdAt: true, lastActiveAt: true },
    }),
    db.user.count({ where }),
  ]);
  const counts = users.length
    ? await db.reviewLog.groupBy({ by: ["userId"], where: { userId: { in: users.map((user) => user.id) } }, _count: { _all: true } })
    : [];
  const reviewsOf = new Map(counts.map((row) => [row.userId, row._count._all]));
  return {
    rows: users.map((user) => ({ ...user, reviewCount: reviewsOf.get(user.id) ?? 0 })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE)),
    q,
  };
}

export interface AdminOverview {
  userCount: number;
  disabledCount: number;
  admins: Array<{ id: string; email: string; name: string; disabled: boolean }>;
}

export async function getAdminOverview(db: Db, actorId: string): Promise<AdminOverview> {
  await assertAdmin(db, actorId);
  const [userCount, disabledCount, admins] = await Promise.all([
    db.user.count(),
    db.user.count({ where: { disabled: true } }),
    db.user.findMany({
      where: { role: "ADMIN" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 100,
      select: { id: true, email: true, name: true, disabled: true },
    }),
  ]);
  return { userCount, disabledCount, admins };
}

async function findTarget(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true, disabled: true } });
  if (!user) throw new AppError("NOT_FOUND", "That account no longer exists.");
  return user;
}

/**
 * Makes a user a learner or an admin. Refused for the actor's own account and when it would leave the instance
 * without an enabled admin. Takes effect on the user's next request (the session re-reads the role).
 */
export async function changeUserRole(db: Db, actorId: string, input: unknown, now = new Date()): Promise<void> {
  await assertAdmin(db, actorId);
  const { userId, role } = parseOrThrow(changeRoleSchema, input);
  await db.$transaction(async (tx) => {
    const activeAdmins = await lockActiveAdmins(tx, actorId);
    const target = await findTarget(tx, userId);
    if (target.role === role) return;
    if (role === "LEARNER" && !target.disabled && activeAdmins.length <= 1) {
      throw new AppError("CONFLICT", "This is the last active admin. Make another account an admin first.");
    }
    if (target.id === actorId) {
      throw new AppError("CONFLICT", "You cannot change your own role. Ask another admin to do it.");
    }
    await tx.user.update({ where: { id: target.id }, data: { role } });
    await writeAudit(tx, {
      actorId,
      action: "user.role.change",
      targetType: "User",
      targetId: target.id,
      before: { role: target.role },
      after: { role },
      now,
    });
  });
}

/**
 * Disables or re-enables an account. A disabled user's next request is treated as logged out and they cannot log
 * in. Refused for the actor's own account and for the last enabled admin.
 */
export async function setUserDisabled(db: Db, actorId: string, input: unknown, now = new Date()): Promise<void> {
  await assertAdmin(db, actorId);
  const { userId, disabled } = parseOrThrow(setDisabledSchema, input);
  await db.$transaction(async (tx) => {
    const activeAdmins = await lockActiveAdmins(tx, actorId);
    const target = await findTarget(tx, userId);
    if (target.disabled === disabled) return;
    if (disabled && target.role === "ADMIN" && activeAdmins.length <= 1) {
      throw new AppError("CONFLICT", "This is the last active admin and cannot be disabled. Make another account an admin first.");
    }
    if (target.id === actorId) {
      throw new AppError("CONFLICT", "You cannot disable your own account.");
    }
    await tx.user.update({ where: { id: target.id }, data: { disabled } });
    await writeAudit(tx, {
      actorId,
      action: disabled ? "user.disable" : "user.enable",
      targetType: "User",
      targetId: target.id,
      before: { disabled: target.disabled },
      after: { disabled },
      now,
    });
  });
}

/**
 * Creates a one-time password-reset link for a user: 32 random bytes (base64url), shown once; only its SHA-256
 * is stored. It expires after {@link RESET_TOKEN_TTL_MS}; earlier unused links for the same user stop working.
 */
export async function createPasswordResetLink(
  db: Db,
  actorId: string,
  input: unknown,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date; email: string }> {
  await assertAdmin(db, actorId);
  const { userId } = parseOrThrow(createResetLinkSchema, input);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + RESET_TOKEN_TTL_MS);
  return db.$transaction(async (tx) => {
    await assertAdmin(tx, actorId);
    const target = await findTarget(tx, userId);
    await tx.passwordResetToken.deleteMany({ where: { userId: target.id, usedAt: null } });
    await tx.passwordResetToken.create({
      data: { userId: target.id, tokenHash: hashResetToken(token), expiresAt, createdById: actorId, createdAt: now },
    });
    await writeAudit(tx, {
      actorId,
      action: "user.password_reset.create",
      targetType: "User",
      targetId: target.id,
      after: { resetLinkExpiresAt: expiresAt.toISOString() },
      now,
    });
    return { token, expiresAt, email: target.email };
  });
}
