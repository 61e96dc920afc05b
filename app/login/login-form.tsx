"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { fieldErrorsOf, loginSchema } from "@/lib/validation/auth";
import { FormField } from "@/app/ui/form-field";

export function LoginForm({ callbackPath }: { callbackPath: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = loginSchema.safeParse({ email: data.get("email"), password: data.get("password") });
    setFormError(null);
    if (!parsed.success) {
      setFieldErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      const result = await signIn("credentials", { ...parsed.data, redirect: false });
      if (!result || result.error) {
        setFormError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Email or password is incorrect.");
        return;
      }
      router.replace(callbackPath);
      router.refresh();
    } catch {
      setFormError("Could not reach the server. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

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
