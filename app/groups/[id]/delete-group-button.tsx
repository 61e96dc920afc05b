"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteGroupAction } from "../actions";
import { BUSY, StatusMessage, type Message } from "@/app/ui/form-bits";

/** Deletes the group after a confirmation; then goes to `next` (the group list, or the admin list for an admin). */
export function DeleteGroupButton({ groupId, groupName, next }: { groupId: string; groupName: string; next: string }) {
  const t = useTranslations("groups.delete");
  const tCommon = useTranslations("common");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  async function onDelete() {
    if (pending) return;
    if (!window.confirm(t("confirm", { group: groupName }))) return;
    setPending(true);
    setMessage(null);
    try {
      const result = await deleteGroupAction({ groupId });
      setMessage({ ok: result.ok, text: result.message ?? (result.ok ? t("deleted") : t("notDeleted")) });
      if (result.ok) {
        router.push(next);
        router.refresh();
      }
    } catch {
      setMessage({ ok: false, text: tCommon("networkError") });
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-3">
      <button type="button" className={`btn-secondary text-red-700 dark:text-red-300 ${BUSY}`} aria-disabled={pending || undefined} onClick={onDelete}>
        {pending ? t("deleting") : t("button")}
      </button>
      <StatusMessage message={message} />
    </div>
  );
}
