"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { suspendCardAction } from "@/app/study/actions";

/** Suspend (or unsuspend) this question for the learner: suspended cards never appear in study sessions. */
export function SuspendButton({ questionId, initiallySuspended, leech }: { questionId: string; initiallySuspended: boolean; leech: boolean }) {
  const t = useTranslations("decks.question");
  const [suspended, setSuspended] = useState(initiallySuspended);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function toggle() {
    setPending(true);
    setMessage(null);
    try {
      const result = await suspendCardAction({ questionId, suspended: !suspended });
      if (result.ok) setSuspended(!suspended);
      else setMessage(result.message);
    } catch {
      setMessage(t("suspendOffline"));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      {suspended && <span className="text-slate-600 dark:text-slate-400">{leech ? t("suspendedLeech") : t("suspended")}</span>}
      <button type="button" className="btn-ghost px-2 py-1 text-sm" onClick={() => void toggle()} disabled={pending}>
        {suspended ? t("unsuspend") : t("suspend")}
      </button>
      {message && <span role="alert" className="text-red-700 dark:text-red-300">{message}</span>}
    </div>
  );
}
