import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { listDecksForAdmin } from "@/lib/admin/decks";
import { getQuestionForEdit } from "@/lib/admin/questions";
import { requireAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AdminNav } from "../../admin-nav";
import { ArchiveButton } from "./archive-button";
import { QuestionEditor } from "../question-editor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminBank.edit");
  return { title: t("metaTitle") };
}

export default async function EditQuestionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const admin = await requireAdmin(`/admin/questions/${id}`);
  const db = getDb();
  const [question, decks] = await Promise.all([getQuestionForEdit(db, admin.id, id), listDecksForAdmin(db, admin.id)]);
  if (!question) notFound();
  const created = (await searchParams).created === "1";
  const t = await getTranslations("adminBank");
  const origin = question.origin === "ADMIN" ? t("edit.originAdmin") : question.editedAt ? t("edit.originContentEdited") : t("edit.originContent");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <Link href="/admin/questions" className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">{t("common.backToQuestions")}</Link>
          <h1 className="mt-1 break-words text-2xl font-bold tracking-tight">{question.draft.title}</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            <span className="font-mono">{question.draft.key}</span> · {t("edit.version", { version: question.version })} · {origin}
            {question.status === "ARCHIVED" ? ` · ${t("edit.archived")}` : ""}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href={`/admin/questions/${question.id}/revisions`} className="btn-secondary">{t("edit.revisions", { count: question.revisions.length })}</Link>
          {question.status === "ACTIVE" && (
            <Link href={`/decks/${question.draft.deck}/${question.draft.key}`} className="btn-ghost">{t("edit.viewAsLearner")}</Link>
          )}
          <ArchiveButton id={question.id} archived={question.status === "ARCHIVED"} />
        </div>
      </div>
      <AdminNav />
      {created && <p className="alert-success" role="status">{t("edit.created")}</p>}
      {question.status === "ARCHIVED" && (
        <p className="alert-error" role="note">{t("edit.archivedNote")}</p>
      )}
      <QuestionEditor
        question={{ id: question.id, version: question.version, affectedLearners: question.affectedLearners, translationStale: question.translationStale }}
        initial={question.draft}
        decks={decks.map(({ slug, title }) => ({ slug, title }))}
      />
    </div>
  );
}
