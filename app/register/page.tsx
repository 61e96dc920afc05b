import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getRegistrationMode } from "@/lib/admin/settings";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { safeCallbackPath, withCallback } from "@/lib/validation/redirect";
import { RegisterForm } from "./register-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("register.title") };
}

export default async function RegisterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // Where to go once registered, such as the group invite link that sent the visitor to log in.
  const callbackPath = safeCallbackPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackPath);
  // The admin's setting at /admin/settings, or the REGISTRATION_MODE environment variable when none is stored.
  const mode = await getRegistrationMode(getDb(), serverEnv().REGISTRATION_MODE);
  const invite = typeof params.invite === "string" ? params.invite : undefined;
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-md">
      <div className="card space-y-6">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">{t("register.title")}</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            {t.rich("register.alreadyRegistered", {
              link: (chunks) => (
                <Link href={withCallback("/login", callbackPath)} className="font-medium text-brand-600 hover:underline dark:text-brand-500">{chunks}</Link>
              ),
            })}
          </p>
        </div>
        {mode === "closed" ? (
          <p className="alert-error" role="status">{t("register.closed")}</p>
        ) : (
          <RegisterForm needsInvite={mode === "invite"} initialInvite={invite} callbackPath={callbackPath} />
        )}
      </div>
    </div>
  );
}
