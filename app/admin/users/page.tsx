import type { Metadata } from "next";
import { listUsersForAdmin } from "@/lib/admin/users";
import { requireAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AdminNav } from "../admin-nav";
import { RoleBadge, StatusBadge } from "../badges";
import { Pagination } from "../pagination";
import { UserActions } from "./user-actions";

export const metadata: Metadata = { title: "Users · Admin" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });
const dateTimeFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin("/admin/users");
  const params = await searchParams;
  const { rows, total, page, pageCount, q } = await listUsersForAdmin(getDb(), admin.id, { page: params.page, q: params.q });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Users</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">
          {q ? `${total} ${total === 1 ? "account matches" : "accounts match"} “${q}”.` : `${total} ${total === 1 ? "account" : "accounts"} on this instance.`}
        </p>
      </div>
      <AdminNav />
      <form method="get" action="/admin/users" role="search" className="flex max-w-lg gap-2">
        <label htmlFor="user-search" className="sr-only">Search by email or name</label>
        <input id="user-search" name="q" type="search" defaultValue={q} placeholder="Search by email or name" className="field-input" />
        <button type="submit" className="btn-secondary">Search</button>
      </form>
      <section className="card overflow-hidden p-0">
        {rows.length === 0 ? (
          <p className="px-6 py-5 text-sm text-slate-600 dark:text-slate-400">No account matches. Try part of an email address or a name.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:bg-slate-950 dark:text-slate-400">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">User</th>
                  <th scope="col" className="px-4 py-2 font-medium">Role</th>
                  <th scope="col" className="px-4 py-2 font-medium">Status</th>
                  <th scope="col" className="px-4 py-2 font-medium">Created</th>
                  <th scope="col" className="px-4 py-2 font-medium">Last activity</th>
                  <th scope="col" className="px-4 py-2 text-right font-medium">Reviews</th>
                  <th scope="col" className="px-4 py-2 font-medium">Actions</th>
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
                    <td className="px-4 py-3 whitespace-nowrap">{dateFormat.format(user.createdAt)}</td>
                    <td className="px-4 py-3 whitespace-nowrap">{user.lastActiveAt ? dateTimeFormat.format(user.lastActiveAt) : "Never"}</td>
                    <td className="px-4 py-3 text-right tabular-nums">{user.reviewCount}</td>
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
