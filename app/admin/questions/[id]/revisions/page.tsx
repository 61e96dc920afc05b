import type { Metadata } from "next";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { listRevisions } from "@/lib/admin/questions";
import type { FieldChange } from "@/lib/admin/revision-diff";
import { requireAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AdminNav } from "../../../admin-nav";
import { RestoreButton } from "./restore-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminBank.revisions");
  return { title: t("metaTitle") };
}

/** A revision's recorded reason → its message in adminBank.revisions.reasons. */
const REASONS = {
  seed: "seed",
  "seed-force": "seedForce",
  import: "import",
  "admin-create": "adminCreate",
  "admin-edit": "adminEdit",
  restore: "restore",
  "csv-import": "csvImport",
} as const;

function isKnownReason(reason: string): reason is keyof typeof REASONS {
  return Object.hasOwn(REASONS, reason);
}

function Change({ change }: { change: FieldChange }) {
  const t = useTranslations("adminBank");
  const label = t(`fields.${change.field}`);
  if (change.type === "value") {
    return (
      <div className="text-sm">
        <span className="font-medium">{label}:</span>{" "}
        <del className="bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-300">{change.before || t("revisions.empty")}</del>{" → "}
        <ins className="bg-emerald-50 text-emerald-800 no-underline dark:bg-emerald-950 dark:text-emerald-300">{change.after || t("revisions.empty")}</ins>
      </div>
    );
  }
  return (
    <div className="text-sm">
      <p className="font-medium">{label}</p>
      <pre className="mt-1 overflow-x-auto rounded-lg border border-slate-200 text-xs leading-relaxed dark:border-slate-800" aria-label={t("revisions.changesTo", { field: label })}>
        {change.lines.map((line, index) =>
          line.op === "skip" ? (
            <div key={index} className="bg-slate-50 px-3 text-slate-500 dark:bg-slate-900">{t("revisions.unchanged", { count: line.count })}</div>
          ) : (
            <div
              key={index}
              className={`px-3 ${line.op === "add" ? "bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200" : line.op === "remove" ? "bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-200" : ""}`}
            >
              <span className="select-none" aria-label={line.op === "add" ? t("revisions.added") : line.op === "remove" ? t("revisions.removed") : undefined}>{line.op === "add" ? "+ " : line.op === "remove" ? "- " : "  "}</span>
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
  const [t, format] = await Promise.all([getTranslations("adminBank.revisions"), getFormatter()]);
  return (
    <div className="space-y-6">
      <div>
        <Link href={`/admin/questions/${id}`} className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">{t("back")}</Link>
        <h1 className="mt-1 break-words text-2xl font-bold tracking-tight">{t("heading", { title: history.title })}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          {t.rich("intro", { key: history.key, version: history.version, mono: (chunks) => <span className="font-mono">{chunks}</span> })}
        </p>
      </div>
      <AdminNav />
      {history.revisions.length === 0 ? (
        <p className="card text-sm">{t("none")}</p>
      ) : (
        <ol className="space-y-4">
          {history.revisions.map((revision) => (
            <li key={revision.id} className="card space-y-3">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <h2 className="font-semibold">
                    {t("version", { version: revision.version })}
                    {revision.version === history.version && <span className="ml-2 rounded-full bg-indigo-100 px-2 py-0.5 text-xs font-medium text-indigo-800 dark:bg-indigo-950 dark:text-indigo-300">{t("current")}</span>}
                  </h2>
                  <p className="text-sm text-slate-600 dark:text-slate-400">
                    {isKnownReason(revision.reason) ? t(`reasons.${REASONS[revision.reason]}`) : revision.reason} · {revision.authorEmail ?? t("seedAuthor")} ·{" "}
                    <time dateTime={revision.createdAt.toISOString()}>{format.dateTime(revision.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
                  </p>
                </div>
                {revision.version !== history.version && <RestoreButton revisionId={revision.id} version={revision.version} currentVersion={history.version} />}
              </div>
              {revision.changes.length === 0 ? (
                <p className="text-sm text-slate-500">{t("noChange")}</p>
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
