/**
 * Registration invites created from /admin/settings: `createInvite` from lib/users/service, plus the admin check
 * and an audit row in the same transaction. The code is returned once and never stored or audited.
 */
import type { Db } from "@/lib/db-client";
import { createInvite } from "@/lib/users/service";
import { writeAudit } from "./audit";
import { assertAdmin } from "./guard";
import { createInviteSchema } from "./schemas";
import { parseOrThrow } from "@/lib/validation/parse";

export async function createInviteAsAdmin(
  db: Db,
  actorId: string,
  input: unknown,
  now = new Date(),
): Promise<{ code: string; expiresAt: Date; email: string | null }> {
  await assertAdmin(db, actorId);
  const { email, validDays } = parseOrThrow(createInviteSchema, input);
  return db.$transaction(async (tx) => {
    await assertAdmin(tx, actorId);
    const invite = await createInvite(tx, { email, validDays, createdById: actorId, now });
    await writeAudit(tx, {
      actorId,
      action: "invite.create",
      targetType: "RegistrationInvite",
      after: { email: email ?? null, expiresAt: invite.expiresAt.toISOString() },
      now,
    });
    return { ...invite, email: email ?? null };
  });
}
