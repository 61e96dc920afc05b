"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteGroupAdminAction } from "./actions";

/** Deletes a group after a confirmation. The server checks the admin role again. */
export function DeleteGroupButton({ groupId, name }: { groupId: string; name: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function onDelete() {
    if (pending) return;
    if (!window.confirm(`Delete the group “${name}”? Its members, invites, deck list and feed go away. Members keep their cards and history. This cannot be undone.`)) return;
    setPending(true);
    setMessage(null);
    try {
      const result = await deleteGroupAdminAction({ groupId });
      setMessage({ ok: result.ok, text: result.message ?? (result.ok ? "Group deleted." : "The group was not deleted.") });
      if (result.ok) router.refresh();
    } catch {
      setMessage({ ok: false, text: "Could not reach the server. Check your connection and try again." });
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-2">
      <button type="button" className="btn-secondary min-h-8 px-3 py-1 text-xs text-red-700 dark:text-red-300" disabled={pending} onClick={onDelete} aria-label={`Delete the group ${name}`}>
        {pending ? "Deleting…" : "Delete"}
      </button>
      <p role="status" aria-live="polite" className={message ? `text-xs ${message.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-600 dark:text-red-400"}` : "sr-only"}>
        {message?.text ?? ""}
      </p>
    </div>
  );
}
