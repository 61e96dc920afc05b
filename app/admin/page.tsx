import type { Metadata } from "next";
import { requireAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listUsers } from "@/lib/users/service";

export const metadata: Metadata = { title: "Admin" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

export default async function AdminPage() {
  await requireAdmin("/admin");
  const { rows, total } = await listUsers(getDb(), { take: 200 });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Admin</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">
          {total} {total === 1 ? "account" : "accounts"} on this instance.
        </p>
      </div>
      <section className="card overflow-hidden p-0">
        <h2 className="px-6 pt-5 font-semibold">Users</h2>
        <div className="overflow-x-auto">
          <table className="mt-3 w-full text-left text-sm">
            <thead className="border-y border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:bg-slate-950 dark:text-slate-400">
              <tr>
                <th scope="col" className="px-6 py-2 font-medium">Name</th>
                <th scope="col" className="px-6 py-2 font-medium">Email</th>
                <th scope="col" className="px-6 py-2 font-medium">Role</th>
                <th scope="col" className="px-6 py-2 font-medium">Status</th>
                <th scope="col" className="px-6 py-2 font-medium">Joined</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {rows.map((user) => (
                <tr key={user.id}>
                  <td className="px-6 py-3 font-medium">{user.name}</td>
                  <td className="px-6 py-3 break-all">{user.email}</td>
                  <td className="px-6 py-3">
                    <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${user.role === "ADMIN" ? "bg-brand-100 text-brand-700 dark:bg-brand-700 dark:text-white" : "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300"}`}>
                      {user.role === "ADMIN" ? "Admin" : "Learner"}
                    </span>
                  </td>
                  <td className="px-6 py-3">{user.disabled ? "Disabled" : "Active"}</td>
                  <td className="px-6 py-3 whitespace-nowrap">{dateFormat.format(user.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {total > rows.length && (
          <p className="px-6 py-3 text-sm text-slate-500">Showing the first {rows.length} of {total} accounts.</p>
        )}
      </section>
    </div>
  );
}
