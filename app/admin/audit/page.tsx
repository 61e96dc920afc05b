import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { listAuditEntries } from "@/lib/admin/audit";
import { requireAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AdminNav } from "../admin-nav";
import { Pagination } from "../pagination";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.audit");
  return { title: t("metaTitle") };
}

/** The actions lib/ records (dotted identifiers, kept as written) and the key of their readable name. */
const ACTION_LABELS = {
  "user.role.change": "userRoleChange",
  "user.disable": "userDisable",
  "user.enable": "userEnable",
  "user.password_reset.create": "userPasswordResetCreate",
  "user.password_reset.use": "userPasswordResetUse",
  "settings.registration_mode.change": "settingsRegistrationModeChange",
  "invite.create": "inviteCreate",
  "deck.create": "deckCreate",
  "deck.update": "deckUpdate",
  "deck.reorder": "deckReorder",
  "question.create": "questionCreate",
  "question.update": "questionUpdate",
  "question.revision.restore": "questionRevisionRestore",
  "question.archive": "questionArchive",
  "question.unarchive": "questionUnarchive",
  "bank.import": "bankImport",
  "bank.csv-import": "bankCsvImport",
  "group.delete": "groupDelete",
} as const;

/** Target types as lib/ writes them (model names) and the key of their readable name. */
const TARGET_TYPE_LABELS = {
  User: "user",
  Question: "question",
  Deck: "deck",
  StudyGroup: "studyGroup",
  RegistrationInvite: "registrationInvite",
  Bank: "bank",
  InstanceSetting: "instanceSetting",
} as const;

function knownKey<T extends Record<string, string>>(labels: T, value: string): T[keyof T] | null {
  return Object.hasOwn(labels, value) ? (labels[value as keyof T] as T[keyof T]) : null;
}

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
  const [{ rows, total, page, pageCount }, t, format] = await Promise.all([
    listAuditEntries(getDb(), admin.id, { page: params.page }),
    getTranslations("admin.audit"),
    getFormatter(),
  ]);
  const targetTypeLabel = (type: string) => {
    const key = knownKey(TARGET_TYPE_LABELS, type);
    return key ? t(`targetTypes.${key}`) : type;
  };
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t("summary", { count: total })}</p>
      </div>
      <AdminNav />
      <section className="card overflow-hidden p-0">
        {rows.length === 0 ? (
          <p className="px-6 py-5 text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:bg-slate-950 dark:text-slate-400">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">{t("columns.when")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t("columns.actor")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t("columns.action")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t("columns.target")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t("columns.change")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                {rows.map((entry) => (
                  <tr key={entry.id} className="align-top">
                    <td className="px-4 py-3 whitespace-nowrap">{format.dateTime(entry.createdAt, { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" })}</td>
                    <td className="px-4 py-3 break-all">{entry.actorEmail ?? t("deletedAccount")}</td>
                    <td className="px-4 py-3">
                      <ActionName action={entry.action} />
                    </td>
                    <td className="px-4 py-3 break-all">
                      {entry.targetLabel ?? (entry.targetId ? `${targetTypeLabel(entry.targetType)} ${entry.targetId}` : targetTypeLabel(entry.targetType))}
                    </td>
                    <td className="px-4 py-3 text-xs">
                      {entry.before !== null && <div><span className="text-slate-500 dark:text-slate-400">{t("before")} </span>{describe(entry.before)}</div>}
                      {entry.after !== null && <div><span className="text-slate-500 dark:text-slate-400">{t("after")} </span>{describe(entry.after)}</div>}
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

/** An action's readable name over its identifier (the identifier alone for an action this page does not know). */
async function ActionName({ action }: { action: string }) {
  const t = await getTranslations("admin.audit");
  const label = knownKey(ACTION_LABELS, action);
  if (!label) return <span className="font-mono text-xs">{action}</span>;
  return (
    <>
      <div>{t(`actions.${label}`)}</div>
      <div className="font-mono text-xs text-slate-500 dark:text-slate-400">{action}</div>
    </>
  );
}
