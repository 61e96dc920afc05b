"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { FormField } from "@/app/ui/form-field";
import { useServerMessage } from "@/app/ui/use-server-message";
import { resetPasswordSchema } from "@/lib/admin/schemas";
import { PASSWORD_MIN_LENGTH, fieldErrorsOf } from "@/lib/validation/auth";
import { resetPasswordAction } from "./actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth");
  const tCommon = useTranslations("common");
  const serverMessage = useServerMessage();
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
      // The schema's messages are lib/'s English: translated like the server's.
      const errors = fieldErrorsOf(parsed.error);
      setFieldErrors(Object.fromEntries(Object.entries(errors).map(([field, messages]) => [field, messages.map(serverMessage)])));
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      const result = await resetPasswordAction(token, input);
      if (!result.ok) {
        setFormError(result.message ?? t("reset.notChanged"));
        setFieldErrors(result.fieldErrors ?? {});
        return;
      }
      setDone(result.message ?? t("reset.done"));
    } catch {
      setFormError(tCommon("networkError"));
    } finally {
      setPending(false);
    }
  }

  if (done) {
    return (
      <div className="space-y-4">
        <p className="alert-success" role="status">{done}</p>
        <Link href="/login" className="btn-primary">{t("reset.logIn")}</Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <p className="alert-error" role="alert">{formError}</p>}
      <FormField
        name="password"
        label={t("reset.newPassword")}
        type="password"
        autoComplete="new-password"
        required
        autoFocus
        hint={t("passwordHint", { min: PASSWORD_MIN_LENGTH })}
        errors={fieldErrors.password}
      />
      <FormField name="confirmPassword" label={t("reset.repeatNewPassword")} type="password" autoComplete="new-password" required errors={fieldErrors.confirmPassword} />
      <button type="submit" className="btn-primary w-full" disabled={pending}>{pending ? t("reset.submitting") : t("reset.submit")}</button>
    </form>
  );
}
