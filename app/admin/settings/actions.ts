"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { createInviteAsAdmin } from "@/lib/admin/invites";
import { createInviteSchema, setRegistrationModeSchema } from "@/lib/admin/schemas";
import { setRegistrationMode } from "@/lib/admin/settings";
import { getDb } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { runAdminAction, type AdminActionState } from "../admin-action";

export async function setRegistrationModeAction(input: unknown): Promise<AdminActionState> {
  return runAdminAction(setRegistrationModeSchema, input, async (admin, data) => {
    await setRegistrationMode(getDb(), admin.id, data, serverEnv().REGISTRATION_MODE);
    revalidatePath("/admin", "layout");
    revalidatePath("/register");
    const t = await getTranslations("admin.settings");
    return { ok: true, message: t("saved") };
  });
}

/** Returns the invite code once; only its hash is stored. */
export async function createInviteAction(input: unknown): Promise<AdminActionState<{ code: string; expiresAt: string; email: string | null }>> {
  return runAdminAction(createInviteSchema, input, async (admin, data) => {
    const invite = await createInviteAsAdmin(getDb(), admin.id, data);
    revalidatePath("/admin/audit");
    const t = await getTranslations("admin.settings");
    return { ok: true, message: t("invite.created"), data: { code: invite.code, expiresAt: invite.expiresAt.toISOString(), email: invite.email } };
  });
}
