"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import { CopyField } from "@/app/admin/copy-field";
import { FormField } from "@/app/ui/form-field";
import { createInviteAction, revokeInviteAction } from "../actions";
import { BUSY, SMALL_BUTTON, StatusMessage, type Message } from "@/app/ui/form-bits";

export interface OpenInvite {
  id: string;
  uses: number;
  maxUses: number;
  /** Formatted on the server, so the first render matches after hydration. */
  expiresLabel: string;
  createdLabel: string;
}

/** Creates an invite link (shown once: only its hash is stored) and lists the open ones with Revoke. */
export function InvitePanel({ groupId, invites }: { groupId: string; invites: OpenInvite[] }) {
  const t = useTranslations("groups.invites");
  const tCommon = useTranslations("common");
  const locale = useLocale();
  // The browser's own zone, as before: the link's expiry as the person creating it reads their clock.
  const dateTimeFormat = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }), [locale]);
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [created, setCreated] = useState<{ link: string; expiresAt: string; maxUses: number } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    setPending(true);
    setMessage(null);
    setCreated(null);
    try {
      const result = await createInviteAction({ groupId, validDays: data.get("validDays"), maxUses: data.get("maxUses") });
      setFieldErrors(result.fieldErrors ?? {});
      if (result.ok && result.data) {
        setCreated({ link: `${window.location.origin}${result.data.path}`, expiresAt: result.data.expiresAt, maxUses: result.data.maxUses });
        router.refresh();
      } else {
        setMessage({ ok: false, text: result.message ?? t("notCreated") });
      }
    } catch {
      setMessage({ ok: false, text: tCommon("networkError") });
    } finally {
      setPending(false);
    }
  }

  async function revoke(inviteId: string) {
    if (pending) return;
    setPending(true);
    setMessage(null);
    try {
      const result = await revokeInviteAction({ groupId, inviteId });
      setMessage({ ok: result.ok, text: result.message ?? (result.ok ? t("revoked") : t("notRevoked")) });
      if (result.ok) router.refresh();
    } catch {
      setMessage({ ok: false, text: tCommon("networkError") });
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-5">
      <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-[9rem_9rem_auto] sm:items-start">
        <FormField id="invite-valid-days" name="validDays" label={t("validDays")} type="number" inputMode="numeric" min={1} max={90} defaultValue={7} required errors={fieldErrors.validDays} />
        <FormField id="invite-max-uses" name="maxUses" label={t("maxUses")} type="number" inputMode="numeric" min={1} max={1000} defaultValue={10} required errors={fieldErrors.maxUses} />
        <button type="submit" className={`btn-primary sm:mt-6 ${BUSY}`} aria-disabled={pending || undefined}>{pending ? t("creating") : t("create")}</button>
      </form>
      <div role="status" aria-live="polite">
        {created && (
          <div className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
            <p className="text-sm">
              {t("created", { count: created.maxUses, date: dateTimeFormat.format(new Date(created.expiresAt)) })}
            </p>
            <CopyField label={t("link")} value={created.link} hint={t("linkHint")} />
          </div>
        )}
      </div>
      <StatusMessage message={message} />
      <div>
        <h3 className="text-sm font-semibold">{t("openTitle")}</h3>
        {invites.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("none")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
            {invites.map((invite) => (
              <li key={invite.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                <span>
                  {t("usage", { uses: invite.uses, maxUses: invite.maxUses, expires: invite.expiresLabel })}
                  <span className="block text-xs text-slate-500 dark:text-slate-400">{t("createdAt", { date: invite.createdLabel })}</span>
                </span>
                <button
                  type="button"
                  className={SMALL_BUTTON}
                  aria-disabled={pending || undefined}
                  onClick={() => void revoke(invite.id)}
                  aria-label={t("revokeLabel", { created: invite.createdLabel, expires: invite.expiresLabel })}
                >
                  {t("revoke")}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
