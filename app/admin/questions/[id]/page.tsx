import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { listDecksForAdmin } from "@/lib/admin/decks";
import { getQuestionForEdit } from "@/lib/admin/questions";
import { requireAdmin } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AdminNav } from "../../admin-nav";
import { ArchiveButton } from "./archive-button";
import { QuestionEditor } from "../question-editor";

export const metadata: Metadata = { title: "Edit question · Admin" };

export default async function EditQuestionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const admin = await requireAdmin(`/admin/questions/${id}`);
  const db = getDb();
  const [question, decks] = await Promise.all([getQuestionForEdit(db, admin.id, id), listDecksForAdmin(db, admin.id)]);
  if (!question) notFound();
  const created = (await searchParams).created === "1";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <Link href="/admin/questions" className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">← Questions</Link>
          <h1 className="mt-1 break-words text-2xl font-bold tracking-tight">{question.draft.title}</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            <span className="font-mono">{question.draft.key}</span> · version {question.version} · {question.origin === "ADMIN" ? "made in the browser" : question.editedAt ? "from content/, edited in the browser" : "from content/"}
            {question.status === "ARCHIVED" ? " · archived" : ""}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href={`/admin/questions/${question.id}/revisions`} className="btn-secondary">Revisions ({question.revisions.length})</Link>
          {question.status === "ACTIVE" && (
            <Link href={`/decks/${question.draft.deck}/${question.draft.key}`} className="btn-ghost">View as learner</Link>
          )}
          <ArchiveButton id={question.id} archived={question.status === "ARCHIVED"} />
        </div>
      </div>
      <AdminNav />
      {created && <p className="alert-success" role="status">Question created.</p>}
      {question.status === "ARCHIVED" && (
        <p className="alert-error" role="note">This question is archived: learners do not see it. Restore it to put it back in study.</p>
      )}
      <QuestionEditor
        question={{ id: question.id, version: question.version, affectedLearners: question.affectedLearners }}
        initial={question.draft}
        decks={decks.map(({ slug, title }) => ({ slug, title }))}
      />
    </div>
  );
}
