"use client";

import { useState, type FormEvent } from "react";
import { FormField } from "@/app/ui/form-field";
import { createInviteSchema } from "@/lib/admin/schemas";
import { fieldErrorsOf } from "@/lib/validation/auth";
import { CopyField } from "../copy-field";
import { createInviteAction } from "./actions";

const dateTimeFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export function InviteForm() {
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
      setFieldErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      const result = await createInviteAction(input);
      if (!result.ok || !result.data) {
        setFormError(result.message ?? "The invite was not created.");
        setFieldErrors(result.fieldErrors ?? {});
        return;
      }
      const link = `${window.location.origin}/register?invite=${encodeURIComponent(result.data.code)}`;
      setInvite({ ...result.data, link });
    } catch {
      setFormError("Could not reach the server. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-[1fr_8rem_auto] sm:items-start">
        {formError && <p className="alert-error sm:col-span-3" role="alert">{formError}</p>}
        <FormField name="email" label="Only for this email (optional)" type="email" autoComplete="off" errors={fieldErrors.email} />
        <FormField name="validDays" label="Valid for (days)" type="number" min={1} max={90} defaultValue={7} required errors={fieldErrors.validDays} />
        <button type="submit" className="btn-primary sm:mt-6" disabled={pending}>{pending ? "Creating…" : "Create invite"}</button>
      </form>
      {invite && (
        <div className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800" role="status">
          <p className="text-sm">
            Invite created{invite.email ? ` for ${invite.email}` : ""}, valid until {dateTimeFormat.format(new Date(invite.expiresAt))}. It is shown only
            now and works once.
          </p>
          <CopyField label="Registration link" value={invite.link} />
          <CopyField label="Invite code" value={invite.code} />
        </div>
      )}
    </div>
  );
}
