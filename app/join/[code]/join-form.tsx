"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { joinGroupAction } from "@/app/groups/actions";
import { BUSY, StatusMessage, type Message } from "@/app/ui/form-bits";

/** Joins with the code from the link, optionally adding the group's decks to the learner's study decks. */
export function JoinGroupForm({ code, hasDecks }: { code: string; hasDecks: boolean }) {
  const t = useTranslations("groups.join");
  const tCommon = useTranslations("common");
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
        setMessage({ ok: true, text: t("opening", { message: result.message ?? t("joined") }) });
        router.push(`/groups/${result.data.groupId}`);
      } else {
        setMessage({ ok: false, text: result.message ?? t("failed") });
      }
    } catch {
      setMessage({ ok: false, text: tCommon("networkError") });
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
            {t("addDecks")}
          </label>
          <p id="add-decks-hint" className="mt-1 ml-6 text-xs text-slate-500 dark:text-slate-400">
            {t("addDecksHint")}
          </p>
        </div>
      )}
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {t("privacy")}
      </p>
      <button type="submit" className={`btn-primary w-full ${BUSY}`} aria-disabled={pending || undefined}>{pending ? t("submitting") : t("submit")}</button>
      <StatusMessage message={message} />
    </form>
  );
}
