import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listMyGroups } from "@/lib/groups/service";
import { CreateGroupForm } from "./create-group-form";
import { GroupRoleBadge } from "./role-badge";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("groups.list");
  return { title: t("metaTitle") };
}

export default async function GroupsPage() {
  const user = await requireUser("/groups");
  const groups = await listMyGroups(getDb(), user.id);
  const t = await getTranslations("groups");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t("list.title")}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t("list.intro")}</p>
      </div>
      <section aria-labelledby="my-groups-heading" className="space-y-3">
        <h2 id="my-groups-heading" className="font-semibold">
          {t("list.heading", { count: groups.length })}
        </h2>
        {groups.length === 0 ? (
          <div className="card space-y-2 text-sm text-slate-600 dark:text-slate-400">
            <p>{t("list.empty")}</p>
            <p>{t("list.explanation")}</p>
            <p>{t("list.howToJoin")}</p>
          </div>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2">
            {groups.map((group) => (
              <li key={group.id}>
                <Link href={`/groups/${group.id}`} className="card block h-full transition-colors hover:border-brand-500 dark:hover:border-brand-500">
                  <div className="flex items-start justify-between gap-3">
                    <h3 className="min-w-0 font-semibold break-words">{group.name}</h3>
                    <GroupRoleBadge role={group.role} />
                  </div>
                  {group.description && <p className="mt-2 text-sm break-words text-slate-600 dark:text-slate-400">{group.description}</p>}
                  <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
                    {t("list.memberCount", { count: group.memberCount })}
                  </p>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="new-group-heading" className="card space-y-4">
        <div>
          <h2 id="new-group-heading" className="font-semibold">{t("create.title")}</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("create.intro")}</p>
        </div>
        <CreateGroupForm />
      </section>
    </div>
  );
}
