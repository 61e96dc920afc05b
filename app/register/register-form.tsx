"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { PASSWORD_MIN_LENGTH, registerSchema } from "@/lib/validation/auth";
import { useValidatedForm } from "@/app/ui/use-validated-form";
import { FormField } from "@/app/ui/form-field";
import { registerAction } from "./actions";

/** `callbackPath` (already checked by safeCallbackPath) is where the new learner lands, e.g. the invite link they came from. */
export function RegisterForm({ needsInvite, initialInvite, callbackPath }: { needsInvite: boolean; initialInvite?: string; callbackPath: string }) {
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
      if (!result.ok) return { ok: false, message: result.message ?? "Registration failed.", fieldErrors: result.fieldErrors };
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
