import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { listRevisions } from "@/lib/admin/questions";
import type { FieldChange } from "@/lib/admin/revision-diff";
import { requireAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AdminNav } from "../../../admin-nav";
import { RestoreButton } from "./restore-button";

export const metadata: Metadata = { title: "Revisions · Admin" };

const dateTimeFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

const REASONS: Record<string, string> = {
  seed: "Seeded from content/",
  "seed-force": "Seeded from content/ (overwrote a browser edit)",
  import: "Imported from a zip",
  "admin-create": "Created in the browser",
  "admin-edit": "Edited in the browser",
  restore: "Restored an earlier revision",
  "csv-import": "Imported from CSV",
};

function Change({ change }: { change: FieldChange }) {
  if (change.type === "value") {
    return (
      <div className="text-sm">
        <span className="font-medium">{change.label}:</span>{" "}
        <del className="bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-300">{change.before || "(empty)"}</del>{" → "}
        <ins className="bg-emerald-50 text-emerald-800 no-underline dark:bg-emerald-950 dark:text-emerald-300">{change.after || "(empty)"}</ins>
      </div>
    );
  }
  return (
    <div className="text-sm">
      <p className="font-medium">{change.label}</p>
      <pre className="mt-1 overflow-x-auto rounded-lg border border-slate-200 text-xs leading-relaxed dark:border-slate-800" aria-label={`Changes to ${change.label}`}>
        {change.lines.map((line, index) =>
          line.op === "skip" ? (
            <div key={index} className="bg-slate-50 px-3 text-slate-500 dark:bg-slate-900">⋯ {line.count} unchanged {line.count === 1 ? "line" : "lines"}</div>
          ) : (
            <div
              key={index}
              className={`px-3 ${line.op === "add" ? "bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200" : line.op === "remove" ? "bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-200" : ""}`}
            >
              <span className="select-none" aria-label={line.op === "add" ? "added" : line.op === "remove" ? "removed" : undefined}>{line.op === "add" ? "+ " : line.op === "remove" ? "- " : "  "}</span>
              {line.text}
            </div>
          ),
        )}
      </pre>
    </div>
  );
}

export default async function RevisionsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const admin = await requireAdmin(`/admin/questions/${id}/revisions`);
  const history = await listRevisions(getDb(), admin.id, id);
  if (!history) notFound();
  return (
    <div className="space-y-6">
      <div>
        <Link href={`/admin/questions/${id}`} className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">← Back to the editor</Link>
        <h1 className="mt-1 break-words text-2xl font-bold tracking-tight">Revisions of “{history.title}”</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          <span className="font-mono">{history.key}</span> · current version {history.version}. Each revision shows what it changed from the one before.
        </p>
      </div>
      <AdminNav />
      {history.revisions.length === 0 ? (
        <p className="card text-sm">No revision is recorded for this question.</p>
      ) : (
        <ol className="space-y-4">
          {history.revisions.map((revision) => (
            <li key={revision.id} className="card space-y-3">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <h2 className="font-semibold">
                    Version {revision.version}
                    {revision.version === history.version && <span className="ml-2 rounded-full bg-indigo-100 px-2 py-0.5 text-xs font-medium text-indigo-800 dark:bg-indigo-950 dark:text-indigo-300">current</span>}
                  </h2>
                  <p className="text-sm text-slate-600 dark:text-slate-400">
                    {REASONS[revision.reason] ?? revision.reason} · {revision.authorEmail ?? "the seed"} · <time dateTime={revision.createdAt.toISOString()}>{dateTimeFormat.format(revision.createdAt)}</time>
                  </p>
                </div>
                {revision.version !== history.version && <RestoreButton revisionId={revision.id} version={revision.version} currentVersion={history.version} />}
              </div>
              {revision.changes.length === 0 ? (
                <p className="text-sm text-slate-500">No content change (for example, only the file moved).</p>
              ) : (
                <div className="space-y-3">{revision.changes.map((change) => <Change key={change.field} change={change} />)}</div>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
