"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { deleteGroupAdminAction } from "./actions";

/** Deletes a group after a confirmation. The server checks the admin role again. */
export function DeleteGroupButton({ groupId, name }: { groupId: string; name: string }) {
  const t = useTranslations("admin");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function onDelete() {
    if (pending) return;
    if (!window.confirm(t("groups.confirmDelete", { name }))) return;
    setPending(true);
    setMessage(null);
    try {
      const result = await deleteGroupAdminAction({ groupId });
      setMessage({ ok: result.ok, text: result.message ?? (result.ok ? t("groups.deleted") : t("groups.notDeleted")) });
      if (result.ok) router.refresh();
    } catch {
      setMessage({ ok: false, text: t("common.networkError") });
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-2">
      <button type="button" className="btn-secondary min-h-8 px-3 py-1 text-xs text-red-700 dark:text-red-300" disabled={pending} onClick={onDelete} aria-label={t("groups.deleteLabel", { name })}>
        {pending ? t("groups.deleting") : t("groups.delete")}
      </button>
      <p role="status" aria-live="polite" className={message ? `text-xs ${message.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-600 dark:text-red-400"}` : "sr-only"}>
        {message?.text ?? ""}
      </p>
    </div>
  );
}
