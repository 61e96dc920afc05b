import type { Metadata } from "next";
import { listAuditEntries } from "@/lib/admin/audit";
import { requireAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AdminNav } from "../admin-nav";
import { Pagination } from "../pagination";

export const metadata: Metadata = { title: "Audit log · Admin" };

const dateTimeFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/** `{ role: "LEARNER" }` → `role: LEARNER`; audit JSON holds only the changed fields, so this stays short. */
function describe(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "object" || Array.isArray(value)) return JSON.stringify(value);
  return Object.entries(value as Record<string, unknown>)
    .map(([key, field]) => `${key}: ${typeof field === "string" ? field : JSON.stringify(field)}`)
    .join(", ");
}

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin("/admin/audit");
  const params = await searchParams;
  const { rows, total, page, pageCount } = await listAuditEntries(getDb(), admin.id, { page: params.page });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Audit log</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">
          {total} {total === 1 ? "entry" : "entries"}, newest first. Times are UTC.
        </p>
      </div>
      <AdminNav />
      <section className="card overflow-hidden p-0">
        {rows.length === 0 ? (
          <p className="px-6 py-5 text-sm text-slate-600 dark:text-slate-400">No admin actions yet. Changes made under Users and Settings appear here.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:bg-slate-950 dark:text-slate-400">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">When</th>
                  <th scope="col" className="px-4 py-2 font-medium">Actor</th>
                  <th scope="col" className="px-4 py-2 font-medium">Action</th>
                  <th scope="col" className="px-4 py-2 font-medium">Target</th>
                  <th scope="col" className="px-4 py-2 font-medium">Change</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                {rows.map((entry) => (
                  <tr key={entry.id} className="align-top">
                    <td className="px-4 py-3 whitespace-nowrap">{dateTimeFormat.format(entry.createdAt)}</td>
                    <td className="px-4 py-3 break-all">{entry.actorEmail ?? "(deleted account)"}</td>
                    <td className="px-4 py-3 font-mono text-xs">{entry.action}</td>
                    <td className="px-4 py-3 break-all">
                      {entry.targetLabel ?? (entry.targetId ? `${entry.targetType} ${entry.targetId}` : entry.targetType)}
                    </td>
                    <td className="px-4 py-3 text-xs">
                      {entry.before !== null && <div><span className="text-slate-500 dark:text-slate-400">before </span>{describe(entry.before)}</div>}
                      {entry.after !== null && <div><span className="text-slate-500 dark:text-slate-400">after </span>{describe(entry.after)}</div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination basePath="/admin/audit" page={page} pageCount={pageCount} />
      </section>
    </div>
  );
}
