import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { describeResetToken } from "@/lib/admin/password-reset";
import { getDb } from "@/lib/db";
import { ResetPasswordForm } from "./reset-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("reset.title"), referrer: "no-referrer" };
}

/** Public page behind an admin-created reset link; the token in the URL is the credential. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [target, t] = await Promise.all([describeResetToken(getDb(), token), getTranslations("auth")]);
  return (
    <div className="mx-auto max-w-md">
      <div className="card space-y-6">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">{t("reset.title")}</h1>
          {target && <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("reset.forAccount", { email: target.email })}</p>}
        </div>
        {target ? (
          <ResetPasswordForm token={token} />
        ) : (
          <p className="alert-error" role="status">{t("reset.invalidLink")}</p>
        )}
      </div>
    </div>
  );
}
