"use client";

import { signOut } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { PASSWORD_MIN_LENGTH, changePasswordSchema, fieldErrorsOf } from "@/lib/validation/auth";
import { FormField } from "@/app/ui/form-field";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm() {
  const [pending, setPending] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = {
      currentPassword: data.get("currentPassword"),
      newPassword: data.get("newPassword"),
      confirmPassword: data.get("confirmPassword"),
    };
    setFormError(null);
    const parsed = changePasswordSchema.safeParse(input);
    if (!parsed.success) {
      setFieldErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      const result = await changePasswordAction(input);
      if (!result.ok) {
        setFormError(result.message ?? "The password was not changed.");
        setFieldErrors(result.fieldErrors ?? {});
        return;
      }
      await signOut({ callbackUrl: "/login?passwordChanged=1" });
    } catch {
      setFormError("Could not reach the server. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <p className="alert-error" role="alert">{formError}</p>}
      <FormField name="currentPassword" label="Current password" type="password" autoComplete="current-password" required errors={fieldErrors.currentPassword} />
      <FormField name="newPassword" label="New password" type="password" autoComplete="new-password" required hint={`At least ${PASSWORD_MIN_LENGTH} characters.`} errors={fieldErrors.newPassword} />
      <FormField name="confirmPassword" label="Repeat new password" type="password" autoComplete="new-password" required errors={fieldErrors.confirmPassword} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
