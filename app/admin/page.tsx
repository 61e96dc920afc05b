import type { Metadata } from "next";
import Link from "next/link";
import { getRegistrationMode } from "@/lib/admin/settings";
import { getAdminOverview } from "@/lib/admin/users";
import { requireAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { AdminNav } from "./admin-nav";
import { RoleBadge } from "./badges";

export const metadata: Metadata = { title: "Admin" };

const MODE_LABEL = { open: "Open", invite: "Invite only", closed: "Closed" } as const;

export default async function AdminPage() {
  const admin = await requireAdmin("/admin");
  const db = getDb();
  const [overview, mode] = await Promise.all([getAdminOverview(db, admin.id), getRegistrationMode(db, serverEnv().REGISTRATION_MODE)]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Admin</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">
          {overview.userCount} {overview.userCount === 1 ? "account" : "accounts"} on this instance
          {overview.disabledCount > 0 ? `, ${overview.disabledCount} disabled` : ""}.
        </p>
      </div>
      <AdminNav />
      <div className="grid gap-4 sm:grid-cols-3">
        <Link href="/admin/questions" className="card block hover:border-brand-500">
          <h2 className="font-semibold">Questions</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Find, edit and create questions with a live preview; archive them; see and restore revisions.</p>
        </Link>
        <Link href="/admin/decks" className="card block hover:border-brand-500">
          <h2 className="font-semibold">Decks</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Create, rename, describe and reorder the decks learners study.</p>
        </Link>
        <Link href="/admin/transfer" className="card block hover:border-brand-500">
          <h2 className="font-semibold">Import &amp; export</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Download the bank as a content/ zip, import one with a dry run, or import flashcards from CSV.</p>
        </Link>
        <Link href="/admin/users" className="card block hover:border-brand-500">
          <h2 className="font-semibold">Users</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Search accounts, change roles, disable accounts, create password-reset links.</p>
        </Link>
        <Link href="/admin/settings" className="card block hover:border-brand-500">
          <h2 className="font-semibold">Settings</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Registration is <strong>{MODE_LABEL[mode]}</strong>. Change it or create invite codes.</p>
        </Link>
        <Link href="/admin/audit" className="card block hover:border-brand-500">
          <h2 className="font-semibold">Audit log</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Every admin action: who did what to whom, and when.</p>
        </Link>
      </div>
      <section className="card overflow-hidden p-0">
        <h2 className="px-6 pt-5 font-semibold">Administrators</h2>
        <div className="overflow-x-auto">
          <table className="mt-3 w-full text-left text-sm">
            <thead className="border-y border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:bg-slate-950 dark:text-slate-400">
              <tr>
                <th scope="col" className="px-6 py-2 font-medium">Name</th>
                <th scope="col" className="px-6 py-2 font-medium">Email</th>
                <th scope="col" className="px-6 py-2 font-medium">Role</th>
                <th scope="col" className="px-6 py-2 font-medium">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {overview.admins.map((user) => (
                <tr key={user.id}>
                  <td className="px-6 py-3 font-medium">{user.name}</td>
                  <td className="px-6 py-3 break-all">{user.email}</td>
                  <td className="px-6 py-3"><RoleBadge role="ADMIN" /></td>
                  <td className="px-6 py-3">{user.disabled ? "Disabled" : "Active"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
