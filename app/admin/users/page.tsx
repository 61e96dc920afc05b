import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { listUsersForAdmin } from "@/lib/admin/users";
import { requireAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AdminNav } from "../admin-nav";
import { RoleBadge, StatusBadge } from "../badges";
import { Pagination } from "../pagination";
import { UserActions } from "./user-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.users");
  return { title: t("metaTitle") };
}

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin("/admin/users");
  const params = await searchParams;
  const [{ rows, total, page, pageCount, q }, t, format] = await Promise.all([
    listUsersForAdmin(getDb(), admin.id, { page: params.page, q: params.q }),
    getTranslations("admin.users"),
    getFormatter(),
  ]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">
          {q ? t("summaryMatches", { count: total, query: q }) : t("summary", { count: total })}
        </p>
      </div>
      <AdminNav />
      <form method="get" action="/admin/users" role="search" className="flex max-w-lg gap-2">
        <label htmlFor="user-search" className="sr-only">{t("searchLabel")}</label>
        <input id="user-search" name="q" type="search" defaultValue={q} placeholder={t("searchLabel")} className="field-input" />
        <button type="submit" className="btn-secondary">{t("search")}</button>
      </form>
      <section className="card overflow-hidden p-0">
        {rows.length === 0 ? (
          <p className="px-6 py-5 text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:bg-slate-950 dark:text-slate-400">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">{t("columns.user")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t("columns.role")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t("columns.status")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t("columns.created")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t("columns.lastActivity")}</th>
                  <th scope="col" className="px-4 py-2 text-right font-medium">{t("columns.reviews")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t("columns.actions")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                {rows.map((user) => (
                  <tr key={user.id} className="align-top">
                    <td className="px-4 py-3">
                      <div className="font-medium">{user.name}</div>
                      <div className="break-all text-slate-600 dark:text-slate-400">{user.email}</div>
                    </td>
                    <td className="px-4 py-3"><RoleBadge role={user.role} /></td>
                    <td className="px-4 py-3"><StatusBadge disabled={user.disabled} /></td>
                    <td className="px-4 py-3 whitespace-nowrap">{format.dateTime(user.createdAt, { dateStyle: "medium" })}</td>
                    <td className="px-4 py-3 whitespace-nowrap">{user.lastActiveAt ? format.dateTime(user.lastActiveAt, { dateStyle: "medium", timeStyle: "short" }) : t("never")}</td>
                    <td className="px-4 py-3 text-right tabular-nums">{format.number(user.reviewCount)}</td>
                    <td className="px-4 py-3">
                      <UserActions user={{ id: user.id, email: user.email, role: user.role, disabled: user.disabled }} isSelf={user.id === admin.id} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination basePath="/admin/users" page={page} pageCount={pageCount} params={q ? { q } : {}} />
      </section>
    </div>
  );
}
