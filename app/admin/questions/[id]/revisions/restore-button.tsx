"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { restoreRevisionAction } from "../../actions";

/** Makes an earlier revision current again (recorded as a new revision); asks first. */
export function RestoreButton({ revisionId, version, currentVersion }: { revisionId: string; version: number; currentVersion: number }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function restore() {
    if (!window.confirm(`Restore version ${version}? It becomes version ${currentVersion + 1}; nothing is deleted and learners keep their cards.`)) return;
    setPending(true);
    setMessage(null);
    try {
      const result = await restoreRevisionAction({ revisionId, expectedVersion: currentVersion });
      setMessage({ ok: result.ok, text: result.message ?? (result.ok ? "Restored." : "That did not work.") });
      if (result.ok) router.refresh();
    } catch {
      setMessage({ ok: false, text: "Could not reach the server." });
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="text-right">
      <button type="button" className="btn-secondary" onClick={restore} disabled={pending} aria-label={`Restore version ${version}`}>
        {pending ? "Restoring…" : "Restore this version"}
      </button>
      <div role="status" aria-live="polite">{message && <p className={`mt-1 text-sm ${message.ok ? "text-emerald-700 dark:text-emerald-300" : "field-error"}`}>{message.text}</p>}</div>
    </div>
  );
}
