import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listDecksForAdmin } from "@/lib/admin/decks";
import { requireAdmin } from "@/lib/auth/session";
import type { QuestionDraft } from "@/lib/content/draft";
import { getDb } from "@/lib/db";
import { AdminNav } from "../../admin-nav";
import { QuestionEditor } from "../question-editor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminBank.newQuestion");
  return { title: t("metaTitle") };
}

export default async function NewQuestionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin("/admin/questions/new");
  const params = await searchParams;
  const decks = await listDecksForAdmin(getDb(), admin.id);
  const t = await getTranslations("adminBank");
  const requestedDeck = typeof params.deck === "string" ? params.deck : "";
  const initial: QuestionDraft = {
    key: "",
    deck: decks.some((deck) => deck.slug === requestedDeck) ? requestedDeck : (decks[0]?.slug ?? ""),
    kind: "flashcard",
    title: "",
    tags: [],
    difficulty: 3,
    choices: [],
    templateYaml: "",
    prompt: "",
    answer: "",
    explanation: "",
    translations: { zh: null },
  };
  return (
    <div className="space-y-6">
      <div>
        <Link href="/admin/questions" className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">{t("common.backToQuestions")}</Link>
        <h1 className="mt-1 text-2xl font-bold tracking-tight">{t("newQuestion.heading")}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t("newQuestion.intro")}</p>
      </div>
      <AdminNav />
      {decks.length === 0 ? (
        <p className="card text-sm">
          {t.rich("newQuestion.noDeck", { link: (chunks) => <Link href="/admin/decks" className="underline">{chunks}</Link> })}
        </p>
      ) : (
        <QuestionEditor initial={initial} decks={decks.map(({ slug, title }) => ({ slug, title }))} />
      )}
    </div>
  );
}
