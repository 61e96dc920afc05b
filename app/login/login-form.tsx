"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { loginSchema } from "@/lib/validation/auth";
import { useValidatedForm } from "@/app/ui/use-validated-form";
import { FormField } from "@/app/ui/form-field";

export function LoginForm({ callbackPath }: { callbackPath: string }) {
  const router = useRouter();
  const { pending, formError, fieldErrors, onSubmit } = useValidatedForm(
    loginSchema,
    (data) => ({ email: data.get("email"), password: data.get("password") }),
    async (_input, credentials) => {
      const result = await signIn("credentials", { ...credentials, redirect: false });
      if (!result || result.error) {
        return { ok: false, message: result?.error && result.error !== "CredentialsSignin" ? result.error : "Email or password is incorrect." };
      }
      router.replace(callbackPath);
      router.refresh();
      return { ok: true };
    },
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <p className="alert-error" role="alert">{formError}</p>}
      <FormField name="email" label="Email" type="email" autoComplete="email" required autoFocus errors={fieldErrors.email} />
      <FormField name="password" label="Password" type="password" autoComplete="current-password" required errors={fieldErrors.password} />
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? "Logging in…" : "Log in"}
      </button>
    </form>
  );
}
