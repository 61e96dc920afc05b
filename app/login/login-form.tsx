"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { loginSchema } from "@/lib/validation/auth";
import { useValidatedForm } from "@/app/ui/use-validated-form";
import { FormField } from "@/app/ui/form-field";
import { useServerMessage } from "@/app/ui/use-server-message";

export function LoginForm({ callbackPath }: { callbackPath: string }) {
  const t = useTranslations("auth");
  const serverMessage = useServerMessage();
  const router = useRouter();
  const { pending, formError, fieldErrors, onSubmit } = useValidatedForm(
    loginSchema,
    (data) => ({ email: data.get("email"), password: data.get("password") }),
    async (_input, credentials) => {
      const result = await signIn("credentials", { ...credentials, redirect: false });
      if (!result || result.error) {
        return { ok: false, message: result?.error && result.error !== "CredentialsSignin" ? serverMessage(result.error) : t("login.invalidCredentials") };
      }
      router.replace(callbackPath);
      router.refresh();
      return { ok: true };
    },
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <p className="alert-error" role="alert">{formError}</p>}
      <FormField name="email" label={t("email")} type="email" autoComplete="email" required autoFocus errors={fieldErrors.email} />
      <FormField name="password" label={t("password")} type="password" autoComplete="current-password" required errors={fieldErrors.password} />
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? t("login.submitting") : t("login.submit")}
      </button>
    </form>
  );
}
