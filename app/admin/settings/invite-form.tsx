"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { FormField } from "@/app/ui/form-field";
import { useServerMessage } from "@/app/ui/use-server-message";
import { createInviteSchema } from "@/lib/admin/schemas";
import { fieldErrorsOf } from "@/lib/validation/auth";
import { CopyField } from "../copy-field";
import { createInviteAction } from "./actions";

export function InviteForm() {
  const t = useTranslations("admin");
  const locale = useLocale();
  const serverMessage = useServerMessage();
  const [pending, setPending] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [invite, setInvite] = useState<{ code: string; link: string; expiresAt: string; email: string | null } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = { email: data.get("email"), validDays: data.get("validDays") };
    setFormError(null);
    setInvite(null);
    const parsed = createInviteSchema.safeParse(input);
    if (!parsed.success) {
      // Checked in the browser with the server's schema: its English messages are translated like the server's.
      const errors = Object.entries(fieldErrorsOf(parsed.error)).map(([field, messages]) => [field, messages.map(serverMessage)]);
      setFieldErrors(Object.fromEntries(errors));
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      const result = await createInviteAction(input);
      if (!result.ok || !result.data) {
        setFormError(result.message ?? t("settings.invite.notCreated"));
        setFieldErrors(result.fieldErrors ?? {});
        return;
      }
      const link = `${window.location.origin}/register?invite=${encodeURIComponent(result.data.code)}`;
      setInvite({ ...result.data, link });
    } catch {
      setFormError(t("common.networkError"));
    } finally {
      setPending(false);
    }
  }

  function createdNotice({ email, expiresAt }: { email: string | null; expiresAt: string }): string {
    // In the browser's own time zone, like the rest of this form.
    const until = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(expiresAt));
    return email ? t("settings.invite.createdForNotice", { email, expiresAt: until }) : t("settings.invite.createdNotice", { expiresAt: until });
  }

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-[1fr_8rem_auto] sm:items-start">
        {formError && <p className="alert-error sm:col-span-3" role="alert">{formError}</p>}
        <FormField name="email" label={t("settings.invite.emailLabel")} type="email" autoComplete="off" errors={fieldErrors.email} />
        <FormField name="validDays" label={t("settings.invite.validDaysLabel")} type="number" min={1} max={90} defaultValue={7} required errors={fieldErrors.validDays} />
        <button type="submit" className="btn-primary sm:mt-6" disabled={pending}>{pending ? t("settings.invite.creating") : t("settings.invite.create")}</button>
      </form>
      {invite && (
        <div className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800" role="status">
          <p className="text-sm">{createdNotice(invite)}</p>
          <CopyField label={t("settings.invite.link")} value={invite.link} />
          <CopyField label={t("settings.invite.code")} value={invite.code} />
        </div>
      )}
    </div>
  );
}
