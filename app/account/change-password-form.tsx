"use client";

import { signOut } from "next-auth/react";
import { PASSWORD_MIN_LENGTH, changePasswordSchema } from "@/lib/validation/auth";
import { useValidatedForm } from "@/app/ui/use-validated-form";
import { FormField } from "@/app/ui/form-field";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm() {
  const { pending, formError, fieldErrors, onSubmit } = useValidatedForm(
    changePasswordSchema,
    (data) => ({ currentPassword: data.get("currentPassword"), newPassword: data.get("newPassword"), confirmPassword: data.get("confirmPassword") }),
    async (input) => {
      const result = await changePasswordAction(input);
      if (!result.ok) return { ok: false, message: result.message ?? "The password was not changed.", fieldErrors: result.fieldErrors };
      await signOut({ callbackUrl: "/login?passwordChanged=1" });
      return { ok: true };
    },
  );

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
