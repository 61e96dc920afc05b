"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import type { GroupRoleName } from "@/lib/groups/permissions";
import { removeMemberAction, setMemberRoleAction, transferOwnershipAction } from "../actions";
import { SMALL_BUTTON, StatusMessage, type Message } from "@/app/ui/form-bits";

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
  const t = useTranslations("groups.members");
  const tCommon = useTranslations("common");
  const router = useRouter();
  const status = useContext(MemberStatusContext);
  const [pending, setPending] = useState(false);

  async function run(action: () => Promise<{ ok: boolean; message?: string }>, focusHeading: boolean) {
    if (pending) return;
    setPending(true);
    status?.report(null);
    try {
      const result = await action();
      status?.report({ ok: result.ok, text: result.message ?? (result.ok ? t("done") : t("failed")) }, result.ok && focusHeading);
      if (result.ok) router.refresh();
    } catch {
      status?.report({ ok: false, text: tCommon("networkError") });
    } finally {
      setPending(false);
    }
  }

  function changeRole() {
    const role = member.role === "MODERATOR" ? "MEMBER" : "MODERATOR";
    void run(async () => {
      const result = await setMemberRoleAction({ groupId, userId: member.userId, role });
      return result.ok ? { ok: true, message: t("nowRole", { name: member.name, role }) } : result;
    }, false);
  }

  function transfer() {
    if (!window.confirm(t("confirmTransfer", { group: groupName, name: member.name }))) return;
    void run(() => transferOwnershipAction({ groupId, userId: member.userId }), true);
  }

  function remove() {
    if (!window.confirm(t("confirmRemove", { group: groupName, name: member.name }))) return;
    void run(async () => {
      const result = await removeMemberAction({ groupId, userId: member.userId });
      return result.ok ? { ok: true, message: t("removed", { name: member.name }) } : result;
    }, true);
  }

  if (!canRemove && !canSetRole && !canTransfer) return null;
  return (
    <div className="flex flex-wrap gap-2">
      {canSetRole && (
        <button type="button" className={SMALL_BUTTON} aria-disabled={pending || undefined} onClick={changeRole} aria-label={member.role === "MODERATOR" ? t("makeMemberLabel", { name: member.name }) : t("makeModeratorLabel", { name: member.name })}>
          {member.role === "MODERATOR" ? t("makeMember") : t("makeModerator")}
        </button>
      )}
      {canTransfer && (
        <button type="button" className={SMALL_BUTTON} aria-disabled={pending || undefined} onClick={transfer} aria-label={t("handOverLabel", { name: member.name })}>
          {t("handOver")}
        </button>
      )}
      {canRemove && (
        <button type="button" className={`${SMALL_BUTTON} text-red-700 dark:text-red-300`} aria-disabled={pending || undefined} onClick={remove} aria-label={t("removeLabel", { name: member.name })}>
          {t("remove")}
        </button>
      )}
    </div>
  );
}
