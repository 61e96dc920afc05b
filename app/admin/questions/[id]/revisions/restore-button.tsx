"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { restoreRevisionAction } from "../../actions";

/** Makes an earlier revision current again (recorded as a new revision); asks first. */
export function RestoreButton({ revisionId, version, currentVersion }: { revisionId: string; version: number; currentVersion: number }) {
  const t = useTranslations("adminBank");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function restore() {
    if (!window.confirm(t("restore.confirm", { version, next: currentVersion + 1 }))) return;
    setPending(true);
    setMessage(null);
    try {
      const result = await restoreRevisionAction({ revisionId, expectedVersion: currentVersion });
      setMessage({ ok: result.ok, text: result.message ?? (result.ok ? t("restore.restored") : t("common.didNotWork")) });
      if (result.ok) router.refresh();
    } catch {
      setMessage({ ok: false, text: t("common.unreachable") });
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="text-right">
      <button type="button" className="btn-secondary" onClick={restore} disabled={pending} aria-label={t("restore.ariaLabel", { version })}>
        {pending ? t("restore.restoring") : t("restore.button")}
      </button>
      <div role="status" aria-live="polite">{message && <p className={`mt-1 text-sm ${message.ok ? "text-emerald-700 dark:text-emerald-300" : "field-error"}`}>{message.text}</p>}</div>
    </div>
  );
}
