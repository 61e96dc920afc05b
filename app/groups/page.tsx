import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listMyGroups } from "@/lib/groups/service";
import { CreateGroupForm } from "./create-group-form";
import { GroupRoleBadge } from "./role-badge";

export const metadata: Metadata = { title: "Study groups" };

export default async function GroupsPage() {
  const user = await requireUser("/groups");
  const groups = await listMyGroups(getDb(), user.id);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Study groups</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">Prepare together: shared decks, a daily goal and a weekly leaderboard.</p>
      </div>
      <section aria-labelledby="my-groups-heading" className="space-y-3">
        <h2 id="my-groups-heading" className="font-semibold">
          {groups.length === 0 ? "Your groups" : `Your ${groups.length === 1 ? "group" : `${groups.length} groups`}`}
        </h2>
        {groups.length === 0 ? (
          <div className="card space-y-2 text-sm text-slate-600 dark:text-slate-400">
            <p>You are not in a group yet.</p>
            <p>
              A study group is a few people preparing for the same interviews. The group picks decks to study and can set
              a daily goal; members see each other&apos;s reviews this week, streaks and mastery of the group&apos;s decks
              (each member can keep their own figures private). Your cards and history always stay yours.
            </p>
            <p>Create a group below and invite others with a link, or ask a group&apos;s owner for an invite link.</p>
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
                    {group.memberCount} {group.memberCount === 1 ? "member" : "members"}
                  </p>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="new-group-heading" className="card space-y-4">
        <div>
          <h2 id="new-group-heading" className="font-semibold">Create a group</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">You become its owner; choose its decks and invite people on the next page.</p>
        </div>
        <CreateGroupForm />
      </section>
    </div>
  );
}
