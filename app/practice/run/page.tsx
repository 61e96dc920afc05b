import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { questionLanguageForRequest } from "@/app/content-language";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listNumericDecks } from "@/lib/practice/numeric";
import { PracticeRun } from "./practice-run";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("practice.run");
  return { title: t("metaTitle") };
}

const runSchema = z.object({
  deck: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(100).optional().catch(undefined),
  n: z.coerce.number().pipe(z.union([z.literal(5), z.literal(10), z.literal(20)])).catch(10),
});

export default async function PracticeRunPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser("/practice");
  const t = await getTranslations("practice.run");
  const params = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const { deck, n } = runSchema.parse({ deck: first(params.deck) || undefined, n: first(params.n) ?? 10 });
  const { language, script } = await questionLanguageForRequest();
  const decks = await listNumericDecks(getDb(), language);
  const chosen = deck ? decks.find((candidate) => candidate.slug === deck) : undefined;
  if (deck && !chosen) {
    return (
      <div className="mx-auto max-w-xl card space-y-3">
        <h1 className="text-xl font-bold">{t("noQuestionsInDeck")}</h1>
        <Link href="/practice" className="btn-secondary">{t("chooseAnotherDeck")}</Link>
      </div>
    );
  }
  return <PracticeRun deck={chosen?.slug} deckTitle={chosen ? script(chosen.title, language) : t("allDecks")} total={n} />;
}
