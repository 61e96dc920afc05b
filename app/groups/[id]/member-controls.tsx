"use client";

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import type { GroupRoleName } from "@/lib/groups/permissions";
import { removeMemberAction, setMemberRoleAction, transferOwnershipAction } from "../actions";
import { NETWORK_ERROR, SMALL_BUTTON, StatusMessage, type Message } from "@/app/ui/form-bits";

interface MemberStatus {
  report: (message: Message, focusHeading?: boolean) => void;
}

const MemberStatusContext = createContext<MemberStatus | null>(null);

/**
 * The members list's one status region. A removed member's row disappears with its buttons, so results are
 * announced here, above the list, and focus goes back to the list's heading instead of being lost.
 */
export function MemberStatusProvider({ headingId, children }: { headingId: string; children: ReactNode }) {
  const [message, setMessage] = useState<Message>(null);
  const report = useCallback(
    (next: Message, focusHeading = false) => {
      setMessage(next);
      if (focusHeading) document.getElementById(headingId)?.focus();
    },
    [headingId],
  );
  const value = useMemo(() => ({ report }), [report]);
  return (
    <MemberStatusContext.Provider value={value}>
      <StatusMessage message={message} className="mx-4 mt-3 sm:mx-6" />
      {children}
    </MemberStatusContext.Provider>
  );
}

interface Props {
  groupId: string;
  groupName: string;
  member: { userId: string; name: string; role: GroupRoleName };
  canRemove: boolean;
  canSetRole: boolean;
  canTransfer: boolean;
}

/** Per-member buttons for the group's staff. The server checks every one again; hiding them is only a convenience. */
export function MemberControls({ groupId, groupName, member, canRemove, canSetRole, canTransfer }: Props) {
  const router = useRouter();
  const status = useContext(MemberStatusContext);
  const [pending, setPending] = useState(false);

  async function run(action: () => Promise<{ ok: boolean; message?: string }>, focusHeading: boolean) {
    if (pending) return;
    setPending(true);
    status?.report(null);
    try {
      const result = await action();
      status?.report({ ok: result.ok, text: result.message ?? (result.ok ? "Done." : "That did not work.") }, result.ok && focusHeading);
      if (result.ok) router.refresh();
    } catch {
      status?.report({ ok: false, text: NETWORK_ERROR });
    } finally {
      setPending(false);
    }
  }

  function changeRole() {
    const role = member.role === "MODERATOR" ? "MEMBER" : "MODERATOR";
    void run(async () => {
      const result = await setMemberRoleAction({ groupId, userId: member.userId, role });
      return result.ok ? { ok: true, message: `${member.name} is now ${role === "MODERATOR" ? "a moderator" : "a member"}.` } : result;
    }, false);
  }

  function transfer() {
    if (!window.confirm(`Hand “${groupName}” over to ${member.name}? ${member.name} becomes the owner and you become a moderator. Only the new owner can undo this.`)) return;
    void run(() => transferOwnershipAction({ groupId, userId: member.userId }), true);
  }

  function remove() {
    if (!window.confirm(`Remove ${member.name} from “${groupName}”? Their cards and history stay; they need a new invite to come back.`)) return;
    void run(async () => {
      const result = await removeMemberAction({ groupId, userId: member.userId });
      return result.ok ? { ok: true, message: `${member.name} was removed from the group.` } : result;
    }, true);
  }

  if (!canRemove && !canSetRole && !canTransfer) return null;
  return (
    <div className="flex flex-wrap gap-2">
      {canSetRole && (
        <button type="button" className={SMALL_BUTTON} aria-disabled={pending || undefined} onClick={changeRole} aria-label={`${member.role === "MODERATOR" ? "Make member" : "Make moderator"}: ${member.name}`}>
          {member.role === "MODERATOR" ? "Make member" : "Make moderator"}
        </button>
      )}
      {canTransfer && (
        <button type="button" className={SMALL_BUTTON} aria-disabled={pending || undefined} onClick={transfer} aria-label={`Hand the group over to ${member.name}`}>
          Hand over
        </button>
      )}
      {canRemove && (
        <button type="button" className={`${SMALL_BUTTON} text-red-700 dark:text-red-300`} aria-disabled={pending || undefined} onClick={remove} aria-label={`Remove ${member.name} from the group`}>
          Remove
        </button>
      )}
    </div>
  );
}
