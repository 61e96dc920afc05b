import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { safeCallbackPath, withCallback } from "@/lib/validation/redirect";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("login.title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackPath);
  const t = await getTranslations("auth");
  const notice = params.loggedOut === "1" ? t("login.loggedOut") : params.passwordChanged === "1" ? t("login.passwordChanged") : null;
  return (
    <div className="mx-auto max-w-md">
      <div className="card space-y-6">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">{t("login.title")}</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            {t.rich("login.noAccount", {
              link: (chunks) => (
                <Link href={withCallback("/register", callbackPath)} className="font-medium text-brand-600 hover:underline dark:text-brand-500">{chunks}</Link>
              ),
            })}
          </p>
        </div>
        {notice && <p className="alert-success" role="status">{notice}</p>}
        <LoginForm callbackPath={callbackPath} />
      </div>
    </div>
  );
}
