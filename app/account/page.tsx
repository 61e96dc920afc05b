import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { ChangePasswordForm } from "./change-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("metaTitle") };
}

export default async function AccountPage() {
  const user = await requireUser("/account");
  const t = await getTranslations("account");
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
      <section className="card space-y-1">
        <h2 className="font-semibold">{t("profile.title")}</h2>
        <dl className="grid grid-cols-[7rem_1fr] gap-y-1 text-sm">
          <dt className="text-slate-500 dark:text-slate-400">{t("profile.name")}</dt>
          <dd>{user.name}</dd>
          <dt className="text-slate-500 dark:text-slate-400">{t("profile.email")}</dt>
          <dd className="break-all">{user.email}</dd>
          <dt className="text-slate-500 dark:text-slate-400">{t("profile.role")}</dt>
          <dd>{user.role === "ADMIN" ? t("profile.admin") : t("profile.learner")}</dd>
        </dl>
      </section>
      <section className="card space-y-4">
        <div>
          <h2 className="font-semibold">{t("changePassword.title")}</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("changePassword.intro")}</p>
        </div>
        <ChangePasswordForm />
      </section>
    </div>
  );
}
