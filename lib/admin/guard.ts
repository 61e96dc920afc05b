/**
 * Authorization for the admin services. The services check the actor themselves (a server action or a script
 * that forgets to is still refused); pages and actions check too, for the right HTTP status and message.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/lib/db-client";
import { AppError } from "@/lib/errors";

export type Tx = Prisma.TransactionClient;

export const FORBIDDEN_MESSAGE = "Only administrators can do this.";

/** Throws FORBIDDEN unless `actorId` is an enabled admin, read from the database now. */
export async function assertAdmin(db: Db | Tx, actorId: string): Promise<void> {
  const actor = await db.user.findUnique({ where: { id: actorId }, select: { role: true, disabled: true } });
  if (!actor || actor.role !== "ADMIN" || actor.disabled) throw new AppError("FORBIDDEN", FORBIDDEN_MESSAGE);
}

/**
 * Locks every enabled admin's row until the transaction ends and returns their ids, after checking that the actor
 * is one of them. Role and disable changes take this lock first, so two admins demoting each other at the same
 * moment are serialised: the second sees the first's change and is refused, and the instance keeps an admin.
 */
export async function lockActiveAdmins(tx: Tx, actorId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "User" WHERE "role" = 'ADMIN' AND "disabled" = false ORDER BY "id" FOR UPDATE`;
  const ids = rows.map((row) => row.id);
  if (!ids.includes(actorId)) throw new AppError("FORBIDDEN", FORBIDDEN_MESSAGE);
  return ids;
}
