"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { setArchivedAction } from "../actions";

/** Archive (hidden from learners, cards kept) or restore; asks before archiving. */
export function ArchiveButton({ id, archived }: { id: string; archived: boolean }) {
  const t = useTranslations("adminBank");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function toggle() {
    if (!archived && !window.confirm(t("archive.confirm"))) return;
    setPending(true);
    setError(null);
    try {
      const result = await setArchivedAction({ id, archived: !archived });
      if (result.ok) router.refresh();
      else setError(result.message ?? t("common.didNotWork"));
    } catch {
      setError(t("common.unreachable"));
    } finally {
      setPending(false);
    }
  }

  return (
    <div>
      <button type="button" className={archived ? "btn-primary" : "btn-secondary"} onClick={toggle} disabled={pending}>
        {pending ? t("archive.working") : archived ? t("archive.restore") : t("archive.archive")}
      </button>
      {error && <p className="field-error" role="alert">{error}</p>}
    </div>
  );
}
