"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { SMALL_BUTTON, StatusMessage, type Message } from "@/app/ui/form-bits";
import { useDeletionNotice } from "./deletion-notice";
import { deletePersonalDeckAction } from "./actions";

/** Deletes one of the learner's imported decks after a confirmation that says what goes with it. */
export function DeleteDeckButton({ slug, title, questions }: { slug: string; title: string; questions: number }) {
  const t = useTranslations("account.data.decks");
  const tCommon = useTranslations("common");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  // A failure is shown beside the button; a success in the section's notice, which outlives this row.
  const [message, setMessage] = useState<Message>(null);
  const announce = useDeletionNotice();

  async function onDelete() {
    if (pending) return;
    if (!window.confirm(t("confirmDelete", { title, count: questions }))) return;
    setPending(true);
    setMessage(null);
    announce(null);
    try {
      const result = await deletePersonalDeckAction({ slug });
      const text = result.message ?? (result.ok ? t("deleted") : t("notDeleted"));
      if (result.ok) {
        announce({ ok: true, text });
        router.refresh();
      } else {
        setMessage({ ok: false, text });
      }
    } catch {
      setMessage({ ok: false, text: tCommon("networkError") });
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col items-start gap-1 sm:items-end">
      <button
        type="button"
        className={`${SMALL_BUTTON} text-red-700 dark:text-red-300`}
        aria-disabled={pending || undefined}
        aria-label={t("deleteLabel", { title })}
        onClick={onDelete}
      >
        {pending ? t("deleting") : t("delete")}
      </button>
      <StatusMessage message={message} />
    </div>
  );
}
