import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getRegistrationMode } from "@/lib/admin/settings";
import { requireAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { AdminNav } from "../admin-nav";
import { InviteForm } from "./invite-form";
import { RegistrationModeForm } from "./registration-mode-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.settings");
  return { title: t("metaTitle") };
}

export default async function AdminSettingsPage() {
  await requireAdmin("/admin/settings");
  const envDefault = serverEnv().REGISTRATION_MODE;
  const [mode, t] = await Promise.all([getRegistrationMode(getDb(), envDefault), getTranslations("admin.settings")]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t("intro")}</p>
      </div>
      <AdminNav />
      <section className="card space-y-4">
        <h2 className="font-semibold">{t("registrationMode")}</h2>
        <RegistrationModeForm initial={mode} envDefault={envDefault} />
      </section>
      <section className="card space-y-4">
        <div>
          <h2 className="font-semibold">{t("inviteCodes")}</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("inviteCodesIntro")}</p>
        </div>
        <InviteForm />
      </section>
    </div>
  );
}
