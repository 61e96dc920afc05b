"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db";
import { deleteGroup, groupIdSchema } from "@/lib/groups/service";
import { runAdminAction, type AdminActionState } from "../admin-action";

/** Deletes any group (recorded in the audit log by the service); members keep their cards and history. */
export async function deleteGroupAdminAction(input: unknown): Promise<AdminActionState> {
  return runAdminAction(groupIdSchema, input, async (admin, data) => {
    await deleteGroup(getDb(), admin.id, data);
    revalidatePath("/admin/groups");
    revalidatePath("/admin/audit");
    revalidatePath("/groups");
    revalidatePath(`/groups/${data.groupId}`);
    const t = await getTranslations("admin.groups");
    return { ok: true, message: t("deletedKeepHistory") };
  });
}
