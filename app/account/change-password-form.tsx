"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { PASSWORD_MIN_LENGTH, changePasswordSchema } from "@/lib/validation/auth";
import { useValidatedForm } from "@/app/ui/use-validated-form";
import { FormField } from "@/app/ui/form-field";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm() {
  const t = useTranslations("account.changePassword");
  const { pending, formError, fieldErrors, onSubmit } = useValidatedForm(
    changePasswordSchema,
    (data) => ({ currentPassword: data.get("currentPassword"), newPassword: data.get("newPassword"), confirmPassword: data.get("confirmPassword") }),
    async (input) => {
      const result = await changePasswordAction(input);
      if (!result.ok) return { ok: false, message: result.message ?? t("notChanged"), fieldErrors: result.fieldErrors };
      await signOut({ callbackUrl: "/login?passwordChanged=1" });
      return { ok: true };
    },
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <p className="alert-error" role="alert">{formError}</p>}
      <FormField name="currentPassword" label={t("currentPassword")} type="password" autoComplete="current-password" required errors={fieldErrors.currentPassword} />
      <FormField name="newPassword" label={t("newPassword")} type="password" autoComplete="new-password" required hint={t("newPasswordHint", { min: PASSWORD_MIN_LENGTH })} errors={fieldErrors.newPassword} />
      <FormField name="confirmPassword" label={t("repeatNewPassword")} type="password" autoComplete="new-password" required errors={fieldErrors.confirmPassword} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
