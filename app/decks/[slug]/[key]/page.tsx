import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getCurrentUser, requireUser } from "@/lib/auth/session";
import { localizeDeck } from "@/lib/bank/deck-text";
import { getQuestionDetail, questionTitleIn } from "@/lib/bank/queries";
import { localizeQuestion, readTranslations, type QuestionLanguage } from "@/lib/content/translations";
import { getDb } from "@/lib/db";
import { visibleDecks } from "@/lib/bank/visibility";
import { renderInlineMarkdown, renderMarkdown } from "@/lib/markdown";
import { DifficultyDots, KindBadge, TagChip } from "@/app/ui/badges";
import { CardLanguageBar } from "@/app/ui/card-language-bar";
import { questionLanguageForRequest } from "@/app/content-language";
import { NumericTry } from "@/app/practice/numeric-try";
import { QuestionNavigation, QuestionView } from "./question-view";
import { SuspendButton } from "./suspend-button";

type Params = Promise<{ slug: string; key: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** `?lang=en` or `?lang=zh`: the question in that language instead of the reader's; anything else is ignored. */
const langParamSchema = z.enum(["en", "zh"]).optional().catch(undefined);

async function requestedLanguage(searchParams: SearchParams): Promise<QuestionLanguage | undefined> {
  const value = (await searchParams).lang;
  return langParamSchema.parse(Array.isArray(value) ? value[0] : value);
}

export async function generateMetadata({ params, searchParams }: { params: Params; searchParams: SearchParams }): Promise<Metadata> {
  const { key } = await params;
  const viewer = await getCurrentUser();
  const question = await getDb().question.findFirst({
    where: { key, status: "ACTIVE", deck: visibleDecks(viewer?.id ?? null) },
    select: { title: true, kind: true, translations: true },
  });
  if (!question) return { title: (await getTranslations("decks.question"))("metaTitle") };
  const { language, script } = await questionLanguageForRequest();
  // As the page: numeric questions are always in the reader's language.
  const wanted = question.kind === "NUMERIC" ? language : ((await requestedLanguage(searchParams)) ?? language);
  const shown = questionTitleIn({ title: question.title, translations: readTranslations(question.translations) }, wanted);
  return { title: script(shown.title, shown.language) };
}

export default async function QuestionPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { slug, key } = await params;
  const user = await requireUser(`/decks/${slug}/${key}`);
  const t = await getTranslations("decks.question");
  const question = await getQuestionDetail(getDb(), slug, key, user.id);
  if (!question) notFound();
  const { locale, language, script } = await questionLanguageForRequest();
  const numeric = question.kind === "NUMERIC";
  // A numeric question's served instance comes in the reader's language (NumericTry), so it is not flipped here.
  const wanted = numeric ? language : ((await requestedLanguage(searchParams)) ?? language);
  const shown = localizeQuestion(
    {
      ...question,
      choices: question.choices.map((choice) => ({ text: choice.text, correct: choice.correct, ...(choice.why ? { why: choice.why } : {}) })),
    },
    wanted,
  );
  const write = (text: string) => script(text, shown.language);
  // The texts' `lang` when they are not in the interface language (an English fallback, or the flipped language).
  const textLang = shown.language === language ? undefined : shown.language === "zh" ? (locale === "zh-Hant" ? "zh-Hant" : "zh-Hans") : "en";
  const bilingual = !numeric && question.translations.zh !== undefined;
  const questionHref = `/decks/${question.deck.slug}/${question.key}`;
  const otherLanguage: QuestionLanguage = shown.language === "en" ? "zh" : "en";
  // The reader's own language is the page without a parameter.
  const flipHref = otherLanguage === language ? questionHref : `${questionHref}?lang=${otherLanguage}`;
  const card = await getDb().card.findFirst({ where: { userId: user.id, question: { key } }, select: { suspended: true, leech: true, questionId: true } });
  const deckHref = `/decks/${question.deck.slug}`;
  const previousHref = question.previousKey ? `${deckHref}/${question.previousKey}` : null;
  const nextHref = question.nextKey ? `${deckHref}/${question.nextKey}` : null;
  // Relative image paths in a question resolve inside its deck's content folder.
  const markdown = (source: string) => renderMarkdown(write(source), { assetBaseUrl: `/content-assets/${question.deck.slug}/` });

  return (
    <article className="mx-auto max-w-3xl space-y-5">
      <nav aria-label={t("breadcrumb")} className="flex flex-wrap items-center gap-x-1 text-sm text-slate-500 dark:text-slate-400">
        <Link href="/decks" className="hover:underline">{t("decks")}</Link>
        <span aria-hidden="true">/</span>
        <Link href={deckHref} className="hover:underline">{script(localizeDeck(question.deck, language).title, language)}</Link>
        <span aria-hidden="true">/</span>
        <span>{t("position", { position: question.position, total: question.total })}</span>
      </nav>
      <header className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight" lang={textLang}>{write(shown.title)}</h1>
        <CardLanguageBar language={shown.language} fallback={shown.fallback} stale={shown.stale} bilingual={bilingual} flipHref={flipHref} />
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
          textLang={textLang}
          promptHtml={markdown(shown.prompt)}
          answerHtml={markdown(shown.answer)}
          explanationHtml={markdown(shown.explanation)}
          choices={(shown.choices ?? []).map((choice) => ({
            html: renderInlineMarkdown(write(choice.text)),
            correct: choice.correct === true,
            whyHtml: choice.why ? renderInlineMarkdown(write(choice.why)) : null,
          }))}
          previousHref={previousHref}
          nextHref={nextHref}
        />
      )}
    </article>
  );
}
