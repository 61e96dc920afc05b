import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listAllGroups } from "@/lib/groups/service";
import { AdminNav } from "../admin-nav";
import { DeleteGroupButton } from "./delete-group-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.groups");
  return { title: t("metaTitle") };
}

export default async function AdminGroupsPage() {
  const admin = await requireAdmin("/admin/groups");
  const [groups, t, format] = await Promise.all([listAllGroups(getDb(), admin.id), getTranslations("admin.groups"), getFormatter()]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">
          {t("summary", { count: groups.length })}
        </p>
      </div>
      <AdminNav />
      <section aria-label={t("label")} className="card overflow-hidden p-0">
        {groups.length === 0 ? (
          <p className="px-6 py-5 text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:bg-slate-950 dark:text-slate-400">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">{t("columns.name")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t("columns.owner")}</th>
                  <th scope="col" className="px-4 py-2 text-right font-medium">{t("columns.members")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t("columns.created")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t("columns.actions")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                {groups.map((group) => (
                  <tr key={group.id} className="align-top">
                    <td className="px-4 py-3">
                      <Link href={`/groups/${group.id}`} className="font-medium break-words text-brand-600 hover:underline dark:text-brand-500">{group.name}</Link>
                    </td>
                    <td className="px-4 py-3">{group.ownerName ?? <span className="text-slate-500 italic dark:text-slate-400">{t("none")}</span>}</td>
                    <td className="px-4 py-3 text-right tabular-nums">{format.number(group.memberCount)}</td>
                    <td className="px-4 py-3 whitespace-nowrap">{format.dateTime(group.createdAt, { dateStyle: "medium" })}</td>
                    <td className="px-4 py-3">
                      <DeleteGroupButton groupId={group.id} name={group.name} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
