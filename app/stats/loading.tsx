import { useTranslations } from "next-intl";

/** Placeholder with the Statistics page's shape while its figures load (also when switching decks). */
export default function StatsLoading() {
  const t = useTranslations("stats");
  const block = "card animate-pulse";
  return (
    <div className="space-y-6" aria-busy="true">
      <p className="sr-only" role="status">
        {t("loading")}
      </p>
      <div className="flex flex-wrap items-end justify-between gap-4" aria-hidden="true">
        <div className="space-y-2">
          <div className="h-7 w-40 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
          <div className="h-4 w-64 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
        </div>
        <div className="h-10 w-56 animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800" />
      </div>
      <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4" aria-hidden="true">
        {[0, 1, 2, 3].map((index) => (
          <div key={index} className={`${block} h-28 p-4`} />
        ))}
      </div>
      <div className={`${block} h-52`} aria-hidden="true" />
      <div className={`${block} h-72`} aria-hidden="true" />
      {[0, 1, 2].map((row) => (
        <div key={row} className="grid gap-6 lg:grid-cols-2" aria-hidden="true">
          <div className={`${block} h-72`} />
          <div className={`${block} h-72`} />
        </div>
      ))}
    </div>
  );
}
