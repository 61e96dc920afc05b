import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { questionLanguageForRequest } from "@/app/content-language";
import { requireUser } from "@/lib/auth/session";
import { localizeDeck } from "@/lib/bank/deck-text";
import { getDb } from "@/lib/db";
import { listDecks } from "@/lib/bank/queries";
import { loadStudySettings } from "@/lib/study/settings";
import { getQueueOverview } from "@/lib/study/service";
import { FocusedLink } from "@/app/ui/focus-on-mount";
import { StudySession } from "./study-session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("study");
  return { title: t("metaTitle") };
}

const paramsSchema = z.object({
  deck: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(100).optional().catch(undefined),
  start: z.literal("1").optional().catch(undefined),
});

export default async function StudyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("/study");
  const [t, locale, { language, script }] = await Promise.all([getTranslations("study"), getLocale(), questionLanguageForRequest()]);
  const raw = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const { deck, start } = paramsSchema.parse({ deck: first(raw.deck) || undefined, start: first(raw.start) });
  const db = getDb();
  const settings = await loadStudySettings(db, user.id);
  const [overview, decks] = await Promise.all([getQueueOverview(db, user.id, settings, new Date(), deck), listDecks(db, user.id)]);
  const titleOf = new Map(decks.map((summary) => localizeDeck(summary, language)).map((entry) => [entry.slug, script(entry.title, language)]));
  const total = overview.counts.new + overview.counts.learning + overview.counts.review;
  const scope = deck ? titleOf.get(deck) ?? deck : t("allDecks");

  if (start && total > 0) return <StudySession deck={deck} scopeTitle={scope} initialTotal={total} />;

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">{scope}</p>
      </div>
      <section aria-label={t("dueNow")} className="card space-y-4">
        <dl className="grid grid-cols-3 gap-3 text-center">
          {(
            [
              ["new", overview.counts.new, "text-sky-700 dark:text-sky-300"],
              ["learning", overview.counts.learning, "text-amber-700 dark:text-amber-300"],
              ["toReview", overview.counts.review, "text-emerald-700 dark:text-emerald-300"],
            ] as const
          ).map(([label, value, colour]) => (
            <div key={label}>
              <dt className="text-xs font-medium text-slate-500 uppercase dark:text-slate-400">{t(`counts.${label}`)}</dt>
              <dd className={`text-3xl font-bold tabular-nums ${colour}`}>{value}</dd>
            </div>
          ))}
        </dl>
        {total > 0 ? (
          <FocusedLink href={`/study?${new URLSearchParams({ ...(deck ? { deck } : {}), start: "1" })}`} className="btn-primary w-full">
            {t("startStudying")} <kbd className="rounded border border-white/40 px-1.5 text-xs">{t("keys.enter")}</kbd>
          </FocusedLink>
        ) : (
          <p className="alert-success" role="status">
            {overview.nextLearningDue
              ? t("allDoneForNow", { time: overview.nextLearningDue.toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit", timeZone: settings.timeZone }) })
              : t("allDoneForToday")}
          </p>
        )}
      </section>
      {overview.perDeck.length > 1 && (
        <section aria-label={t("byDeck")} className="card p-0">
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-slate-500 uppercase dark:text-slate-400">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">{t("table.deck")}</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">{t("table.new")}</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">{t("table.learning")}</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">{t("table.review")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {overview.perDeck.map((row) => (
                <tr key={row.slug}>
                  <td className="px-4 py-2">
                    <Link href={`/study?deck=${row.slug}`} className="hover:underline">{titleOf.get(row.slug) ?? row.slug}</Link>
                  </td>
                  <td className="px-4 py-2 text-right tabular-nums">{row.new}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{row.learning}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{row.review}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <p className="text-sm text-slate-500 dark:text-slate-400">
        {t.rich("keyHelp", {
          kbd: (chunks) => <kbd>{chunks}</kbd>,
          link: (chunks) => <Link href="/settings" className="underline">{chunks}</Link>,
        })}
      </p>
    </div>
  );
}
