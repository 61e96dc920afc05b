import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { questionLanguageForRequest } from "@/app/content-language";
import { requireUser } from "@/lib/auth/session";
import { localizeDeck } from "@/lib/bank/deck-text";
import { listDecks } from "@/lib/bank/queries";
import { visibleDecks } from "@/lib/bank/visibility";
import { getDb } from "@/lib/db";
import { getOptimizerOverview } from "@/lib/fsrs-optimizer/service";
import { loadStudySettings } from "@/lib/study/settings";
import { LanguageField } from "./language-field";
import { OptimizerPanel } from "./optimizer-panel";
import { SettingsForm } from "./settings-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("metaTitle") };
}

export default async function SettingsPage() {
  const user = await requireUser("/settings");
  const db = getDb();
  const [settings, decks, optimizer, t, { language, script }] = await Promise.all([
    loadStudySettings(db, user.id),
    listDecks(db, user.id),
    getOptimizerOverview(db, user.id),
    getTranslations("settings"),
    questionLanguageForRequest(),
  ]);
  const deckIds = await db.deck.findMany({ where: visibleDecks(user.id), select: { id: true, slug: true } });
  const idOf = new Map(deckIds.map((deck) => [deck.slug, deck.id]));
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{t("intro")}</p>
      </div>
      <LanguageField />
      <SettingsForm
        initial={{
          desiredRetention: settings.desiredRetention,
          newCardsPerDay: settings.newCardsPerDay,
          reviewsPerDay: settings.reviewsPerDay,
          timeZone: settings.timeZone,
          dayStartHour: settings.dayStartHour,
          learningSteps: settings.learningSteps.join(" "),
          relearningSteps: settings.relearningSteps.join(" "),
          maximumIntervalDays: settings.maximumIntervalDays,
          enableFuzz: settings.enableFuzz,
          studyDeckIds: settings.studyDeckIds,
        }}
        decks={decks
          .map((summary) => localizeDeck(summary, language))
          .map((deck) => ({ id: idOf.get(deck.slug) ?? "", title: script(deck.title, language), count: deck.questionCount }))
          .filter((deck) => deck.id)}
        timeZones={Intl.supportedValuesOf("timeZone")}
      />
      <OptimizerPanel initial={optimizer} timeZone={settings.timeZone} />
    </div>
  );
}
