"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { NETWORK_ERROR, SMALL_BUTTON, StatusMessage, type Message } from "@/app/ui/form-bits";
import { deletePersonalDeckAction } from "./actions";

/** Deletes one of the learner's imported decks after a confirmation that says what goes with it. */
export function DeleteDeckButton({ slug, title, questions }: { slug: string; title: string; questions: number }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  async function onDelete() {
    if (pending) return;
    const cards = `${questions} ${questions === 1 ? "flashcard" : "flashcards"}`;
    if (!window.confirm(`Delete “${title}”? Its ${cards} and your reviews of them are deleted for good. This cannot be undone.`)) return;
    setPending(true);
    setMessage(null);
    try {
      const result = await deletePersonalDeckAction({ slug });
      setMessage({ ok: result.ok, text: result.message ?? (result.ok ? "Deck deleted." : "The deck was not deleted.") });
      if (result.ok) router.refresh();
    } catch {
      setMessage({ ok: false, text: NETWORK_ERROR });
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
        aria-label={`Delete ${title}`}
        onClick={onDelete}
      >
        {pending ? "Deleting…" : "Delete"}
      </button>
      <StatusMessage message={message} />
    </div>
  );
}
