import type { Metadata } from "next";
import { describeResetToken } from "@/lib/admin/password-reset";
import { getDb } from "@/lib/db";
import { ResetPasswordForm } from "./reset-form";

export const metadata: Metadata = { title: "Set a new password", referrer: "no-referrer" };

/** Public page behind an admin-created reset link; the token in the URL is the credential. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const target = await describeResetToken(getDb(), token);
  return (
    <div className="mx-auto max-w-md">
      <div className="card space-y-6">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">Set a new password</h1>
          {target && <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">For {target.email}. Every other session of this account ends.</p>}
        </div>
        {target ? (
          <ResetPasswordForm token={token} />
        ) : (
          <p className="alert-error" role="status">
            This reset link is not valid, has expired or was already used. Ask an administrator for a new one.
          </p>
        )}
      </div>
    </div>
  );
}
