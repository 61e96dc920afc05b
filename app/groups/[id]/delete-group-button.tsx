"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteGroupAction } from "../actions";
import { BUSY, NETWORK_ERROR, StatusMessage, type Message } from "@/app/ui/form-bits";

/** Deletes the group after a confirmation; then goes to `next` (the group list, or the admin list for an admin). */
export function DeleteGroupButton({ groupId, groupName, next }: { groupId: string; groupName: string; next: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  async function onDelete() {
    if (pending) return;
    if (!window.confirm(`Delete “${groupName}”? Its members, invites, deck list and feed go away for everyone. Members keep their cards and history. This cannot be undone.`)) return;
    setPending(true);
    setMessage(null);
    try {
      const result = await deleteGroupAction({ groupId });
      setMessage({ ok: result.ok, text: result.message ?? (result.ok ? "Group deleted." : "The group was not deleted.") });
      if (result.ok) {
        router.push(next);
        router.refresh();
      }
    } catch {
      setMessage({ ok: false, text: NETWORK_ERROR });
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-3">
      <button type="button" className={`btn-secondary text-red-700 dark:text-red-300 ${BUSY}`} aria-disabled={pending || undefined} onClick={onDelete}>
        {pending ? "Deleting…" : "Delete group"}
      </button>
      <StatusMessage message={message} />
    </div>
  );
}
