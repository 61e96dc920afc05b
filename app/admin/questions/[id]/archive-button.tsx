"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { setArchivedAction } from "../actions";

/** Archive (hidden from learners, cards kept) or restore; asks before archiving. */
export function ArchiveButton({ id, archived }: { id: string; archived: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function toggle() {
    if (!archived && !window.confirm("Archive this question? Learners stop seeing it; their cards and history are kept and it can be restored.")) return;
    setPending(true);
    setError(null);
    try {
      const result = await setArchivedAction({ id, archived: !archived });
      if (result.ok) router.refresh();
      else setError(result.message ?? "That did not work.");
    } catch {
      setError("Could not reach the server.");
    } finally {
      setPending(false);
    }
  }

  return (
    <div>
      <button type="button" className={archived ? "btn-primary" : "btn-secondary"} onClick={toggle} disabled={pending}>
        {pending ? "Working…" : archived ? "Restore question" : "Archive"}
      </button>
      {error && <p className="field-error" role="alert">{error}</p>}
    </div>
  );
}
