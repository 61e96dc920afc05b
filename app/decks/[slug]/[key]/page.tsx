import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser, requireUser } from "@/lib/auth/session";
import { getQuestionDetail } from "@/lib/bank/queries";
import { getDb } from "@/lib/db";
import { visibleDecks } from "@/lib/bank/visibility";
import { renderInlineMarkdown, renderMarkdown } from "@/lib/markdown";
import { DifficultyDots, KindBadge, TagChip } from "@/app/ui/badges";
import { NumericTry } from "@/app/practice/numeric-try";
import { QuestionNavigation, QuestionView } from "./question-view";
import { SuspendButton } from "./suspend-button";

type Params = Promise<{ slug: string; key: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { key } = await params;
  const viewer = await getCurrentUser();
  const question = await getDb().question.findFirst({ where: { key, status: "ACTIVE", deck: visibleDecks(viewer?.id ?? null) }, select: { title: true } });
  return { title: question?.title ?? (await getTranslations("decks.question"))("metaTitle") };
}

export default async function QuestionPage({ params }: { params: Params }) {
  const { slug, key } = await params;
  const user = await requireUser(`/decks/${slug}/${key}`);
  const t = await getTranslations("decks.question");
  const question = await getQuestionDetail(getDb(), slug, key, user.id);
  if (!question) notFound();
  const card = await getDb().card.findFirst({ where: { userId: user.id, question: { key } }, select: { suspended: true, leech: true, questionId: true } });
  const deckHref = `/decks/${question.deck.slug}`;
  const previousHref = question.previousKey ? `${deckHref}/${question.previousKey}` : null;
  const nextHref = question.nextKey ? `${deckHref}/${question.nextKey}` : null;
  // Relative image paths in a question resolve inside its deck's content folder.
  const markdown = (source: string) => renderMarkdown(source, { assetBaseUrl: `/content-assets/${question.deck.slug}/` });

  return (
    <article className="mx-auto max-w-3xl space-y-5">
      <nav aria-label={t("breadcrumb")} className="flex flex-wrap items-center gap-x-1 text-sm text-slate-500 dark:text-slate-400">
        <Link href="/decks" className="hover:underline">{t("decks")}</Link>
        <span aria-hidden="true">/</span>
        <Link href={deckHref} className="hover:underline">{question.deck.title}</Link>
        <span aria-hidden="true">/</span>
        <span>{t("position", { position: question.position, total: question.total })}</span>
      </nav>
      <header className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight">{question.title}</h1>
        <div className="flex flex-wrap items-center gap-2">
          <KindBadge kind={question.kind} />
          <DifficultyDots value={question.difficulty} />
          {question.tags.map((tag) => (
            <Link key={tag} href={`${deckHref}?tag=${tag}`}>
              <TagChip tag={tag} />
            </Link>
          ))}
        </div>
        {card ? (
          <SuspendButton questionId={card.questionId} initiallySuspended={card.suspended} leech={card.leech} />
        ) : null}
      </header>

      {question.kind === "NUMERIC" ? (
        <>
          <NumericTry key={question.key} questionKey={question.key} />
          <QuestionNavigation previousHref={previousHref} nextHref={nextHref} />
        </>
      ) : (
        <QuestionView
          key={question.key}
          kind={question.kind}
          promptHtml={markdown(question.prompt)}
          answerHtml={markdown(question.answer)}
          explanationHtml={markdown(question.explanation)}
          choices={question.choices.map((choice) => ({
            html: renderInlineMarkdown(choice.text),
            correct: choice.correct,
            whyHtml: choice.why ? renderInlineMarkdown(choice.why) : null,
          }))}
          previousHref={previousHref}
          nextHref={nextHref}
        />
      )}
    </article>
  );
}
