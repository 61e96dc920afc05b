"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { FormField } from "@/app/ui/form-field";
import { resetPasswordSchema } from "@/lib/admin/schemas";
import { PASSWORD_MIN_LENGTH, fieldErrorsOf } from "@/lib/validation/auth";
import { resetPasswordAction } from "./actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = { password: data.get("password"), confirmPassword: data.get("confirmPassword") };
    setFormError(null);
    const parsed = resetPasswordSchema.safeParse(input);
    if (!parsed.success) {
      setFieldErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      const result = await resetPasswordAction(token, input);
      if (!result.ok) {
        setFormError(result.message ?? "The password was not changed.");
        setFieldErrors(result.fieldErrors ?? {});
        return;
      }
      setDone(result.message ?? "Password set.");
    } catch {
      setFormError("Could not reach the server. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  if (done) {
    return (
      <div className="space-y-4">
        <p className="alert-success" role="status">{done}</p>
        <Link href="/login" className="btn-primary">Log in</Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <p className="alert-error" role="alert">{formError}</p>}
      <FormField
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        autoFocus
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few random words make a strong one.`}
        errors={fieldErrors.password}
      />
      <FormField name="confirmPassword" label="Repeat new password" type="password" autoComplete="new-password" required errors={fieldErrors.confirmPassword} />
      <button type="submit" className="btn-primary w-full" disabled={pending}>{pending ? "Saving…" : "Set new password"}</button>
    </form>
  );
}
