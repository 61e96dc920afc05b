"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { joinGroupAction } from "@/app/groups/actions";
import { BUSY, NETWORK_ERROR, StatusMessage, type Message } from "@/app/ui/form-bits";

/** Joins with the code from the link, optionally adding the group's decks to the learner's study decks. */
export function JoinGroupForm({ code, hasDecks }: { code: string; hasDecks: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    setPending(true);
    setMessage(null);
    try {
      const result = await joinGroupAction({ code, addDecks: hasDecks && data.get("addDecks") === "on" });
      if (result.ok && result.data) {
        setMessage({ ok: true, text: `${result.message ?? "You joined the group."} Opening it…` });
        router.push(`/groups/${result.data.groupId}`);
      } else {
        setMessage({ ok: false, text: result.message ?? "You did not join the group." });
      }
    } catch {
      setMessage({ ok: false, text: NETWORK_ERROR });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      {hasDecks && (
        <div>
          <label className="flex items-start gap-2 text-sm font-medium">
            <input type="checkbox" name="addDecks" defaultChecked aria-describedby="add-decks-hint" className="mt-0.5 size-4 shrink-0 accent-brand-600" />
            Add the group&apos;s decks to my study decks
          </label>
          <p id="add-decks-hint" className="mt-1 ml-6 text-xs text-slate-500 dark:text-slate-400">
            If you study every deck already, nothing changes. You can change your decks any time in Study settings.
          </p>
        </div>
      )}
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Members see each other&apos;s reviews this week, streak and mastery of the group&apos;s decks. You can keep yours
        private on the group&apos;s page.
      </p>
      <button type="submit" className={`btn-primary w-full ${BUSY}`} aria-disabled={pending || undefined}>{pending ? "Joining…" : "Join the group"}</button>
      <StatusMessage message={message} />
    </form>
  );
}
