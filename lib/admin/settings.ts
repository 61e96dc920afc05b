/**
 * Instance settings editable at /admin/settings, stored as key → JSON in `InstanceSetting`. A key with no row
 * means "the default"; for the registration mode that is the REGISTRATION_MODE environment variable.
 */
import type { Db } from "@/lib/db-client";
import { writeAudit } from "./audit";
import { assertAdmin, type Tx } from "./guard";
import { registrationModeSchema, setRegistrationModeSchema, type RegistrationMode } from "./schemas";
import { parseOrThrow } from "@/lib/validation/parse";

export type { RegistrationMode } from "./schemas";

export const REGISTRATION_MODE_KEY = "registrationMode";

/**
 * The registration mode in force: the admin's stored choice, or `fallback` (the environment's REGISTRATION_MODE)
 * when none is stored or the stored value is not a known mode. The register page and `registerUser` both call this.
 */
export async function getRegistrationMode(db: Db | Tx, fallback: RegistrationMode): Promise<RegistrationMode> {
  const row = await db.instanceSetting.findUnique({ where: { key: REGISTRATION_MODE_KEY } });
  const parsed = registrationModeSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : fallback;
}

/** Stores the registration mode (admins only) and audits the change; returns the mode now in force. */
export async function setRegistrationMode(
  db: Db,
  actorId: string,
  input: unknown,
  fallback: RegistrationMode,
): Promise<RegistrationMode> {
  await assertAdmin(db, actorId);
  const { mode } = parseOrThrow(setRegistrationModeSchema, input);
  return db.$transaction(async (tx) => {
    await assertAdmin(tx, actorId);
    const before = await getRegistrationMode(tx, fallback);
    await tx.instanceSetting.upsert({
      where: { key: REGISTRATION_MODE_KEY },
      create: { key: REGISTRATION_MODE_KEY, value: mode },
      update: { value: mode },
    });
    if (before !== mode) {
      await writeAudit(tx, {
        actorId,
        action: "settings.registration_mode.change",
        targetType: "InstanceSetting",
        targetId: REGISTRATION_MODE_KEY,
        before: { registrationMode: before },
        after: { registrationMode: mode },
      });
    }
    return mode;
  });
}
