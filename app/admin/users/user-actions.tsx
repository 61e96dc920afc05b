"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { CopyField } from "../copy-field";
import { changeRoleAction, createResetLinkAction, setDisabledAction } from "./actions";

interface Props {
  user: { id: string; email: string; role: "LEARNER" | "ADMIN"; disabled: boolean };
  isSelf: boolean;
}

/** Per-row admin actions. The server checks every one again; hiding them for your own row is only a convenience. */
export function UserActions({ user, isSelf }: Props) {
  const t = useTranslations("admin");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [resetUrl, setResetUrl] = useState<string | null>(null);

  async function run(action: () => Promise<{ ok: boolean; message?: string }>) {
    setPending(true);
    setMessage(null);
    try {
      const result = await action();
      setMessage({ ok: result.ok, text: result.message ?? (result.ok ? t("users.done") : t("users.failed")) });
      if (result.ok) router.refresh();
    } catch {
      setMessage({ ok: false, text: t("common.networkError") });
    } finally {
      setPending(false);
    }
  }

  async function createResetLink() {
    setResetUrl(null);
    await run(async () => {
      const result = await createResetLinkAction({ userId: user.id });
      if (result.ok && result.data) setResetUrl(`${window.location.origin}${result.data.path}`);
      return result;
    });
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {!isSelf && (
          <>
            <button
              type="button"
              className="btn-secondary min-h-8 px-3 py-1 text-xs"
              disabled={pending}
              onClick={() => run(() => changeRoleAction({ userId: user.id, role: user.role === "ADMIN" ? "LEARNER" : "ADMIN" }))}
              aria-label={user.role === "ADMIN" ? t("users.makeLearnerFor", { email: user.email }) : t("users.makeAdminFor", { email: user.email })}
            >
              {user.role === "ADMIN" ? t("users.makeLearner") : t("users.makeAdmin")}
            </button>
            <button
              type="button"
              className="btn-secondary min-h-8 px-3 py-1 text-xs"
              disabled={pending}
              onClick={() => run(() => setDisabledAction({ userId: user.id, disabled: !user.disabled }))}
              aria-label={user.disabled ? t("users.enableFor", { email: user.email }) : t("users.disableFor", { email: user.email })}
            >
              {user.disabled ? t("users.enable") : t("users.disable")}
            </button>
          </>
        )}
        <button
          type="button"
          className="btn-secondary min-h-8 px-3 py-1 text-xs"
          disabled={pending}
          onClick={createResetLink}
          aria-label={t("users.createResetLinkFor", { email: user.email })}
        >
          {t("users.resetLink")}
        </button>
      </div>
      {message && (
        <p role="status" className={`text-xs ${message.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-600 dark:text-red-400"}`}>
          {message.text}
        </p>
      )}
      {resetUrl && (
        <CopyField
          label={t("users.resetLinkLabel", { email: user.email })}
          value={resetUrl}
          hint={t("users.resetLinkHint")}
        />
      )}
    </div>
  );
}
