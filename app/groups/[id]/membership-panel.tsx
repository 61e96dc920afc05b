"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { leaveGroupAction, setShareProgressAction } from "../actions";
import { BUSY, StatusMessage, type Message } from "@/app/ui/form-bits";

/** The viewer's own membership: whether the group sees their figures, and leaving (not for the owner). */
export function MembershipPanel({ groupId, groupName, share, canLeave }: { groupId: string; groupName: string; share: boolean; canLeave: boolean }) {
  const t = useTranslations("groups.membership");
  const tCommon = useTranslations("common");
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
      setMessage({ ok: result.ok, text: result.message ?? (result.ok ? t("saved") : t("notSaved")) });
      if (result.ok) router.refresh();
      else setChecked(!next);
    } catch {
      setChecked(!next);
      setMessage({ ok: false, text: tCommon("networkError") });
    } finally {
      setPending(false);
    }
  }

  async function leave() {
    if (pending) return;
    if (!window.confirm(t("confirmLeave", { group: groupName }))) return;
    setPending(true);
    setMessage(null);
    try {
      const result = await leaveGroupAction({ groupId });
      setMessage({ ok: result.ok, text: result.message ?? (result.ok ? t("left") : t("notLeft")) });
      if (result.ok) {
        router.push("/groups");
        router.refresh();
      }
    } catch {
      setMessage({ ok: false, text: tCommon("networkError") });
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
          {t("share")}
        </label>
        <p id="share-progress-hint" className="mt-1 ml-6 text-xs text-slate-500 dark:text-slate-400">
          {t("shareHint")}
        </p>
      </div>
      {canLeave && (
        <button type="button" className={`btn-secondary ${BUSY}`} aria-disabled={pending || undefined} onClick={leave}>
          {t("leave")}
        </button>
      )}
      <StatusMessage message={message} />
    </div>
  );
}
