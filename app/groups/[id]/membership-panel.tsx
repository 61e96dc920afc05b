"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { leaveGroupAction, setShareProgressAction } from "../actions";
import { BUSY, NETWORK_ERROR, StatusMessage, type Message } from "@/app/ui/form-bits";

/** The viewer's own membership: whether the group sees their figures, and leaving (not for the owner). */
export function MembershipPanel({ groupId, groupName, share, canLeave }: { groupId: string; groupName: string; share: boolean; canLeave: boolean }) {
  const router = useRouter();
  const [checked, setChecked] = useState(share);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  async function toggle(next: boolean) {
    if (pending) return;
    setChecked(next);
    setPending(true);
    setMessage(null);
    try {
      const result = await setShareProgressAction({ groupId, share: next });
      setMessage({ ok: result.ok, text: result.message ?? (result.ok ? "Saved." : "That was not saved.") });
      if (result.ok) router.refresh();
      else setChecked(!next);
    } catch {
      setChecked(!next);
      setMessage({ ok: false, text: NETWORK_ERROR });
    } finally {
      setPending(false);
    }
  }

  async function leave() {
    if (pending) return;
    if (!window.confirm(`Leave “${groupName}”? Your cards and history stay; you need a new invite to come back.`)) return;
    setPending(true);
    setMessage(null);
    try {
      const result = await leaveGroupAction({ groupId });
      setMessage({ ok: result.ok, text: result.message ?? (result.ok ? "You left the group." : "You did not leave the group.") });
      if (result.ok) {
        router.push("/groups");
        router.refresh();
      }
    } catch {
      setMessage({ ok: false, text: NETWORK_ERROR });
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-4">
      <div>
        <label className="flex items-start gap-2 text-sm font-medium">
          <input
            type="checkbox"
            checked={checked}
            aria-describedby="share-progress-hint"
            aria-disabled={pending || undefined}
            onChange={(event) => void toggle(event.target.checked)}
            className="mt-0.5 size-4 shrink-0 accent-brand-600"
          />
          Show my progress to the group
        </label>
        <p id="share-progress-hint" className="mt-1 ml-6 text-xs text-slate-500 dark:text-slate-400">
          Your reviews this week, streak, retention and mastery of the group&apos;s decks. When off, the others see only
          that you are a member, and you are left out of the leaderboard.
        </p>
      </div>
      {canLeave && (
        <button type="button" className={`btn-secondary ${BUSY}`} aria-disabled={pending || undefined} onClick={leave}>
          Leave group
        </button>
      )}
      <StatusMessage message={message} />
    </div>
  );
}
