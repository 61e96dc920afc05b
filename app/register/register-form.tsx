"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { PASSWORD_MIN_LENGTH, registerSchema } from "@/lib/validation/auth";
import { useValidatedForm } from "@/app/ui/use-validated-form";
import { FormField } from "@/app/ui/form-field";
import { registerAction } from "./actions";

/** `callbackPath` (already checked by safeCallbackPath) is where the new learner lands, e.g. the invite link they came from. */
export function RegisterForm({ needsInvite, initialInvite, callbackPath }: { needsInvite: boolean; initialInvite?: string; callbackPath: string }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const { pending, formError, fieldErrors, onSubmit } = useValidatedForm(
    registerSchema,
    (data) => ({
      name: data.get("name"),
      email: data.get("email"),
      password: data.get("password"),
      confirmPassword: data.get("confirmPassword"),
      inviteCode: needsInvite ? data.get("inviteCode") : undefined,
    }),
    async (input, parsed) => {
      const result = await registerAction(input);
      if (!result.ok) return { ok: false, message: result.message ?? t("register.failed"), fieldErrors: result.fieldErrors };
      // The account exists; log in with the same credentials (next-auth owns the session cookie).
      const login = await signIn("credentials", { email: parsed.email, password: parsed.password, redirect: false });
      router.replace(!login || login.error ? `/login?callbackUrl=${encodeURIComponent(callbackPath)}` : callbackPath);
      router.refresh();
      return { ok: true };
    },
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <p className="alert-error" role="alert">{formError}</p>}
      <FormField name="name" label={t("register.displayName")} autoComplete="name" required autoFocus errors={fieldErrors.name} />
      <FormField name="email" label={t("email")} type="email" autoComplete="email" required errors={fieldErrors.email} />
      <FormField
        name="password"
        label={t("password")}
        type="password"
        autoComplete="new-password"
        required
        hint={t("passwordHint", { min: PASSWORD_MIN_LENGTH })}
        errors={fieldErrors.password}
      />
      <FormField name="confirmPassword" label={t("register.repeatPassword")} type="password" autoComplete="new-password" required errors={fieldErrors.confirmPassword} />
      {needsInvite && (
        <FormField name="inviteCode" label={t("register.inviteCode")} defaultValue={initialInvite} required errors={fieldErrors.inviteCode} hint={t("register.inviteHint")} />
      )}
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? t("register.submitting") : t("register.submit")}
      </button>
    </form>
  );
}
