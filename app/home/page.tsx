import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { loadStudySettings } from "@/lib/study/settings";
import { getQueueOverview } from "@/lib/study/service";
import { TimeZoneReporter } from "@/app/ui/time-zone-reporter";
import { Dashboard, DashboardSkeleton } from "./dashboard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("home");
  return { title: t("metaTitle") };
}

export default async function HomePage() {
  const user = await requireUser("/home");
  const t = await getTranslations("home");
  const db = getDb();
  const settings = await loadStudySettings(db, user.id);
  const overview = await getQueueOverview(db, user.id, settings, new Date());
  const due = overview.counts.new + overview.counts.learning + overview.counts.review;
  return (
    <div className="space-y-6">
      {!settings.timeZoneConfirmed && <TimeZoneReporter />}
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">{t("welcome", { name: user.name })}</h1>
          <p className="mt-1 text-slate-600 dark:text-slate-400">
            {due > 0
              ? t("waiting", { review: overview.counts.review, learning: overview.counts.learning, newCards: overview.counts.new })
              : t("nothingDue")}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {due > 0 && <Link href="/study?start=1" className="btn-primary">{t("studyNow")}</Link>}
          <Link href="/practice" className="btn-secondary">{t("numericPractice")}</Link>
        </div>
      </div>
      <Suspense fallback={<DashboardSkeleton />}>
        <Dashboard userId={user.id} settings={settings} />
      </Suspense>
    </div>
  );
}
