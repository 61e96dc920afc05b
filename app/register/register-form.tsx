"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { PASSWORD_MIN_LENGTH, fieldErrorsOf, registerSchema } from "@/lib/validation/auth";
import { FormField } from "@/app/ui/form-field";
import { registerAction } from "./actions";

export function RegisterForm({ needsInvite, initialInvite }: { needsInvite: boolean; initialInvite?: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = {
      name: data.get("name"),
      email: data.get("email"),
      password: data.get("password"),
      confirmPassword: data.get("confirmPassword"),
      inviteCode: needsInvite ? data.get("inviteCode") : undefined,
    };
    setFormError(null);
    const parsed = registerSchema.safeParse(input);
    if (!parsed.success) {
      setFieldErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      const result = await registerAction(input);
      if (!result.ok) {
        setFormError(result.message ?? "Registration failed.");
        setFieldErrors(result.fieldErrors ?? {});
        return;
      }
      const login = await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
      if (!login || login.error) {
        router.replace("/login");
        return;
      }
      router.replace("/home");
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
      <FormField name="name" label="Display name" autoComplete="name" required autoFocus errors={fieldErrors.name} />
      <FormField name="email" label="Email" type="email" autoComplete="email" required errors={fieldErrors.email} />
      <FormField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few random words make a strong one.`}
        errors={fieldErrors.password}
      />
      <FormField name="confirmPassword" label="Repeat password" type="password" autoComplete="new-password" required errors={fieldErrors.confirmPassword} />
      {needsInvite && (
        <FormField name="inviteCode" label="Invite code" defaultValue={initialInvite} required errors={fieldErrors.inviteCode} hint="Registration on this Receptive is by invitation." />
      )}
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
