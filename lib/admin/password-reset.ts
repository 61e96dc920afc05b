/**
 * The public side of admin-created reset links (/reset-password/[token]): check a token, and use it once to set a
 * new password with the registration password policy. Setting it moves `passwordChangedAt`, so every session
 * issued before ends (lib/auth/session.ts).
 */
import type { Db } from "@/lib/db-client";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { writeAudit } from "./audit";
import { resetPasswordSchema } from "./schemas";
import { hashResetToken } from "./users";
import { parseOrThrow } from "@/lib/validation/parse";

export const INVALID_RESET_LINK_MESSAGE = "This reset link is not valid, has expired or was already used. Ask an administrator for a new one.";

function plausibleToken(token: string): boolean {
  // 32 bytes in base64url are 43 characters; anything else cannot match, so skip the database.
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** The email of the account a usable token belongs to, or null when the token is unknown, expired or used. */
export async function describeResetToken(db: Db, token: string, now = new Date()): Promise<{ email: string } | null> {
  if (!plausibleToken(token)) return null;
  const row = await db.passwordResetToken.findUnique({
    where: { tokenHash: hashResetToken(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { email: true } } },
  });
  if (!row || row.usedAt || row.expiresAt <= now) return null;
  return { email: row.user.email };
}

/** Uses a reset token once: sets the password and marks the token used, atomically. */
export async function resetPasswordWithToken(db: Db, token: string, input: unknown, now = new Date()): Promise<{ email: string }> {
  const { password } = parseOrThrow(resetPasswordSchema, input);
  if (!plausibleToken(token)) throw new AppError("NOT_FOUND", INVALID_RESET_LINK_MESSAGE);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const row = await tx.passwordResetToken.findUnique({ where: { tokenHash: hashResetToken(token) }, select: { id: true, userId: true } });
    if (!row) throw new AppError("NOT_FOUND", INVALID_RESET_LINK_MESSAGE);
    // Conditional update: of two submissions racing with one token, only one succeeds.
    const { count } = await tx.passwordResetToken.updateMany({
      where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (count !== 1) throw new AppError("NOT_FOUND", INVALID_RESET_LINK_MESSAGE);
    const user = await tx.user.update({ where: { id: row.userId }, data: { passwordHash, passwordChangedAt: now }, select: { id: true, email: true } });
    await writeAudit(tx, { actorId: user.id, action: "user.password_reset.use", targetType: "User", targetId: user.id, now });
    return { email: user.email };
  });
}
