"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { changeRoleSchema, createResetLinkSchema, setDisabledSchema } from "@/lib/admin/schemas";
import { changeUserRole, createPasswordResetLink, setUserDisabled } from "@/lib/admin/users";
import { getDb } from "@/lib/db";
import { runAdminAction, type AdminActionState } from "../admin-action";

export async function changeRoleAction(input: unknown): Promise<AdminActionState> {
  return runAdminAction(changeRoleSchema, input, async (admin, data) => {
    await changeUserRole(getDb(), admin.id, data);
    revalidatePath("/admin", "layout");
    const t = await getTranslations("admin.users");
    return { ok: true, message: data.role === "ADMIN" ? t("nowAdmin") : t("nowLearner") };
  });
}

export async function setDisabledAction(input: unknown): Promise<AdminActionState> {
  return runAdminAction(setDisabledSchema, input, async (admin, data) => {
    await setUserDisabled(getDb(), admin.id, data);
    revalidatePath("/admin", "layout");
    const t = await getTranslations("admin.users");
    return { ok: true, message: data.disabled ? t("accountDisabled") : t("accountEnabled") };
  });
}

/** Returns the reset path once; only its hash is stored, so it cannot be shown again. */
export async function createResetLinkAction(input: unknown): Promise<AdminActionState<{ path: string; expiresAt: string }>> {
  return runAdminAction(createResetLinkSchema, input, async (admin, data) => {
    const { token, expiresAt } = await createPasswordResetLink(getDb(), admin.id, data);
    revalidatePath("/admin/audit");
    const t = await getTranslations("admin.users");
    return { ok: true, message: t("resetLinkCreated"), data: { path: `/reset-password/${token}`, expiresAt: expiresAt.toISOString() } };
  });
}
