import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getRegistrationMode } from "@/lib/admin/settings";
import { getAdminOverview } from "@/lib/admin/users";
import { requireAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { AdminNav } from "./admin-nav";
import { RoleBadge } from "./badges";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.overview");
  return { title: t("metaTitle") };
}

export default async function AdminPage() {
  const admin = await requireAdmin("/admin");
  const db = getDb();
  const [overview, mode, t] = await Promise.all([
    getAdminOverview(db, admin.id),
    getRegistrationMode(db, serverEnv().REGISTRATION_MODE),
    getTranslations("admin"),
  ]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t("overview.title")}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">
          {t("overview.summary", { count: overview.userCount, disabled: overview.disabledCount })}
        </p>
      </div>
      <AdminNav />
      <div className="grid gap-4 sm:grid-cols-3">
        <Link href="/admin/questions" className="card block hover:border-brand-500">
          <h2 className="font-semibold">{t("nav.questions")}</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("overview.cards.questions")}</p>
        </Link>
        <Link href="/admin/decks" className="card block hover:border-brand-500">
          <h2 className="font-semibold">{t("nav.decks")}</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("overview.cards.decks")}</p>
        </Link>
        <Link href="/admin/transfer" className="card block hover:border-brand-500">
          <h2 className="font-semibold">{t("nav.transfer")}</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("overview.cards.transfer")}</p>
        </Link>
        <Link href="/admin/users" className="card block hover:border-brand-500">
          <h2 className="font-semibold">{t("nav.users")}</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("overview.cards.users")}</p>
        </Link>
        <Link href="/admin/settings" className="card block hover:border-brand-500">
          <h2 className="font-semibold">{t("nav.settings")}</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            {t.rich("overview.cards.settings", { mode: t(`settings.modes.${mode}.label`), strong: (chunks) => <strong>{chunks}</strong> })}
          </p>
        </Link>
        <Link href="/admin/audit" className="card block hover:border-brand-500">
          <h2 className="font-semibold">{t("nav.audit")}</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("overview.cards.audit")}</p>
        </Link>
      </div>
      <section className="card overflow-hidden p-0">
        <h2 className="px-6 pt-5 font-semibold">{t("overview.administrators")}</h2>
        <div className="overflow-x-auto">
          <table className="mt-3 w-full text-left text-sm">
            <thead className="border-y border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:bg-slate-950 dark:text-slate-400">
              <tr>
                <th scope="col" className="px-6 py-2 font-medium">{t("overview.columns.name")}</th>
                <th scope="col" className="px-6 py-2 font-medium">{t("overview.columns.email")}</th>
                <th scope="col" className="px-6 py-2 font-medium">{t("overview.columns.role")}</th>
                <th scope="col" className="px-6 py-2 font-medium">{t("overview.columns.status")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {overview.admins.map((user) => (
                <tr key={user.id}>
                  <td className="px-6 py-3 font-medium">{user.name}</td>
                  <td className="px-6 py-3 break-all">{user.email}</td>
                  <td className="px-6 py-3"><RoleBadge role="ADMIN" /></td>
                  <td className="px-6 py-3">{user.disabled ? t("badges.disabled") : t("badges.active")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
